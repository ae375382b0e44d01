import MiniSearch from 'minisearch';
import { describe, expect, it } from 'vitest';
import { loadShippedArticles } from '../../bench/kb-fixture.js';
import type { KbArticle } from '../../src/modules/agents/types.js';
import { LexicalIndex } from '../../src/modules/knowledge/lexical-index.js';
import { analyzeText } from '../../src/modules/nlp/analyze.js';

const stemsOf = (text: string): string[] => analyzeText(text).stems;
const BOOSTS = { title: 2, tagText: 1.5, content: 1 };

/** minisearch configured as the retrieval index used it before: the reference the scores must equal. */
function reference(articles: readonly KbArticle[]): MiniSearch<KbArticle> {
  const engine = new MiniSearch<KbArticle>({
    fields: ['title', 'tagText', 'content'],
    extractField: (article, field) =>
      field === 'tagText'
        ? article.tags.join(' ')
        : String((article as unknown as Record<string, unknown>)[field] ?? ''),
    tokenize: stemsOf,
    processTerm: (term) => term,
    searchOptions: { tokenize: (text) => text.split(' ').filter(Boolean), processTerm: (term) => term },
  });
  engine.addAll(articles);
  return engine;
}

function lexical(articles: readonly KbArticle[]): LexicalIndex {
  const index = new LexicalIndex(3);
  for (const article of articles)
    index.add({
      id: article.id,
      fields: [stemsOf(article.title), stemsOf(article.tags.join(' ')), stemsOf(article.content)],
    });
  return index;
}

function scoresOf(index: LexicalIndex, terms: string[], hints: string[] = []): Map<string, number> {
  const hinted = new Set(hints);
  const { slots, scores } = index.search([...terms, ...hints], [2, 1.5, 1], (term) =>
    hinted.has(term) ? 0.5 : 1,
  );
  return new Map([...slots].map((slot, i) => [index.idAt(slot), scores[i]!]));
}

function referenceScores(engine: MiniSearch<KbArticle>, terms: string[], hints: string[] = []) {
  const hinted = new Set(hints);
  const results = engine.search([...terms, ...hints].join(' '), {
    boost: BOOSTS,
    boostTerm: (term: string) => (hinted.has(term) ? 0.5 : 1),
    combineWith: 'OR',
  });
  return new Map(results.map((result) => [String(result.id), result.score]));
}

const QUESTIONS = [
  'how many vacation days do I get per year',
  'when is payday',
  'where do I find my W-2 form',
  'my dad passed away, bereavement leave',
  'can I work remotely from another country',
  'parental leave for fathers',
  'who do I call about harassment',
  'referral bonus payout',
  'resign notice period',
  'dental insurance enrollment deadline',
];

describe('LexicalIndex', () => {
  const articles = loadShippedArticles();

  it('scores every shipped article exactly as the minisearch configuration it replaced', () => {
    const index = lexical(articles);
    const engine = reference(articles);
    for (const question of QUESTIONS) {
      const terms = [...new Set(stemsOf(question))];
      const hints = ['tax', 'holiday'].filter((hint) => !terms.includes(hint));
      const pairs: [Map<string, number>, Map<string, number>][] = [
        [scoresOf(index, terms), referenceScores(engine, terms)],
        [scoresOf(index, terms, hints), referenceScores(engine, terms, hints)],
      ];
      for (const [ours, theirs] of pairs) {
        expect(ours.size).toBeGreaterThan(0);
        expect([...ours.keys()].sort()).toEqual([...theirs.keys()].sort());
        for (const [id, score] of ours) expect(score).toBe(theirs.get(id));
      }
    }
  });

  it('after removing and re-adding articles, scores as an index built from the final set', () => {
    const index = lexical(articles);
    const edited = articles.map((article, i) =>
      i % 7 === 0
        ? { ...article, content: `${article.content}\n\nUpdated: ask your manager first.` }
        : article,
    );
    for (const article of edited.filter((_, i) => i % 7 === 0))
      index.add({
        id: article.id,
        fields: [stemsOf(article.title), stemsOf(article.tags.join(' ')), stemsOf(article.content)],
      });
    const removed = new Set(edited.filter((_, i) => i % 5 === 1).map((article) => article.id));
    for (const id of removed) index.remove(id);
    const fresh = lexical(edited.filter((article) => !removed.has(article.id)));
    expect(index.size).toBe(articles.length - removed.size);
    for (const question of QUESTIONS) {
      const terms = [...new Set(stemsOf(question))];
      const ours = scoresOf(index, terms);
      const expected = scoresOf(fresh, terms);
      expect([...ours.keys()].sort()).toEqual([...expected.keys()].sort());
      for (const id of removed) expect(ours.has(id)).toBe(false);
      // The running average of field lengths may differ in the last bits from one computed in another order.
      for (const [id, score] of ours) expect(score).toBeCloseTo(expected.get(id)!, 9);
    }
  });

  it('knows which terms each document holds, and forgets a removed one', () => {
    const index = lexical(articles.slice(0, 3));
    const slot = [0, 1, 2].find((s) => index.idAt(s) === articles[0]!.id)!;
    const word = stemsOf(articles[0]!.title)[0]!;
    expect(index.contains(slot, word)).toBe(true);
    expect(index.contains(slot, 'zzzunknown')).toBe(false);
    index.remove(articles[0]!.id);
    expect(index.has(articles[0]!.id)).toBe(false);
    expect(index.contains(slot, word)).toBe(false);
  });
});
