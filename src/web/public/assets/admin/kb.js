import { qs } from '../api.js';
import { badge, CATEGORIES, clear, confirmDialog, el, field, pageButtons } from '../dom.js';
import { articleListPanel, gapsPanel, historyPanel, importPanel } from './kb-tools.js';

const PAGE = 25;

function tagsOf(article) {
  const tags = article.tags;
  if (Array.isArray(tags)) return tags;
  return typeof tags === 'string' && tags ? tags.split(',').map((tag) => tag.trim()) : [];
}

export async function render(root, ctx) {
  let skip = 0;
  const search = field(
    'Search articles',
    el('input', { type: 'search', placeholder: 'e.g. direct deposit' }),
  );
  const category = field(
    'Category',
    el(
      'select',
      {},
      el('option', { value: '' }, 'All'),
      CATEGORIES.map((c) => el('option', { value: c }, c)),
    ),
  );
  const searchForm = el(
    'form',
    { class: 'field-row', role: 'search' },
    search.wrap,
    category.wrap,
    el('button', { type: 'submit' }, 'Search'),
    el('button', { type: 'button', class: 'secondary', onclick: () => showEditor(null) }, 'New article'),
  );
  const tools = el('div');
  const closeTools = () => clear(tools);
  const toolbar = el(
    'div',
    { class: 'actions', role: 'group', 'aria-label': 'Knowledge base tools' },
    el(
      'button',
      {
        type: 'button',
        class: 'secondary',
        onclick: () =>
          clear(
            tools,
            importPanel(ctx, async (result) => {
              closeTools();
              if (result) {
                report(`Imported ${result.source}: ${result.created} new, ${result.updated} changed.`);
                await load();
              }
            }),
          ),
      },
      'Import a handbook',
    ),
    el(
      'button',
      {
        type: 'button',
        class: 'secondary',
        onclick: async () =>
          clear(
            tools,
            await articleListPanel(ctx, {
              title: 'Drafts',
              query: 'status=draft',
              empty: 'No drafts.',
              actionLabel: 'Publish',
              action: (article) => ctx.api(`/api/v1/kb/${article.id}/publish`, { method: 'POST' }),
              done: closeTools,
            }),
          ),
      },
      'Drafts',
    ),
    el(
      'button',
      {
        type: 'button',
        class: 'secondary',
        onclick: async () =>
          clear(
            tools,
            await articleListPanel(ctx, {
              title: 'Due for review',
              query: 'review_due=true',
              empty: 'Every article was reviewed recently.',
              actionLabel: 'Mark reviewed',
              action: (article) => ctx.api(`/api/v1/kb/${article.id}/review`, { method: 'POST', body: {} }),
              done: closeTools,
            }),
          ),
      },
      'Due for review',
    ),
    el(
      'button',
      {
        type: 'button',
        class: 'secondary',
        onclick: async () => clear(tools, await gapsPanel(ctx, closeTools)),
      },
      'Knowledge gaps',
    ),
  );
  const message = el('div', { class: 'success', role: 'status' });
  const error = el('div', { class: 'error', role: 'alert' });
  const editor = el('div');
  const viewer = el('div');
  const list = el('div', { class: 'table-wrap' });
  const pager = el('div', { class: 'actions' });
  root.append(
    toolbar,
    tools,
    searchForm,
    message,
    error,
    editor,
    viewer,
    el('div', { class: 'panel' }, list, pager),
  );

  searchForm.addEventListener('submit', (event) => {
    event.preventDefault();
    skip = 0;
    void load();
  });
  category.input.addEventListener('change', () => {
    skip = 0;
    void load();
  });

  const report = (text) => {
    error.textContent = '';
    message.textContent = text;
    ctx.announce(text);
  };

  function view(article) {
    const heading = el('h3', { tabindex: '-1' }, article.title);
    clear(
      viewer,
      el(
        'article',
        { class: 'panel', 'aria-label': `Article: ${article.title}` },
        heading,
        el(
          'div',
          { class: 'badges' },
          badge(article.category, 'cat'),
          tagsOf(article).map((tag) => badge(tag)),
        ),
        el('div', { class: 'text article-body' }, article.content),
        el(
          'div',
          { class: 'actions' },
          el('button', { type: 'button', class: 'secondary', onclick: () => showEditor(article) }, 'Edit'),
          el(
            'button',
            {
              type: 'button',
              class: 'secondary',
              onclick: async (event) => {
                try {
                  event.currentTarget.replaceWith(await historyPanel(ctx, article));
                } catch (err) {
                  error.textContent = err.message;
                }
              },
            },
            'History',
          ),
          el('button', { type: 'button', class: 'danger', onclick: () => remove(article) }, 'Delete'),
          el('button', { type: 'button', class: 'secondary', onclick: () => clear(viewer) }, 'Close'),
        ),
      ),
    );
    heading.focus();
  }

  function showEditor(article) {
    const editing = Boolean(article);
    const title = field(
      'Title',
      el('input', { type: 'text', value: article?.title, required: true, size: 60 }),
    );
    const cat = field(
      'Article category',
      el(
        'select',
        {},
        CATEGORIES.map((c) => el('option', { value: c }, c)),
      ),
    );
    cat.input.value = article?.category ?? 'General';
    const tags = field(
      'Tags',
      el('input', { type: 'text', value: tagsOf(article ?? {}).join(', ') }),
      'Comma-separated',
    );
    const content = field('Content', el('textarea', { rows: 10, required: true }));
    content.input.value = article?.content ?? '';
    const formError = el('div', { class: 'error', role: 'alert' });
    const form = el(
      'form',
      { class: 'panel', 'aria-label': editing ? 'Edit article' : 'New article', novalidate: true },
      el('h3', {}, editing ? 'Edit article' : 'New article'),
      title.wrap,
      el('div', { class: 'field-row' }, cat.wrap, tags.wrap),
      content.wrap,
      formError,
      el(
        'div',
        { class: 'actions' },
        el('button', { type: 'submit' }, editing ? 'Save article' : 'Create article'),
        el('button', { type: 'button', class: 'secondary', onclick: () => clear(editor) }, 'Cancel'),
      ),
    );
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      const body = {
        title: title.input.value.trim(),
        category: cat.input.value,
        content: content.input.value.trim(),
        tags: tags.input.value
          .split(',')
          .map((tag) => tag.trim())
          .filter(Boolean),
      };
      if (!body.title || !body.content) {
        formError.textContent = 'Title and content are required.';
        return;
      }
      try {
        const saved = editing
          ? await ctx.api(`/api/v1/kb/${article.id}`, { method: 'PUT', body })
          : await ctx.api('/api/v1/kb', { method: 'POST', body });
        clear(editor);
        report(editing ? 'Article saved.' : 'Article created.');
        await load();
        if (saved?.id) view(saved);
      } catch (err) {
        formError.textContent = err.message;
      }
    });
    clear(editor, form);
    title.input.focus();
  }

  async function remove(article) {
    if (!(await confirmDialog(`Delete the article “${article.title}”?`))) return;
    try {
      await ctx.api(`/api/v1/kb/${article.id}`, { method: 'DELETE' });
      clear(viewer);
      report('Article deleted.');
      await load();
    } catch (err) {
      error.textContent = err.message;
    }
  }

  function row(article) {
    const label = (verb) => `${verb}: ${article.title}`;
    return el(
      'tr',
      {},
      el(
        'td',
        {},
        el('button', { type: 'button', class: 'link', onclick: () => view(article) }, article.title),
      ),
      el('td', {}, article.category),
      el('td', {}, typeof article.score === 'number' ? article.score.toFixed(2) : tagsOf(article).join(', ')),
      el(
        'td',
        {},
        el(
          'div',
          { class: 'actions' },
          el(
            'button',
            {
              type: 'button',
              class: 'secondary',
              'aria-label': label('Edit'),
              onclick: () => showEditor(article),
            },
            'Edit',
          ),
          el(
            'button',
            {
              type: 'button',
              class: 'danger',
              'aria-label': label('Delete'),
              onclick: () => remove(article),
            },
            'Delete',
          ),
        ),
      ),
    );
  }

  async function load() {
    const q = search.input.value.trim();
    try {
      let articles;
      let total;
      if (q) {
        const result = await ctx.api(
          `/api/v1/kb/search${qs({ q, category: category.input.value, limit: 20 })}`,
        );
        articles = result.results || result.articles || [];
        total = articles.length;
      } else {
        const page = await ctx.api(`/api/v1/kb${qs({ skip, limit: PAGE, category: category.input.value })}`);
        articles = page.articles || [];
        total = Number(page.total ?? articles.length);
      }
      // Search results may wrap the article ({ article, score }); flatten for display.
      articles = articles.map((a) => (a.article ? { ...a.article, score: a.score } : a));
      if (!articles.length)
        clear(list, el('p', { class: 'muted' }, q ? `Nothing found for “${q}”.` : 'No articles.'));
      else
        clear(
          list,
          el(
            'table',
            {},
            el('caption', { class: 'visually-hidden' }, 'Articles'),
            el(
              'thead',
              {},
              el(
                'tr',
                {},
                ['Title', 'Category', q ? 'Score' : 'Tags', 'Actions'].map((h) =>
                  el('th', { scope: 'col' }, h),
                ),
              ),
            ),
            el('tbody', {}, articles.map(row)),
          ),
        );
      clear(
        pager,
        el(
          'span',
          { class: 'muted' },
          q
            ? `${articles.length} result(s)`
            : total
              ? `${skip + 1}–${skip + articles.length} of ${total}`
              : '',
        ),
        ...(q
          ? []
          : pageButtons({
              skip,
              shown: articles.length,
              total,
              pageSize: PAGE,
              go: (target) => {
                skip = target;
                void load();
              },
            })),
      );
    } catch (err) {
      clear(list, el('div', { class: 'error', role: 'alert' }, `Could not load articles: ${err.message}`));
    }
  }

  await load();
}
