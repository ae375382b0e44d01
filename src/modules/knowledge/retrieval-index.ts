import MiniSearch, { type SearchResult } from 'minisearch';
import { analyzeText } from '../agents/nlp/analyze.js';
import type { Category, KbArticle, KbHit } from '../agents/types.js';
import { isRelevant, RELEVANCE, type RelevanceThresholds } from './relevance.js';

/** Preferring the predicted category multiplies scores: a clearly better match elsewhere still wins. */
const CATEGORY_BOOST = 1.3;
/** Without the learned matcher (no example questions), the lexical rule alone decides. */
const LEXICAL_RELEVANCE: Readonly<RelevanceThresholds> = { ...RELEVANCE, ownCoverage: 0.6 };
/**
 * Weight of a hint (the words a cue phrase stands for, "w2" → "tax", "withhold") against the message's own
 * words: a hint finds the article a question avoids naming, but must not outrank the article it names.
 */
const HINT_WEIGHT = 0.5;
/**
 * The words and the learned matcher are combined as a product of experts: rank = LEXICAL_WEIGHT × (BM25 / best
 * BM25) + log P(article | question). A matcher that finds an article sixteen times likelier than the best
 * lexical match overturns a clear lexical lead; a lukewarm one does not.
 */
export const LEXICAL_WEIGHT = 2;
/** The matcher's floor (it is never certain an article is wrong). */
const MATCH_FLOOR = 0.005;
/**
 * What the matcher is taken to say about an article it does not know (added or retitled at run time, with no
 * example questions): neither for nor against, so the article competes by its words.
 */
const UNKNOWN_ARTICLE_PROBABILITY = 0.1;

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
  /** The learned matcher knows articles by title. */
  private readonly byTitle = new Map<string, string>();
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

  private readonly lexicalWeight: number;
  private readonly relevance: Readonly<RelevanceThresholds>;

  constructor(
    articles: readonly KbArticle[] = [],
    {
      lexicalWeight = LEXICAL_WEIGHT,
      relevance = RELEVANCE,
    }: { lexicalWeight?: number; relevance?: Readonly<RelevanceThresholds> } = {},
  ) {
    this.lexicalWeight = lexicalWeight;
    this.relevance = relevance;
    this.engine = new MiniSearch<KbArticle>({
      fields: ['title', 'tagText', 'content'],
      storeFields: ['title', 'content', 'category'],
      extractField: (article, field) => {
        if (field === 'tagText') return article.tags.join(' ');
        return String((article as unknown as Record<string, unknown>)[field] ?? '');
      },
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

  /** One indexed article by id. */
  article(id: string): KbArticle | undefined {
    return this.byId.get(id);
  }

  upsert(article: KbArticle): void {
    this.version++;
    this.byTitle.set(article.title, article.id);
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
    const title = this.byId.get(id)?.title;
    if (title !== undefined && this.byTitle.get(title) === id) this.byTitle.delete(title);
    if (this.engine.has(id)) this.engine.discard(id);
    this.byId.delete(id);
    this.forgetStems(id);
  }

  /** How informative a stem is across the knowledge base (IDF); 0 for a stem no article contains. */
  stemWeight(stem: string): number {
    const df = this.documentFrequency.get(stem) ?? 0;
    return df === 0 ? 0 : Math.log(1 + Math.max(1, this.engine.documentCount) / df);
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
    options: {
      category?: Category;
      limit?: number;
      hints?: readonly string[];
      /** The learned matcher's P(article | question), by title. */
      matched?: ReadonlyMap<string, number>;
      /** Similarity to the closest example question of each article, by title. */
      similar?: ReadonlyMap<string, number>;
      /** Whether the matcher knows an article (has example questions for it). */
      knows?: (title: string) => boolean;
      /** The words an article's example questions use: they count as the article's own for coverage. */
      vocabulary?: (title: string) => ReadonlySet<string> | undefined;
    } = {},
  ): SearchOutcome {
    const terms = [...new Set(stems)];
    const matched = options.matched ?? new Map<string, number>();
    if ((terms.length === 0 && matched.size === 0) || this.engine.documentCount === 0)
      return { hits: [], relevant: [] };
    const hints = [...new Set(options.hints ?? [])].filter((hint) => !terms.includes(hint));
    const preferred = options.category;
    const lexical = terms.length > 0 ? this.bm25(terms, hints) : [];
    const candidates = new Map<string, Candidate>();
    for (const result of lexical) {
      const stored = result as unknown as StoredFields;
      const boost = preferred && stored.category === preferred ? CATEGORY_BOOST : 1;
      candidates.set(String(result.id), { id: String(result.id), bm25: result.score * boost, result, p: 0 });
    }
    for (const [title, p] of matched) {
      const id = this.byTitle.get(title);
      if (id === undefined) continue;
      const candidate = candidates.get(id);
      if (candidate) candidate.p = p;
      else if (p > 0.01) candidates.set(id, { id, bm25: 0, result: undefined, p });
    }
    let best = 0;
    for (const candidate of candidates.values()) best = Math.max(best, candidate.bm25);
    const known = (candidate: Candidate): boolean =>
      options.knows?.(this.byId.get(candidate.id)?.title ?? '') ?? true;
    const rankScore = (candidate: Candidate): number =>
      this.lexicalWeight * (best > 0 ? candidate.bm25 / best : 0) +
      Math.log(known(candidate) ? Math.max(MATCH_FLOOR, candidate.p) : UNKNOWN_ARTICLE_PROBABILITY);
    const ranked = [...candidates.values()]
      .map((candidate) => ({ candidate, rank: matched.size > 0 ? rankScore(candidate) : candidate.bm25 }))
      .sort((a, b) => b.rank - a.rank);
    // Reported scores: the lexical score as before, or with the matcher the ranking turned into a share of 10.
    const top = ranked[0]?.rank ?? 0;
    let mass = 0;
    for (const { rank } of ranked) mass += Math.exp(rank - top);
    const limit = options.limit ?? 3;
    const own = this.informationWeights(terms);
    const withHints = hints.length > 0 ? this.informationWeights([...terms, ...hints]) : own;
    const hits: KbHit[] = [];
    const relevant: KbHit[] = [];
    for (const { candidate, rank } of ranked.slice(0, limit)) {
      const article = this.byId.get(candidate.id)!;
      const hit: KbHit = {
        id: candidate.id,
        title: article.title,
        content: article.content,
        category: article.category,
        score: round3(matched.size > 0 ? (10 * Math.exp(rank - top)) / mass : rank),
        ...(article.version === undefined ? {} : { version: article.version }),
      };
      const result = candidate.result;
      const coverage = result ? Math.max(coverageOf(result, own), coverageOf(result, withHints)) : 0;
      const evidence = {
        coverage,
        asked: this.askedCoverage(candidate.id, own, options.vocabulary?.(article.title)),
        matched: candidate.p,
        similar: options.similar?.get(article.title) ?? 0,
        bm25: candidate.bm25,
      };
      if (matched.size > 0)
        hit.evidence = {
          coverage: round3(evidence.coverage),
          asked: round3(evidence.asked),
          matched: round3(evidence.matched),
          similar: round3(evidence.similar),
        };
      hits.push(hit);
      // Only the best-ranked article can be the answer: a lower one that happens to pass is a loose match.
      const isTopOrFollowsIt = hits.length === 1 || relevant.length > 0;
      if (isTopOrFollowsIt && isRelevant(evidence, matched.size > 0 ? this.relevance : LEXICAL_RELEVANCE))
        relevant.push(hit);
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

  /** The share of the question's information found in the article or in the questions it was asked as. */
  private askedCoverage(
    id: string,
    weights: ReadonlyMap<string, number>,
    vocabulary: ReadonlySet<string> | undefined,
  ): number {
    const stems = this.stemsById.get(id);
    let total = 0;
    let covered = 0;
    for (const [stem, weight] of weights) {
      total += weight;
      if (stems?.has(stem) || vocabulary?.has(stem)) covered += weight;
    }
    return total > 0 ? covered / total : 0;
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

const round3 = (value: number): number => Math.round(value * 1000) / 1000;

interface Candidate {
  id: string;
  /** BM25 with the preferred category's boost; 0 for an article only the matcher proposed. */
  bm25: number;
  result: SearchResult | undefined;
  /** The matcher's probability (0 when it does not know the article). */
  p: number;
}

/** The share of the weighted terms a result matched. */
function coverageOf(result: SearchResult, weights: ReadonlyMap<string, number>): number {
  let total = 0;
  for (const weight of weights.values()) total += weight;
  let covered = 0;
  for (const term of result.queryTerms) covered += weights.get(term) ?? 0;
  return total > 0 ? covered / total : 0;
}
