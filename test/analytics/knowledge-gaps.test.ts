import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clusterGaps } from '../../src/modules/analytics/knowledge-gaps.js';
import { adminHeaders, createTestApp, type TestApp } from '../helpers/app.js';
import { describeEachDatabase } from '../helpers/databases.js';

describe('clustering unanswered questions', () => {
  const at = (i: number) => 1_800_000_000_000 + i * 60_000;
  it('groups questions asking the same thing in different words and names the topic by its words', () => {
    const clusters = clusterGaps(
      [
        'Can I bring my pet snake to the office?',
        'are snakes allowed at the office',
        'may my pet snake come to the office with me',
        'Is there a swimming pool on campus?',
        'where is the swimming pool',
        'what does the company think about crypto mining on work laptops',
      ].map((text, i) => ({ text, reason: 'no_article' as const, createdAt: at(i) })),
    );
    expect(clusters.map((c) => c.count)).toEqual([3, 2, 1]);
    expect(clusters[0]!.suggestedTitle.toLowerCase()).toContain('snake');
    expect(clusters[1]!.suggestedTitle.toLowerCase()).toMatch(/pool|swimming/);
    expect(clusters[0]!.examples[0]).toBe('may my pet snake come to the office with me');
  });

  it('gives the same topics for the same questions', () => {
    const questions = [
      'parking permit for a motorbike?',
      'motorbike parking',
      'gym discount',
      'discount at the gym',
    ].map((text, i) => ({ text, reason: 'low_rating' as const, createdAt: at(i) }));
    expect(clusterGaps(questions)).toEqual(clusterGaps(questions));
  });
});

describeEachDatabase('GET /api/v1/analytics/knowledge-gaps', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(kind);
  });
  afterAll(async () => t.close());

  const ask = async (message: string, user = 'emp-gaps') =>
    (
      await t.app.inject({ method: 'POST', url: '/api/v1/query', payload: { user_id: user, message } })
    ).json();

  it('clusters unanswered and badly rated questions and never quotes an escalated case', async () => {
    // Three employees, not one: the same person asking a third time is handed to a person instead.
    for (const [i, q] of [
      'can I bring my pet snake into the office?',
      'are pet snakes allowed in the office',
      'may my pet snake come to the office with me',
    ].entries())
      await ask(q, `emp-snake-${i}`);
    const rated = await ask('How do I reset my portal password?', 'emp-rater');
    const feedback = await t.app.inject({
      method: 'POST',
      url: '/api/v1/feedback',
      payload: { conversation_id: rated.conversation_id, user_id: 'emp-rater', rating: 1 },
    });
    expect(feedback.statusCode).toBeLessThan(300);
    const report = await ask(
      'my supervisor keeps touching me and I feel unsafe, nobody answers about snakes',
      'emp-x',
    );
    expect(report.metadata.escalated).toBe(true);

    const res = await t.app.inject({
      method: 'GET',
      url: '/api/v1/analytics/knowledge-gaps',
      headers: adminHeaders,
    });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    const snakes = body.clusters.find((c: { suggested_title: string }) => /snake/i.test(c.suggested_title));
    expect(snakes).toMatchObject({ count: 3, reasons: { no_article: 3, low_rating: 0, handed_over: 0 } });
    const lowRated = body.clusters.find((c: { reasons: { low_rating: number } }) => c.reasons.low_rating > 0);
    expect(lowRated.examples).toContain('How do I reset my portal password?');
    expect(JSON.stringify(body)).not.toMatch(/touching|unsafe/);
  });

  it('counts a question handed to a person because nothing answered it, and no reported case', async () => {
    for (const q of [
      'do we get a discount at the climbing gym',
      'any discount at the climbing gym?',
      'climbing gym discount for staff?',
    ])
      await ask(q, 'emp-climber');
    const res = await t.app.inject({
      method: 'GET',
      url: '/api/v1/analytics/knowledge-gaps',
      headers: adminHeaders,
    });
    const climbing = res
      .json()
      .clusters.find((c: { suggested_title: string }) => /climb/i.test(c.suggested_title));
    expect(climbing.count).toBe(3);
    expect(climbing.reasons.handed_over).toBeGreaterThanOrEqual(1);
  });

  it('needs analytics access and refuses bad parameters with 422', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/analytics/knowledge-gaps' })).statusCode).toBe(
      401,
    );
    const bad = await t.app.inject({
      method: 'GET',
      url: '/api/v1/analytics/knowledge-gaps?days=0',
      headers: adminHeaders,
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().error.code).toBe('VALIDATION_ERROR');
  });
});
