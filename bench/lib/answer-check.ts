/**
 * The answer check: does the reply state the asked-for fact, from the right article; does it say so when no
 * article covers a question; does it keep out of questions that are not about HR. Read from
 * data/eval/answer-check-tune.jsonl (may be analysed: `npm run eval -- --answers` lists its misses) and
 * data/eval/answer-check-holdout.jsonl (only ever scored here; its lines are never printed).
 */
import { existsSync, readFileSync } from 'node:fs';
import type { PipelineResult } from '../../src/modules/agents/types.js';
import { pct } from './triage-scores.js';

type Style = 'terse' | 'typo' | 'personal' | 'indirect' | 'non_english';

export type AnswerCheckItem =
  | { kind: 'answerable'; message: string; article: string; accept: string[]; style: Style; lang: string }
  | { kind: 'not_covered'; message: string; style: Style; lang: string }
  | { kind: 'out_of_scope'; message: string; topic: string; lang: string };

interface Row {
  item: AnswerCheckItem;
  result: PipelineResult;
}

const collapse = (text: string): string => text.toLowerCase().replace(/\s+/g, ' ');

/** The reply states the fact when its text contains one of the accepted wordings (case and spacing aside). */
export function statesFact(item: { accept: string[] }, response: string): boolean {
  const text = collapse(response);
  return item.accept.some((accepted) => text.includes(collapse(accepted)));
}

const firstArticle = (result: PipelineResult): string | undefined =>
  result.answer.articles[0]?.title ?? result.kbResults[0]?.title;

/** Asking for a person makes an escalation the right way to offer one. */
const ASKS_FOR_A_PERSON =
  /\b(person|human|someone|somebody|representative|real (agent|people)|persona|humano|alguien|personne|humain|quelqu'un|mensch|jemand)\b/i;

function correct(row: Row): boolean {
  const { item, result } = row;
  if (item.kind === 'answerable') return statesFact(item, result.response);
  if (item.kind === 'not_covered')
    return (
      result.answer.status === 'not_covered' ||
      (result.answer.status === 'escalated' && ASKS_FOR_A_PERSON.test(item.message))
    );
  return (
    result.answer.articles.length === 0 &&
    (result.answer.status === 'out_of_scope' || result.answer.status === 'not_covered') &&
    !result.escalated
  );
}

function readSet(file: string): AnswerCheckItem[] | null {
  const url = new URL(`../../data/eval/${file}`, import.meta.url);
  if (!existsSync(url)) {
    console.log(`data/eval/${file} is missing: its answer-check rows are skipped.`);
    return null;
  }
  return readFileSync(url, 'utf8')
    .split('\n')
    .filter((line) => line.trim().length > 0)
    .map((line) => JSON.parse(line) as AnswerCheckItem);
}

function summary(rows: Row[]) {
  const answerable = rows.filter((row) => row.item.kind === 'answerable');
  const gaps = rows.filter((row) => row.item.kind === 'not_covered');
  const outside = rows.filter((row) => row.item.kind === 'out_of_scope');
  return {
    answerable: answerable.length,
    'states the fact': pct(answerable.filter(correct).length, answerable.length),
    'right article first': pct(
      answerable.filter(
        (row) => row.item.kind === 'answerable' && firstArticle(row.result) === row.item.article,
      ).length,
      answerable.length,
    ),
    'not covered': gaps.length,
    'says so': pct(gaps.filter(correct).length, gaps.length),
    'out of scope': outside.length,
    'no article, not escalated': pct(outside.filter(correct).length, outside.length),
    escalated: pct(outside.filter((row) => row.result.escalated).length, outside.length),
  };
}

/**
 * Scores both parts with `ask` (the tune part only with `skipHoldout`) and prints the figures, overall and per
 * style; lists tune misses if asked.
 */
export async function reportAnswerCheck(
  ask: (message: string, conversationId: string) => Promise<PipelineResult>,
  { listTuneMisses = false, skipHoldout = false }: { listTuneMisses?: boolean; skipHoldout?: boolean } = {},
): Promise<void> {
  const parts: [string, AnswerCheckItem[] | null][] = [
    ['tune (analysed)', readSet('answer-check-tune.jsonl')],
    ['holdout (never read)', skipHoldout ? null : readSet('answer-check-holdout.jsonl')],
  ];
  const scored: [string, Row[]][] = [];
  for (const [name, items] of parts) {
    if (!items) continue;
    const rows: Row[] = [];
    for (const [position, item] of items.entries())
      rows.push({ item, result: await ask(item.message, `answer-check-${name}-${position}`) });
    scored.push([name, rows]);
  }
  if (scored.length === 0) return;
  console.log(
    'Answer check (data/eval/answer-check-*.jsonl): the reply states the fact, from the right article',
  );
  const table: Record<string, ReturnType<typeof summary>> = {};
  for (const [name, rows] of scored) table[name] = summary(rows);
  console.table({
    ...table,
    target: {
      answerable: 0,
      'states the fact': '≥ 85%',
      'right article first': '≥ 90%',
      'not covered': 0,
      'says so': '≥ 95%',
      'out of scope': 0,
      'no article, not escalated': '≥ 97%',
      escalated: '≤ 0.5%',
    },
  });
  console.log(
    'Answer check per style (answerable: states the fact / right article first; not covered: says so)',
  );
  const styles: Record<string, Record<string, string>> = {};
  for (const [name, rows] of scored) {
    for (const style of ['terse', 'typo', 'personal', 'indirect', 'non_english'] as const) {
      const ofStyle = rows.filter((row) => row.item.kind !== 'out_of_scope' && row.item.style === style);
      const s = summary(ofStyle);
      styles[`${name.split(' ')[0]} ${style}`] = {
        answerable: String(s.answerable),
        'states the fact': s['states the fact'],
        'right article first': s['right article first'],
        'not covered': String(s['not covered']),
        'says so': s['says so'],
      };
    }
  }
  console.table(styles);
  if (!listTuneMisses) return;
  const tune = scored.find(([name]) => name.startsWith('tune'))?.[1] ?? [];
  console.log('Answer-check tune misses (the holdout part is never listed):');
  for (const row of tune) {
    const { item, result } = row;
    const articleWrong = item.kind === 'answerable' && firstArticle(result) !== item.article;
    if (correct(row) && !articleWrong) continue;
    const expected = item.kind === 'answerable' ? `${item.article} / ${item.accept.join(' | ')}` : item.kind;
    console.log(
      `  - [${item.kind}] ${JSON.stringify(item.message)} → ${result.answer.status} ${firstArticle(result) ?? ''} (want ${expected})\n      ${JSON.stringify(result.response.slice(0, 400))}`,
    );
  }
}
