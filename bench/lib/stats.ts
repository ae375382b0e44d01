/** Small helpers shared by the benchmark scripts: percentiles, formatting and the printed table. */
export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index] as number;
}

export const fmt = (value: number, digits = 2) => (Number.isFinite(value) ? value.toFixed(digits) : 'n/a');

export const ratio = (value: number, reference: number) =>
  reference > 0 && Number.isFinite(value) ? `${((value / reference) * 100).toFixed(0)}%` : 'n/a';

export interface Row {
  measure: string;
  value: string;
  reference?: string;
  ratio?: string;
  target?: string;
}

/** Renders rows as a Markdown table (readable in a terminal and in docs/benchmarks.md alike). */
export function table(rows: Row[]): string {
  const header = ['Measure', 'Value', 'Reference (same run)', 'Ratio', 'Target'];
  const lines = rows.map((r) => [r.measure, r.value, r.reference ?? '', r.ratio ?? '', r.target ?? '']);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => (l[i] ?? '').length)));
  const render = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join(' | ')} |`;
  return [render(header), `| ${widths.map((w) => '-'.repeat(w)).join(' | ')} |`, ...lines.map(render)].join(
    '\n',
  );
}
