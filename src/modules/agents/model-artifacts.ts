import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { ArticleMatcher, type ArticleMatcherSnapshot } from '../knowledge/article-matcher.js';
import { readArticleFile, SHIPPED_ARTICLES_FILE } from '../knowledge/seed.js';
import { analyzeText } from '../nlp/analyze.js';
import { sharingStrings } from '../nlp/snapshot.js';
import { Speller, type SpellerSnapshot } from '../nlp/spelling.js';
import { CategoryModel, type CategorySnapshot } from './category-model.js';
import { ConcernModel, type ConcernSnapshot } from './concern-model.js';
import { ScopeModel, type ScopeSnapshot } from './scope-model.js';
import { readSentimentExamples, SentimentModel, type SentimentSnapshot } from './sentiment-model.js';
import {
  type ArticleText,
  articlesKey,
  readCategoryExamples,
  spellerFor,
  type TrainedModel,
  trainArticleMatcher,
  trainCategories,
  trainConcerns,
  trainingDirectory,
  trainScope,
} from './training-data.js';
import type { AnalyzedText, Category } from './types.js';

/**
 * The trained models ship as artifacts: `npm run train` trains every model from data/training and the shipped
 * articles and writes data/models/<name>.json; the app loads those at start instead of training (seconds of CPU
 * and ~100 MB of transient memory). Each artifact names its format and the hash of the training input it was
 * trained on. When the training files changed since (or an artifact is missing), the app trains at start as
 * before and says so, so a forgotten `npm run train` costs start-up time, never wrong answers; a test checks
 * that the shipped artifacts are exactly what training produces now.
 */
export const ARTIFACT_FORMAT = 1;

/** Every model the app uses, as loaded from the artifacts. */
export interface ShippedModels extends TrainedModel {
  sentiment: SentimentModel;
}

interface TrainingInput {
  examples: { category: Category; text: string }[];
  articles: ArticleText[];
  /** The category lines analyzed with the speller (computed once, shared by the models that need it). */
  analyzed(speller: Speller): AnalyzedText[];
}

/**
 * One trained model: how to train it (from the training input and the models listed before it, as restored
 * from their snapshots), how to snapshot it and how to restore it. Adding a model is one entry here.
 */
interface ModelSpec<Name extends keyof ShippedModels, Snapshot> {
  name: Name;
  train(input: TrainingInput, before: Partial<ShippedModels>): ShippedModels[Name];
  snapshot(model: ShippedModels[Name]): Snapshot;
  restore(snapshot: Snapshot): ShippedModels[Name];
}

const spec = <Name extends keyof ShippedModels, Snapshot>(s: ModelSpec<Name, Snapshot>) =>
  s as unknown as ModelSpec<keyof ShippedModels, unknown>;

/** In training order: the speller first, since the others read their lines through it. */
export const MODEL_SPECS = [
  spec({
    name: 'speller',
    train: ({ examples, articles }) =>
      spellerFor(
        examples.map((example) => example.text),
        articles,
      ),
    snapshot: (model: Speller): SpellerSnapshot => model.toSnapshot(),
    restore: (snapshot: SpellerSnapshot) => Speller.fromSnapshot(snapshot),
  }),
  spec({
    name: 'categories',
    train: (input, { speller }) => trainCategories(input.examples, input.analyzed(speller!), input.articles),
    snapshot: (model: CategoryModel): CategorySnapshot => model.toSnapshot(),
    restore: (snapshot: CategorySnapshot) => CategoryModel.fromSnapshot(snapshot),
  }),
  spec({
    name: 'concerns',
    train: (input, { speller }) => trainConcerns(input.examples, input.analyzed(speller!), speller!),
    snapshot: (model: ConcernModel): ConcernSnapshot => model.toSnapshot(),
    restore: (snapshot: ConcernSnapshot) => ConcernModel.fromSnapshot(snapshot),
  }),
  spec({
    name: 'scope',
    train: (input, { speller }) => trainScope(input.analyzed(speller!), speller!),
    snapshot: (model: ScopeModel): ScopeSnapshot => model.toSnapshot(),
    restore: (snapshot: ScopeSnapshot) => ScopeModel.fromSnapshot(snapshot),
  }),
  spec({
    name: 'articles',
    train: (input, { speller }) => trainArticleMatcher(input.articles, speller!),
    snapshot: (model: ArticleMatcher): ArticleMatcherSnapshot => model.toSnapshot(),
    restore: (snapshot: ArticleMatcherSnapshot) => ArticleMatcher.fromSnapshot(snapshot),
  }),
  spec({
    name: 'sentiment',
    train: () => new SentimentModel(readSentimentExamples()),
    snapshot: (model: SentimentModel): SentimentSnapshot => model.toSnapshot(),
    restore: (snapshot: SentimentSnapshot) => SentimentModel.fromSnapshot(snapshot),
  }),
];

/** data/models, next to data/training. */
export function modelsDirectory(): string {
  return join(dirname(trainingDirectory()), 'models');
}

function listFiles(directory: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(directory).sort()) {
    const path = join(directory, entry);
    if (statSync(path).isDirectory()) out.push(...listFiles(path));
    else out.push(path);
  }
  return out;
}

/** sha256 over every file under data/training and the shipped articles (paths and contents). */
export function trainingHash(): string {
  const hash = createHash('sha256');
  const training = trainingDirectory();
  const root = dirname(dirname(training));
  for (const file of [...listFiles(training), SHIPPED_ARTICLES_FILE]) {
    hash.update(relative(root, file).split('\\').join('/'));
    hash.update('\0');
    hash.update(readFileSync(file));
    hash.update('\0');
  }
  return `sha256:${hash.digest('hex')}`;
}

function shippedArticles(): ArticleText[] {
  return readArticleFile(SHIPPED_ARTICLES_FILE).map((article) => ({
    title: article.title,
    content: article.content,
    tags: article.tags ?? [],
    category: article.category as Category,
  }));
}

let shippedKey: string | undefined;

/** articlesKey() of the shipped articles. */
export function shippedArticlesKey(): string {
  shippedKey ??= articlesKey(shippedArticles());
  return shippedKey;
}

/** Trains every model from the training files and the shipped articles; returns each one's snapshot. */
export function trainSnapshots(): Map<keyof ShippedModels, unknown> {
  let analyzed: { speller: Speller; lines: AnalyzedText[] } | undefined;
  const examples = readCategoryExamples();
  const input: TrainingInput = {
    examples,
    articles: shippedArticles(),
    analyzed(speller) {
      if (analyzed?.speller !== speller)
        analyzed = { speller, lines: examples.map((example) => analyzeText(example.text, speller)) };
      return analyzed.lines;
    },
  };
  const restored: Partial<ShippedModels> = {};
  const snapshots = new Map<keyof ShippedModels, unknown>();
  for (const model of MODEL_SPECS) {
    const snapshot = model.snapshot(model.train(input, restored));
    snapshots.set(model.name, snapshot);
    // Later models train over what the app will load, not over the unrounded original.
    (restored as Record<string, unknown>)[model.name] = model.restore(snapshot);
  }
  return snapshots;
}

/** The artifact file's text: one line of JSON, the same bytes for the same training input. */
export function artifactText(name: string, trainedOn: string, snapshot: unknown): string {
  return `${JSON.stringify({ format: ARTIFACT_FORMAT, model: name, trainedOn, snapshot })}\n`;
}

export const artifactFile = (name: string, directory = modelsDirectory()): string =>
  join(directory, `${name}.json`);

/** `npm run train`: writes every artifact; returns the files written. */
export function writeArtifacts(directory = modelsDirectory()): string[] {
  const trainedOn = trainingHash();
  const files: string[] = [];
  for (const [name, snapshot] of trainSnapshots()) {
    const file = artifactFile(name, directory);
    writeFileSync(file, artifactText(name, trainedOn, snapshot));
    files.push(file);
  }
  return files;
}

interface Artifact {
  format: number;
  model: string;
  trainedOn: string;
  snapshot: unknown;
}

/** The artifacts' snapshots, or why they cannot be used (missing, another format, other training data). */
function readArtifacts(): { snapshots: Map<keyof ShippedModels, unknown> } | { problem: string } {
  const expected = trainingHash();
  const snapshots = new Map<keyof ShippedModels, unknown>();
  for (const model of MODEL_SPECS) {
    const file = artifactFile(model.name);
    if (!existsSync(file)) return { problem: `${file} is missing` };
    const artifact = JSON.parse(readFileSync(file, 'utf8')) as Artifact;
    if (artifact.format !== ARTIFACT_FORMAT || artifact.model !== model.name)
      return { problem: `${file} has format ${artifact.format}, expected ${ARTIFACT_FORMAT}` };
    if (artifact.trainedOn !== expected)
      return { problem: `${file} was trained on other training files than the current ones` };
    snapshots.set(model.name, artifact.snapshot);
  }
  return { snapshots };
}

let shipped: ShippedModels | undefined;

/**
 * Every model for the shipped training data, loaded once per process from data/models. Stale or missing
 * artifacts are replaced by training now, with a warning that names the problem and the fix.
 */
export function shippedModels(warn: (message: string) => void = defaultWarn): ShippedModels {
  if (shipped) return shipped;
  const read = readArtifacts();
  let snapshots: Map<keyof ShippedModels, unknown>;
  if ('problem' in read) {
    warn(`Trained models not loaded (${read.problem}); training them now. Run \`npm run train\` to fix.`);
    snapshots = trainSnapshots();
  } else snapshots = read.snapshots;
  const models: Record<string, unknown> = {};
  sharingStrings(() => {
    for (const model of MODEL_SPECS) models[model.name] = model.restore(snapshots.get(model.name));
  });
  shipped = models as unknown as ShippedModels;
  return shipped;
}

function defaultWarn(message: string): void {
  process.emitWarning(message, { code: 'HR_MODELS_STALE' });
}
