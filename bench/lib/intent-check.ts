/**
 * The outside intent check (data/eval/intent-check.jsonl): HR questions phrased the way a public intent dataset
 * phrases them (time off, payroll, W-2, insurance, 401(k)), each labelled with its category only. It is measured,
 * never analysed: its lines are not printed or read for tuning, only two figures are reported — the category
 * and the share answered from an article (`answer.status` "answered"; the target is ≥ 93% and ≥ 90%).
 */
import type { Category, PipelineResult } from '../../src/modules/agents/types.js';
import { pct } from './triage-scores.js';

export interface IntentItem {
  message: string;
  category: Category;
}

export interface IntentRow {
  item: IntentItem;
  result: PipelineResult;
}

export function intentFigures(rows: readonly IntentRow[]) {
  return {
    n: rows.length,
    category: pct(rows.filter((row) => row.result.category === row.item.category).length, rows.length),
    'answered from an article': pct(
      rows.filter((row) => row.result.answer.status === 'answered').length,
      rows.length,
    ),
  };
}
