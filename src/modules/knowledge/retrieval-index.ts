import type { Category, KbArticle, KbHit, Language } from '../agents/types.js';
import { analyzeText } from '../nlp/analyze.js';
import { LexicalIndex, type LexicalResults } from './lexical-index.js';
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
 * example questions): neither for nor against, so the article competes by its words. At least this, and as
 * much as the matcher gives its favourite among the candidates: the matcher never saw the new article, so its
 * confidence in a known one is no evidence against it ("volunteer days" must not lose to the PTO article the
 * matcher learned for "how many paid days can I take").
 */
const UNKNOWN_ARTICLE_PROBABILITY = 0.1;
const LOG_MATCH_FLOOR = Math.log(MATCH_FLOOR);
const LOG_UNKNOWN_ARTICLE_PROBABILITY = Math.log(UNKNOWN_ARTICLE_PROBABILITY);

/** The indexed fields, in order, and how much a match in each counts. */
const FIELDS = ['title', 'tags', 'content'] as const;
const FIELD_BOOSTS = [2, 1.5, 1];

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
  private readonly engine = new LexicalIndex(FIELDS.length);
  private readonly byId = new Map<string, KbArticle>();
  /** The article in each of the lexical index's slots, so scoring thousands of hits needs no map lookups. */
  private readonly articleAt: (KbArticle | undefined)[] = [];
  /** Whether the matcher knows the article in each slot, remembered per matcher and index version. */
  private knownSlots: { version: number; knows: (title: string) => boolean; flags: Uint8Array } | undefined;
  /** Scratch: the matcher's probability by slot during one search (NaN where it proposed nothing). */
  private proposed = new Float64Array(0);
  /** The learned matcher knows articles by title. */
  private readonly byTitle = new Map<string, string>();
  /** In how many articles each stem occurs, for judging how much of a question a hit covers. */
  private readonly documentFrequency = new Map<string, number>();
  private readonly stemsById = new Map<string, Set<string>>();
  /** Bumped on every change, so a remembered search is never served from an older index. */
  private version = 0;
  /**
   * The last search's BM25 results. The categorizer and then the retriever search the same stems for one
   * question; the category preference is applied afterwards (a constant factor per article).
   */
  private lastSearch: { version: number; query: string; hints: string; results: LexicalResults } | undefined;

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
    for (const article of articles) this.upsert(article);
  }

  get size(): number {
    return this.engine.size;
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
    if (this.engine.has(article.id)) this.forgetStems(article.id);
    const previous = this.engine.slotFor(article.id);
    if (previous !== undefined) this.articleAt[previous] = undefined;
    const slot = this.engine.add({
      id: article.id,
      fields: [stemsOf(article.title), stemsOf(article.tags.join(' ')), stemsOf(article.content)],
    });
    this.articleAt[slot] = article;
    this.byId.set(article.id, article);
    const stems = new Set(stemsOf(`${article.title} ${article.tags.join(' ')} ${article.content}`));
    this.stemsById.set(article.id, stems);
    for (const stem of stems) this.documentFrequency.set(stem, (this.documentFrequency.get(stem) ?? 0) + 1);
  }

  remove(id: string): void {
    this.version++;
    const title = this.byId.get(id)?.title;
    if (title !== undefined && this.byTitle.get(title) === id) this.byTitle.delete(title);
    const slot = this.engine.slotFor(id);
    if (slot !== undefined) this.articleAt[slot] = undefined;
    this.engine.remove(id);
    this.byId.delete(id);
    this.forgetStems(id);
  }

  /** How informative a stem is across the knowledge base (IDF); 0 for a stem no article contains. */
  stemWeight(stem: string): number {
    const df = this.documentFrequency.get(stem) ?? 0;
    return df === 0 ? 0 : Math.log(1 + Math.max(1, this.engine.size) / df);
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
      /** The question's language: a foreign question's similarity to example questions is judged more strictly. */
      language?: Language;
    } = {},
  ): SearchOutcome {
    const terms = [...new Set(stems)];
    const matched = options.matched ?? new Map<string, number>();
    if ((terms.length === 0 && matched.size === 0) || this.engine.size === 0)
      return { hits: [], relevant: [] };
    const hints = [...new Set(options.hints ?? [])].filter((hint) => !terms.includes(hint));
    const lexical = terms.length > 0 ? this.bm25(terms, hints) : NO_RESULTS;
    const candidates = this.candidates(lexical, matched, options.category);
    const { scores, probabilities, lexicalCount } = candidates;
    let best = 0;
    for (let i = 0; i < scores.length; i++) if (scores[i]! > best) best = scores[i]!;
    const useMatcher = matched.size > 0;
    const ranks = new Float64Array(scores.length);
    if (!useMatcher) ranks.set(scores);
    else {
      const known = options.knows ? this.knownFlags(options.knows) : undefined;
      const isKnown = (i: number) => known === undefined || known[candidates.slots[i]!] === 1;
      let favourite = MATCH_FLOOR;
      for (let i = 0; i < ranks.length; i++)
        if (isKnown(i) && probabilities[i]! > favourite) favourite = probabilities[i]!;
      const logUnknown = Math.max(LOG_UNKNOWN_ARTICLE_PROBABILITY, Math.log(favourite));
      for (let i = 0; i < ranks.length; i++) {
        ranks[i] =
          (best > 0 ? (this.lexicalWeight * scores[i]!) / best : 0) +
          (isKnown(i)
            ? probabilities[i]! > MATCH_FLOOR
              ? Math.log(probabilities[i]!)
              : LOG_MATCH_FLOOR
            : logUnknown);
      }
    }
    const limit = options.limit ?? 3;
    const order = topRanked(ranks, candidates.order, limit);
    // Reported scores: the lexical score as before, or with the matcher the ranking turned into a share of 10.
    const top = order.length > 0 ? ranks[order[0]!]! : 0;
    let mass = 0;
    if (useMatcher) for (let i = 0; i < ranks.length; i++) mass += Math.exp(ranks[i]! - top);
    const own = this.informationWeights(terms);
    const withHints = hints.length > 0 ? this.informationWeights([...terms, ...hints]) : own;
    const queryTerms = [...terms, ...hints];
    const hits: KbHit[] = [];
    const relevant: KbHit[] = [];
    for (const i of order) {
      const slot = candidates.slots[i]!;
      const article = this.articleAt[slot]!;
      const id = article.id;
      const rank = ranks[i]!;
      const hit: KbHit = {
        id,
        title: article.title,
        content: article.content,
        category: article.category,
        score: round3(useMatcher ? (10 * Math.exp(rank - top)) / mass : rank),
        ...(article.version === undefined ? {} : { version: article.version }),
      };
      const lexicalHit = i < lexicalCount;
      const found = lexicalHit ? queryTerms.filter((term) => this.engine.contains(slot, term)) : [];
      const coverage = lexicalHit ? Math.max(coverageOf(found, own), coverageOf(found, withHints)) : 0;
      const evidence = {
        coverage,
        asked: this.askedCoverage(id, own, options.vocabulary?.(article.title)),
        matched: probabilities[i]!,
        similar: options.similar?.get(article.title) ?? 0,
        bm25: scores[i]!,
        foreign: options.language !== undefined && options.language !== 'en',
      };
      if (useMatcher)
        hit.evidence = {
          coverage: round3(evidence.coverage),
          asked: round3(evidence.asked),
          matched: round3(evidence.matched),
          similar: round3(evidence.similar),
        };
      hits.push(hit);
      // Only the best-ranked article can be the answer: a lower one that happens to pass is a loose match.
      const isTopOrFollowsIt = hits.length === 1 || relevant.length > 0;
      if (isTopOrFollowsIt && isRelevant(evidence, useMatcher ? this.relevance : LEXICAL_RELEVANCE))
        relevant.push(hit);
    }
    return { hits, relevant };
  }

  /**
   * Every article the words or the matcher propose, as parallel arrays: the lexical hits (BM25 with the
   * preferred category's boost) and then the articles only the matcher proposes (with a probability above 1%).
   * `order` is the tie-break of equal ranks: higher raw BM25 first, then the order the hits were found in,
   * then the matcher's own order.
   */
  private candidates(
    lexical: LexicalResults,
    matched: ReadonlyMap<string, number>,
    preferred: Category | undefined,
  ): Candidates {
    const lexicalCount = lexical.slots.length;
    const proposedSlots: number[] = [];
    if (this.proposed.length < this.articleAt.length)
      this.proposed = new Float64Array(this.articleAt.length * 2).fill(Number.NaN);
    const proposed = this.proposed;
    for (const [title, p] of matched) {
      const id = this.byTitle.get(title);
      const slot = id === undefined ? undefined : this.engine.slotFor(id);
      if (slot === undefined) continue;
      proposed[slot] = p;
      proposedSlots.push(slot);
    }
    const onlyMatched = [...new Set(proposedSlots)].filter((slot) => proposed[slot]! > 0.01);
    const slots = new Int32Array(lexicalCount + onlyMatched.length);
    const scores = new Float64Array(slots.length);
    const probabilities = new Float64Array(slots.length);
    for (let i = 0; i < lexicalCount; i++) {
      const slot = lexical.slots[i]!;
      slots[i] = slot;
      const boost = preferred && this.articleAt[slot]!.category === preferred ? CATEGORY_BOOST : 1;
      scores[i] = lexical.scores[i]! * boost;
      const p = proposed[slot]!;
      if (!Number.isNaN(p)) {
        probabilities[i] = p;
        proposed[slot] = Number.NaN; // a lexical hit: not added again below
      }
    }
    let extra = lexicalCount;
    for (const slot of onlyMatched) {
      if (Number.isNaN(proposed[slot]!)) continue;
      slots[extra] = slot;
      probabilities[extra] = proposed[slot]!;
      extra++;
    }
    for (const slot of proposedSlots) proposed[slot] = Number.NaN;
    const count = extra;
    const order = (a: number, b: number): number => {
      const aLexical = a < lexicalCount;
      const bLexical = b < lexicalCount;
      if (aLexical && bLexical) return lexical.scores[b]! - lexical.scores[a]! || a - b;
      if (aLexical !== bLexical) return aLexical ? -1 : 1;
      return a - b;
    };
    return {
      slots: slots.subarray(0, count),
      scores: scores.subarray(0, count),
      probabilities: probabilities.subarray(0, count),
      lexicalCount,
      order,
    };
  }

  /** For each slot, whether the matcher knows its article; computed once per index version and matcher. */
  private knownFlags(knows: (title: string) => boolean): Uint8Array {
    const cached = this.knownSlots;
    if (cached && cached.version === this.version && cached.knows === knows) return cached.flags;
    const flags = new Uint8Array(this.articleAt.length);
    for (let slot = 0; slot < this.articleAt.length; slot++) {
      const article = this.articleAt[slot];
      flags[slot] = article !== undefined && knows(article.title) ? 1 : 0;
    }
    this.knownSlots = { version: this.version, knows, flags };
    return flags;
  }

  private bm25(terms: readonly string[], hints: readonly string[]): LexicalResults {
    const query = [...terms, ...hints].join(' ');
    const hintKey = hints.join(' ');
    const last = this.lastSearch;
    if (last && last.version === this.version && last.query === query && last.hints === hintKey)
      return last.results;
    const hinted = new Set(hints);
    const results = this.engine.search(
      [...terms, ...hints],
      FIELD_BOOSTS,
      hints.length > 0 ? (term) => (hinted.has(term) ? HINT_WEIGHT : 1) : undefined,
    );
    this.lastSearch = { version: this.version, query, hints: hintKey, results };
    return results;
  }

  /**
   * IDF of each query stem. A stem no article contains gets 1.5 times the average weight: it is often
   * the very subject the knowledge base lacks ("softball"), though sometimes just filler.
   */
  private informationWeights(terms: readonly string[]): Map<string, number> {
    const n = Math.max(1, this.engine.size);
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

const NO_RESULTS: LexicalResults = { slots: new Int32Array(0), scores: new Float64Array(0) };

/** Parallel arrays: the lexical hits first (`lexicalCount` of them), then the articles only the matcher proposed. */
interface Candidates {
  /** The lexical index's slot of each candidate's article. */
  slots: Int32Array;
  /** BM25 with the preferred category's boost; 0 for an article only the matcher proposed. */
  scores: Float64Array;
  /** The matcher's probability (0 when it does not know the article). */
  probabilities: Float64Array;
  lexicalCount: number;
  /** Orders two candidates of equal rank (negative: the first comes first). */
  order: (a: number, b: number) => number;
}

/**
 * The indexes of the `limit` best ranks, best first; equal ranks in `order`. A partial selection: the pipeline
 * needs three of possibly thousands of candidates, so sorting them all would be wasted.
 */
function topRanked(ranks: Float64Array, order: (a: number, b: number) => number, limit: number): number[] {
  const best: number[] = [];
  const before = (a: number, b: number): boolean =>
    ranks[a]! > ranks[b]! || (ranks[a] === ranks[b] && order(a, b) < 0);
  for (let i = 0; i < ranks.length; i++) {
    if (best.length === limit && !before(i, best[best.length - 1]!)) continue;
    let at = best.length === limit ? best.length - 1 : best.length;
    while (at > 0 && before(i, best[at - 1]!)) {
      best[at] = best[at - 1]!;
      at--;
    }
    best[at] = i;
  }
  return best;
}

/** The share of the weighted terms a document matched. */
function coverageOf(found: readonly string[], weights: ReadonlyMap<string, number>): number {
  let total = 0;
  for (const weight of weights.values()) total += weight;
  let covered = 0;
  for (const term of found) covered += weights.get(term) ?? 0;
  return total > 0 ? covered / total : 0;
}
