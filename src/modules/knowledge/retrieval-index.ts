import MiniSearch, { type SearchResult } from 'minisearch';
import { analyzeText } from '../agents/nlp/analyze.js';
import type { Category, KbArticle, KbHit } from '../agents/types.js';

/** Preferring the predicted category multiplies scores: a clearly better match elsewhere still wins. */
const CATEGORY_BOOST = 1.3;
/** Below this BM25 score a hit is never treated as an answer. */
export const RELEVANT_MIN_SCORE = 8;
/** Share of the question's information (IDF-weighted stems) the article must match to be an answer. */
export const RELEVANT_MIN_COVERAGE = 0.6;
/**
 * Weight of a hint (the words a cue phrase stands for, "w2" → "tax", "withhold") against the message's own
 * words: a hint finds the article a question avoids naming, but must not outrank the article it names.
 */
const HINT_WEIGHT = 0.5;

interface StoredFields {
  title: string;
  content: string;
  category: Category;
}

export interface SearchOutcome {
  hits: KbHit[];
  /** The hits good enough to answer from; empty means "nothing relevant found". */
  relevant: KbHit[];
}

const stemsOf = (text: string): string[] => analyzeText(text).stems;

/**
 * BM25 retrieval over the knowledge base, using the same normalization and stemming as the agents.
 * Updates are in-memory and immediate, so an edited article is searchable on the next request.
 */
export class KnowledgeIndex {
  private readonly engine: MiniSearch<KbArticle>;
  private readonly byId = new Map<string, KbArticle>();
  /** In how many articles each stem occurs, for judging how much of a question a hit covers. */
  private readonly documentFrequency = new Map<string, number>();
  private readonly stemsById = new Map<string, Set<string>>();
  /** Bumped on every change, so a remembered search is never served from an older index. */
  private version = 0;
  /**
   * The last search's BM25 results. The categorizer and then the retriever search the same stems for one
   * question, and the search is the pipeline's largest single cost; the category preference is applied
   * afterwards (a constant factor per article scales its summed score exactly as minisearch's boost would).
   */
  private lastSearch: { version: number; query: string; hints: string; results: SearchResult[] } | undefined;

  constructor(articles: readonly KbArticle[] = []) {
    this.engine = new MiniSearch<KbArticle>({
      fields: ['title', 'tagText', 'content'],
      storeFields: ['title', 'content', 'category'],
      extractField: (article, field) =>
        field === 'tagText'
          ? article.tags.join(' ')
          : String((article as unknown as Record<string, unknown>)[field] ?? ''),
      tokenize: stemsOf,
      processTerm: (term) => term,
      searchOptions: { tokenize: (text) => text.split(' ').filter(Boolean), processTerm: (term) => term },
    });
    for (const article of articles) this.upsert(article);
  }

  get size(): number {
    return this.engine.documentCount;
  }

  /** The indexed articles (the categorizer learns vocabulary from them). */
  articles(): KbArticle[] {
    return [...this.byId.values()];
  }

  upsert(article: KbArticle): void {
    this.version++;
    if (this.engine.has(article.id)) {
      this.engine.replace(article);
      this.forgetStems(article.id);
    } else {
      this.engine.add(article);
    }
    this.byId.set(article.id, article);
    const stems = new Set(stemsOf(`${article.title} ${article.tags.join(' ')} ${article.content}`));
    this.stemsById.set(article.id, stems);
    for (const stem of stems) this.documentFrequency.set(stem, (this.documentFrequency.get(stem) ?? 0) + 1);
  }

  remove(id: string): void {
    this.version++;
    if (this.engine.has(id)) this.engine.discard(id);
    this.byId.delete(id);
    this.forgetStems(id);
  }

  /** Searches free text (normalized and stemmed here). */
  search(query: string, options: { category?: Category; limit?: number } = {}): KbHit[] {
    return this.searchStems(analyzeText(query).stems, options).hits;
  }

  /**
   * Searches already-stemmed terms, so the pipeline does not analyze the message twice. `hints` are stems
   * the message implies without saying them; they weigh less in the ranking, and a hit answers the question
   * if it covers enough of the message's own words, or of its words and hints together.
   */
  searchStems(
    stems: readonly string[],
    options: { category?: Category; limit?: number; hints?: readonly string[] } = {},
  ): SearchOutcome {
    const terms = [...new Set(stems)];
    if (terms.length === 0 || this.engine.documentCount === 0) return { hits: [], relevant: [] };
    const hints = [...new Set(options.hints ?? [])].filter((hint) => !terms.includes(hint));
    const preferred = options.category;
    const unboosted = this.bm25(terms, hints);
    const results = preferred
      ? unboosted
          .map((result) =>
            (result as unknown as StoredFields).category === preferred
              ? { ...result, score: result.score * CATEGORY_BOOST }
              : result,
          )
          .sort((a, b) => b.score - a.score)
      : unboosted;
    const limit = options.limit ?? 3;
    const own = this.informationWeights(terms);
    const withHints = hints.length > 0 ? this.informationWeights([...terms, ...hints]) : own;
    const hits: KbHit[] = [];
    const relevant: KbHit[] = [];
    for (const result of results.slice(0, limit)) {
      const stored = result as unknown as StoredFields;
      const hit: KbHit = {
        id: String(result.id),
        title: stored.title,
        content: stored.content,
        category: stored.category,
        score: Math.round(result.score * 1000) / 1000,
      };
      hits.push(hit);
      const coverage = Math.max(coverageOf(result, own), coverageOf(result, withHints));
      if (hit.score >= RELEVANT_MIN_SCORE && coverage >= RELEVANT_MIN_COVERAGE) relevant.push(hit);
    }
    return { hits, relevant };
  }

  private bm25(terms: readonly string[], hints: readonly string[]): SearchResult[] {
    const query = [...terms, ...hints].join(' ');
    const hintKey = hints.join(' ');
    const last = this.lastSearch;
    if (last && last.version === this.version && last.query === query && last.hints === hintKey)
      return last.results;
    const hinted = new Set(hints);
    const results = this.engine.search(query, {
      boost: { title: 2, tagText: 1.5, content: 1 },
      ...(hints.length > 0 && { boostTerm: (term: string) => (hinted.has(term) ? HINT_WEIGHT : 1) }),
      combineWith: 'OR',
    });
    this.lastSearch = { version: this.version, query, hints: hintKey, results };
    return results;
  }

  /**
   * IDF of each query stem. A stem no article contains gets 1.5 times the average weight: it is often
   * the very subject the knowledge base lacks ("softball"), though sometimes just filler.
   */
  private informationWeights(terms: readonly string[]): Map<string, number> {
    const n = Math.max(1, this.engine.documentCount);
    const weights = new Map<string, number>();
    const unknown: string[] = [];
    let knownSum = 0;
    for (const term of terms) {
      const df = this.documentFrequency.get(term) ?? 0;
      if (df === 0) unknown.push(term);
      else {
        const weight = Math.log(1 + n / df);
        weights.set(term, weight);
        knownSum += weight;
      }
    }
    const fallback = weights.size > 0 ? (1.5 * knownSum) / weights.size : 1;
    for (const term of unknown) weights.set(term, fallback);
    return weights;
  }

  private forgetStems(id: string): void {
    const stems = this.stemsById.get(id);
    if (!stems) return;
    for (const stem of stems) {
      const count = (this.documentFrequency.get(stem) ?? 1) - 1;
      if (count <= 0) this.documentFrequency.delete(stem);
      else this.documentFrequency.set(stem, count);
    }
    this.stemsById.delete(id);
  }
}

/** The share of the weighted terms a result matched. */
function coverageOf(result: SearchResult, weights: ReadonlyMap<string, number>): number {
  let total = 0;
  for (const weight of weights.values()) total += weight;
  let covered = 0;
  for (const term of result.queryTerms) covered += weights.get(term) ?? 0;
  return total > 0 ? covered / total : 0;
}
