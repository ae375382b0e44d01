import MiniSearch from 'minisearch';
import { analyzeText } from '../agents/nlp/analyze.js';
import type { Category, KbArticle, KbHit } from '../agents/types.js';

/** Preferring the predicted category multiplies scores: a clearly better match elsewhere still wins. */
const CATEGORY_BOOST = 1.3;
/** BM25 score below which a hit is not treated as an answer (tuned on the shipped knowledge base). */
export const RELEVANT_SCORE = 6;

interface StoredFields {
  title: string;
  content: string;
  category: Category;
}

const stemsOf = (text: string): string[] => analyzeText(text).stems;

/**
 * BM25 retrieval over the knowledge base, using the same normalization and stemming as the agents.
 * Updates are in-memory and immediate, so an edited article is searchable on the next request.
 */
export class KnowledgeIndex {
  private readonly search_: MiniSearch<KbArticle>;
  private readonly byId = new Map<string, KbArticle>();

  constructor(articles: readonly KbArticle[] = []) {
    this.search_ = new MiniSearch<KbArticle>({
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
    this.search_.addAll(articles);
    for (const article of articles) this.byId.set(article.id, article);
  }

  /** The indexed articles (the categorizer learns vocabulary from them). */
  articles(): KbArticle[] {
    return [...this.byId.values()];
  }

  get size(): number {
    return this.search_.documentCount;
  }

  upsert(article: KbArticle): void {
    if (this.search_.has(article.id)) this.search_.replace(article);
    else this.search_.add(article);
    this.byId.set(article.id, article);
  }

  remove(id: string): void {
    if (this.search_.has(id)) this.search_.discard(id);
    this.byId.delete(id);
  }

  /** Searches free text (normalized and stemmed here). */
  search(query: string, options: { category?: Category; limit?: number } = {}): KbHit[] {
    return this.searchStems(analyzeText(query).stems, options);
  }

  /** Searches already-stemmed terms, so the pipeline does not analyze the message twice. */
  searchStems(stems: readonly string[], options: { category?: Category; limit?: number } = {}): KbHit[] {
    if (stems.length === 0) return [];
    const preferred = options.category;
    const results = this.search_.search(stems.join(' '), {
      boost: { title: 2, tagText: 1.5, content: 1 },
      combineWith: 'OR',
      boostDocument: preferred
        ? (_id, _term, stored) =>
            (stored as StoredFields | undefined)?.category === preferred ? CATEGORY_BOOST : 1
        : undefined,
    });
    const limit = options.limit ?? 3;
    const hits: KbHit[] = [];
    for (const result of results.slice(0, limit)) {
      const stored = result as unknown as StoredFields;
      hits.push({
        id: String(result.id),
        title: stored.title,
        content: stored.content,
        category: stored.category,
        score: Math.round(result.score * 1000) / 1000,
      });
    }
    return hits;
  }

  /** Whether a hit is good enough to answer from, rather than admitting nothing relevant was found. */
  static isRelevant(hit: KbHit): boolean {
    return hit.score >= RELEVANT_SCORE;
  }
}
