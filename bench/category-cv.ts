/**
 * K-fold cross-validation of the categorizer on its own training lines (data/training/categories).
 * Each fold trains the category model and the spelling vocabulary without its held-out lines (the
 * knowledge-base articles stay in, as in production), then scores the held-out lines two ways: the
 * trained model alone, and the whole pipeline (article votes and topic priors included). Prints the
 * accuracy, per-category recall, the confusion matrix and, with --errors, the held-out mistakes.
 * Model and feature changes are judged here first, never on an evaluation file.
 *
 *   npx tsx bench/category-cv.ts [--folds 5] [--share 0.3] [--errors]
 *
 * --share sets the regression's share of the model blend (0 = naive Bayes alone).
 * --always-train MARK keeps the lines below any `#` header containing MARK in every training fold and
 * never scores them: it measures whether newly written lines help the model on the older ones.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { CategoryModel } from '../src/modules/agents/category-model.js';
import { Orchestrator } from '../src/modules/agents/orchestrator.js';
import {
  articleExamples,
  loadTrainedModel,
  readCategoryExamples,
  spellerFor,
  trainingDirectory,
} from '../src/modules/agents/training-data.js';
import { CATEGORIES, type Category } from '../src/modules/agents/types.js';
import { KnowledgeIndex } from '../src/modules/knowledge/retrieval-index.js';
import { analyzeText } from '../src/modules/nlp/analyze.js';
import { loadShippedArticles } from './kb-fixture.js';
import { argument } from './lib/args.js';

const FOLDS = Number(argument('--folds') ?? 5);
const share = argument('--share');
const alwaysTrain = argument('--always-train');
const showErrors = process.argv.includes('--errors');

const articles = loadShippedArticles();
const index = new KnowledgeIndex(articles);
// The concern model only decides escalation and the topic priors; it is trained once, on everything.
const { concerns, scope, articles: articleMatcher } = loadTrainedModel(articles);
const examples = readCategoryExamples();

const fromArticles = articleExamples(articles);

type Confusion = number[][];
const emptyConfusion = (): Confusion => CATEGORIES.map(() => CATEGORIES.map(() => 0));
const modelConfusion = emptyConfusion();
const pipelineConfusion = emptyConfusion();
const errors: string[] = [];

/** Lines written below a header containing `mark` (see --always-train). */
function linesBelowMark(mark: string): Set<string> {
  const out = new Set<string>();
  const folder = join(trainingDirectory(), 'categories');
  for (const file of readdirSync(folder)) {
    let below = false;
    for (const line of readFileSync(join(folder, file), 'utf8').split('\n')) {
      const text = line.trim();
      if (text.startsWith('#')) below = text.includes(mark);
      else if (below && text.length > 0) out.add(text);
    }
  }
  return out;
}
const fixed = alwaysTrain === undefined ? new Set<string>() : linesBelowMark(alwaysTrain);

// Fold by position within each category file, so every fold holds a share of every category. A line
// repeated in its file (case and punctuation aside) goes to the fold of its first copy, or the model
// would be scored on lines it was trained on.
const positionInFile = new Map<Category, number>();
const foldOfLine = new Map<string, number>();
const fold = examples.map((example) => {
  if (fixed.has(example.text)) return -1;
  const key = `${example.category}|${example.text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()}`;
  const seen = foldOfLine.get(key);
  if (seen !== undefined) return seen;
  const position = positionInFile.get(example.category) ?? 0;
  positionInFile.set(example.category, position + 1);
  foldOfLine.set(key, position % FOLDS);
  return position % FOLDS;
});

const started = performance.now();
for (let f = 0; f < FOLDS; f++) {
  const training = examples.filter((_, i) => fold[i] !== f);
  const speller = spellerFor(
    training.map((example) => example.text),
    articles,
  );
  const categories = new CategoryModel(
    [
      ...training.map((example) => ({
        category: example.category,
        text: analyzeText(example.text, speller),
      })),
      ...fromArticles,
    ],
    share === undefined ? {} : { regressionShare: Number(share) },
  );
  const orchestrator = new Orchestrator({
    index,
    model: { categories, speller, concerns, scope, articles: articleMatcher },
  });
  for (const [i, example] of examples.entries()) {
    if (fold[i] !== f) continue;
    const expected = CATEGORIES.indexOf(example.category);
    const alone = categories.predict(analyzeText(example.text, speller)).category;
    modelConfusion[expected]![CATEGORIES.indexOf(alone)]!++;
    const result = await orchestrator.run({
      message: example.text,
      conversationId: `cv-${i}`,
      history: [],
      previousQuestions: [],
      isVip: false,
    });
    pipelineConfusion[expected]![CATEGORIES.indexOf(result.category)]!++;
    if (result.category !== example.category)
      errors.push(`${example.category} → ${result.category} (model ${alone}): ${example.text}`);
  }
}

const accuracy = (matrix: Confusion): string => {
  let right = 0;
  let total = 0;
  for (let i = 0; i < matrix.length; i++)
    for (let j = 0; j < matrix.length; j++) {
      total += matrix[i]![j]!;
      if (i === j) right += matrix[i]![j]!;
    }
  return `${((100 * right) / total).toFixed(1)}%`;
};
const short = (category: Category): string => category.slice(0, 6);
const table = (matrix: Confusion) => {
  const rows: Record<string, Record<string, number | string>> = {};
  for (const [i, category] of CATEGORIES.entries()) {
    const row: Record<string, number | string> = {};
    const total = matrix[i]!.reduce((a, b) => a + b, 0);
    for (const [j, predicted] of CATEGORIES.entries()) row[short(predicted)] = matrix[i]![j]!;
    row.recall = `${((100 * matrix[i]![i]!) / total).toFixed(1)}%`;
    rows[category] = row;
  }
  return rows;
};

console.log(
  `category model, ${FOLDS}-fold CV over ${examples.length - fixed.size} training lines` +
    (fixed.size > 0 ? ` (+${fixed.size} always in training)` : ''),
);
console.log(`model alone: ${accuracy(modelConfusion)}   whole pipeline: ${accuracy(pipelineConfusion)}`);
console.log('pipeline confusion (rows: expected, columns: predicted)');
console.table(table(pipelineConfusion));
console.log(`(${((performance.now() - started) / 1000).toFixed(1)} s)`);
if (showErrors) for (const line of errors.sort()) console.log(`  ${line}`);
