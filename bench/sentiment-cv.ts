/**
 * K-fold cross-validation of the sentiment model on its own training lines (data/training/sentiment),
 * then, with --sets, the whole pipeline's sentiment on the evaluation sets it may be measured on (dev,
 * fresh, escalation and blind checks; never the final check). Prints accuracy, the confusion matrix and
 * the figures that matter for escalation: how many Angry messages are read as Angry, and how many calm
 * ones are read as Angry.
 *
 *   npx tsx bench/sentiment-cv.ts [--folds 5] [--errors] [--sets] [--list]
 *
 * --errors lists the held-out training mistakes; --list lists the blind and dev check mistakes (for
 * error analysis only: their messages are never copied into training).
 */
import { readFileSync } from 'node:fs';
import { createOrchestrator } from '../src/modules/agents/orchestrator.js';
import {
  readSentimentExamples,
  SENTIMENTS,
  type SentimentExample,
  SentimentModel,
  sharedSentimentModel,
} from '../src/modules/agents/sentiment-model.js';
import type { Sentiment } from '../src/modules/agents/types.js';
import { loadShippedArticles } from './kb-fixture.js';
import { argument } from './lib/args.js';

const FOLDS = Number(argument('--folds') ?? 5);

interface Row {
  message: string;
  expected: Sentiment;
  got: Sentiment;
}

const pct = (n: number, d: number): string => (d === 0 ? 'n/a' : `${((100 * n) / d).toFixed(1)}%`);

function report(title: string, rows: readonly Row[]): void {
  const correct = rows.filter((row) => row.expected === row.got).length;
  const angry = rows.filter((row) => row.expected === 'Angry');
  const calm = rows.filter((row) => row.expected !== 'Angry');
  console.log(
    `\n${title}: n=${rows.length} accuracy ${pct(correct, rows.length)}; Angry recall ${pct(
      angry.filter((row) => row.got === 'Angry').length,
      angry.length,
    )}; calm read as Angry ${pct(calm.filter((row) => row.got === 'Angry').length, calm.length)}`,
  );
  const matrix: Record<string, Record<string, number>> = {};
  for (const expected of SENTIMENTS) {
    matrix[expected] = {};
    for (const got of SENTIMENTS)
      matrix[expected]![got] = rows.filter((row) => row.expected === expected && row.got === got).length;
  }
  console.table(matrix);
}

function listMistakes(rows: readonly Row[]): void {
  for (const row of rows)
    if (row.expected !== row.got)
      console.log(
        `  - ${JSON.stringify(row.message)} → ${row.got} (expected ${row.expected}) [${Array.from(
          sharedSentimentModel().probabilities(row.message),
          (p) => p.toFixed(2),
        ).join(' ')}]`,
      );
}

// Cross-validation: the folds interleave each label's lines, so every fold holds every label.
const examples = readSentimentExamples();
const fold = new Map<SentimentExample, number>();
for (const sentiment of SENTIMENTS) {
  const lines = examples.filter((example) => example.sentiment === sentiment);
  for (const [i, example] of lines.entries()) fold.set(example, i % FOLDS);
}
const cvRows: Row[] = [];
const started = performance.now();
for (let k = 0; k < FOLDS; k++) {
  const model = new SentimentModel(
    examples.filter((example) => fold.get(example) !== k),
    null,
  );
  for (const example of examples.filter((example) => fold.get(example) === k)) {
    const probabilities = model.probabilities(example.text);
    let best = 0;
    for (let i = 1; i < probabilities.length; i++) if (probabilities[i]! > probabilities[best]!) best = i;
    cvRows.push({ message: example.text, expected: example.sentiment, got: SENTIMENTS[best]! });
  }
}
const perFold = (performance.now() - started) / FOLDS;
const counts = SENTIMENTS.map((s) => `${s} ${examples.filter((e) => e.sentiment === s).length}`).join(', ');
console.log(`Training lines: ${examples.length} (${counts}); ${perFold.toFixed(0)} ms per fold`);
report(`${FOLDS}-fold cross-validation (model alone)`, cvRows);
if (process.argv.includes('--errors')) listMistakes(cvRows);

if (process.argv.includes('--sets') || process.argv.includes('--list')) {
  const { orchestrator } = createOrchestrator(loadShippedArticles());
  const sets: Record<string, Row[]> = {};
  const sentimentMs: number[] = [];
  const pipelineMs: number[] = [];
  for (const file of ['dev-set', 'fresh-check', 'escalation-check', 'blind-check']) {
    const items = readFileSync(new URL(`../data/eval/${file}.jsonl`, import.meta.url), 'utf8')
      .split('\n')
      .filter((line) => line.trim().length > 0)
      .map((line) => JSON.parse(line) as { message: string; sentiment: Sentiment });
    const rows: Row[] = [];
    for (const [position, item] of items.entries()) {
      const result = await orchestrator.run({
        message: item.message,
        conversationId: `${file}-${position}`,
        history: [],
        previousQuestions: [],
        isVip: false,
      });
      rows.push({ message: item.message, expected: item.sentiment, got: result.sentiment });
      sentimentMs.push(result.trace.find((step) => step.agent === 'sentiment-analyzer')?.duration_ms ?? 0);
      pipelineMs.push(result.trace.reduce((sum, step) => sum + step.duration_ms, 0));
    }
    sets[file] = rows;
    report(`${file} (whole pipeline)`, rows);
  }
  const median = (values: number[]): string =>
    values.sort((a, b) => a - b)[Math.floor(values.length / 2)]!.toFixed(3);
  console.log(
    `\nLatency p50 over the sets: sentiment ${median(sentimentMs)} ms, whole pipeline ${median(pipelineMs)} ms`,
  );
  if (process.argv.includes('--list')) {
    console.log('\nBlind check mistakes (analysis only, never copied into training)');
    listMistakes(sets['blind-check']!);
    console.log('\nDev set mistakes');
    listMistakes(sets['dev-set']!);
  }
}
