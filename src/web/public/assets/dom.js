// Tiny DOM helpers. Everything is built with createElement/textContent so user and server text is never
// parsed as HTML, and nothing needs inline scripts or styles (strict content-security policy).

/**
 * el('button', { class: 'x', type: 'button', onclick: fn }, 'Label', child…)
 * Attributes starting with "on" become listeners; `false`/null/undefined attributes are left out.
 */
export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === undefined || value === null || value === false) continue;
    if (key.startsWith('on') && typeof value === 'function') node.addEventListener(key.slice(2), value);
    else if (key === 'class') node.className = value;
    else if (key === 'text') node.textContent = value;
    else if (key === 'value') node.value = value;
    else if (key === 'checked') node.checked = Boolean(value);
    else node.setAttribute(key, value === true ? '' : String(value));
  }
  append(node, children);
  return node;
}

function append(node, children) {
  for (const child of children.flat()) {
    if (child === undefined || child === null || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

export function clear(node, ...children) {
  node.replaceChildren();
  append(node, children);
  return node;
}

export function badge(text, extraClass = '') {
  return el('span', { class: `badge ${extraClass}`.trim() }, text);
}

/** Badges for an answer's category, sentiment and priority. */
export function answerBadges({ category, sentiment, priority }) {
  return el(
    'div',
    { class: 'badges', role: 'group', 'aria-label': 'Classification' },
    category ? badge(category, 'cat') : null,
    sentiment ? badge(sentiment, `sent-${sentiment}`) : null,
    priority !== undefined && priority !== null
      ? badge(`Priority ${priority}`, priority >= 8 ? 'prio-high' : '')
      : null,
  );
}

let fieldCounter = 0;
/** A labelled form control; returns { wrap, input }. */
export function field(labelText, control, hint) {
  fieldCounter += 1;
  const id = control.id || `f${fieldCounter}`;
  control.id = id;
  const hintNode = hint ? el('div', { class: 'muted', id: `${id}-hint` }, hint) : null;
  if (hintNode) control.setAttribute('aria-describedby', hintNode.id);
  const wrap = el('div', { class: 'field' }, el('label', { for: id }, labelText), control, hintNode);
  return { wrap, input: control };
}

export function formatDate(iso) {
  if (!iso) return '—';
  const date = new Date(iso);
  return Number.isNaN(date.getTime())
    ? String(iso)
    : date.toLocaleString([], { dateStyle: 'short', timeStyle: 'medium' });
}

export function formatDuration(seconds) {
  if (seconds === undefined || seconds === null || Number.isNaN(Number(seconds))) return '—';
  const s = Math.max(0, Math.round(Number(seconds)));
  if (s < 60) return `${s} s`;
  if (s < 3600) return `${Math.floor(s / 60)} min`;
  if (s < 86400) return `${Math.floor(s / 3600)} h ${Math.floor((s % 3600) / 60)} min`;
  return `${Math.floor(s / 86400)} d ${Math.floor((s % 86400) / 3600)} h`;
}

export function percent(value) {
  if (value === undefined || value === null || Number.isNaN(Number(value))) return '—';
  const n = Number(value);
  return `${(n <= 1 ? n * 100 : n).toFixed(1)}%`;
}

/** Asks for confirmation in a native modal dialog (focus is trapped and restored by the browser). */
export function confirmDialog(message, confirmLabel = 'Delete') {
  return new Promise((resolve) => {
    const previous = document.activeElement;
    const cancel = el('button', { type: 'button', class: 'secondary', value: 'cancel' }, 'Cancel');
    const ok = el('button', { type: 'button', class: 'danger', value: 'ok' }, confirmLabel);
    const dialog = el(
      'dialog',
      { 'aria-labelledby': 'confirm-title' },
      el('h2', { id: 'confirm-title' }, 'Please confirm'),
      el('p', {}, message),
      el('div', { class: 'actions' }, cancel, ok),
    );
    const finish = (answer) => {
      dialog.close();
      dialog.remove();
      if (previous instanceof HTMLElement && previous.isConnected) previous.focus();
      resolve(answer);
    };
    cancel.addEventListener('click', () => finish(false));
    ok.addEventListener('click', () => finish(true));
    dialog.addEventListener('cancel', (event) => {
      event.preventDefault();
      finish(false);
    });
    document.body.append(dialog);
    dialog.showModal();
    cancel.focus();
  });
}

/** Copies text, falling back to selecting it when the clipboard API is unavailable (plain http). */
export async function copyText(text, fallbackNode) {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    if (fallbackNode) {
      const range = document.createRange();
      range.selectNodeContents(fallbackNode);
      const selection = window.getSelection();
      selection?.removeAllRanges();
      selection?.addRange(range);
    }
    return false;
  }
}

/** The seven HR categories, in the order the API documents them. */
export const CATEGORIES = [
  'Recruitment',
  'Payroll',
  'Benefits',
  'Policy',
  'LeaveManagement',
  'Performance',
  'General',
];

/** "Previous" and "Next" buttons for a skip/limit list (null where there is no such page); go(newSkip) reloads. */
export function pageButtons({ skip, shown, total, pageSize, go }) {
  const button = (label, target) =>
    el('button', { type: 'button', class: 'secondary', onclick: () => go(target) }, label);
  return [
    skip > 0 ? button('Previous', Math.max(0, skip - pageSize)) : null,
    skip + shown < total ? button('Next', skip + pageSize) : null,
  ];
}
