import { qs } from '../api.js';
import { clear, el, field, formatDuration, percent } from '../dom.js';

const PALETTE = ['#2857c5', '#1f9d8b', '#e08a00', '#9b4dca', '#d0453b', '#5a8f29', '#6b7280'];
const SENTIMENT_COLORS = { Positive: '#1f7a3a', Neutral: '#8a94a6', Negative: '#e08a00', Angry: '#b3261e' };

let chartLoader = null;
/** Chart.js (about 70 kB gzipped) is fetched only when the dashboard is opened. */
function loadChartJs() {
  if (window.Chart) return Promise.resolve(window.Chart);
  chartLoader ??= new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.src = '/assets/chart.js';
    script.onload = () => resolve(window.Chart);
    script.onerror = () => {
      chartLoader = null;
      reject(new Error('the chart library did not load'));
    };
    document.head.append(script);
  });
  return chartLoader;
}

const pick = (object, ...names) => {
  for (const name of names) if (object?.[name] !== undefined && object[name] !== null) return object[name];
  return undefined;
};

function bucketLabel(bucket, unit) {
  const raw = pick(bucket, 'bucket', 'start', 'timestamp', 'period', 'date');
  const date = new Date(raw);
  if (Number.isNaN(date.getTime())) return String(raw ?? '');
  return unit === 'hour'
    ? date.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' })
    : date.toLocaleDateString([], { month: 'short', day: 'numeric' });
}

function distribution(value) {
  // Accept { Payroll: 3 } or [{ category: 'Payroll', count: 3 }].
  if (Array.isArray(value)) {
    return Object.fromEntries(
      value.map((entry) => [
        pick(entry, 'category', 'sentiment', 'name', 'key', 'reason'),
        Number(pick(entry, 'count', 'value') ?? 0),
      ]),
    );
  }
  return value && typeof value === 'object' ? value : {};
}

function card(label, value) {
  return el(
    'div',
    { class: 'card' },
    el('div', { class: 'value' }, value),
    el('div', { class: 'label' }, label),
  );
}

function chartBox(title, description) {
  const canvas = el('canvas', { role: 'img', 'aria-label': `${title}: ${description}` });
  return {
    canvas,
    box: el(
      'figure',
      { class: 'chart-box' },
      el('figcaption', {}, el('h3', {}, title)),
      el('div', { class: 'canvas-wrap' }, canvas),
    ),
  };
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
    const bucket = period <= 2 ? 'hour' : 'day';
    let summary;
    let series;
    try {
      [summary, series] = await Promise.all([
        ctx.api(`/api/v1/analytics/summary${qs({ days: period })}`),
        ctx.api(`/api/v1/analytics/timeseries${qs({ days: period, bucket })}`),
      ]);
    } catch (err) {
      clear(body, el('div', { class: 'error', role: 'alert' }, `Could not load analytics: ${err.message}`));
      return;
    }
    const buckets =
      pick(series, 'buckets', 'series', 'points', 'data') || (Array.isArray(series) ? series : []);
    const labels = buckets.map((b) => bucketLabel(b, bucket));
    const categories = distribution(pick(summary, 'category_distribution', 'by_category'));
    const sentiments = distribution(pick(summary, 'sentiment_distribution', 'by_sentiment'));
    const unanswered = pick(summary, 'unanswered_questions') || [];
    const reasons = distribution(pick(summary, 'top_escalation_reasons'));
    const rating = pick(summary, 'avg_rating');
    const totalQueries = Number(pick(summary, 'total_queries') ?? 0);

    const cards = el(
      'div',
      { class: 'cards' },
      card('Questions', String(totalQueries)),
      card('Escalation rate', percent(pick(summary, 'escalation_rate'))),
      card('Resolution rate', percent(pick(summary, 'resolution_rate'))),
      card('Average rating', rating === undefined ? '—' : `${Number(rating).toFixed(2)} / 5`),
      card(
        'Avg response time',
        (() => {
          const t = pick(summary, 'avg_response_time');
          return t === undefined ? '—' : `${(Number(t) * 1000).toFixed(1)} ms`;
        })(),
      ),
      card('Median time to resolution', formatDuration(pick(summary, 'median_time_to_resolution_seconds'))),
    );

    const byCategory = chartBox('Questions over time by category', `${totalQueries} questions in the period`);
    const escalation = chartBox('Escalation rate', `overall ${percent(pick(summary, 'escalation_rate'))}`);
    const sentiment = chartBox(
      'Sentiment mix',
      Object.entries(sentiments)
        .map(([k, v]) => `${k} ${v}`)
        .join(', ') || 'no data',
    );
    const ratingChart = chartBox(
      'Average rating',
      rating === undefined ? 'no ratings yet' : `${Number(rating).toFixed(2)} of 5`,
    );
    const deliveries = chartBox('Webhook deliveries', 'succeeded versus failed per period');

    clear(
      body,
      cards,
      el(
        'div',
        { class: 'charts' },
        byCategory.box,
        escalation.box,
        sentiment.box,
        ratingChart.box,
        deliveries.box,
      ),
      el(
        'section',
        { class: 'panel', 'aria-labelledby': 'reasons-title' },
        el('h3', { id: 'reasons-title' }, 'Top escalation reasons'),
        Object.keys(reasons).length
          ? el(
              'ul',
              {},
              Object.entries(reasons).map(([reason, count]) => el('li', {}, `${reason} — ${count}`)),
            )
          : el('p', { class: 'muted' }, 'No escalations in the period.'),
      ),
      el(
        'section',
        { class: 'panel', 'aria-labelledby': 'unanswered-title' },
        el('h3', { id: 'unanswered-title' }, 'Unanswered questions'),
        el('p', { class: 'muted' }, 'Questions no article matched: the knowledge gaps to write next.'),
        unanswered.length
          ? el(
              'ul',
              { class: 'unanswered' },
              unanswered.map((q) =>
                el(
                  'li',
                  {},
                  typeof q === 'string'
                    ? q
                    : `${pick(q, 'message', 'query', 'question', 'text') ?? ''}${q.category ? ` (${q.category})` : ''}`,
                ),
              ),
            )
          : el('p', {}, 'None — every question found an article.'),
      ),
    );

    let Chart;
    try {
      Chart = await loadChartJs();
    } catch (err) {
      body.prepend(el('div', { class: 'error', role: 'alert' }, `Charts unavailable: ${err.message}`));
      return;
    }
    const base = { animation: false, maintainAspectRatio: false, responsive: true };
    const categoryNames = new Set(Object.keys(categories));
    for (const b of buckets)
      for (const name of Object.keys(distribution(pick(b, 'by_category', 'categories'))))
        categoryNames.add(name);
    const perCategory = buckets.some((b) => pick(b, 'by_category', 'categories'));
    const queryDatasets = perCategory
      ? [...categoryNames].map((name, i) => ({
          label: name,
          data: buckets.map((b) => Number(distribution(pick(b, 'by_category', 'categories'))[name] ?? 0)),
          backgroundColor: PALETTE[i % PALETTE.length],
        }))
      : [
          {
            label: 'Questions',
            data: buckets.map((b) => Number(pick(b, 'queries', 'total_queries') ?? 0)),
            backgroundColor: PALETTE[0],
          },
        ];
    charts.push(
      new Chart(byCategory.canvas, {
        type: 'bar',
        data: { labels, datasets: queryDatasets },
        options: {
          ...base,
          scales: { x: { stacked: true }, y: { stacked: true, beginAtZero: true, ticks: { precision: 0 } } },
        },
      }),
      new Chart(escalation.canvas, {
        type: 'line',
        data: {
          labels,
          datasets: [
            {
              label: 'Escalated %',
              data: buckets.map((b) => {
                const q = Number(pick(b, 'queries', 'total_queries') ?? 0);
                return q ? (100 * Number(pick(b, 'escalations', 'escalated') ?? 0)) / q : 0;
              }),
              borderColor: '#b3261e',
              backgroundColor: '#b3261e',
            },
          ],
        },
        options: { ...base, scales: { y: { beginAtZero: true, suggestedMax: 100 } } },
      }),
      new Chart(sentiment.canvas, {
        type: 'doughnut',
        data: {
          labels: Object.keys(sentiments),
          datasets: [
            {
              data: Object.values(sentiments),
              backgroundColor: Object.keys(sentiments).map((k, i) => SENTIMENT_COLORS[k] ?? PALETTE[i]),
            },
          ],
        },
        options: base,
      }),
      new Chart(ratingChart.canvas, {
        type: 'line',
        data: {
          labels,
          datasets: [
            {
              label: 'Average rating',
              data: buckets.map((b) => pick(b, 'avg_rating', 'average_rating') ?? null),
              borderColor: '#1f9d8b',
              backgroundColor: '#1f9d8b',
              spanGaps: true,
            },
          ],
        },
        options: { ...base, scales: { y: { min: 1, max: 5 } } },
      }),
      new Chart(deliveries.canvas, {
        type: 'bar',
        data: {
          labels,
          datasets: [
            {
              label: 'Succeeded',
              data: buckets.map((b) =>
                Number(
                  pick(b, 'deliveries_succeeded', 'webhook_deliveries_succeeded', 'webhook_success') ?? 0,
                ),
              ),
              backgroundColor: '#1f7a3a',
            },
            {
              label: 'Failed',
              data: buckets.map((b) =>
                Number(pick(b, 'deliveries_failed', 'webhook_deliveries_failed', 'webhook_failed') ?? 0),
              ),
              backgroundColor: '#b3261e',
            },
          ],
        },
        options: {
          ...base,
          scales: { x: { stacked: true }, y: { stacked: true, beginAtZero: true, ticks: { precision: 0 } } },
        },
      }),
    );
  }

  await load();
  return destroyCharts;
}
