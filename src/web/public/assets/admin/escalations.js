import { qs } from '../api.js';
import { answerBadges, badge, clear, el, field, formatDate, formatDuration } from '../dom.js';

const pick = (object, ...names) => {
  for (const name of names) if (object?.[name] !== undefined && object[name] !== null) return object[name];
  return undefined;
};

function transcript(item) {
  const turns = pick(item, 'transcript', 'messages') || [];
  if (!turns.length) return null;
  return el(
    'details',
    {},
    el('summary', {}, `Transcript (${turns.length} messages)`),
    el(
      'ol',
      { class: 'transcript' },
      turns.map((turn) =>
        el(
          'li',
          {},
          el('strong', {}, `${pick(turn, 'role', 'sender', 'author') ?? 'message'}: `),
          pick(turn, 'content', 'text', 'message') ?? '',
          el('span', { class: 'muted' }, ` · ${formatDate(pick(turn, 'timestamp', 'created_at'))}`),
        ),
      ),
    ),
  );
}

function articles(item) {
  const list = pick(item, 'kb_articles', 'kb_results', 'articles') || [];
  if (!list.length) return el('p', { class: 'muted' }, 'No knowledge-base article was shown.');
  return el(
    'details',
    {},
    el('summary', {}, `Articles already shown (${list.length})`),
    el(
      'ul',
      {},
      list.map((article) =>
        el('li', {}, typeof article === 'string' ? article : `${article.title} (${article.category ?? ''})`),
      ),
    ),
  );
}

export async function render(root, ctx) {
  const statusSelect = el(
    'select',
    {},
    ['open', 'assigned', 'resolved'].map((value) =>
      el('option', { value }, value[0].toUpperCase() + value.slice(1)),
    ),
  );
  const filter = field('Show', statusSelect);
  const list = el('div');
  const message = el('div', { class: 'success', role: 'status' });
  root.append(
    el(
      'div',
      { class: 'field-row' },
      filter.wrap,
      el('button', { type: 'button', class: 'secondary', onclick: () => load() }, 'Refresh'),
    ),
    message,
    list,
  );
  statusSelect.addEventListener('change', () => load());

  function card(item) {
    const id = pick(item, 'conversation_id', 'id');
    const user = pick(item, 'user_id', 'employee_id');
    const isVip = pick(item, 'is_vip', 'vip');
    const status = pick(item, 'status') ?? statusSelect.value;
    const error = el('div', { class: 'error', role: 'alert' });
    const waited = pick(item, 'waiting_seconds', 'wait_seconds', 'waited_seconds', 'age_seconds');

    const agent = field(
      'Agent',
      el('input', { type: 'text', value: pick(item, 'assigned_to', 'agent') ?? '', autocomplete: 'name' }),
    );
    const assignForm = el(
      'form',
      { class: 'field-row', 'aria-label': `Assign case ${id}` },
      agent.wrap,
      el('button', { type: 'submit', class: 'secondary' }, 'Assign'),
    );
    assignForm.addEventListener('submit', async (event) => {
      event.preventDefault();
      error.textContent = '';
      const name = agent.input.value.trim();
      if (!name) {
        error.textContent = 'Enter who takes the case.';
        agent.input.focus();
        return;
      }
      try {
        await ctx.api(`/api/v1/conversations/${id}/assign`, { method: 'POST', body: { agent: name } });
        message.textContent = `Case ${id} assigned to ${name}.`;
        ctx.announce(message.textContent);
        await load();
      } catch (err) {
        error.textContent = err.message;
      }
    });

    const answer = field('Answer to the employee', el('textarea', { rows: 3, required: true }));
    const resolvedBy = field(
      'Resolved by',
      el('input', { type: 'text', value: agent.input.value, autocomplete: 'name' }),
    );
    const resolveForm = el(
      'form',
      { 'aria-label': `Resolve case ${id}` },
      answer.wrap,
      el('div', { class: 'field-row' }, resolvedBy.wrap, el('button', { type: 'submit' }, 'Resolve')),
    );
    resolveForm.addEventListener('submit', async (event) => {
      event.preventDefault();
      error.textContent = '';
      const response = answer.input.value.trim();
      if (!response) {
        error.textContent = 'Write the answer the employee will receive.';
        answer.input.focus();
        return;
      }
      try {
        await ctx.api(`/api/v1/conversations/${id}/resolve`, {
          method: 'POST',
          body: { response, resolved_by: resolvedBy.input.value.trim() || 'HR' },
        });
        message.textContent = `Case ${id} resolved.`;
        ctx.announce(message.textContent);
        await load();
      } catch (err) {
        error.textContent = err.message;
      }
    });

    const closed = String(status).toLowerCase() === 'resolved';
    return el(
      'article',
      { class: 'item escalation', 'aria-labelledby': `case-${id}` },
      el(
        'div',
        { class: 'item-head' },
        el('h3', { id: `case-${id}` }, `Case ${id}`),
        el(
          'span',
          { class: 'muted' },
          waited !== undefined
            ? `Waiting ${formatDuration(waited)}`
            : formatDate(pick(item, 'created_at', 'escalated_at')),
        ),
      ),
      el(
        'div',
        { class: 'badges' },
        badge(String(status)),
        isVip ? badge('VIP', 'warn') : null,
        pick(item, 'assigned_to', 'agent')
          ? badge(`Assigned to ${pick(item, 'assigned_to', 'agent')}`)
          : null,
        item.resolved_by ? badge(`Resolved by ${item.resolved_by}`, 'ok') : null,
      ),
      answerBadges(item),
      el(
        'p',
        {},
        el('strong', {}, 'Employee: '),
        user ?? '—',
        ` · attempts: ${pick(item, 'attempt_count') ?? '—'}`,
      ),
      el('p', {}, el('strong', {}, 'Reason: '), pick(item, 'escalation_reason', 'reason') ?? '—'),
      pick(item, 'summary') ? el('p', {}, el('strong', {}, 'Summary: '), item.summary) : null,
      transcript(item),
      articles(item),
      error,
      closed ? null : assignForm,
      closed ? null : resolveForm,
    );
  }

  async function load() {
    clear(list, el('p', { class: 'muted' }, 'Loading…'));
    try {
      const page = await ctx.api(`/api/v1/escalations${qs({ status: statusSelect.value, limit: 50 })}`);
      const items = pick(page, 'escalations', 'items', 'conversations') || (Array.isArray(page) ? page : []);
      if (!items.length) {
        clear(list, el('p', { class: 'muted' }, `No ${statusSelect.value} escalations.`));
        return;
      }
      clear(
        list,
        el('p', { class: 'muted' }, `${page.total ?? items.length} case(s), highest priority first.`),
        items.map(card),
      );
    } catch (err) {
      clear(list, el('div', { class: 'error', role: 'alert' }, `Could not load the queue: ${err.message}`));
    }
  }

  await load();
}
