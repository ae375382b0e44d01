import { describe, expect, it } from 'vitest';
import { KnowledgeIndex } from '../../src/modules/knowledge/retrieval-index.js';
import { testArticles } from './fixtures.js';

describe('knowledge index', () => {
  it('finds the matching article with stemming and a score', () => {
    const index = new KnowledgeIndex(testArticles);
    const hits = index.search('how many vacation days carried over', { limit: 3 });
    expect(hits[0]?.id).toBe('pto-accrual');
    expect(hits[0]?.score).toBeGreaterThan(0);
    expect(hits.length).toBeLessThanOrEqual(3);
  });

  it('lets hints find an article without outranking the one the question names', () => {
    const taxArticles = [
      {
        id: 'w4',
        title: 'Tax withholding and your W-4',
        content: 'Federal tax withholding is set by the W-4 form you submit in the portal.',
        category: 'Payroll' as const,
        tags: ['tax', 'withholding'],
      },
      {
        id: 'w2',
        title: 'W-2 forms',
        content:
          "Your W-2 reports last year's wages and the tax withheld; it is in the portal by January 31.",
        category: 'Payroll' as const,
        tags: ['w2'],
      },
    ];
    const index = new KnowledgeIndex(taxArticles);
    const asked = index.searchStems(['w2'], { hints: ['tax', 'withhold'] });
    expect(asked.hits[0]?.id).toBe('w2');
    expect(asked.relevant[0]?.id).toBe('w2');
    // Counted as the question's own words, the hints would have made the W-4 article the answer.
    expect(index.searchStems(['w2', 'tax', 'withhold']).hits[0]?.id).toBe('w4');
  });

  it('applies upserts and removals immediately', () => {
    const index = new KnowledgeIndex(testArticles);
    expect(index.search('sabbatical')).toEqual([]);
    index.upsert({
      id: 'sabbatical',
      title: 'Sabbatical leave',
      content: 'After five years you can take a four-week paid sabbatical.',
      category: 'LeaveManagement',
      tags: ['sabbatical'],
    });
    expect(index.search('sabbatical')[0]?.id).toBe('sabbatical');
    index.upsert({
      id: 'sabbatical',
      title: 'Career break',
      content: 'After five years you can take a four-week paid career break.',
      category: 'LeaveManagement',
      tags: [],
    });
    expect(index.search('sabbatical')).toEqual([]);
    expect(index.search('career break')[0]?.title).toBe('Career break');
    index.remove('sabbatical');
    expect(index.search('career break').map((hit) => hit.id)).not.toContain('sabbatical');
    expect(index.size).toBe(testArticles.length);
  });

  it('prefers the predicted category but never hides a clearly better match', () => {
    const index = new KnowledgeIndex(testArticles);
    // "office" appears in Policy; preferring Payroll must not bury the clearly better remote-work article.
    const hits = index.search('can I work from another country instead of the office', {
      category: 'Payroll',
    });
    expect(hits[0]?.id).toBe('remote-work');
    // Between two equally good candidates the preferred category wins.
    const twins = new KnowledgeIndex([
      {
        id: 'a',
        title: 'Travel guide',
        content: 'Booking travel for work trips.',
        category: 'Policy',
        tags: [],
      },
      {
        id: 'b',
        title: 'Travel guide',
        content: 'Booking travel for work trips.',
        category: 'Payroll',
        tags: [],
      },
    ]);
    expect(twins.search('travel booking', { category: 'Payroll' })[0]?.id).toBe('b');
    expect(twins.search('travel booking', { category: 'Policy' })[0]?.id).toBe('a');
  });

  it('scores a repeated search exactly as a fresh one, with or without a preferred category', () => {
    const query = 'how many vacation days carried over';
    const fresh = (category?: 'LeaveManagement') =>
      new KnowledgeIndex(testArticles).search(query, category ? { category } : {});
    const index = new KnowledgeIndex(testArticles);
    // The second and third searches reuse the first one's results; the preference must not leak between them.
    expect(index.search(query)).toEqual(fresh());
    expect(index.search(query, { category: 'LeaveManagement' })).toEqual(fresh('LeaveManagement'));
    expect(index.search(query)).toEqual(fresh());
  });

  it('says when nothing relevant was found', () => {
    const index = new KnowledgeIndex(testArticles);
    expect(index.searchStems(['softbal', 'team', 'tournament']).relevant).toEqual([]);
    expect(index.searchStems(['password', 'reset']).relevant[0]?.id).toBe('password-reset');
  });
});
