import { afterAll, beforeAll, expect, it } from 'vitest';
import { ManualClock } from '../../src/clock.js';
import { pruneConversations } from '../../src/modules/privacy/conversation-retention.js';
import { seedConversation } from '../handoff/seed.js';
import { adminHeaders, createTestApp, type TestApp } from '../helpers/app.js';
import { describeEachDatabase } from '../helpers/databases.js';

const DAY = 24 * 3_600_000;
const T0 = Date.UTC(2026, 5, 1, 12, 0, 0);

describeEachDatabase("an employee's data: export, erasure, retention", (kind) => {
  let t: TestApp;
  const clock = new ManualClock(T0);
  const count = async (table: 'conversations' | 'messages' | 'feedback' | 'users', userId: string) =>
    Number(
      (
        await t.db.kysely
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where(table === 'users' ? 'id' : 'user_id', '=', userId)
          .executeTakeFirstOrThrow()
      ).n,
    );
  const ask = async (user_id: string, message: string) =>
    (await t.app.inject({ method: 'POST', url: '/api/v1/query', payload: { user_id, message } })).json();

  beforeAll(async () => {
    t = await createTestApp(kind, {}, { clock });
    await t.app.inject({
      method: 'POST',
      url: '/api/v1/webhooks',
      headers: adminHeaders,
      payload: { url: 'http://127.0.0.1:9/hook', events: ['query.created', 'feedback.received'] },
    });
    const first = await ask('emp-x', 'How many vacation days do I get, my card is 4111 1111 1111 1111?');
    await ask('emp-x', 'When is the next payday?');
    await t.app.inject({
      method: 'POST',
      url: '/api/v1/feedback',
      payload: {
        conversation_id: first.conversation_id,
        user_id: 'emp-x',
        rating: 4,
        comment: 'clear enough',
      },
    });
    await ask('emp-y', 'Where do I find the dental plan?');
  });
  afterAll(async () => t.close());

  it('exports everything stored about the employee, and nothing about anyone else', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: '/api/v1/users/emp-x/export',
      headers: adminHeaders,
    });
    expect(res.statusCode).toBe(200);
    const data = res.json();
    expect(data.user_id).toBe('emp-x');
    expect(data.conversations).toHaveLength(2);
    expect(data.conversations.flatMap((c: { messages: unknown[] }) => c.messages)).toHaveLength(4);
    expect(data.feedback).toHaveLength(1);
    expect(data.webhook_deliveries.length).toBe(3);
    expect(res.body).toContain('vacation days');
    expect(res.body).not.toContain('dental');
    const unknown = await t.app.inject({
      method: 'GET',
      url: '/api/v1/users/nobody/export',
      headers: adminHeaders,
    });
    expect(unknown.statusCode).toBe(404);
  });

  it('erases it, answers the counts, cancels what was still to be sent, and audits without the data', async () => {
    const res = await t.app.inject({ method: 'DELETE', url: '/api/v1/users/emp-x', headers: adminHeaders });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      user_id: 'emp-x',
      erased: { conversations: 2, messages: 4, feedback: 1, webhook_deliveries: 3, user: 1 },
    });
    for (const table of ['conversations', 'messages', 'feedback', 'users'] as const) {
      expect(await count(table, 'emp-x'), table).toBe(0);
    }
    expect(await count('conversations', 'emp-y')).toBe(1);
    const deliveries = await t.db.kysely
      .selectFrom('webhook_deliveries')
      .select(['payload', 'status'])
      .execute();
    const all = JSON.stringify(deliveries);
    expect(all).not.toContain('vacation');
    expect(all).not.toContain('emp-x');
    expect(all).toContain('dental');
    expect(
      deliveries.filter((d) => d.payload === '{"erased":true}').every((d) => d.status === 'cancelled'),
    ).toBe(true);

    const audit = await t.db.kysely
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'user.erase')
      .executeTakeFirstOrThrow();
    expect(audit.actor).toBe('token:bootstrap');
    expect(JSON.parse(audit.details ?? '{}')).toEqual({
      erased: { conversations: 2, messages: 4, feedback: 1, webhook_deliveries: 3, user: 1 },
    });
    expect(JSON.stringify(audit)).not.toContain('vacation');

    const again = await t.app.inject({ method: 'DELETE', url: '/api/v1/users/emp-x', headers: adminHeaders });
    expect(again.statusCode).toBe(404);
  });

  it('erases resolved conversations past the retention, in batches, and keeps open and recent ones', async () => {
    const old = T0 - 40 * DAY;
    const resolvedOld = [];
    for (let i = 0; i < 5; i++) {
      resolvedOld.push(
        await seedConversation(t.db.kysely, {
          userId: 'emp-old',
          status: 'Resolved',
          resolvedAt: old,
          turns: [{ question: `Old question ${i}`, at: old }],
        }),
      );
    }
    const openOld = await seedConversation(t.db.kysely, {
      userId: 'emp-old',
      escalatedAt: old,
      turns: [{ question: 'Still waiting', at: old }],
    });
    const recent = await seedConversation(t.db.kysely, {
      userId: 'emp-old',
      status: 'Resolved',
      resolvedAt: T0 - DAY,
      turns: [{ question: 'Yesterday', at: T0 - DAY }],
    });
    const result = await pruneConversations(
      { db: t.db.kysely, clock },
      { retentionDays: 30, batchSize: 2, pauseMs: 0 },
    );
    expect(result).toMatchObject({ conversations: 5, messages: 10, batches: 3 });
    const left = await t.db.kysely
      .selectFrom('conversations')
      .select('id')
      .where('user_id', '=', 'emp-old')
      .execute();
    expect(left.map((r) => r.id).sort()).toEqual([openOld, recent].sort());
  });
});
