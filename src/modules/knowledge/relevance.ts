/**
 * When is the best article an answer rather than a loose match? Three signals, measured on the article:
 * `coverage`, the share of the question's information (IDF-weighted stems) the article's own words cover;
 * `asked`, the same counting the words of its example questions too; `matched`, the learned matcher's
 * probability; `similar`, the cosine similarity to its closest example question.
 *
 * An article answers when its words cover most of the question, or when the matcher recognises the question
 * as one asked of that article (probability, or similarity to an example question while the article with its
 * examples still covers part of it). The thresholds were calibrated on the tune part of the answer check
 * (data/eval/answer-check-tune.jsonl: the most answerable questions answered from the right article while
 * ≥ 95% of its not-covered questions are still declined); five-fold cross-validation over our own example
 * questions against data/calibration/not-covered.txt (`npx tsx bench/retrieval-cv.ts`) is the second check.
 */
export interface RelevanceEvidence {
  coverage: number;
  asked: number;
  matched: number;
  similar: number;
  bm25: number;
  /** A Spanish, French or German question (its similarity to example questions is judged more strictly). */
  foreign?: boolean;
}

export interface RelevanceThresholds {
  minScore: number;
  ownCoverage: number;
  askedCoverage: number;
  matched: number;
  similar: number;
  foreignSimilar: number;
}

export const RELEVANCE: Readonly<RelevanceThresholds> = {
  /** Below this BM25 score the article's words alone never make it an answer. */
  minScore: 8,
  /** Its own words cover this share of the question's information. */
  ownCoverage: 0.6,
  /** Or the matcher is this sure of it... */
  matched: 0.4,
  /** ...or the article with its examples covers this share of the question... */
  askedCoverage: 0.2,
  /** ...and the question is this similar to one of its example questions. */
  similar: 0.35,
  /**
   * The same for a Spanish, French or German question. Foreign example questions are few and short and share
   * their everyday words ("empresa", "droit", "gibt es"), so a foreign question that no article answers is still
   * fairly similar to some of them. Calibrated on the answer check's tune part and data/calibration/not-covered.txt:
   * at 0.35, 25 of 43 foreign questions were answered from the right article and 3 of 31 foreign not-covered
   * questions were wrongly answered; from 0.45 to 0.6, 24-25 and none.
   */
  foreignSimilar: 0.5,
};

export function isRelevant(
  evidence: RelevanceEvidence,
  thresholds: Readonly<RelevanceThresholds> = RELEVANCE,
): boolean {
  if (evidence.bm25 >= thresholds.minScore && evidence.coverage >= thresholds.ownCoverage) return true;
  if (evidence.asked < thresholds.askedCoverage) return false;
  const similar = evidence.foreign ? thresholds.foreignSimilar : thresholds.similar;
  return evidence.matched >= thresholds.matched || evidence.similar >= similar;
}
