import { qs } from '../api.js';
import { answerBadges, badge, clear, el, field, formatDate, pageButtons } from '../dom.js';

const PAGE_SIZE = 20;
const ROLE_NAMES = { user: 'Employee', assistant: 'Assistant', agent: 'HR' };

/**
 * Employees: a searchable, paged list (most recently active first, each with a preview of their latest question);
 * opening one (#employees/<id>) shows their conversations and the VIP switch. A question from a confidential
 * case is never previewed: the server leaves it out and the list says only that there is one.
 */
export async function render(root, ctx) {
  const [, encodedId] = location.hash.split('/');
  if (encodedId) return employeePage(root, ctx, decodeURIComponent(encodedId));
  return employeeList(root, ctx);
}

/** Remembered across visits to a case or an employee so "Back" returns to the same search and page. */
const listState = { q: '', skip: 0 };

async function employeeList(root, ctx) {
  const search = field(
    'Find an employee',
    el('input', { type: 'search', autocomplete: 'off', spellcheck: 'false', value: listState.q }),
    'Part of the employee ID or e-mail address.',
  );
  const form = el(
    'form',
    { class: 'field-row', role: 'search' },
    search.wrap,
    el('button', { type: 'submit' }, 'Search'),
  );
  const result = el('div', { 'aria-live': 'polite' });
  root.append(form, result);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    listState.q = search.input.value.trim();
    listState.skip = 0;
    void load();
  });

  function row(employee) {
    const preview = employee.last_question_confidential
      ? el(
          'div',
          { class: 'muted' },
          badge('Confidential', 'warn'),
          ' Latest question is in a confidential case.',
        )
      : employee.last_question
        ? el('div', { class: 'preview' }, `“${employee.last_question}”`)
        : el('div', { class: 'muted' }, 'No questions yet.');
    return el(
      'li',
      { class: 'case-row employee-row' },
      el(
        'a',
        { href: `#employees/${encodeURIComponent(employee.user_id)}`, class: 'case-link' },
        el('strong', {}, employee.user_id),
        employee.email ? ` · ${employee.email}` : '',
      ),
      preview,
      el(
        'div',
        { class: 'badges' },
        employee.is_vip ? badge('VIP', 'warn') : null,
        employee.open_case_count ? badge(`${employee.open_case_count} open case(s)`, 'bad') : null,
        el(
          'span',
          { class: 'muted' },
          `${employee.conversation_count} conversation(s)`,
          employee.last_question_at ? ` · last asked ${formatDate(employee.last_question_at)}` : '',
        ),
      ),
    );
  }

  async function load() {
    clear(result, el('p', { class: 'muted' }, 'Loading…'));
    try {
      const page = await ctx.api(
        `/api/v1/users${qs({ q: listState.q, skip: listState.skip, limit: PAGE_SIZE })}`,
      );
      if (!page.employees.length) {
        clear(
          result,
          el(
            'p',
            {},
            listState.q
              ? `No employee matches “${listState.q}”.`
              : 'No employees yet: they appear with their first question.',
          ),
        );
        return;
      }
      const last = listState.skip + page.employees.length;
      clear(
        result,
        el(
          'p',
          { class: 'muted' },
          `${listState.skip + 1}–${last} of ${page.total} employee(s), most recently active first.`,
        ),
        el('ul', { class: 'case-rows', 'aria-label': 'Employees' }, page.employees.map(row)),
        el(
          'div',
          { class: 'actions' },
          pageButtons({
            skip: listState.skip,
            shown: page.employees.length,
            total: page.total,
            pageSize: PAGE_SIZE,
            go: (skip) => {
              listState.skip = skip;
              void load();
            },
          }),
        ),
      );
    } catch (err) {
      clear(
        result,
        el('div', { class: 'error', role: 'alert' }, `Could not load the employees: ${err.message}`),
      );
    }
  }

  await load();
}

async function employeePage(root, ctx, userId) {
  const result = el('div');
  root.append(el('p', {}, el('a', { href: '#employees' }, '← All employees')), result);

  async function showVip(userId, status, emailInput) {
    try {
      const user = await ctx.api(`/api/v1/users/${encodeURIComponent(userId)}`);
      status.textContent = user.is_vip ? `${userId} is VIP.` : `${userId} is not VIP.`;
      emailInput.value = user.email ?? '';
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
      const email = field(
        "E-mail for HR's replies",
        el('input', { type: 'email', autocomplete: 'off', spellcheck: 'false' }),
        'When e-mail is set up, HR replies and resolutions are also sent here. Leave empty to remove it.',
      );
      const emailStatus = el('span', { role: 'status' });
      const emailForm = el(
        'form',
        { class: 'field-row', novalidate: true, 'aria-label': 'E-mail address' },
        email.wrap,
        el('button', { type: 'submit', class: 'secondary' }, 'Save e-mail'),
        emailStatus,
      );
      emailForm.addEventListener('submit', async (event) => {
        event.preventDefault();
        emailStatus.textContent = '';
        emailStatus.className = '';
        const value = email.input.value.trim();
        try {
          await ctx.api(`/api/v1/users/${encodeURIComponent(userId)}`, {
            method: 'PUT',
            body: { email: value || null },
          });
          emailStatus.textContent = value ? 'E-mail saved.' : 'E-mail removed.';
          ctx.announce(emailStatus.textContent);
        } catch (err) {
          // The server's sentence names the field ("E-mail address (email) is not a valid e-mail address.").
          emailStatus.className = 'error';
          emailStatus.textContent = `Not saved: ${err.message}`;
          email.input.focus();
        }
      });
      void showVip(userId, vipStatus, email.input);
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
          emailForm,
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
              c.confidential ? badge('Confidential', 'warn') : null,
              c.escalated ? el('a', { href: `#escalations/${id}` }, 'Open the case') : null,
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

  await lookUp(userId);
}
