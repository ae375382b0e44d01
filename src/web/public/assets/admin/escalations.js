import { qs } from '../api.js';
import { badge, CATEGORIES, clear, el, field, formatDuration } from '../dom.js';
import { categoryLabel } from '../labels.js';
import { casePage } from './case-page.js';

const AGENT_KEY = 'hr-agent-name';
const VIEWS = [
  ['open', 'All open'],
  ['mine', 'Mine'],
  ['unassigned', 'Unassigned'],
  ['overdue', 'Overdue'],
  ['resolved', 'Resolved'],
  ['all', 'All'],
];
const SORTS = [
  ['priority', 'Priority'],
  ['waiting', 'Waiting longest'],
  ['due', 'Due soonest'],
  ['updated', 'Last activity'],
];
const STATUS_LABELS = {
  open: 'Open',
  assigned: 'Assigned',
  waiting_on_employee: 'Waiting on employee',
  resolved: 'Resolved',
};

export const statusBadge = (status) =>
  badge(STATUS_LABELS[status] ?? status ?? '—', status === 'resolved' ? 'ok' : '');

/** "due in 42 min" / "overdue by 1 h 5 min" for the target now running. */
export function dueText(item, now = Date.now()) {
  if (!item.next_due_at) return item.sla_standing === 'met' ? 'Targets met' : '';
  const seconds = (new Date(item.next_due_at).getTime() - now) / 1000;
  const which = item.first_response_at ? 'Resolution' : 'First reply';
  return seconds >= 0
    ? `${which} due in ${formatDuration(seconds)}`
    : `${which} overdue by ${formatDuration(-seconds)}`;
}

export function slaBadge(item) {
  if (item.sla_standing === 'breached') return badge('Overdue', 'bad');
  if (item.sla_standing === 'due_soon') return badge('Due soon', 'warn');
  return null;
}

export function agentName() {
  try {
    return localStorage.getItem(AGENT_KEY) || '';
  } catch {
    return '';
  }
}

export function rememberAgentName(name) {
  try {
    localStorage.setItem(AGENT_KEY, name);
  } catch {}
}

/** The case list: saved views, filters and sorting; a case opens on its own page (#escalations/<id>). */
export async function render(root, ctx) {
  const caseId = location.hash.split('/')[1];
  if (caseId) return casePage(root, ctx, caseId);

  const state = { view: 'open', category: '', sort: 'priority', q: '' };
  const me = field(
    'Your name',
    el('input', { type: 'text', value: agentName(), autocomplete: 'name', placeholder: 'e.g. Dana' }),
    'Used for "Mine" and "Assign to me".',
  );
  me.input.addEventListener('change', () => {
    rememberAgentName(me.input.value.trim());
    void load();
  });
  const tabs = el('div', { class: 'view-tabs', role: 'group', 'aria-label': 'Saved views' });
  const category = field(
    'Category',
    el(
      'select',
      {},
      el('option', { value: '' }, 'Any'),
      CATEGORIES.map((c) => el('option', { value: c }, categoryLabel(c))),
    ),
  );
  const sort = field(
    'Sort by',
    el(
      'select',
      {},
      SORTS.map(([value, label]) => el('option', { value }, label)),
    ),
  );
  const search = field('Find', el('input', { type: 'search', placeholder: 'HR-1042 or employee id' }));
  category.input.addEventListener('change', () => {
    state.category = category.input.value;
    void load();
  });
  sort.input.addEventListener('change', () => {
    state.sort = sort.input.value;
    void load();
  });
  search.input.addEventListener('change', () => {
    state.q = search.input.value.trim();
    void load();
  });
  const list = el('div', { 'aria-live': 'polite' });
  root.append(
    el('div', { class: 'field-row filters' }, me.wrap, category.wrap, sort.wrap, search.wrap),
    tabs,
    list,
  );

  function row(item) {
    const waiting =
      item.case_status === 'resolved' ? null : `waiting ${formatDuration(item.waiting_seconds)}`;
    return el(
      'li',
      { class: `case-row${item.sla_standing === 'breached' ? ' overdue' : ''}` },
      el(
        'a',
        { href: `#escalations/${item.conversation_id}`, class: 'case-link' },
        el('strong', {}, item.case_reference ?? 'Case'),
        ' ',
        item.summary,
      ),
      el(
        'div',
        { class: 'badges' },
        badge(`P${item.priority}`, item.priority >= 8 ? 'prio-high' : ''),
        statusBadge(item.case_status),
        slaBadge(item),
        badge(categoryLabel(item.category), 'cat'),
        item.is_vip ? badge('VIP', 'warn') : null,
        item.confidential ? badge('Confidential', 'warn') : null,
      ),
      el(
        'div',
        { class: 'muted' },
        // Staff not cleared for confidential cases get no employee id for them (null).
        item.user_id ?? 'Employee withheld',
        ' · ',
        item.assigned_to ? `with ${item.assigned_to}` : 'unassigned',
        waiting ? ` · ${waiting}` : '',
        item.next_due_at || item.sla_standing === 'met' ? ` · ${dueText(item)}` : '',
      ),
    );
  }

  async function load() {
    const agent = me.input.value.trim();
    if (state.view === 'mine' && !agent) {
      clear(list, el('p', { class: 'muted' }, 'Enter your name above to see your cases.'));
      return;
    }
    try {
      const page = await ctx.api(
        `/api/v1/cases${qs({ view: state.view, agent, category: state.category, sort: state.sort, q: state.q, limit: 100 })}`,
      );
      clear(
        tabs,
        VIEWS.map(([value, label]) => {
          const count = value === 'resolved' || value === 'all' ? null : page.views[value];
          return el(
            'button',
            {
              type: 'button',
              class: value === state.view ? '' : 'secondary',
              'aria-pressed': String(value === state.view),
              onclick: () => {
                state.view = value;
                void load();
              },
            },
            count === null || count === undefined ? label : `${label} (${count})`,
          );
        }),
      );
      if (!page.cases.length) {
        clear(list, el('p', { class: 'muted' }, 'No cases in this view.'));
        return;
      }
      clear(
        list,
        el('p', { class: 'muted' }, `${page.total} case(s)`),
        el('ul', { class: 'case-rows' }, page.cases.map(row)),
      );
    } catch (err) {
      clear(list, el('div', { class: 'error', role: 'alert' }, `Could not load the cases: ${err.message}`));
    }
  }

  await load();
  const timer = setInterval(() => void load(), 60_000);
  return () => clearInterval(timer);
}
