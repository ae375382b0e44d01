import { badge, clear, el, field, formatDate } from '../dom.js';
import { categoryLabel } from '../labels.js';
import { agentName, dueText, rememberAgentName, slaBadge, statusBadge } from './escalations.js';

const ROLE_NAMES = { user: 'Employee', assistant: 'Assistant', agent: 'HR' };

function transcript(turns) {
  return el(
    'ol',
    { class: 'transcript', 'aria-label': 'Transcript' },
    turns.map((turn) =>
      el(
        'li',
        { class: `turn ${turn.role}` },
        el('strong', {}, `${ROLE_NAMES[turn.role] ?? turn.role}: `),
        turn.content,
        el('span', { class: 'muted' }, ` · ${formatDate(turn.timestamp)}`),
      ),
    ),
  );
}

/** Runs an action from a button, showing its error next to it and reloading the page after success. */
function action(label, run, error, extra = {}) {
  const button = el('button', { type: 'button', ...extra }, label);
  button.addEventListener('click', async () => {
    error.textContent = '';
    button.disabled = true;
    try {
      await run();
    } catch (err) {
      error.textContent = err.message;
      button.disabled = false;
    }
  });
  return button;
}

/** One case: the handoff package, its transcript, notes and every action HR can take on it. */
export async function casePage(root, ctx, id) {
  const back = el('a', { href: '#escalations', class: 'back-link' }, '← All cases');
  root.append(back);
  const body = el('div');
  root.append(body);
  const base = `/api/v1/conversations/${encodeURIComponent(id)}`;

  async function load(message) {
    let item;
    let notes;
    let canned;
    try {
      [item, { notes }, { canned_replies: canned }] = await Promise.all([
        ctx.api(`/api/v1/cases/${encodeURIComponent(id)}`),
        ctx.api(`${base}/notes`),
        ctx.api('/api/v1/canned-replies'),
      ]);
    } catch (err) {
      clear(body, el('div', { class: 'error', role: 'alert' }, `Could not load the case: ${err.message}`));
      return;
    }
    const error = el('div', { class: 'error', role: 'alert' });
    const done = el('div', { class: 'success', role: 'status' }, message ?? '');
    const resolved = item.case_status === 'resolved';
    const reload = async (text) => {
      ctx.announce(text);
      await load(text);
    };

    const me = () => {
      const name = agentName();
      if (!name) throw new Error('Enter your name in "Assign to" first (it is remembered).');
      return name;
    };
    const assignee = field(
      'Assign to',
      el('input', { type: 'text', value: item.assigned_to ?? agentName(), autocomplete: 'name' }),
    );
    const assignButtons = el(
      'div',
      { class: 'field-row' },
      assignee.wrap,
      action(
        'Assign to me',
        async () => {
          const typed = assignee.input.value.trim();
          if (!agentName() && typed) rememberAgentName(typed);
          const name = me();
          await ctx.api(`${base}/assign`, { method: 'POST', body: { agent: name } });
          await reload(`${item.case_reference} assigned to you.`);
        },
        error,
        { class: 'secondary' },
      ),
      action(
        'Reassign',
        async () => {
          const name = assignee.input.value.trim();
          if (!name) throw new Error('Enter who takes the case.');
          await ctx.api(`${base}/assign`, { method: 'POST', body: { agent: name } });
          await reload(`${item.case_reference} assigned to ${name}.`);
        },
        error,
        { class: 'secondary' },
      ),
    );

    const reply = field(
      'Message to the employee',
      el('textarea', { rows: 4 }),
      'The employee sees this in their chat (and by e-mail when set up).',
    );
    const cannedSelect = canned.length
      ? field(
          'Canned reply',
          el(
            'select',
            {
              onchange: (event) => {
                const chosen = canned.find((c) => c.id === event.target.value);
                if (chosen)
                  reply.input.value = reply.input.value
                    ? `${reply.input.value}\n\n${chosen.body}`
                    : chosen.body;
                event.target.value = '';
                reply.input.focus();
              },
            },
            el('option', { value: '' }, 'Insert…'),
            canned.map((c) => el('option', { value: c.id }, c.title)),
          ),
        )
      : null;
    const text = () => {
      const value = reply.input.value.trim();
      if (!value) throw new Error('Write the message the employee will receive.');
      return value;
    };
    const replyActions = el(
      'div',
      { class: 'field-row' },
      action(
        'Reply',
        async () => {
          await ctx.api(`${base}/reply`, {
            method: 'POST',
            body: { message: text(), agent: agentName() || undefined },
          });
          await reload(`Reply sent on ${item.case_reference}; waiting on the employee.`);
        },
        error,
      ),
      action(
        'Resolve',
        async () => {
          await ctx.api(`${base}/resolve`, {
            method: 'POST',
            body: { response: text(), resolved_by: agentName() || item.assigned_to || 'HR' },
          });
          await reload(`${item.case_reference} resolved.`);
        },
        error,
        { class: 'secondary' },
      ),
    );

    const note = field('Internal note', el('textarea', { rows: 2 }), 'Only the HR team sees notes.');
    const noteButton = action(
      'Add note',
      async () => {
        const content = note.input.value.trim();
        if (!content) throw new Error('Write the note first.');
        await ctx.api(`${base}/notes`, {
          method: 'POST',
          body: { content, author: agentName() || undefined },
        });
        await reload('Note added.');
      },
      error,
      { class: 'secondary' },
    );

    clear(
      body,
      el(
        'article',
        { class: 'case-page', 'aria-labelledby': 'case-heading' },
        el('h3', { id: 'case-heading' }, `${item.case_reference ?? 'Case'} · ${item.user_id}`),
        el(
          'div',
          { class: 'badges' },
          badge(`Priority ${item.priority}`, item.priority >= 8 ? 'prio-high' : ''),
          statusBadge(item.case_status),
          slaBadge(item),
          badge(categoryLabel(item.category), 'cat'),
          item.is_vip ? badge('VIP', 'warn') : null,
          item.assigned_to ? badge(`With ${item.assigned_to}`) : badge('Unassigned'),
        ),
        el(
          'p',
          {},
          el(
            'a',
            { href: `#employees/${encodeURIComponent(item.user_id)}` },
            `All conversations of ${item.user_id}`,
          ),
        ),
        el(
          'dl',
          { class: 'case-facts' },
          el('dt', {}, 'Reason'),
          el('dd', {}, item.escalation_reason ?? '—'),
          el('dt', {}, 'Summary'),
          el('dd', {}, item.summary),
          el('dt', {}, 'Targets'),
          el(
            'dd',
            {},
            item.sla
              ? `First reply by ${formatDate(item.sla.first_response_due_at)}, resolution by ${formatDate(item.sla.resolution_due_at)}. ${dueText(item)}`
              : '—',
          ),
          el('dt', {}, 'Articles already shown'),
          el('dd', {}, item.kb_articles.length ? item.kb_articles.map((a) => a.title).join('; ') : 'None'),
        ),
        done,
        error,
        el('h4', {}, 'Transcript'),
        transcript(item.transcript),
        resolved
          ? el(
              'div',
              { class: 'field-row' },
              action(
                'Reopen',
                async () => {
                  await ctx.api(`${base}/reopen`, { method: 'POST' });
                  await reload(`${item.case_reference} reopened.`);
                },
                error,
              ),
            )
          : el(
              'section',
              { 'aria-label': 'Actions' },
              assignButtons,
              cannedSelect?.wrap ??
                el(
                  'p',
                  { class: 'muted' },
                  'No canned replies yet: ',
                  el('a', { href: '#replies' }, 'add the answers HR gives most often'),
                  '.',
                ),
              reply.wrap,
              replyActions,
            ),
        el('h4', {}, `Internal notes (${notes.length})`),
        notes.length
          ? el(
              'ul',
              { class: 'notes' },
              notes.map((n) =>
                el('li', {}, el('strong', {}, n.author), ` · ${formatDate(n.created_at)}: `, n.content),
              ),
            )
          : el('p', { class: 'muted' }, 'No notes yet.'),
        note.wrap,
        el('div', { class: 'field-row' }, noteButton),
      ),
    );
  }

  await load();
}
