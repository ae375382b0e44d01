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
          el('td', { 'data-label': 'Attempt' }, String(attempt.attempt_number ?? index + 1)),
          el('td', { 'data-label': 'Time' }, formatDate(attempt.attempted_at)),
          el('td', { 'data-label': 'Status code' }, attempt.status_code ?? '—'),
          el(
            'td',
            { 'data-label': 'Duration' },
            attempt.duration_ms !== undefined && attempt.duration_ms !== null
              ? `${attempt.duration_ms} ms`
              : '—',
          ),
          el('td', { 'data-label': 'Error' }, attempt.error ?? ''),
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

  /**
   * A delivery is two rows: its facts, and below them, across the whole table, its attempts and payload (a
   * payload squeezed into the last column was unreadable). The button shows and hides the second row.
   */
  function rows(log) {
    const detailsId = `delivery-details-${log.id}`;
    const details = el(
      'tr',
      { class: 'delivery-details', id: detailsId, hidden: true },
      el(
        'td',
        { colspan: '7' },
        attemptsList(log),
        log.error_message ? el('p', { class: 'error' }, log.error_message) : null,
        log.next_retry_at && log.status === 'pending'
          ? el('p', { class: 'muted' }, `Next attempt ${formatDate(log.next_retry_at)}`)
          : null,
        log.response_body
          ? el('div', {}, el('strong', {}, 'Response: '), el('pre', {}, log.response_body))
          : null,
        el(
          'div',
          {},
          el('strong', {}, 'Payload: '),
          el('pre', { class: 'payload' }, JSON.stringify(log.payload, null, 2)),
        ),
      ),
    );
    const toggle = el(
      'button',
      {
        type: 'button',
        class: 'secondary',
        'aria-expanded': 'false',
        'aria-controls': detailsId,
        onclick: () => {
          details.hidden = !details.hidden;
          toggle.setAttribute('aria-expanded', String(!details.hidden));
        },
      },
      'Attempts and payload',
    );
    const main = el(
      'tr',
      { 'data-delivery-id': log.id },
      el(
        'td',
        { 'data-label': 'Event' },
        log.event_type,
        el('div', { class: 'muted' }, el('code', {}, log.event_id || '')),
      ),
      el('td', { 'data-label': 'Status' }, badge(log.status, STATUS_CLASS[log.status] ?? '')),
      el('td', { 'data-label': 'Code' }, log.status_code ?? '—'),
      el('td', { 'data-label': 'Attempts' }, String(log.attempt_count ?? (log.attempts || []).length)),
      el('td', { 'data-label': 'Created' }, formatDate(log.created_at)),
      el('td', { 'data-label': 'Delivered' }, formatDate(log.delivered_at)),
      el(
        'td',
        {},
        el(
          'div',
          { class: 'actions' },
          toggle,
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
      ),
    );
    return [main, details];
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
            { class: 'deliveries responsive' },
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
            el('tbody', {}, logs.flatMap(rows)),
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
