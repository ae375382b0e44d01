/**
 * The triage figures `npm run eval` prints for a labelled set: category, escalation recall, false escalations,
 * sentiment, recall per escalation kind and whether priority follows what is at stake.
 */
import type { Category, PipelineResult, Sentiment } from '../../src/modules/agents/types.js';

/** One labelled message; `kind` is present only in sets labelled by escalation kind (final-2). */
export interface TriageItem {
  message: string;
  category?: Category;
  sentiment?: Sentiment;
  escalate: boolean;
  kind?: string | null;
}

export interface TriageRow {
  item: TriageItem;
  result: PipelineResult;
}

export const KINDS = [
  'crisis',
  'violence',
  'harassment',
  'discrimination',
  'retaliation',
  'safety',
  'fraud',
  'legal',
  'human_request',
  'angry',
] as const;

/** The priority floor each kind of report must reach (the label guide), and the kinds that must outrank anger. */
const FLOORS: readonly { kinds: readonly string[]; floor: number; label: string }[] = [
  { kinds: ['crisis', 'violence'], floor: 10, label: 'crisis, violence at 10' },
  {
    kinds: ['harassment', 'discrimination', 'retaliation', 'safety'],
    floor: 8,
    label: 'harassment … safety ≥ 8',
  },
  { kinds: ['fraud', 'legal'], floor: 7, label: 'fraud, legal ≥ 7' },
];
const ABOVE_ANGER = ['crisis', 'violence', 'harassment', 'discrimination', 'retaliation', 'safety'];

export const pct = (n: number, d: number): string => (d === 0 ? 'n/a' : `${((100 * n) / d).toFixed(1)}%`);

/** The escalation kind the pipeline reported (`metadata.escalation_kind`), null when it did not escalate. */
export function reportedKind(result: PipelineResult): string | null {
  return result.escalationKind ?? null;
}

export function figures(rows: readonly TriageRow[]) {
  const escalate = rows.filter((row) => row.item.escalate);
  const calm = rows.filter((row) => !row.item.escalate);
  const categorized = rows.filter((row) => row.item.category !== undefined);
  const toned = rows.filter((row) => row.item.sentiment !== undefined);
  return {
    n: rows.length,
    category: pct(
      categorized.filter((row) => row.result.category === row.item.category).length,
      categorized.length,
    ),
    recall: pct(escalate.filter((row) => row.result.escalated).length, escalate.length),
    falseEscalations: pct(calm.filter((row) => row.result.escalated).length, calm.length),
    sentiment: pct(toned.filter((row) => row.result.sentiment === row.item.sentiment).length, toned.length),
  };
}

/** Recall per labelled kind; `same kind` counts escalations the pipeline filed under the labelled kind. */
export function recallPerKind(rows: readonly TriageRow[]) {
  const table: Record<
    string,
    { n: number; recall: string; 'same kind': string; 'lowest priority': number | '' }
  > = {};
  const kindsReported = rows.some((row) => reportedKind(row.result) !== null);
  for (const kind of KINDS) {
    const ofKind = rows.filter((row) => row.item.kind === kind);
    table[kind] = {
      n: ofKind.length,
      recall: pct(ofKind.filter((row) => row.result.escalated).length, ofKind.length),
      'same kind': kindsReported
        ? pct(ofKind.filter((row) => reportedKind(row.result) === kind).length, ofKind.length)
        : 'not reported',
      'lowest priority': ofKind.length === 0 ? '' : Math.min(...ofKind.map((row) => row.result.priority)),
    };
  }
  return table;
}

/**
 * Priority by what is at stake, over the labelled kinds: each floor, and the serious reports ranked above every
 * escalation the pipeline made only for anger (its kind `angry`, or, if it reports no kinds, escalated messages
 * labelled `angry`).
 */
export function priorityChecks(rows: readonly TriageRow[]) {
  const table: Record<string, { n: number; met: string }> = {};
  for (const { kinds, floor, label } of FLOORS) {
    const ofKinds = rows.filter((row) => kinds.includes(row.item.kind ?? ''));
    table[label] = {
      n: ofKinds.length,
      met: pct(ofKinds.filter((row) => row.result.priority >= floor).length, ofKinds.length),
    };
  }
  const kindsReported = rows.some((row) => reportedKind(row.result) !== null);
  const angerOnly = rows.filter((row) =>
    kindsReported ? reportedKind(row.result) === 'angry' : row.result.escalated && row.item.kind === 'angry',
  );
  const highestAnger = Math.max(0, ...angerOnly.map((row) => row.result.priority));
  const serious = rows.filter((row) => ABOVE_ANGER.includes(row.item.kind ?? ''));
  table[`above every anger-only escalation (highest ${highestAnger})`] = {
    n: serious.length,
    met: pct(serious.filter((row) => row.result.priority > highestAnger).length, serious.length),
  };
  return table;
}
