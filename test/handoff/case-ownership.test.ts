import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { describeEachDatabase } from '../helpers/databases.js';
import { seedConversation } from './seed.js';

/**
 * An escalated case leaves HR's queue only when HR or its own employee closes it. Holding the case id is not
 * enough: continuing the conversation needs the owner's user_id (an omitted user_id is the anonymous default
 * user, who owns only conversations started without one), and an employee's close needs it too.
 */
describeEachDatabase('who may continue or close an escalated case', (kind) => {
  let t: TestApp;
  let caseId: string;
  beforeAll(async () => {
    t = await createTestApp(kind);
    caseId = await seedConversation(t.db.kysely, {
      userId: 'emp-owner',
      escalatedAt: 1_000,
      reason: 'asked for a person',
      turns: [{ question: 'I want to talk to a person about harassment', at: 1_000, escalated: true }],
    });
  });
  afterAll(async () => t.close());

  const status = async () =>
    (
      await t.db.kysely
        .selectFrom('conversations')
        .select('status')
        .where('id', '=', caseId)
        .executeTakeFirstOrThrow()
    ).status;
  const ask = (body: Record<string, unknown>) =>
    t.app.inject({ method: 'POST', url: '/api/v1/query', payload: { message: 'Any update?', ...body } });

  it('refuses to continue a case without the owner user_id (404, nothing stored)', async () => {
    const before = await t.db.kysely.selectFrom('messages').select('id').execute();
    expect((await ask({ conversation_id: caseId })).statusCode).toBe(404);
    expect((await ask({ conversation_id: caseId, user_id: 'someone-else' })).statusCode).toBe(404);
    expect(await t.db.kysely.selectFrom('messages').select('id').execute()).toHaveLength(before.length);
    const owner = await ask({ conversation_id: caseId, user_id: 'emp-owner' });
    expect(owner.statusCode, owner.body).toBe(200);
    expect(await status()).toBe('Escalated');
  });

  it('lets an anonymous conversation go on anonymously', async () => {
    const first = await ask({});
    expect(first.statusCode).toBe(200);
    const next = await ask({ conversation_id: first.json().conversation_id });
    expect(next.statusCode, next.body).toBe(200);
  });

  it('closes the case only for its own employee (or HR)', async () => {
    const resolve = (body: Record<string, unknown>) =>
      t.app.inject({ method: 'POST', url: `/api/v1/conversations/${caseId}/resolve`, payload: body });
    expect((await resolve({})).statusCode).toBe(401);
    expect((await resolve({ user_id: 'someone-else' })).statusCode).toBe(404);
    expect((await resolve({ user_id: 'web_user' })).statusCode).toBe(404);
    expect(await status()).toBe('Escalated');
    expect((await resolve({ user_id: 'emp-owner' })).statusCode).toBe(200);
    expect(await status()).toBe('Resolved');
  });
});
