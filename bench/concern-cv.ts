/**
 * Five-fold cross-validation of the concern model on its own training data (data/training/escalation
 * plus the category questions as "no concern"). Prints recall and false-alarm rate per threshold, so the
 * threshold in sensitive-topic-detector.ts is chosen here and never on an evaluation file.
 */
import { type ConcernLabel, ConcernModel, readConcernExamples } from '../src/modules/agents/concern-model.js';
import { withoutHarmlessUses } from '../src/modules/agents/escalation/harmless-uses.js';
import {
  ordinaryQuestions,
  readCategoryExamples,
  trainingDirectory,
} from '../src/modules/agents/training-data.js';
import { analyzeText } from '../src/modules/nlp/analyze.js';

// Look-alikes (innocent.txt: alarming words used harmlessly) are kept apart from everyday questions (the
// category files), since the first are hard on purpose: false alarms are reported for each.
const examples: { label: ConcernLabel; lookAlike: boolean; text: ReturnType<typeof analyzeText> }[] = [
  ...readConcernExamples(trainingDirectory()).map((example) => ({
    ...example,
    lookAlike: example.label === 'none',
  })),
  ...ordinaryQuestions(readCategoryExamples()).map((text) => ({
    label: 'none' as const,
    lookAlike: false,
    text,
  })),
].map((example) => ({ label: example.label, lookAlike: example.lookAlike, text: analyzeText(example.text) }));

const FOLDS = 5;
const scored: {
  label: ConcernLabel;
  predicted: ConcernLabel;
  concern: boolean;
  lookAlike: boolean;
  score: number;
  text: string;
}[] = [];
for (let fold = 0; fold < FOLDS; fold++) {
  const model = new ConcernModel(examples.filter((_, i) => i % FOLDS !== fold));
  for (const [i, example] of examples.entries()) {
    if (i % FOLDS !== fold) continue;
    // Scored as the detector sees a message: with its harmless uses removed.
    const verdict = model.classify(analyzeText(withoutHarmlessUses(example.text.raw)));
    scored.push({
      label: example.label,
      predicted: verdict.label,
      concern: example.label !== 'none',
      lookAlike: example.lookAlike,
      score: verdict.concern,
      text: example.text.raw,
    });
  }
}
const positives = scored.filter((row) => row.concern);
const negatives = scored.filter((row) => !row.concern);
const everyday = negatives.filter((row) => !row.lookAlike);
const lookAlikes = negatives.filter((row) => row.lookAlike);
const rows: Record<string, { recall: string; falseAlarms: string; everyday: string; lookAlikes: string }> =
  {};
for (const threshold of [0.3, 0.4, 0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9, 0.95]) {
  const pct = (list: typeof scored) =>
    `${((100 * list.filter((row) => row.score >= threshold).length) / list.length).toFixed(1)}%`;
  rows[threshold.toFixed(2)] = {
    recall: pct(positives),
    falseAlarms: pct(negatives),
    everyday: pct(everyday),
    lookAlikes: pct(lookAlikes),
  };
}
console.log(
  `concern model, ${FOLDS}-fold CV: ${positives.length} concerns, ${everyday.length} everyday questions, ${lookAlikes.length} look-alikes`,
);
console.table(rows);

// Recall at a fixed false-alarm rate, the figure to compare model variants by.
const negativeScores = negatives.map((row) => row.score).sort((a, b) => b - a);
for (const rate of [0.01, 0.02, 0.053]) {
  const cut = negativeScores[Math.floor(rate * negativeScores.length)]!;
  const recall = positives.filter((row) => row.score > cut).length / positives.length;
  console.log(
    `recall at ${rate * 100}% false alarms: ${(100 * recall).toFixed(1)}% (threshold ${cut.toFixed(2)})`,
  );
}

// `--list`: the ordinary questions scored highest and the concerns scored lowest, to see what to add.
if (process.argv.includes('--list')) {
  const byScore = (a: (typeof scored)[number], b: (typeof scored)[number]) => b.score - a.score;
  console.log('highest-scored ordinary questions:');
  for (const row of negatives.sort(byScore).slice(0, 40))
    console.log(`  ${row.score.toFixed(2)} ${row.text}`);
  console.log('lowest-scored concerns:');
  for (const row of positives.sort(byScore).reverse().slice(0, 40))
    console.log(`  ${row.score.toFixed(2)} ${row.text}`);
}

// Per kind at the detector's threshold: recall of each kind's concerns, how often the kind is named right,
// and the false alarms the model would raise under each kind name.
const operating = Number(process.argv.find((arg) => arg.startsWith('--threshold='))?.split('=')[1] ?? 0.7);
const perKind: Record<string, { concerns: number; recall: string; kindRight: string; falseAlarms: number }> =
  {};
for (const label of new Set(positives.map((row) => row.label))) {
  const rows = positives.filter((row) => row.label === label);
  const share = (n: number) => `${((100 * n) / rows.length).toFixed(1)}%`;
  perKind[label] = {
    concerns: rows.length,
    recall: share(rows.filter((row) => row.score >= operating).length),
    kindRight: share(rows.filter((row) => row.predicted === label).length),
    falseAlarms: negatives.filter((row) => row.score >= operating && row.predicted === label).length,
  };
}
console.log(
  `per kind at threshold ${operating} (false alarms: ordinary messages the model would raise as that kind)`,
);
console.table(perKind);
const kindRight = positives.filter((row) => row.predicted === row.label).length;
console.log(`kind accuracy on held-out concerns: ${((100 * kindRight) / positives.length).toFixed(1)}%`);
