/**
 * Five-fold cross-validation of the scope model (is a message about work or HR at all?) on its own training
 * lines: out-of-scope lines caught, and HR lines lost as out of scope (category questions, escalation lines and
 * the hard in-scope look-alikes reported apart), per threshold. OUT_OF_SCOPE_THRESHOLD in scope-detector.ts is
 * chosen here, never on an evaluation file. Repeated lines stay in one fold. `--list` prints the held-out
 * mistakes at the shipped threshold.
 */
import { readConcernExamples } from '../src/modules/agents/concern-model.js';
import { OUT_OF_SCOPE_THRESHOLD } from '../src/modules/agents/scope-detector.js';
import { readScopeExamples, ScopeModel } from '../src/modules/agents/scope-model.js';
import { readCategoryExamples, spellerFor, trainingDirectory } from '../src/modules/agents/training-data.js';
import { analyzeText } from '../src/modules/nlp/analyze.js';
import { loadShippedArticles } from './kb-fixture.js';
import { fmt, table } from './lib/stats.js';

type Source = 'out of scope' | 'category' | 'escalation' | 'look-alike';
const speller = spellerFor(
  readCategoryExamples().map((example) => example.text),
  loadShippedArticles(),
);
const directory = trainingDirectory();
const lines: { source: Source; text: string }[] = [
  ...readScopeExamples(directory).map((example) => ({
    source: (example.outOfScope ? 'out of scope' : 'look-alike') as Source,
    text: example.text,
  })),
  ...readCategoryExamples().map((example) => ({ source: 'category' as Source, text: example.text })),
  ...readConcernExamples(directory).map((example) => ({
    source: 'escalation' as Source,
    text: example.text,
  })),
];
const examples = lines.map((line) => ({
  ...line,
  outOfScope: line.source === 'out of scope',
  analyzed: analyzeText(line.text, speller),
}));

const FOLDS = 5;
const foldOf = (text: string): number => {
  let hash = 0;
  for (const char of text.toLowerCase()) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  return hash % FOLDS;
};
const scored: { source: Source; score: number; text: string }[] = [];
for (let fold = 0; fold < FOLDS; fold++) {
  const model = new ScopeModel(
    examples
      .filter((example) => foldOf(example.text) !== fold)
      .map((example) => ({ outOfScope: example.outOfScope, text: example.analyzed })),
  );
  for (const example of examples)
    if (foldOf(example.text) === fold)
      scored.push({ source: example.source, score: model.outOfScope(example.analyzed), text: example.text });
}

const share = (source: Source, threshold: number): string => {
  const rows = scored.filter((row) => row.source === source);
  return `${fmt((100 * rows.filter((row) => row.score >= threshold).length) / rows.length, 1)}%`;
};
const count = (source: Source) => scored.filter((row) => row.source === source).length;
process.stdout.write(
  `${table(
    [0.5, 0.6, 0.7, 0.8, 0.85, 0.9, 0.95].map((threshold) => ({
      measure: `threshold ${threshold}${threshold === OUT_OF_SCOPE_THRESHOLD ? ' (shipped)' : ''}`,
      value: `caught ${share('out of scope', threshold)} of ${count('out of scope')}`,
      reference: `HR lines lost: category ${share('category', threshold)} of ${count('category')}, escalation ${share('escalation', threshold)} of ${count('escalation')}, look-alikes ${share('look-alike', threshold)} of ${count('look-alike')}`,
    })),
  )}\n`,
);
if (process.argv.includes('--list'))
  for (const row of scored)
    if ((row.source === 'out of scope') !== row.score >= OUT_OF_SCOPE_THRESHOLD)
      process.stdout.write(`${row.source}\t${row.score.toFixed(2)}\t${row.text}\n`);
