/**
 * When is the best article an answer rather than a loose match? Three signals, measured on the article:
 * `coverage`, the share of the question's information (IDF-weighted stems) the article's own words cover;
 * `asked`, the same counting the words of its example questions too; `matched`, the learned matcher's
 * probability; `similar`, the cosine similarity to its closest example question.
 *
 * An article answers when its words cover most of the question, or when the matcher recognises the question
 * as one asked of that article and the article (with its examples) still covers a fair part of it. The
 * thresholds were calibrated in five-fold cross-validation over our own example questions (the held-out fold)
 * against our own not-covered HR questions (data/calibration/not-covered.txt): `npx tsx bench/retrieval-cv.ts`.
 */
export interface RelevanceEvidence {
  coverage: number;
  asked: number;
  matched: number;
  similar: number;
  bm25: number;
}

export interface RelevanceThresholds {
  minScore: number;
  ownCoverage: number;
  askedCoverage: number;
  matched: number;
  similar: number;
}

export const RELEVANCE: Readonly<RelevanceThresholds> = {
  /** Below this BM25 score the article's words alone never make it an answer. */
  minScore: 8,
  /** Its own words cover this share of the question's information. */
  ownCoverage: 0.7,
  /** Or the matcher recognises the question and the article with its examples covers this share... */
  askedCoverage: 0.4,
  /** ...with at least this probability... */
  matched: 0.4,
  /** ...or this similarity to one of its example questions. */
  similar: 0.45,
};

export function isRelevant(
  evidence: RelevanceEvidence,
  thresholds: Readonly<RelevanceThresholds> = RELEVANCE,
): boolean {
  if (evidence.bm25 >= thresholds.minScore && evidence.coverage >= thresholds.ownCoverage) return true;
  if (evidence.asked < thresholds.askedCoverage) return false;
  return evidence.matched >= thresholds.matched || evidence.similar >= thresholds.similar;
}
