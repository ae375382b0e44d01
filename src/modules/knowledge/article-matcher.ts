import { extractFeatures } from '../nlp/features.js';
import { NaiveBayes, type NaiveBayesSnapshot, softmax } from '../nlp/naive-bayes.js';
import { restore } from '../nlp/snapshot.js';
import { SoftmaxRegression, type SoftmaxSnapshot } from '../nlp/softmax-regression.js';
import type { AnalyzedText } from '../nlp/types.js';

/** Light smoothing: with ~12 questions per article, rare words (a typo fix, a foreign term) often decide. */
const SMOOTHING = 0.1;
/** Naive Bayes posteriors are over-confident; the temperature softens them before blending. */
const TEMPERATURE = 2.5;
/** Share of the discriminative model in the blend (the two err on different questions). */
const REGRESSION_SHARE = 0.4;

/** The IDF an unseen feature is given in a question's length (about that of a rare word). */
const UNKNOWN_FEATURE_WEIGHT = 4;

export interface ArticleMatcherSnapshot {
  titles: string[];
  temperature: number;
  regressionShare: number;
  exampleTitle: string[];
  /** feature → [example, weight, example, weight, …] */
  postings: [string, number[]][];
  vocabularies: [string, string[]][];
  idf: [string, number][];
  bayes: NaiveBayesSnapshot;
  regression: SoftmaxSnapshot;
}

export interface ArticleExample {
  /** The exact article title the question belongs to. */
  title: string;
  text: AnalyzedText;
  weight?: number;
}

/**
 * The learned question → article matcher: trained on example questions written for each shipped article
 * (data/training/article-questions/), so it knows how employees ask ("is the cash in my bank yet")
 * where the article's own words differ. Articles are keyed by title, so an edited article keeps its
 * examples; an article without examples is simply unknown here and found by its words (BM25) alone.
 */
export class ArticleMatcher {
  /** feature → the examples holding it, with the feature's weight in each example's unit vector. */
  private readonly postings = new Map<string, { example: number; weight: number }[]>();
  private readonly exampleTitle: string[] = [];
  /** The stems each article's example questions use. */
  private readonly vocabularies = new Map<string, Set<string>>();
  private readonly idf = new Map<string, number>();
  private readonly bayes: NaiveBayes<string>;
  private readonly regression: SoftmaxRegression<string>;
  readonly titles: readonly string[];

  private readonly temperature: number;
  private readonly regressionShare: number;

  constructor(
    examples: readonly ArticleExample[],
    {
      temperature = TEMPERATURE,
      regressionShare = REGRESSION_SHARE,
    }: { temperature?: number; regressionShare?: number } = {},
  ) {
    this.temperature = temperature;
    this.regressionShare = regressionShare;
    this.titles = [...new Set(examples.map((example) => example.title))];
    const featured = examples.map((example) => ({
      label: example.title,
      features: extractFeatures(example.text),
      weight: example.weight,
    }));
    this.bayes = new NaiveBayes(this.titles, featured, SMOOTHING);
    this.indexExamples(featured);
    for (const example of examples) {
      const vocabulary = this.vocabularies.get(example.title) ?? new Set<string>();
      this.vocabularies.set(example.title, vocabulary);
      for (const stem of example.text.stems) vocabulary.add(stem);
    }
    this.regression = new SoftmaxRegression(this.titles, featured, { epochs: 8 });
  }

  toSnapshot(): ArticleMatcherSnapshot {
    return {
      titles: [...this.titles],
      temperature: this.temperature,
      regressionShare: this.regressionShare,
      exampleTitle: [...this.exampleTitle],
      postings: [...this.postings].map(([feature, list]) => [
        feature,
        list.flatMap(({ example, weight }) => [example, Math.fround(weight)]),
      ]),
      vocabularies: [...this.vocabularies].map(([title, stems]) => [title, [...stems]]),
      idf: [...this.idf].map(([feature, idf]) => [feature, Math.fround(idf)]),
      bayes: this.bayes.toSnapshot(),
      regression: this.regression.toSnapshot(),
    };
  }

  static fromSnapshot(snapshot: ArticleMatcherSnapshot): ArticleMatcher {
    const postings = new Map<string, { example: number; weight: number }[]>();
    for (const [feature, flat] of snapshot.postings) {
      const list: { example: number; weight: number }[] = [];
      for (let i = 0; i < flat.length; i += 2) list.push({ example: flat[i]!, weight: flat[i + 1]! });
      postings.set(feature, list);
    }
    return restore(ArticleMatcher.prototype, {
      titles: snapshot.titles,
      temperature: snapshot.temperature,
      regressionShare: snapshot.regressionShare,
      exampleTitle: snapshot.exampleTitle,
      postings,
      vocabularies: new Map(snapshot.vocabularies.map(([title, stems]) => [title, new Set(stems)])),
      idf: new Map(snapshot.idf),
      bayes: NaiveBayes.fromSnapshot(snapshot.titles, snapshot.bayes),
      regression: SoftmaxRegression.fromSnapshot(snapshot.titles, snapshot.regression),
    });
  }

  /**
   * For every article, the cosine similarity (IDF-weighted features) between the question and the closest of
   * its examples: an absolute measure of "asked like this before", where the probabilities are relative.
   */
  similarities(text: AnalyzedText): Map<string, number> {
    const out = new Map<string, number>();
    const query = this.vector(extractFeatures(text));
    if (query.size === 0) return out;
    const dots = new Map<number, number>();
    for (const [feature, weight] of query)
      for (const posting of this.postings.get(feature) ?? [])
        dots.set(posting.example, (dots.get(posting.example) ?? 0) + weight * posting.weight);
    for (const [example, dot] of dots) {
      const title = this.exampleTitle[example]!;
      if (dot > (out.get(title) ?? 0)) out.set(title, dot);
    }
    return out;
  }

  private indexExamples(featured: readonly { label: string; features: readonly string[] }[]): void {
    const df = new Map<string, number>();
    for (const example of featured)
      for (const feature of new Set(example.features)) df.set(feature, (df.get(feature) ?? 0) + 1);
    for (const [feature, count] of df) this.idf.set(feature, Math.log(1 + featured.length / count));
    for (const [i, example] of featured.entries()) {
      this.exampleTitle.push(example.label);
      for (const [feature, weight] of this.vector(example.features)) {
        const list = this.postings.get(feature) ?? [];
        this.postings.set(feature, list);
        list.push({ example: i, weight });
      }
    }
  }

  /** The unit-length IDF vector of a feature list (features unseen in the examples are left out). */
  private vector(features: readonly string[]): Map<string, number> {
    const vector = new Map<string, number>();
    let norm = 0;
    for (const feature of new Set(features)) {
      const idf = this.idf.get(feature);
      if (idf === undefined) continue;
      vector.set(feature, idf);
      norm += idf * idf;
    }
    // Unknown features still count in the length: a question about something never asked is less similar.
    const unknown = new Set(features).size - vector.size;
    norm += unknown * UNKNOWN_FEATURE_WEIGHT ** 2;
    const length = Math.sqrt(norm);
    if (length > 0) for (const [feature, weight] of vector) vector.set(feature, weight / length);
    return vector;
  }

  /** The stems the article's example questions use (undefined for an article without examples). */
  vocabulary(title: string): ReadonlySet<string> | undefined {
    return this.vocabularies.get(title);
  }

  get size(): number {
    return this.titles.length;
  }

  /** P(article | question) for every known title; empty when the question has no known feature. */
  probabilities(text: AnalyzedText): Map<string, number> {
    const out = new Map<string, number>();
    if (this.titles.length === 0) return out;
    const features = extractFeatures(text);
    const { scores, known } = this.bayes.classScores(features);
    if (known === 0) return out;
    const bayes = softmax(scores, this.temperature);
    const regression = this.regression.probabilities(features);
    for (let i = 0; i < this.titles.length; i++)
      out.set(
        this.titles[i]!,
        (1 - this.regressionShare) * bayes[i]! + this.regressionShare * regression[i]!,
      );
    return out;
  }
}
