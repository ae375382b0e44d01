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

/** "5, 300, 1800" → [5, 300, 1800]; null when the text is not a list of whole seconds. */
function parseSchedule(text) {
  const parts = text.split(/[\s,]+/).filter(Boolean);
  if (!parts.every((part) => /^\d+$/.test(part))) return null;
  return parts.map(Number);
}

/** One "Name: value" per line → { Name: value }; null when a line has no colon. */
function parseHeaderLines(text) {
  const headers = {};
  for (const line of text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)) {
    const colon = line.indexOf(':');
    if (colon <= 0) return null;
    headers[line.slice(0, colon).trim()] = line.slice(colon + 1).trim();
  }
  return headers;
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
  // Left as shown, the webhook keeps its retry schedule (new ones get the server's default).
  const shownSchedule = (hook?.retry_schedule ?? []).join(', ');
  const schedule = field(
    'Retry schedule (seconds between attempts)',
    el('input', { type: 'text', value: shownSchedule, size: 40, inputmode: 'numeric' }),
    editing
      ? 'Comma-separated, up to 20 waits of at most 86400 s; "1, 2" is the original schedule.'
      : 'Empty for the default (5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h); "1, 2" is the original schedule.',
  );
  const shownHeaders = Object.entries(hook?.headers ?? {})
    .map(([name, value]) => `${name}: ${value}`)
    .join('\n');
  const headers = field(
    'Extra headers',
    el('textarea', { rows: 3, cols: 48 }, shownHeaders),
    'One "Name: value" per line. Stored values show as ****; leave them so to keep them.',
  );
  // The scheme is chosen once: a receiver verifies with a secret (HMAC) or with a public key (Ed25519).
  const scheme = editing
    ? null
    : field(
        'Signature scheme',
        el(
          'select',
          {},
          el('option', { value: 'hmac', selected: true }, 'HMAC-SHA256 (shared secret)'),
          el('option', { value: 'ed25519' }, 'Ed25519 (public key; Standard Webhooks v1a)'),
        ),
        'Cannot be changed later.',
      );
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
    scheme?.wrap ??
      (hook?.signature_scheme
        ? el('div', { class: 'muted' }, `Signature scheme: ${hook.signature_scheme}`)
        : null),
    el('div', { class: 'field-row' }, timeout.wrap, rate.wrap, minPriority.wrap),
    schedule.wrap,
    headers.wrap,
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
    const waits = schedule.input.value.trim();
    if (waits !== shownSchedule && waits !== '') result.retry_schedule = parseSchedule(waits);
    const headerText = headers.input.value.trim();
    if (headerText) result.headers = parseHeaderLines(headerText);
    else if (editing) result.headers = null;
    if (scheme && scheme.input.value !== 'hmac') result.signature_scheme = scheme.input.value;
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
    if (request.retry_schedule === null) {
      formError.textContent = 'Write the retry schedule as whole seconds separated by commas.';
      schedule.input.focus();
      return;
    }
    if (request.headers === null && headers.input.value.trim()) {
      formError.textContent = 'Write each extra header as "Name: value" on its own line.';
      headers.input.focus();
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
