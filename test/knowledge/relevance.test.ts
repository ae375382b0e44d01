import { describe, expect, it } from 'vitest';
import { isRelevant, RELEVANCE } from '../../src/modules/knowledge/relevance.js';

/** Evidence that passes only through similarity to an example question (little coverage, an unsure matcher). */
const bySimilarity = (similar: number, foreign: boolean) => ({
  coverage: 0.2,
  asked: 0.3,
  matched: 0.1,
  similar,
  bm25: 3,
  foreign,
});

describe('relevance: when the best article answers', () => {
  it('answers when the article covers most of the question, in any language', () => {
    const evidence = { coverage: 0.7, asked: 0.7, matched: 0.05, similar: 0.1, bm25: 12 };
    expect(isRelevant(evidence)).toBe(true);
    expect(isRelevant({ ...evidence, foreign: true })).toBe(true);
    expect(isRelevant({ ...evidence, bm25: RELEVANCE.minScore - 1 })).toBe(false);
  });

  it('judges a foreign question more strictly by its similarity to example questions', () => {
    const between = (RELEVANCE.similar + RELEVANCE.foreignSimilar) / 2;
    expect(isRelevant(bySimilarity(between, false))).toBe(true);
    expect(isRelevant(bySimilarity(between, true))).toBe(false);
    expect(isRelevant(bySimilarity(RELEVANCE.foreignSimilar, true))).toBe(true);
    // A sure matcher answers whatever the language.
    expect(isRelevant({ ...bySimilarity(0, true), matched: RELEVANCE.matched })).toBe(true);
  });

  it('never answers from an article that covers too little of the question', () => {
    expect(isRelevant({ ...bySimilarity(0.9, false), asked: RELEVANCE.askedCoverage - 0.01 })).toBe(false);
  });
});
