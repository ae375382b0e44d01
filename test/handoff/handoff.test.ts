import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import { ManualClock } from '../../src/clock.js';
import { adminHeaders, createTestApp, type TestApp } from '../helpers/app.js';
import { describeEachDatabase } from '../helpers/databases.js';
import { seedConversation } from './seed.js';

const T0 = Date.UTC(2026, 5, 1, 12, 0, 0);
const MIN = 60_000;
const UNKNOWN = '00000000-0000-4000-8000-000000000000';

describeEachDatabase('human handoff', (kind) => {
  let t: TestApp;
  const clock = new ManualClock(T0);
  const db = () => t.db.kysely;
  const admin = (method: 'GET' | 'POST', url: string, payload?: object) =>
    t.app.inject({ method, url, headers: adminHeaders, ...(payload && { payload }) });
  const anonymous = (method: 'GET' | 'POST', url: string, payload?: object) =>
    t.app.inject({ method, url, ...(payload && { payload }) });
  const count = async (table: 'messages' | 'conversations' | 'feedback') =>
    Number(
      (
        await db()
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const statusOf = async (id: string) =>
    (await db().selectFrom('conversations').select('status').where('id', '=', id).executeTakeFirstOrThrow())
      .status;

  beforeAll(async () => {
    t = await createTestApp(kind, {}, { clock });
  });
  afterAll(async () => t.close());
  beforeEach(async () => {
    clock.set(T0);
    await db().deleteFrom('feedback').execute();
    await db().deleteFrom('messages').execute();
    await db().deleteFrom('conversations').execute();
    await db().deleteFrom('users').execute();
  });

  const escalated = (userId: string, priority: number, minutesAgo: number, extra = {}) =>
    seedConversation(db(), {
      userId,
      priority,
      category: 'Policy',
      sentiment: 'Negative',
      reason: 'harassment reported',
      escalatedAt: T0 - minutesAgo * MIN,
      turns: [{ question: `Question from ${userId}`, at: T0 - minutesAgo * MIN }],
      ...extra,
    });

  it('lists open escalations by priority, then longest waiting, with paging', async () => {
    const lowOld = await escalated('e-low', 5, 90);
    const highNew = await escalated('e-high-new', 9, 10);
    const highOld = await escalated('e-high-old', 9, 30);
    const mid = await escalated('e-mid', 7, 60);
    await escalated('e-taken', 10, 5, { status: 'Assigned', assignedTo: 'Dana' });
    await seedConversation(db(), { userId: 'e-fine', turns: [{ question: 'Payday?', at: T0 }] });

    const res = await admin('GET', '/api/v1/escalations?status=open');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.total).toBe(4);
    expect(body.escalations.map((e: { conversation_id: string }) => e.conversation_id)).toEqual([
      highOld,
      highNew,
      mid,
      lowOld,
    ]);
    const page = (await admin('GET', '/api/v1/escalations?skip=1&limit=2')).json();
    expect(page.escalations.map((e: { conversation_id: string }) => e.conversation_id)).toEqual([
      highNew,
      mid,
    ]);
    expect(page).toMatchObject({ total: 4, skip: 1, limit: 2, status: 'open' });

    const assigned = (await admin('GET', '/api/v1/escalations?status=assigned')).json();
    expect(assigned.total).toBe(1);
    expect(assigned.escalations[0].assigned_to).toBe('Dana');
  });

  it('gives a full handoff package', async () => {
    const id = await seedConversation(db(), {
      userId: 'vip-1',
      isVip: true,
      category: 'Payroll',
      sentiment: 'Angry',
      priority: 10,
      reason: 'angry employee',
      attemptCount: 3,
      escalatedAt: T0 - 20 * MIN,
      turns: [
        {
          question: 'Where is my paycheck?   It was due Friday.',
          at: T0 - 40 * MIN,
          articles: [
            { title: 'Pay schedule', category: 'Payroll', score: 0.8 },
            { title: 'Direct deposit', category: 'Payroll', score: 0.5 },
          ],
        },
        {
          question: 'Still nothing.',
          at: T0 - 30 * MIN,
          articles: [{ title: 'Pay schedule', category: 'Payroll', score: 0.9 }],
        },
        { question: 'This is the third time I ask: WHERE IS MY PAY', at: T0 - 20 * MIN },
      ],
    });
    const [item] = (await admin('GET', '/api/v1/escalations')).json().escalations;
    expect(item).toMatchObject({
      conversation_id: id,
      user_id: 'vip-1',
      is_vip: true,
      status: 'Escalated',
      category: 'Payroll',
      sentiment: 'Angry',
      priority: 10,
      escalation_reason: 'angry employee',
      attempt_count: 3,
      waiting_seconds: 20 * 60,
      assigned_to: null,
      escalated_at: new Date(T0 - 20 * MIN).toISOString(),
    });
    expect(item.summary).toContain('Where is my paycheck? It was due Friday.');
    expect(item.summary).toContain('WHERE IS MY PAY');
    expect(item.summary).not.toContain('Still nothing');
    expect(item.transcript).toHaveLength(6);
    expect(item.transcript[0]).toMatchObject({
      role: 'user',
      content: 'Where is my paycheck?   It was due Friday.',
    });
    expect(item.transcript[1].role).toBe('assistant');
    // Each article once, with the best score it was shown with.
    expect(item.kb_articles).toEqual([
      { title: 'Pay schedule', category: 'Payroll', score: 0.9 },
      { title: 'Direct deposit', category: 'Payroll', score: 0.5 },
    ]);
    clock.advance(5 * MIN);
    expect((await admin('GET', '/api/v1/escalations')).json().escalations[0].waiting_seconds).toBe(25 * 60);
  });

  it('assigns an escalated conversation, and reassigns it', async () => {
    const id = await escalated('e-1', 8, 15);
    const res = await admin('POST', `/api/v1/conversations/${id}/assign`, { agent: '  dana@hr.example ' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      conversation_id: id,
      status: 'Assigned',
      assigned_to: 'dana@hr.example',
    });
    expect(res.json().assigned_at).toBe(new Date(T0).toISOString());
    const again = await admin('POST', `/api/v1/conversations/${id}/assign`, { agent: 'Lee' });
    expect(again.json()).toMatchObject({ status: 'Assigned', assigned_to: 'Lee' });
    expect((await admin('GET', '/api/v1/escalations')).json().total).toBe(0);
  });

  it('refuses to assign unknown (404), not escalated or resolved (409) conversations', async () => {
    const answered = await seedConversation(db(), { userId: 'e-2', turns: [{ question: 'PTO?', at: T0 }] });
    const resolved = await escalated('e-3', 8, 15, { status: 'Resolved', resolvedAt: T0, resolvedBy: 'Lee' });
    expect((await admin('POST', `/api/v1/conversations/${UNKNOWN}/assign`, { agent: 'A' })).statusCode).toBe(
      404,
    );
    const notEscalated = await admin('POST', `/api/v1/conversations/${answered}/assign`, { agent: 'A' });
    expect(notEscalated.statusCode).toBe(409);
    expect(notEscalated.json().error.code).toBe('CONFLICT');
    expect((await admin('POST', `/api/v1/conversations/${resolved}/assign`, { agent: 'A' })).statusCode).toBe(
      409,
    );
    expect(await statusOf(answered)).toBe('Answered');
    expect(await statusOf(resolved)).toBe('Resolved');
  });

  it('resolves with an agent answer appended to the conversation, once', async () => {
    const id = await escalated('e-4', 8, 30);
    clock.advance(MIN);
    const res = await admin('POST', `/api/v1/conversations/${id}/resolve`, {
      response: 'Your pay was re-issued today.',
      resolved_by: 'Dana',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'Resolved', resolved_by: 'Dana' });
    expect(res.json().message_id).toMatch(/^[0-9a-f-]{36}$/);
    const conversation = await t.app.inject({ method: 'GET', url: `/api/v1/conversations/${id}` });
    if (conversation.statusCode === 200) {
      const messages = conversation.json().messages;
      expect(messages.at(-1)).toMatchObject({ role: 'agent', content: 'Your pay was re-issued today.' });
    }
    const stored = await db().selectFrom('messages').selectAll().where('conversation_id', '=', id).execute();
    expect(stored.filter((m) => m.role === 'agent').map((m) => m.content)).toEqual([
      'Your pay was re-issued today.',
    ]);

    const twice = await admin('POST', `/api/v1/conversations/${id}/resolve`, {
      response: 'Again',
      resolved_by: 'Lee',
    });
    expect(twice.statusCode).toBe(409);
    expect(await count('messages')).toBe(3);

    const resolved = (await admin('GET', '/api/v1/escalations?status=resolved')).json();
    expect(resolved.total).toBe(1);
    expect(resolved.escalations[0]).toMatchObject({ resolved_by: 'Dana', waiting_seconds: 31 * 60 });
    expect(resolved.escalations[0].transcript.at(-1).role).toBe('agent');
  });

  it('lets HR resolve an assigned case but not a conversation that was never escalated', async () => {
    const assigned = await escalated('e-5', 8, 30, { status: 'Assigned', assignedTo: 'Dana' });
    const answered = await seedConversation(db(), { userId: 'e-6', turns: [{ question: 'PTO?', at: T0 }] });
    const body = { response: 'Done', resolved_by: 'Dana' };
    expect((await admin('POST', `/api/v1/conversations/${assigned}/resolve`, body)).statusCode).toBe(200);
    expect((await admin('POST', `/api/v1/conversations/${answered}/resolve`, body)).statusCode).toBe(409);
    expect((await admin('POST', `/api/v1/conversations/${UNKNOWN}/resolve`, body)).statusCode).toBe(404);
    expect(await statusOf(answered)).toBe('Answered');
  });

  it('lets employees close their own conversation, and only their own', async () => {
    const id = await escalated('owner-1', 8, 30);
    const stranger = await anonymous('POST', `/api/v1/conversations/${id}/resolve`, {
      user_id: 'someone-else',
    });
    expect(stranger.statusCode).toBe(404);
    const noIdentity = await anonymous('POST', `/api/v1/conversations/${id}/resolve`, {});
    expect(noIdentity.statusCode).toBe(401);
    expect(noIdentity.json().error.code).toBe('UNAUTHORIZED');
    const posing = await anonymous('POST', `/api/v1/conversations/${id}/resolve`, {
      user_id: 'owner-1',
      response: 'I am HR',
      resolved_by: 'fake',
    });
    expect(posing.statusCode).toBe(401);
    expect(await statusOf(id)).toBe('Escalated');

    const own = await anonymous('POST', `/api/v1/conversations/${id}/resolve`, { user_id: 'owner-1' });
    expect(own.statusCode).toBe(200);
    expect(own.json()).toMatchObject({ status: 'Resolved', resolved_by: 'owner-1', message_id: null });
    expect(await count('messages')).toBe(2);
    expect(
      (await anonymous('POST', `/api/v1/conversations/${id}/resolve`, { user_id: 'owner-1' })).statusCode,
    ).toBe(409);

    const answered = await seedConversation(db(), {
      userId: 'owner-2',
      turns: [{ question: 'PTO?', at: T0 }],
    });
    const selfClosed = await anonymous('POST', `/api/v1/conversations/${answered}/resolve`, {
      user_id: 'owner-2',
    });
    expect(selfClosed.statusCode).toBe(200);
    // Never escalated, so it is not part of the HR queue's resolved list.
    expect((await admin('GET', '/api/v1/escalations?status=resolved')).json().total).toBe(1);
  });

  it('rejects malformed input with the common error shape and changes nothing', async () => {
    const id = await escalated('e-7', 8, 30);
    const cases: [string, Promise<{ statusCode: number; json(): { error: { code: string } } }>][] = [
      ['bad status', admin('GET', '/api/v1/escalations?status=closed')],
      ['negative skip', admin('GET', '/api/v1/escalations?skip=-1')],
      ['limit too big', admin('GET', '/api/v1/escalations?limit=1000')],
      ['unknown query param', admin('GET', '/api/v1/escalations?color=red')],
      ['bad id', admin('POST', '/api/v1/conversations/not-a-uuid/assign', { agent: 'A' })],
      ['no agent', admin('POST', `/api/v1/conversations/${id}/assign`, {})],
      ['blank agent', admin('POST', `/api/v1/conversations/${id}/assign`, { agent: '   ' })],
      ['extra field', admin('POST', `/api/v1/conversations/${id}/assign`, { agent: 'A', x: 1 })],
      ['agent not a string', admin('POST', `/api/v1/conversations/${id}/assign`, { agent: 42 })],
      [
        'resolve without response',
        admin('POST', `/api/v1/conversations/${id}/resolve`, { resolved_by: 'A' }),
      ],
      [
        'resolve empty response',
        admin('POST', `/api/v1/conversations/${id}/resolve`, { response: '', resolved_by: 'A' }),
      ],
      [
        'resolve bad id',
        admin('POST', '/api/v1/conversations/123/resolve', { response: 'x', resolved_by: 'A' }),
      ],
      ['employee bad user id', anonymous('POST', `/api/v1/conversations/${id}/resolve`, { user_id: 'a b' })],
    ];
    for (const [name, request] of cases) {
      const res = await request;
      expect(res.statusCode, name).toBeGreaterThanOrEqual(400);
      expect(res.statusCode, name).toBeLessThan(500);
      expect(res.json().error.code, name).toMatch(/VALIDATION_ERROR|BAD_REQUEST/);
    }
    const invalidJson = await t.app.inject({
      method: 'POST',
      url: `/api/v1/conversations/${id}/assign`,
      headers: { ...adminHeaders, 'content-type': 'application/json' },
      payload: '{"agent":',
    });
    expect(invalidJson.statusCode).toBe(400);
    expect(await statusOf(id)).toBe('Escalated');
    expect(await count('messages')).toBe(2);
  });

  it('requires the admin key for the queue and for assigning', async () => {
    const id = await escalated('e-8', 8, 30);
    expect((await anonymous('GET', '/api/v1/escalations')).statusCode).toBe(401);
    expect((await anonymous('POST', `/api/v1/conversations/${id}/assign`, { agent: 'A' })).statusCode).toBe(
      401,
    );
    const wrongKey = await t.app.inject({
      method: 'POST',
      url: `/api/v1/conversations/${id}/resolve`,
      headers: { authorization: 'Bearer wrong' },
      payload: { response: 'x', resolved_by: 'A' },
    });
    expect(wrongKey.statusCode).toBe(401);
    expect(await statusOf(id)).toBe('Escalated');
  });
});
