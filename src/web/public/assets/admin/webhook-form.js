import { CATEGORIES, el, field } from '../dom.js';

// Subscribable events (webhook.test is sent on demand only) and the categories a filter can name.
const EVENTS = [
  'query.created',
  'query.escalated',
  'query.resolved',
  'feedback.received',
  'webhook.disabled',
];

function checkboxGroup(legend, values, selected, name) {
  const boxes = values.map((value) =>
    el('input', { type: 'checkbox', name, value, checked: selected.includes(value) }),
  );
  const group = el(
    'fieldset',
    {},
    el('legend', {}, legend),
    el(
      'div',
      { class: 'checks' },
      boxes.map((box) => el('label', {}, box, box.value)),
    ),
  );
  return { group, selected: () => boxes.filter((box) => box.checked).map((box) => box.value) };
}

function numberInput(value, min, max) {
  return el('input', { type: 'number', min, max, value: value ?? '', inputmode: 'numeric' });
}

/**
 * The create/edit form of a webhook. save(body) receives the request body (on edit, emptied optional fields
 * are sent as null so they are cleared) and may throw; its message is shown in the form.
 */
export function webhookForm(hook, { save, cancel }) {
  const editing = Boolean(hook);
  const url = field('URL', el('input', { type: 'url', value: hook?.url, required: true, size: 48 }));
  const description = field('Description', el('input', { type: 'text', value: hook?.description }));
  const events = checkboxGroup('Events', EVENTS, hook?.events ?? ['query.created'], 'events');
  // Left as shown, the webhook keeps its retry schedule (new ones get the default); a changed number asks for
  // that many attempts with the original doubling waits.
  const shownAttempts = hook?.max_attempts ?? 8;
  const maxAttempts = field('Max attempts', numberInput(shownAttempts, 1, 21));
  const timeout = field('Timeout (seconds)', numberInput(hook?.timeout_seconds ?? 10, 1, 30));
  const rate = field(
    'Rate limit per second',
    numberInput(hook?.rate_limit_per_second, 1, 10000),
    'Empty for none',
  );
  const categories = checkboxGroup(
    'Only these categories (none = all)',
    CATEGORIES,
    hook?.filters?.categories ?? [],
    'categories',
  );
  const minPriority = field(
    'Minimum priority',
    numberInput(hook?.filters?.min_priority, 1, 10),
    'Empty for every priority',
  );
  const formError = el('div', { class: 'error', role: 'alert' });
  const form = el(
    'form',
    { class: 'panel', 'aria-label': editing ? 'Edit webhook' : 'New webhook', novalidate: true },
    el('h3', {}, editing ? 'Edit webhook' : 'New webhook'),
    url.wrap,
    description.wrap,
    events.group,
    el('div', { class: 'field-row' }, maxAttempts.wrap, timeout.wrap, rate.wrap, minPriority.wrap),
    categories.group,
    formError,
    el(
      'div',
      { class: 'actions' },
      el('button', { type: 'submit' }, editing ? 'Save changes' : 'Create webhook'),
      el('button', { type: 'button', class: 'secondary', onclick: cancel }, 'Cancel'),
    ),
  );

  function body() {
    const result = {
      url: url.input.value.trim(),
      events: events.selected(),
      timeout_seconds: Number(timeout.input.value || 10),
    };
    const attempts = Number(maxAttempts.input.value || shownAttempts);
    if (attempts !== shownAttempts) result.max_attempts = attempts;
    const text = description.input.value.trim();
    if (text) result.description = text;
    else if (editing) result.description = null;
    if (rate.input.value) result.rate_limit_per_second = Number(rate.input.value);
    else if (editing) result.rate_limit_per_second = null;
    const filters = {};
    if (categories.selected().length) filters.categories = categories.selected();
    if (minPriority.input.value) filters.min_priority = Number(minPriority.input.value);
    if (Object.keys(filters).length) result.filters = filters;
    else if (editing) result.filters = null;
    return result;
  }

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    formError.textContent = '';
    const request = body();
    if (!request.url) {
      formError.textContent = 'Enter the receiver URL.';
      url.input.focus();
      return;
    }
    if (!request.events.length) {
      formError.textContent = 'Choose at least one event.';
      return;
    }
    try {
      await save(request);
    } catch (err) {
      formError.textContent = err.message;
    }
  });

  return { form, focus: () => url.input.focus() };
}
