import { qs } from '../api.js';
import { clear, el, field, formatDuration, percent } from '../dom.js';
import { chartFigure, loadChartJs, PALETTE, stackedAxes } from './charts.js';

const SENTIMENT_COLORS = { Positive: '#1f7a3a', Neutral: '#8a94a6', Negative: '#e08a00', Angry: '#b3261e' };

function bucketLabel(start, unit) {
  const date = new Date(start);
  if (Number.isNaN(date.getTime())) return String(start ?? '');
  return unit === 'hour'
    ? date.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' })
    : date.toLocaleDateString([], { month: 'short', day: 'numeric' });
}

function card(label, value) {
  return el(
    'div',
    { class: 'card' },
    el('div', { class: 'value' }, value),
    el('div', { class: 'label' }, label),
  );
}

/** "4.50 / 5 from 12 ratings": an average means little without how many people gave it. */
export function ratingText(summary, of = '/') {
  const rating = summary.avg_rating;
  if (rating === null || rating === undefined || !summary.rating_count) return 'no ratings yet';
  const count = summary.rating_count;
  return `${Number(rating).toFixed(2)} ${of} 5 from ${count} rating${count === 1 ? '' : 's'}`;
}

function summaryCards(summary) {
  const responseTime = summary.avg_response_time;
  return el(
    'div',
    { class: 'cards' },
    card('Questions', String(summary.total_queries ?? 0)),
    card('Escalation rate', percent(summary.escalation_rate)),
    card('Resolution rate', percent(summary.resolution_rate)),
    card('Average rating', ratingText(summary)),
    card(
      'Avg response time',
      responseTime === null || responseTime === undefined ? '—' : `${(responseTime * 1000).toFixed(1)} ms`,
    ),
    card('Median time to resolution', formatDuration(summary.median_time_to_resolution_seconds)),
  );
}

function listSection(id, title, intro, items, empty) {
  return el(
    'section',
    { class: 'panel', 'aria-labelledby': id },
    el('h3', { id }, title),
    intro ? el('p', { class: 'muted' }, intro) : null,
    items.length
      ? el(
          'ul',
          {},
          items.map((text) => el('li', {}, text)),
        )
      : el('p', {}, empty),
  );
}

/** The five charts, built from the summary and the time series. */
function chartFigures(summary, buckets, unit) {
  const labels = buckets.map((b) => bucketLabel(b.start, unit));
  const categoryNames = [
    ...new Set([
      ...Object.keys(summary.category_distribution ?? {}),
      ...buckets.flatMap((b) => Object.keys(b.by_category ?? {})),
    ]),
  ];
  const sentiments = summary.sentiment_distribution ?? {};
  return [
    chartFigure('Questions over time by category', `${summary.total_queries ?? 0} questions in the period`, {
      type: 'bar',
      data: {
        labels,
        datasets: categoryNames.map((name, i) => ({
          label: name,
          data: buckets.map((b) => b.by_category?.[name] ?? 0),
          backgroundColor: PALETTE[i % PALETTE.length],
        })),
      },
      options: { scales: stackedAxes },
    }),
    chartFigure('Escalation rate', `overall ${percent(summary.escalation_rate)}`, {
      type: 'line',
      data: {
        labels,
        datasets: [
          {
            label: 'Escalated %',
            data: buckets.map((b) => (b.queries ? (100 * b.escalations) / b.queries : 0)),
            borderColor: '#b3261e',
            backgroundColor: '#b3261e',
          },
        ],
      },
      options: { scales: { y: { beginAtZero: true, suggestedMax: 100 } } },
    }),
    chartFigure(
      'Sentiment mix',
      Object.entries(sentiments)
        .map(([name, count]) => `${name} ${count}`)
        .join(', ') || 'no questions',
      {
        type: 'doughnut',
        data: {
          labels: Object.keys(sentiments),
          datasets: [
            {
              label: 'Questions',
              data: Object.values(sentiments),
              backgroundColor: Object.keys(sentiments).map((k, i) => SENTIMENT_COLORS[k] ?? PALETTE[i]),
            },
          ],
        },
      },
    ),
    chartFigure('Average rating', ratingText(summary, 'of'), {
      type: 'line',
      data: {
        labels,
        datasets: [
          {
            label: 'Average rating',
            data: buckets.map((b) => b.avg_rating ?? null),
            borderColor: '#1f9d8b',
            backgroundColor: '#1f9d8b',
            spanGaps: true,
          },
        ],
      },
      options: { scales: { y: { min: 1, max: 5 } } },
    }),
    chartFigure('Webhook deliveries', 'succeeded versus failed in each period', {
      type: 'bar',
      data: {
        labels,
        datasets: [
          {
            label: 'Succeeded',
            data: buckets.map((b) => b.deliveries_succeeded ?? 0),
            backgroundColor: '#1f7a3a',
          },
          { label: 'Failed', data: buckets.map((b) => b.deliveries_failed ?? 0), backgroundColor: '#b3261e' },
        ],
      },
      options: { scales: stackedAxes },
    }),
  ];
}

export async function render(root, ctx) {
  const days = field(
    'Period',
    el(
      'select',
      {},
      [1, 7, 30, 90].map((d) =>
        el('option', { value: String(d), selected: d === 7 }, d === 1 ? 'Last 24 hours' : `Last ${d} days`),
      ),
    ),
  );
  const body = el('div');
  root.append(el('div', { class: 'field-row' }, days.wrap), body);
  let charts = [];
  const destroyCharts = () => {
    for (const chart of charts) chart.destroy();
    charts = [];
  };
  days.input.addEventListener('change', () => void load());

  async function load() {
    destroyCharts();
    clear(body, el('p', { class: 'muted' }, 'Loading…'));
    const period = Number(days.input.value);
    const unit = period <= 2 ? 'hour' : 'day';
    let summary;
    let series;
    try {
      [summary, series] = await Promise.all([
        ctx.api(`/api/v1/analytics/summary${qs({ days: period })}`),
        ctx.api(`/api/v1/analytics/timeseries${qs({ days: period, bucket: unit })}`),
      ]);
    } catch (err) {
      clear(body, el('div', { class: 'error', role: 'alert' }, `Could not load analytics: ${err.message}`));
      return;
    }
    const figures = chartFigures(summary, series.buckets ?? [], unit);
    clear(
      body,
      summaryCards(summary),
      el(
        'div',
        { class: 'charts' },
        figures.map((f) => f.figure),
      ),
      listSection(
        'reasons-title',
        'Top escalation reasons',
        null,
        (summary.top_escalation_reasons ?? []).map((r) => `${r.reason} — ${r.count}`),
        'No escalations in the period.',
      ),
      listSection(
        'unanswered-title',
        'Unanswered questions',
        'Questions no article matched: the knowledge gaps to write next.',
        (summary.unanswered_questions ?? []).map(
          (q) => `${q.question}${q.category ? ` (${q.category})` : ''}`,
        ),
        'None — every question found an article.',
      ),
    );
    try {
      const Chart = await loadChartJs();
      charts = figures.map((f) => f.draw(Chart));
    } catch (err) {
      body.prepend(el('div', { class: 'error', role: 'alert' }, `Charts unavailable: ${err.message}`));
    }
  }

  await load();
  return destroyCharts;
}
