import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type ArticleExample, ArticleMatcher } from '../knowledge/article-matcher.js';
import { CategoryModel } from './category-model.js';
import { ConcernModel, readConcernExamples } from './concern-model.js';
import { withoutHarmlessUses } from './escalation/harmless-uses.js';
import { matchRules } from './escalation/rule-table.js';
import { analyzeText, contentWords } from './nlp/analyze.js';
import { readLabeledLines } from './nlp/labeled-lines.js';
import { normalizeText } from './nlp/normalize.js';
import { Speller } from './nlp/spelling.js';
import { type AnalyzedText, CATEGORIES, type Category } from './types.js';

const ARTICLE_SENTENCE_WEIGHT = 0.3;

export interface TrainedModel {
  categories: CategoryModel;
  speller: Speller;
  concerns: ConcernModel;
  articles: ArticleMatcher;
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

type ArticleText = { title: string; content: string; tags: string[]; category: Category };

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

/** Trains the categorizer, the concern model, the article matcher and the spelling vocabulary at start-up. */
export function loadTrainedModel(articles: readonly ArticleText[] = []): TrainedModel {
  const examples = readCategoryExamples();
  const speller = spellerFor(
    examples.map((example) => example.text),
    articles,
  );
  const labeled: { category: Category; text: AnalyzedText; weight?: number }[] = examples.map((example) => ({
    category: example.category,
    text: analyzeText(example.text, speller),
  }));
  labeled.push(...articleExamples(articles));
  const categories = new CategoryModel(labeled);
  // Ordinary questions are the "no concern" class of the concern model.
  const concernExamples = readConcernExamples(trainingDirectory()).map((example) => ({
    label: example.label,
    text: analyzeText(example.text, speller),
  }));
  const ordinary = new Set(ordinaryQuestions(examples));
  for (let i = 0; i < examples.length; i++)
    if (ordinary.has(examples[i]!.text)) concernExamples.push({ label: 'none', text: labeled[i]!.text });
  const concerns = new ConcernModel(concernExamples);
  const articleMatcher = new ArticleMatcher(
    articleMatcherExamples(readArticleQuestions(), articles, speller),
  );
  return { categories, speller, concerns, articles: articleMatcher };
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

/**
 * The model for a set of articles, reused while the articles are the same (every app instance built
 * over the shipped knowledge base shares one training run).
 */
export function trainedModelFor(
  articles: readonly { title: string; content: string; tags: string[]; category: Category }[],
): TrainedModel {
  const key = articles
    .map((article) => `${article.category}|${article.title}|${article.content.length}`)
    .join('\n');
  if (cached?.key !== key) cached = { key, model: loadTrainedModel(articles) };
  return cached.model;
}
