import { qs } from '../api.js';
import { badge, clear, el, field, formatDate, pageButtons } from '../dom.js';

const PAGE = 20;
const STATUS_CLASS = { success: 'ok', failed: 'bad', pending: 'warn', cancelled: '' };

function attemptsList(log) {
  const attempts = Array.isArray(log.attempts) ? log.attempts : [];
  if (!attempts.length) return el('p', { class: 'muted' }, 'No attempts yet.');
  return el(
    'table',
    {},
    el('caption', { class: 'visually-hidden' }, 'Attempts'),
    el(
      'thead',
      {},
      el(
        'tr',
        {},
        ['#', 'Time', 'Status code', 'Duration', 'Error'].map((h) => el('th', { scope: 'col' }, h)),
      ),
    ),
    el(
      'tbody',
      {},
      attempts.map((attempt, index) =>
        el(
          'tr',
          {},
          el('td', {}, String(attempt.attempt_number ?? index + 1)),
          el('td', {}, formatDate(attempt.attempted_at)),
          el('td', {}, attempt.status_code ?? '—'),
          el(
            'td',
            {},
            attempt.duration_ms !== undefined && attempt.duration_ms !== null
              ? `${attempt.duration_ms} ms`
              : '—',
          ),
          el('td', {}, attempt.error ?? ''),
        ),
      ),
    ),
  );
}

/** The delivery log of one webhook: every event with its attempts, a status filter and redelivery. */
export async function renderDeliveries(root, ctx, hook) {
  let skip = 0;
  const statusSelect = el(
    'select',
    {},
    ['', 'pending', 'success', 'failed', 'cancelled'].map((value) =>
      el('option', { value }, value ? value[0].toUpperCase() + value.slice(1) : 'All'),
    ),
  );
  const filter = field('Status', statusSelect);
  const eventSelect = el(
    'select',
    {},
    [
      '',
      'query.created',
      'query.escalated',
      'query.resolved',
      'feedback.received',
      'webhook.disabled',
      'webhook.test',
    ].map((value) => el('option', { value }, value || 'All')),
  );
  const eventFilter = field('Event', eventSelect);
  const tableBox = el('div', { class: 'table-wrap' });
  const pager = el('div', { class: 'actions' });
  const message = el('div', { class: 'success', role: 'status' });
  const heading = el('h3', { id: 'deliveries-title', tabindex: '-1' }, `Delivery log: ${hook.url}`);
  const refresh = el('button', { type: 'button', class: 'secondary', onclick: () => load() }, 'Refresh');
  clear(
    root,
    el(
      'section',
      { class: 'panel', 'aria-labelledby': 'deliveries-title' },
      heading,
      el('div', { class: 'field-row' }, filter.wrap, eventFilter.wrap, refresh),
      message,
      tableBox,
      pager,
    ),
  );
  for (const select of [statusSelect, eventSelect]) {
    select.addEventListener('change', () => {
      skip = 0;
      void load();
    });
  }

  async function redeliver(log) {
    try {
      await ctx.api(`/api/v1/webhooks/${hook.id}/deliveries/${log.id}/retry`, { method: 'POST' });
      message.textContent = `Redelivery of ${log.event_type} queued.`;
      ctx.announce(message.textContent);
      await load();
    } catch (err) {
      message.textContent = '';
      clear(tableBox, el('div', { class: 'error', role: 'alert' }, err.message));
    }
  }

  function row(log) {
    return el(
      'tr',
      { 'data-delivery-id': log.id },
      el('td', {}, log.event_type, el('div', { class: 'muted' }, el('code', {}, log.event_id || ''))),
      el('td', {}, badge(log.status, STATUS_CLASS[log.status] ?? '')),
      el('td', {}, log.status_code ?? '—'),
      el('td', {}, String(log.attempt_count ?? (log.attempts || []).length)),
      el('td', {}, formatDate(log.created_at)),
      el('td', {}, formatDate(log.delivered_at)),
      el(
        'td',
        {},
        el(
          'details',
          {},
          el('summary', {}, 'Attempts and payload'),
          attemptsList(log),
          log.error_message ? el('p', { class: 'error' }, log.error_message) : null,
          log.next_retry_at && log.status === 'pending'
            ? el('p', { class: 'muted' }, `Next attempt ${formatDate(log.next_retry_at)}`)
            : null,
          log.response_body
            ? el('div', {}, el('strong', {}, 'Response: '), el('pre', {}, log.response_body))
            : null,
          el('div', {}, el('strong', {}, 'Payload: '), el('pre', {}, JSON.stringify(log.payload, null, 2))),
        ),
        el(
          'button',
          {
            type: 'button',
            class: 'secondary',
            'aria-label': `Redeliver ${log.event_type} ${log.event_id || ''}`,
            onclick: () => redeliver(log),
          },
          'Redeliver',
        ),
      ),
    );
  }

  async function load() {
    try {
      const page = await ctx.api(
        `/api/v1/webhooks/${hook.id}/deliveries${qs({ skip, limit: PAGE, status: statusSelect.value, event: eventSelect.value })}`,
      );
      const logs = page.logs || [];
      if (!logs.length) {
        clear(tableBox, el('p', { class: 'muted' }, 'No deliveries match.'));
      } else {
        clear(
          tableBox,
          el(
            'table',
            { class: 'deliveries' },
            el('caption', { class: 'visually-hidden' }, `Deliveries of ${hook.url}`),
            el(
              'thead',
              {},
              el(
                'tr',
                {},
                ['Event', 'Status', 'Code', 'Attempts', 'Created', 'Delivered', 'Details'].map((h) =>
                  el('th', { scope: 'col' }, h),
                ),
              ),
            ),
            el('tbody', {}, logs.map(row)),
          ),
        );
      }
      const total = Number(page.total ?? logs.length);
      clear(
        pager,
        el('span', { class: 'muted' }, total ? `${skip + 1}–${skip + logs.length} of ${total}` : ''),
        ...pageButtons({
          skip,
          shown: logs.length,
          total,
          pageSize: PAGE,
          go: (target) => {
            skip = target;
            void load();
          },
        }),
      );
    } catch (err) {
      clear(
        tableBox,
        el('div', { class: 'error', role: 'alert' }, `Could not load deliveries: ${err.message}`),
      );
    }
  }

  await load();
  heading.focus();
}
