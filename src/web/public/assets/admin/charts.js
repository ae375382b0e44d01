import { el } from '../dom.js';

export const PALETTE = ['#2857c5', '#1f9d8b', '#e08a00', '#9b4dca', '#d0453b', '#5a8f29', '#6b7280'];

let chartLoader = null;
/** Chart.js (about 70 kB gzipped) is fetched only when the dashboard is opened, not on sign-in. */
export function loadChartJs() {
  if (window.Chart) return Promise.resolve(window.Chart);
  chartLoader ??= new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.src = '/assets/chart.js';
    script.addEventListener('load', () => resolve(window.Chart));
    script.addEventListener('error', () => {
      chartLoader = null;
      reject(new Error('the chart library did not load'));
    });
    document.head.append(script);
  });
  return chartLoader;
}

function formatCell(value) {
  if (value === null || value === undefined) return '—';
  return Number.isInteger(value) ? String(value) : Number(value).toFixed(2);
}

/** The numbers behind a chart as a table: what a screen reader (or a curious reader) can use instead. */
function dataTable(title, labels, datasets) {
  return el(
    'table',
    {},
    el('caption', { class: 'visually-hidden' }, title),
    el(
      'thead',
      {},
      el(
        'tr',
        {},
        el('th', { scope: 'col' }, ''),
        datasets.map((d) => el('th', { scope: 'col' }, d.label ?? 'Value')),
      ),
    ),
    el(
      'tbody',
      {},
      labels.map((label, row) =>
        el(
          'tr',
          {},
          el('th', { scope: 'row' }, label),
          datasets.map((d) => el('td', {}, formatCell(d.data[row]))),
        ),
      ),
    ),
  );
}

/**
 * A figure with a caption, the canvas (an image with a one-line summary for assistive technology) and a
 * collapsed table of the same data. draw(Chart) renders it and returns the Chart instance.
 */
export function chartFigure(title, summary, config) {
  const canvas = el('canvas', { role: 'img', 'aria-label': `${title}: ${summary}` });
  const figure = el(
    'figure',
    { class: 'chart-box' },
    el('figcaption', {}, el('h3', {}, title)),
    el('div', { class: 'canvas-wrap' }, canvas),
    el(
      'details',
      { class: 'chart-data' },
      el('summary', {}, 'Show the data'),
      el('div', { class: 'table-wrap' }, dataTable(title, config.data.labels, config.data.datasets)),
    ),
  );
  const base = { animation: false, maintainAspectRatio: false, responsive: true };
  return {
    figure,
    draw: (Chart) => new Chart(canvas, { ...config, options: { ...base, ...config.options } }),
  };
}

export const stackedAxes = {
  x: { stacked: true },
  y: { stacked: true, beginAtZero: true, ticks: { precision: 0 } },
};
