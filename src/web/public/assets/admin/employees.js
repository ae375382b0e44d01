import { qs } from '../api.js';
import { answerBadges, badge, clear, el, field, formatDate } from '../dom.js';

const ROLE_NAMES = { user: 'Employee', assistant: 'Assistant', agent: 'HR' };

export async function render(root, ctx) {
  const userField = field(
    'Employee ID',
    el('input', { type: 'text', autocomplete: 'off', spellcheck: 'false', required: true }),
  );
  const form = el(
    'form',
    { class: 'field-row', role: 'search' },
    userField.wrap,
    el('button', { type: 'submit' }, 'Look up'),
  );
  const result = el('div');
  root.append(form, result);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const id = userField.input.value.trim();
    if (id) void lookUp(id);
  });

  async function showVip(userId, status) {
    try {
      const user = await ctx.api(`/api/v1/users/${encodeURIComponent(userId)}`);
      status.textContent = user.is_vip ? `${userId} is VIP.` : `${userId} is not VIP.`;
    } catch {
      // 404: the employee has not asked anything yet, so they are not VIP.
      status.textContent = `${userId} is not VIP.`;
    }
  }

  async function setVip(userId, isVip, status) {
    status.textContent = '';
    try {
      const user = await ctx.api(`/api/v1/users/${encodeURIComponent(userId)}`, {
        method: 'PUT',
        body: { is_vip: isVip },
      });
      status.textContent = user.is_vip ? `${userId} is VIP.` : `${userId} is not VIP.`;
      ctx.announce(status.textContent);
    } catch (err) {
      status.textContent = `Not saved: ${err.message}`;
    }
  }

  async function conversationDetails(id, container) {
    try {
      const conversation = await ctx.api(`/api/v1/conversations/${encodeURIComponent(id)}`);
      const messages = conversation.messages || [];
      clear(
        container,
        conversation.escalation_reason
          ? el('p', {}, el('strong', {}, 'Escalation reason: '), conversation.escalation_reason)
          : null,
        el(
          'ol',
          { class: 'transcript' },
          messages.map((m) =>
            el(
              'li',
              {},
              el('strong', {}, `${ROLE_NAMES[m.role] ?? m.role}: `),
              m.content,
              el('span', { class: 'muted' }, ` · ${formatDate(m.timestamp)}`),
            ),
          ),
        ),
      );
    } catch (err) {
      clear(container, el('div', { class: 'error', role: 'alert' }, err.message));
    }
  }

  async function lookUp(userId) {
    clear(result, el('p', { class: 'muted' }, 'Loading…'));
    try {
      const page = await ctx.api(
        `/api/v1/users/${encodeURIComponent(userId)}/conversations${qs({ limit: 50 })}`,
      );
      const conversations = page.conversations || [];
      const vipStatus = el('span', { class: 'muted', role: 'status' });
      void showVip(userId, vipStatus);
      clear(
        result,
        el(
          'section',
          { class: 'panel', 'aria-label': `Employee ${userId}` },
          el('h3', {}, `Employee ${userId}`),
          el(
            'div',
            { class: 'actions', role: 'group', 'aria-label': 'VIP status (VIP raises priority)' },
            el(
              'button',
              { type: 'button', class: 'secondary', onclick: () => setVip(userId, true, vipStatus) },
              'Set VIP',
            ),
            el(
              'button',
              { type: 'button', class: 'secondary', onclick: () => setVip(userId, false, vipStatus) },
              'Remove VIP',
            ),
            vipStatus,
          ),
          el(
            'p',
            { class: 'muted' },
            page.total
              ? `${page.total} conversation(s), newest first.`
              : 'No conversations for this employee id yet.',
          ),
          conversations.map((c) => {
            const id = c.conversation_id;
            const body = el('div', {}, el('p', { class: 'muted' }, 'Loading…'));
            const details = el(
              'details',
              { class: 'item' },
              el('summary', {}, `${formatDate(c.updated_at)} · ${c.status} · `, el('code', {}, id)),
              answerBadges(c),
              c.status === 'Escalated' ? badge('Escalated', 'bad') : null,
              body,
            );
            details.addEventListener('toggle', () => {
              if (details.open && !details.dataset.loaded) {
                details.dataset.loaded = '1';
                void conversationDetails(id, body);
              }
            });
            return details;
          }),
        ),
      );
    } catch (err) {
      clear(result, el('div', { class: 'error', role: 'alert' }, err.message));
    }
  }
}
