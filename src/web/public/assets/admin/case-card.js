import { answerBadges, badge, el, field, formatDate, formatDuration } from '../dom.js';

const ROLE_NAMES = { user: 'Employee', assistant: 'Assistant', agent: 'HR' };

function transcript(turns) {
  if (!turns?.length) return null;
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
          el('strong', {}, `${ROLE_NAMES[turn.role] ?? turn.role}: `),
          turn.content,
          el('span', { class: 'muted' }, ` · ${formatDate(turn.timestamp)}`),
        ),
      ),
    ),
  );
}

function articlesShown(articles) {
  if (!articles?.length) return el('p', { class: 'muted' }, 'No knowledge-base article was shown.');
  return el(
    'details',
    {},
    el('summary', {}, `Articles already shown (${articles.length})`),
    el(
      'ul',
      {},
      articles.map((article) =>
        el('li', {}, `${article.title}${article.category ? ` (${article.category})` : ''}`),
      ),
    ),
  );
}

/** A form of one text control and a button; submit(value) may throw, its message shown in `error`. */
function actionForm(label, control, buttonLabel, error, submit, extra = null) {
  const button = el('button', { type: 'submit', class: extra ? '' : 'secondary' }, buttonLabel);
  // A short field sits beside its button; a long one (the answer) takes its own line above them.
  const form = extra
    ? el('form', { 'aria-label': label }, control.wrap, el('div', { class: 'field-row' }, extra, button))
    : el('form', { 'aria-label': label }, el('div', { class: 'field-row' }, control.wrap, button));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    error.textContent = '';
    button.disabled = true;
    try {
      await submit();
    } catch (err) {
      error.textContent = err.message;
    } finally {
      button.disabled = false;
    }
  });
  return form;
}

/**
 * One escalated conversation as HR sees it (the handoff package), with assign and resolve forms while it is
 * still open. assign(agent) and resolve(response, resolvedBy) call the API.
 */
export function caseCard(item, { assign, resolve }) {
  const id = item.conversation_id;
  const error = el('div', { class: 'error', role: 'alert' });
  const closed = item.status === 'Resolved';

  const agent = field(
    'Agent',
    el('input', { type: 'text', value: item.assigned_to ?? '', autocomplete: 'name' }),
  );
  const assignForm = actionForm(`Assign case ${id}`, agent, 'Assign', error, async () => {
    const name = agent.input.value.trim();
    if (!name) throw new Error('Enter who takes the case.');
    await assign(name);
  });

  const answer = field('Answer to the employee', el('textarea', { rows: 3, required: true }));
  const resolvedBy = field(
    'Resolved by',
    el('input', { type: 'text', value: item.assigned_to ?? '', autocomplete: 'name' }),
  );
  const resolveForm = actionForm(
    `Resolve case ${id}`,
    answer,
    'Resolve',
    error,
    async () => {
      const response = answer.input.value.trim();
      if (!response) throw new Error('Write the answer the employee will receive.');
      await resolve(response, resolvedBy.input.value.trim() || 'HR');
    },
    resolvedBy.wrap,
  );

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
        closed
          ? `Resolved ${formatDate(item.resolved_at)}`
          : `Waiting ${formatDuration(item.waiting_seconds)}`,
      ),
    ),
    el(
      'div',
      { class: 'badges' },
      badge(item.status),
      item.is_vip ? badge('VIP', 'warn') : null,
      item.assigned_to ? badge(`Assigned to ${item.assigned_to}`) : null,
      item.resolved_by ? badge(`Resolved by ${item.resolved_by}`, 'ok') : null,
    ),
    answerBadges(item),
    el(
      'p',
      {},
      el('strong', {}, 'Employee: '),
      item.user_id ?? 'withheld',
      ` · attempts: ${item.attempt_count}`,
    ),
    el('p', {}, el('strong', {}, 'Reason: '), item.escalation_reason ?? '—'),
    item.summary ? el('p', {}, el('strong', {}, 'Summary: '), item.summary) : null,
    transcript(item.transcript),
    articlesShown(item.kb_articles),
    error,
    closed ? null : assignForm,
    closed ? null : resolveForm,
  );
}
