import { qs } from '../api.js';
import { badge, clear, confirmDialog, copyText, el, formatDate, percent } from '../dom.js';
import { renderDeliveries } from './deliveries.js';
import { webhookForm } from './webhook-form.js';

function successRate(hook) {
  if (typeof hook.success_rate === 'number') return percent(hook.success_rate);
  const total = Number(hook.delivery_count || 0);
  if (!total) return '—';
  return percent((total - Number(hook.failure_count || 0)) / total);
}

export async function render(root, ctx) {
  const status = el('div', { class: 'success', role: 'status' });
  const error = el('div', { class: 'error', role: 'alert' });
  const secretBox = el('div');
  const formBox = el('div');
  const listBox = el('div', { class: 'table-wrap' });
  const deliveriesBox = el('div');
  const newButton = el('button', { type: 'button', onclick: () => showForm(null) }, 'New webhook');
  root.append(
    el('div', { class: 'actions' }, newButton),
    status,
    error,
    secretBox,
    formBox,
    el('div', { class: 'panel' }, listBox),
    deliveriesBox,
  );

  const report = (message) => {
    error.textContent = '';
    status.textContent = message;
    ctx.announce(message);
  };
  const fail = (message) => {
    status.textContent = '';
    error.textContent = message;
  };

  function showSecret(secret, heading) {
    const isPublicKey = secret.startsWith('whpk_');
    const code = el('code', { class: 'secret-value' }, secret);
    const copyStatus = el('span', { class: 'muted', role: 'status' });
    const copyButton = el(
      'button',
      {
        type: 'button',
        class: 'secondary',
        onclick: async () => {
          const copied = await copyText(secret, code);
          copyStatus.textContent = copied ? 'Copied.' : 'Selected — press Ctrl+C to copy.';
        },
      },
      isPublicKey ? 'Copy public key' : 'Copy secret',
    );
    const dismiss = el('button', { type: 'button', class: 'link', onclick: () => clear(secretBox) }, 'Done');
    clear(
      secretBox,
      el(
        'div',
        { class: 'secret', role: 'region', 'aria-label': 'Signing secret' },
        el('strong', {}, heading),
        code,
        copyButton,
        dismiss,
        copyStatus,
        el(
          'div',
          { class: 'muted' },
          isPublicKey
            ? 'Your receiver verifies v1a signatures with this public key; it stays visible in the list. The private key never leaves the server.'
            : 'It is shown only once; store it in your receiver now.',
        ),
      ),
    );
    copyButton.focus();
  }

  function showForm(hook) {
    const editor = webhookForm(hook, {
      cancel: () => clear(formBox),
      save: async (body) => {
        if (hook) {
          await ctx.api(`/api/v1/webhooks/${hook.id}`, { method: 'PUT', body });
          report('Webhook saved.');
        } else {
          const created = await ctx.api('/api/v1/webhooks', { method: 'POST', body });
          report('Webhook created.');
          showSecret(
            created.secret_key,
            created.signature_scheme === 'ed25519' ? 'Public key (Ed25519):' : 'Signing secret:',
          );
        }
        clear(formBox);
        await loadList();
      },
    });
    clear(formBox, editor.form);
    editor.focus();
  }

  async function togglePause(hook) {
    try {
      await ctx.api(`/api/v1/webhooks/${hook.id}`, { method: 'PUT', body: { is_active: !hook.is_active } });
      report(hook.is_active ? 'Webhook paused.' : 'Webhook resumed.');
      await loadList();
      refocus(hook.id, hook.is_active ? 'Resume' : 'Pause');
    } catch (err) {
      fail(err.message);
    }
  }

  // Test results survive the list refresh that shows the updated delivery figures.
  const testResults = new Map();
  function showTestResult(cell, result) {
    if (result)
      clear(cell, badge(result.ok ? 'OK' : 'Failed', result.ok ? 'ok' : 'bad'), ' ', result.summary);
  }

  async function test(hook, resultCell) {
    resultCell.textContent = 'Sending test event…';
    let outcome;
    try {
      const result = await ctx.api(`/api/v1/webhooks/${hook.id}/test`, { method: 'POST' });
      const summary = result.success
        ? `Test delivered: HTTP ${result.status_code} in ${Math.round(result.response_time_ms)} ms`
        : `Test failed: ${result.error || `HTTP ${result.status_code}`}`;
      outcome = { ok: result.success, summary };
    } catch (err) {
      outcome = { ok: false, summary: `Test not sent: ${err.message}` };
    }
    testResults.set(hook.id, outcome);
    ctx.announce(outcome.summary);
    await loadList();
    refocus(hook.id, 'Test');
  }

  async function rotate(hook) {
    const ok = await confirmDialog(
      `Rotate the signing secret of ${hook.url}? The old secret keeps working for 24 hours.`,
      'Rotate secret',
    );
    if (!ok) return;
    try {
      const result = await ctx.api(`/api/v1/webhooks/${hook.id}/rotate-secret`, { method: 'POST', body: {} });
      report(`Secret rotated; the previous one expires ${formatDate(result.previous_secret_expires_at)}.`);
      showSecret(
        result.secret_key,
        result.secret_key.startsWith('whpk_') ? 'New public key (Ed25519):' : 'New signing secret:',
      );
    } catch (err) {
      fail(err.message);
    }
  }

  async function remove(hook) {
    const ok = await confirmDialog(`Delete the webhook ${hook.url}? Its pending deliveries are cancelled.`);
    if (!ok) return;
    try {
      await ctx.api(`/api/v1/webhooks/${hook.id}`, { method: 'DELETE' });
      report('Webhook deleted.');
      clear(deliveriesBox);
      await loadList();
    } catch (err) {
      fail(err.message);
    }
  }

  function row(hook) {
    const resultCell = el('div', { class: 'test-result', role: 'status' });
    showTestResult(resultCell, testResults.get(hook.id));
    const name = hook.description ? `${hook.description} (${hook.url})` : hook.url;
    const action = (label, handler, extra = {}) =>
      el(
        'button',
        {
          type: 'button',
          class: 'secondary',
          'aria-label': `${label}: ${name}`,
          'data-action': label,
          onclick: handler,
          ...extra,
        },
        label,
      );
    const state = hook.is_active
      ? badge('Active', 'ok')
      : badge(hook.disabled_reason || hook.paused_reason ? 'Paused automatically' : 'Paused', 'warn');
    return el(
      'tr',
      { 'data-webhook-id': hook.id },
      el(
        'td',
        {},
        el('div', {}, el('code', {}, hook.url)),
        hook.description ? el('div', { class: 'muted' }, hook.description) : null,
        hook.public_key
          ? el(
              'div',
              { class: 'muted' },
              'Ed25519 public key: ',
              el('code', { class: 'public-key' }, hook.public_key),
            )
          : null,
      ),
      el('td', { 'data-label': 'Events' }, (hook.events || []).join(', ')),
      el(
        'td',
        { 'data-label': 'Status' },
        state,
        hook.disabled_reason || hook.paused_reason
          ? el('div', { class: 'muted' }, hook.disabled_reason || hook.paused_reason)
          : null,
      ),
      el('td', { 'data-label': 'Success rate' }, successRate(hook)),
      el(
        'td',
        { 'data-label': 'Deliveries' },
        `${hook.delivery_count ?? 0} sent`,
        el('div', { class: 'muted' }, `${hook.failure_count ?? 0} failed`),
      ),
      el(
        'td',
        {},
        el(
          'div',
          { class: 'actions' },
          action('Test', () => test(hook, resultCell)),
          action('Deliveries', () => renderDeliveries(deliveriesBox, ctx, hook)),
          action('Edit', () => showForm(hook)),
          action(hook.is_active ? 'Pause' : 'Resume', () => togglePause(hook)),
          action('Rotate secret', () => rotate(hook)),
          action('Delete', () => remove(hook), { class: 'danger' }),
        ),
        resultCell,
      ),
    );
  }

  // Rows are rebuilt after each change; put focus back on the same control so keyboard users keep their place.
  function refocus(id, action) {
    listBox.querySelector(`tr[data-webhook-id="${id}"] button[data-action="${action}"]`)?.focus();
  }

  async function loadList() {
    try {
      const page = await ctx.api(`/api/v1/webhooks${qs({ limit: 100 })}`);
      const hooks = page.webhooks || [];
      if (!hooks.length) {
        clear(listBox, el('p', { class: 'muted' }, 'No webhooks yet. Create one to notify another system.'));
        return;
      }
      clear(
        listBox,
        // On a phone the table becomes a list (styles.css), so every action stays on screen.
        el(
          'table',
          { class: 'responsive' },
          el('caption', { class: 'visually-hidden' }, 'Webhooks'),
          el(
            'thead',
            {},
            el(
              'tr',
              {},
              ['URL', 'Events', 'Status', 'Success rate', 'Deliveries', 'Actions'].map((h) =>
                el('th', { scope: 'col' }, h),
              ),
            ),
          ),
          el('tbody', {}, hooks.map(row)),
        ),
      );
    } catch (err) {
      clear(listBox, el('div', { class: 'error', role: 'alert' }, `Could not load webhooks: ${err.message}`));
    }
  }

  await loadList();
}
