import { clear, el, field, formatDate } from '../dom.js';

/**
 * The knowledge base's editorial tools, each a panel opened from the Knowledge base section: import a handbook
 * (preview first), drafts to publish, articles due for review, knowledge gaps (start a draft from one), and an
 * article's version history.
 */

const ACTION_LABEL = { created: 'New', updated: 'Changed', unchanged: 'Unchanged' };

export function importPanel(ctx, done) {
  const file = field(
    'Handbook file',
    el('input', { type: 'file', accept: '.md,.markdown,.txt,.html,.htm,.docx,.pdf,.json', required: true }),
    'Word, PDF, Markdown or HTML: split at its headings into articles',
  );
  const error = el('div', { class: 'error', role: 'alert' });
  const preview = el('div');
  const form = el(
    'form',
    { class: 'panel', 'aria-label': 'Import a handbook' },
    el('h3', {}, 'Import a handbook'),
    file.wrap,
    error,
    el(
      'div',
      { class: 'actions' },
      el('button', { type: 'submit' }, 'Preview import'),
      el('button', { type: 'button', class: 'secondary', onclick: () => done(null) }, 'Close'),
    ),
    preview,
  );
  const send = async (dryRun) => {
    const chosen = file.input.files?.[0];
    if (!chosen) throw new Error('Choose a file first.');
    const body = new FormData();
    body.append('file', chosen, chosen.name);
    return ctx.api(`/api/v1/kb/import?dry_run=${dryRun}`, { method: 'POST', body });
  };
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    error.textContent = '';
    try {
      const report = await send(true);
      const changes = report.created + report.updated;
      clear(
        preview,
        el(
          'p',
          { role: 'status' },
          `${report.articles.length} articles in ${report.source}: ${report.created} new, ${report.updated} changed, ${report.unchanged} unchanged.`,
        ),
        report.warnings.length
          ? el(
              'ul',
              { class: 'warnings', 'aria-label': 'Warnings' },
              report.warnings.map((w) => el('li', {}, w)),
            )
          : null,
        el(
          'ul',
          { class: 'plain-list', 'aria-label': 'Articles in the file' },
          report.articles.map((a) =>
            el(
              'li',
              {},
              el('strong', {}, `${ACTION_LABEL[a.action]}: `),
              a.title,
              el('span', { class: 'muted' }, ` — ${a.category}`),
            ),
          ),
        ),
        el(
          'button',
          {
            type: 'button',
            disabled: changes === 0,
            onclick: async () => {
              try {
                const result = await send(false);
                ctx.announce(`Imported: ${result.created} new, ${result.updated} changed articles.`);
                done(result);
              } catch (err) {
                error.textContent = err.message;
              }
            },
          },
          changes === 0 ? 'Nothing to import' : `Import ${changes} article${changes === 1 ? '' : 's'}`,
        ),
      );
    } catch (err) {
      error.textContent = err.message;
    }
  });
  return form;
}

export async function gapsPanel(ctx, done) {
  const panel = el(
    'section',
    { class: 'panel', 'aria-label': 'Knowledge gaps' },
    el('h3', {}, 'Knowledge gaps'),
  );
  const status = el('div', { role: 'status' });
  try {
    const gaps = await ctx.api('/api/v1/analytics/knowledge-gaps?days=90&limit=20');
    panel.append(
      el(
        'p',
        { class: 'muted' },
        `Questions of the last ${gaps.days} days that no article answered or that were rated 1–2, grouped by topic.`,
      ),
    );
    if (!gaps.clusters.length) panel.append(el('p', {}, 'No gaps: every question found an article.'));
    for (const gap of gaps.clusters) {
      panel.append(
        el(
          'article',
          { class: 'gap' },
          el('h4', {}, `${gap.suggested_title} (${gap.count} question${gap.count === 1 ? '' : 's'})`),
          el(
            'ul',
            {},
            gap.examples.map((q) => el('li', {}, q)),
          ),
          el(
            'button',
            {
              type: 'button',
              class: 'secondary',
              onclick: async () => {
                try {
                  const draft = await ctx.api('/api/v1/kb', {
                    method: 'POST',
                    body: {
                      title: gap.suggested_title,
                      category: 'General',
                      status: 'draft',
                      tags: [],
                      content: `Write the answer here.\n\nEmployees asked:\n${gap.examples.map((q) => `- ${q}`).join('\n')}`,
                    },
                  });
                  status.textContent = `Draft “${draft.title}” created: edit and publish it under Drafts.`;
                  ctx.announce(status.textContent);
                } catch (err) {
                  status.textContent = err.message;
                }
              },
            },
            'Draft an article',
          ),
        ),
      );
    }
  } catch (err) {
    panel.append(el('div', { class: 'error', role: 'alert' }, `Could not load the gaps: ${err.message}`));
  }
  panel.append(status, el('button', { type: 'button', class: 'secondary', onclick: () => done() }, 'Close'));
  return panel;
}

/** A list of articles with one action each: drafts to publish, or articles due for review. */
export async function articleListPanel(ctx, { title, query, empty, action, actionLabel, done }) {
  const panel = el('section', { class: 'panel', 'aria-label': title }, el('h3', {}, title));
  const list = el('ul', { class: 'plain-list' });
  const status = el('div', { role: 'status' });
  const load = async () => {
    const page = await ctx.api(`/api/v1/kb?${query}&limit=100`);
    if (!page.articles.length) clear(list, el('li', { class: 'muted' }, empty));
    else
      clear(
        list,
        page.articles.map((article) =>
          el(
            'li',
            {},
            el('span', {}, article.title),
            el(
              'span',
              { class: 'muted' },
              ` — v${article.version}${article.reviewed_at ? `, reviewed ${formatDate(article.reviewed_at)}` : ''}${article.owner ? `, owner ${article.owner}` : ''} `,
            ),
            el(
              'button',
              {
                type: 'button',
                class: 'secondary',
                'aria-label': `${actionLabel}: ${article.title}`,
                onclick: async () => {
                  try {
                    await action(article);
                    status.textContent = `${actionLabel}: ${article.title}.`;
                    ctx.announce(status.textContent);
                    await load();
                  } catch (err) {
                    status.textContent = err.message;
                  }
                },
              },
              actionLabel,
            ),
          ),
        ),
      );
  };
  try {
    await load();
  } catch (err) {
    clear(list, el('li', { class: 'error', role: 'alert' }, err.message));
  }
  panel.append(
    list,
    status,
    el('button', { type: 'button', class: 'secondary', onclick: () => done() }, 'Close'),
  );
  return panel;
}

export async function historyPanel(ctx, article) {
  const { versions } = await ctx.api(`/api/v1/kb/${article.id}/versions`);
  return el(
    'section',
    { class: 'panel', 'aria-label': `History of ${article.title}` },
    el('h4', {}, 'History'),
    el(
      'ol',
      { class: 'plain-list', reversed: true },
      versions.map((v) =>
        el(
          'li',
          {},
          el(
            'details',
            {},
            el(
              'summary',
              {},
              `Version ${v.version} — ${formatDate(v.created_at)} by ${v.author}${v.source ? ` from ${v.source}` : ''} (${v.status})`,
            ),
            el('div', { class: 'text article-body' }, v.content),
          ),
        ),
      ),
    ),
  );
}
