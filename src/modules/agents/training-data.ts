import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type ArticleExample, ArticleMatcher } from '../knowledge/article-matcher.js';
import { analyzeText, contentWords } from '../nlp/analyze.js';
import { readLabeledLines } from '../nlp/labeled-lines.js';
import { normalizeText } from '../nlp/normalize.js';
import { Speller } from '../nlp/spelling.js';
import { CategoryModel } from './category-model.js';
import { ConcernModel, readConcernExamples } from './concern-model.js';
import { withoutHarmlessUses } from './escalation/harmless-uses.js';
import { matchRules } from './escalation/rule-table.js';
import { shippedArticlesKey, shippedModels } from './model-artifacts.js';
import { readScopeExamples, ScopeModel } from './scope-model.js';
import { type AnalyzedText, CATEGORIES, type Category } from './types.js';

const ARTICLE_SENTENCE_WEIGHT = 0.3;

export interface TrainedModel {
  categories: CategoryModel;
  speller: Speller;
  concerns: ConcernModel;
  articles: ArticleMatcher;
  /** Whether a message is about work or HR at all. */
  scope: ScopeModel;
}

/** data/training, found by walking up from this file so it works from src/ and from a build. */
export function trainingDirectory(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    const candidate = join(dir, 'data', 'training');
    if (existsSync(candidate)) return candidate;
    dir = dirname(dir);
  }
  throw new Error('data/training not found next to the application');
}

/** One example per non-empty line of data/training/categories/<Category>.txt (# starts a comment). */
export function readCategoryExamples(
  directory = trainingDirectory(),
): { category: Category; text: string }[] {
  return readLabeledLines(join(directory, 'categories'), (name) =>
    CATEGORIES.includes(name as Category) ? (name as Category) : undefined,
  ).map(({ label, text }) => ({ category: label, text }));
}

export type ArticleText = { title: string; content: string; tags: string[]; category: Category };

/** The spelling vocabulary: the training lines' words plus the articles' (typos of their terms get corrected too). */
export function spellerFor(lines: readonly string[], articles: readonly ArticleText[]): Speller {
  const words: string[] = [];
  for (const line of lines) words.push(...contentWords(line));
  for (const article of articles)
    words.push(...contentWords(`${article.title} ${article.tags.join(' ')} ${article.content}`));
  return new Speller(words);
}

/**
 * The knowledge base widens the categorizer's vocabulary: each article's title and sentences are weak examples
 * of its category (weaker than the hand-labeled questions, since articles are written differently).
 */
export function articleExamples(
  articles: readonly ArticleText[],
): { category: Category; text: AnalyzedText; weight: number }[] {
  const out: { category: Category; text: AnalyzedText; weight: number }[] = [];
  for (const article of articles) {
    out.push({
      category: article.category,
      text: analyzeText(`${article.title} ${article.tags.join(' ')}`),
      weight: 1,
    });
    for (const sentence of article.content.split(/(?<=[.!?])\s+|\n+/))
      if (sentence.trim().length > 20)
        out.push({
          category: article.category,
          text: analyzeText(sentence),
          weight: ARTICLE_SENTENCE_WEIGHT,
        });
  }
  return out;
}

/**
 * Example questions per article: data/training/article-questions/*.txt, each file opening with
 * `# article: <exact title>` and then one question per line (other # lines are comments).
 */
export function readArticleQuestions(directory = trainingDirectory()): { title: string; text: string }[] {
  const folder = join(directory, 'article-questions');
  if (!existsSync(folder)) return [];
  const out: { title: string; text: string }[] = [];
  for (const file of readdirSync(folder).sort()) {
    if (!file.endsWith('.txt')) continue;
    let title: string | undefined;
    for (const raw of readFileSync(join(folder, file), 'utf8').split('\n')) {
      const line = raw.trim();
      const header = /^#\s*article:\s*(.+)$/i.exec(line);
      if (header) title = header[1]!.trim();
      else if (line.length > 0 && !line.startsWith('#')) {
        if (title === undefined) throw new Error(`${file}: the first line must be "# article: <title>"`);
        out.push({ title, text: line });
      }
    }
  }
  return out;
}

/**
 * The matcher's examples: the written questions, plus each article's title and tags (what an article is
 * called is how people ask for it), for the articles the questions name.
 */
export function articleMatcherExamples(
  questions: readonly { title: string; text: string }[],
  articles: readonly ArticleText[],
  speller?: Speller,
): ArticleExample[] {
  const examples: ArticleExample[] = questions.map((question) => ({
    title: question.title,
    text: analyzeText(question.text, speller),
  }));
  const named = new Set(questions.map((question) => question.title));
  for (const article of articles)
    if (named.has(article.title))
      examples.push({
        title: article.title,
        text: analyzeText(`${article.title} ${article.tags.join(' ')}`),
      });
  return examples;
}

/**
 * Trains every model over these articles from the training files, the way `npm run train` does for the
 * shipped articles (model-artifacts.ts); used directly only for other article sets (tests, experiments).
 */
export function loadTrainedModel(articles: readonly ArticleText[] = []): TrainedModel {
  const examples = readCategoryExamples();
  const speller = spellerFor(
    examples.map((example) => example.text),
    articles,
  );
  return {
    speller,
    ...trainOnSpeller(examples, articles, speller),
  };
}

/** The models that read text through the speller, trained over the given one. */
export function trainOnSpeller(
  examples: readonly { category: Category; text: string }[],
  articles: readonly ArticleText[],
  speller: Speller,
): Omit<TrainedModel, 'speller'> {
  const analyzed = examples.map((example) => analyzeText(example.text, speller));
  const categories = trainCategories(examples, analyzed, articles);
  // Whether a message raises a concern, or is about HR at all, does not depend on which articles there are:
  // the shipped models serve (and spare every other article set a few seconds of training).
  const { concerns, scope } = shippedModels();
  return { categories, concerns, scope, articles: trainArticleMatcher(articles, speller) };
}

/** The question → article matcher over these articles' example questions. */
export function trainArticleMatcher(articles: readonly ArticleText[], speller: Speller): ArticleMatcher {
  return new ArticleMatcher(articleMatcherExamples(readArticleQuestions(), articles, speller));
}

export function trainCategories(
  examples: readonly { category: Category }[],
  analyzed: readonly AnalyzedText[],
  articles: readonly ArticleText[],
): CategoryModel {
  const labeled: { category: Category; text: AnalyzedText; weight?: number }[] = examples.map(
    (example, i) => ({ category: example.category, text: analyzed[i]! }),
  );
  labeled.push(...articleExamples(articles));
  return new CategoryModel(labeled);
}

export function trainConcerns(
  examples: readonly { text: string }[],
  analyzed: readonly AnalyzedText[],
  speller: Speller,
): ConcernModel {
  // Ordinary questions are the "no concern" class of the concern model.
  const concernExamples = readConcernExamples(trainingDirectory()).map((example) => ({
    label: example.label,
    text: analyzeText(example.text, speller),
  }));
  const ordinary = new Set(ordinaryQuestions(examples));
  for (let i = 0; i < examples.length; i++)
    if (ordinary.has(examples[i]!.text)) concernExamples.push({ label: 'none', text: analyzed[i]! });
  // Chit-chat, trivia and smart-home commands are no concern either; without them the model had only HR lines
  // to compare with, and read a request for a story or for stock prices as trouble.
  for (const example of readScopeExamples(trainingDirectory()))
    if (example.outOfScope) concernExamples.push({ label: 'none', text: analyzeText(example.text, speller) });
  return new ConcernModel(concernExamples);
}

/**
 * The scope model: the out-of-scope lines against every HR line (categories, escalation kinds incl. the
 * innocent look-alikes, and the scope folder's in-scope look-alikes).
 */
export function trainScope(analyzedCategoryLines: readonly AnalyzedText[], speller: Speller): ScopeModel {
  const directory = trainingDirectory();
  const examples: { outOfScope: boolean; text: AnalyzedText }[] = analyzedCategoryLines.map((text) => ({
    outOfScope: false,
    text,
  }));
  for (const example of readConcernExamples(directory))
    examples.push({ outOfScope: false, text: analyzeText(example.text, speller) });
  for (const example of readScopeExamples(directory))
    examples.push({ outOfScope: example.outOfScope, text: analyzeText(example.text, speller) });
  return new ScopeModel(examples);
}

/**
 * Category examples that make fine "no concern" examples: those the phrase rules do not flag (the
 * category files also hold reports of misconduct, labeled by topic, which would teach the concern
 * model that such reports are ordinary).
 */
export function ordinaryQuestions(examples: readonly { text: string }[]): string[] {
  return examples
    .map((example) => example.text)
    .filter((text) => matchRules(withoutHarmlessUses(normalizeText(text))).length === 0);
}

let cached: { key: string; model: TrainedModel } | undefined;

/** Identifies a set of articles cheaply (the same key means the same training input). */
export function articlesKey(articles: readonly ArticleText[]): string {
  return articles
    .map((article) => `${article.category}|${article.title}|${article.content.length}`)
    .join('\n');
}

/**
 * The models for a set of articles: the shipped artifacts for the shipped articles (shippedModels), otherwise
 * trained here and reused while the articles are the same.
 */
export function trainedModelFor(articles: readonly ArticleText[]): TrainedModel {
  const key = articlesKey(articles);
  if (key === shippedArticlesKey()) return shippedModels();
  if (cached?.key !== key) cached = { key, model: loadTrainedModel(articles) };
  return cached.model;
}
