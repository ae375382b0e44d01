import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { describeEachDatabase } from '../helpers/databases.js';
import { seedConversation } from './seed.js';

const UNKNOWN = '00000000-0000-4000-8000-000000000000';

describeEachDatabase('POST /api/v1/feedback', (kind) => {
  let t: TestApp;
  let conversationId: string;
  const send = (payload: unknown) =>
    t.app.inject({ method: 'POST', url: '/api/v1/feedback', payload: payload as object });
  const stored = () => t.db.kysely.selectFrom('feedback').selectAll().execute();

  beforeAll(async () => {
    t = await createTestApp(kind);
    conversationId = await seedConversation(t.db.kysely, {
      userId: 'emp-1',
      turns: [{ question: 'How do I reset my password?', at: Date.now() }],
    });
  });
  afterAll(async () => t.close());

  it('rejects malformed feedback and stores nothing', async () => {
    const valid = { conversation_id: conversationId, user_id: 'emp-1', rating: 4 };
    const cases: [string, unknown][] = [
      ['rating 0', { ...valid, rating: 0 }],
      ['rating 6', { ...valid, rating: 6 }],
      ['fractional rating', { ...valid, rating: 3.5 }],
      ['rating as text', { ...valid, rating: '5' }],
      ['no rating', { conversation_id: conversationId, user_id: 'emp-1' }],
      ['no user', { conversation_id: conversationId, rating: 4 }],
      ['bad conversation id', { ...valid, conversation_id: 'abc' }],
      ['bad user id', { ...valid, user_id: 'has spaces' }],
      ['comment too long', { ...valid, comment: 'x'.repeat(2001) }],
      ['extra field', { ...valid, stars: 5 }],
      ['not an object', [valid]],
    ];
    for (const [name, body] of cases) {
      const res = await send(body);
      expect(res.statusCode, name).toBe(422);
      expect(res.json().error.code, name).toBe('VALIDATION_ERROR');
    }
    const broken = await t.app.inject({
      method: 'POST',
      url: '/api/v1/feedback',
      headers: { 'content-type': 'application/json' },
      payload: '{"rating": 5',
    });
    expect(broken.statusCode).toBe(400);
    expect(broken.json().error.code).toBe('BAD_REQUEST');
    expect(await stored()).toHaveLength(0);
  });

  it('answers 404 for an unknown conversation or one that belongs to someone else', async () => {
    expect((await send({ conversation_id: UNKNOWN, user_id: 'emp-1', rating: 4 })).statusCode).toBe(404);
    const other = await send({ conversation_id: conversationId, user_id: 'emp-2', rating: 4 });
    expect(other.statusCode).toBe(404);
    expect(other.json().error.code).toBe('NOT_FOUND');
    expect(await stored()).toHaveLength(0);
  });

  it('stores a rating, and a second one from the same employee replaces the first', async () => {
    const first = await send({
      conversation_id: conversationId,
      user_id: 'emp-1',
      rating: 2,
      comment: 'Meh',
    });
    expect(first.statusCode).toBe(201);
    expect(first.json()).toMatchObject({ rating: 2, comment: 'Meh', replaced: false, user_id: 'emp-1' });
    const second = await send({ conversation_id: conversationId, user_id: 'emp-1', rating: 5 });
    expect(second.statusCode).toBe(201);
    expect(second.json()).toMatchObject({ id: first.json().id, rating: 5, comment: null, replaced: true });
    const rows = await stored();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ rating: 5, comment: null });
  });

  it('masks personal data in comments', async () => {
    const res = await send({
      conversation_id: conversationId,
      user_id: 'emp-1',
      rating: 3,
      comment: 'my SSN is 123-45-6789',
    });
    expect(res.json().comment).toBe('my SSN is ***-**-6789');
  });
});
