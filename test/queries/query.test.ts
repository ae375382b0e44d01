import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminHeaders, createTestApp, type TestApp } from '../helpers/app.js';
import { describeEachDatabase } from '../helpers/databases.js';

async function rowCounts(t: TestApp) {
  const db = t.db.kysely;
  const count = async (table: 'users' | 'conversations' | 'messages') =>
    Number(
      (
        await db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  return {
    users: await count('users'),
    conversations: await count('conversations'),
    messages: await count('messages'),
  };
}

describeEachDatabase('POST /api/v1/query', (kind) => {
  let t: TestApp;
  const ask = (body: unknown) =>
    t.app.inject({ method: 'POST', url: '/api/v1/query', payload: body as object });

  beforeAll(async () => {
    t = await createTestApp(kind);
  });
  afterAll(async () => t.close());

  it('answers with the original response shape', async () => {
    const res = await ask({ user_id: 'emp-1', message: 'How do I reset my portal password?' });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.conversation_id).toMatch(/^[0-9a-f-]{36}$/);
    expect(body.category).toBe('General');
    expect(['Positive', 'Neutral', 'Negative', 'Angry']).toContain(body.sentiment);
    expect(body.priority).toBeGreaterThanOrEqual(1);
    expect(body.priority).toBeLessThanOrEqual(10);
    expect(new Date(body.timestamp).toISOString()).toBe(body.timestamp);
    expect(body.response.length).toBeGreaterThan(20);
    const meta = body.metadata;
    expect(meta.escalated).toBe(false);
    expect(meta.escalation_reason).toBeNull();
    expect(meta.attempt_count).toBe(1);
    expect(meta.engine).toBe('local');
    expect(meta.processing_time).toBeGreaterThan(0);
    expect(meta.kb_results.length).toBeGreaterThan(0);
    expect(meta.kb_results.length).toBeLessThanOrEqual(3);
    expect(Object.keys(meta.kb_results[0]).sort()).toEqual(['category', 'content', 'score', 'title']);
    expect(meta.agent_trace.map((s: { agent: string }) => s.agent).length).toBeGreaterThanOrEqual(4);
  });

  it('defaults user_id to web_user and stores the conversation with both messages', async () => {
    const res = await ask({ message: 'When is payday this month?' });
    const { conversation_id } = res.json();
    const conv = await t.app.inject({ method: 'GET', url: `/api/v1/conversations/${conversation_id}` });
    expect(conv.statusCode).toBe(200);
    const body = conv.json();
    expect(body.user_id).toBe('web_user');
    expect(body.category).toBe('Payroll');
    expect(body.status).toBe('Answered');
    expect(body.messages.map((m: { role: string }) => m.role)).toEqual(['user', 'assistant']);
    expect(body.messages[0].content).toBe('When is payday this month?');
  });

  it('continues a conversation with its id, keeping earlier turns', async () => {
    const first = (
      await ask({ user_id: 'emp-2', message: 'How many PTO days do I accrue per year?' })
    ).json();
    const second = await ask({
      user_id: 'emp-2',
      conversation_id: first.conversation_id,
      message: 'Can I carry unused days over to next year?',
    });
    expect(second.statusCode).toBe(200);
    expect(second.json().conversation_id).toBe(first.conversation_id);
    const conv = (
      await t.app.inject({ method: 'GET', url: `/api/v1/conversations/${first.conversation_id}` })
    ).json();
    expect(conv.messages).toHaveLength(4);
    expect(conv.message_count).toBe(4);
  });

  it('answers 404 for an unknown conversation and for someone else’s, storing nothing', async () => {
    const mine = (await ask({ user_id: 'emp-3', message: 'Where can I see my pay stub?' })).json();
    const before = await rowCounts(t);
    const unknown = await ask({ message: 'hello', conversation_id: '00000000-0000-4000-8000-000000000000' });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error.code).toBe('NOT_FOUND');
    const foreign = await ask({ user_id: 'emp-4', message: 'hello', conversation_id: mine.conversation_id });
    expect(foreign.statusCode).toBe(404);
    expect(await rowCounts(t)).toEqual(before);
  });

  describe('malformed input is rejected in the common shape and nothing is stored', () => {
    const cases: [string, unknown][] = [
      ['missing message', { user_id: 'x' }],
      ['empty message', { message: '' }],
      ['blank message', { message: '   \n\t ' }],
      ['message too long', { message: 'a'.repeat(4001) }],
      ['message not a string', { message: 42 }],
      ['user_id with spaces', { message: 'hi', user_id: 'a b' }],
      ['user_id too long', { message: 'hi', user_id: 'u'.repeat(129) }],
      ['conversation_id not a uuid', { message: 'hi', conversation_id: 'abc' }],
      ['unknown field', { message: 'hi', extra: true }],
      ['array body', ['hi']],
    ];
    it.each(cases)('%s', async (_label, body) => {
      const before = await rowCounts(t);
      const res = await ask(body);
      expect([400, 422]).toContain(res.statusCode);
      const error = res.json().error;
      expect(error.code).toMatch(/VALIDATION_ERROR|BAD_REQUEST/);
      expect(error.request_id).toBeTruthy();
      expect(await rowCounts(t)).toEqual(before);
    });

    it('invalid JSON', async () => {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/v1/query',
        headers: { 'content-type': 'application/json' },
        payload: '{"message": "hi"',
      });
      expect(res.statusCode).toBe(400);
    });
  });

  it('raises the priority of a VIP by 2 and escalates at priority 8', async () => {
    const message = 'I am frustrated that my expense reimbursement is late again';
    const normal = (await ask({ user_id: 'emp-normal', message })).json();
    const vip = await t.app.inject({
      method: 'PUT',
      url: '/api/v1/users/emp-vip',
      headers: adminHeaders,
      payload: { is_vip: true },
    });
    expect(vip.statusCode).toBe(200);
    expect(vip.json()).toMatchObject({ user_id: 'emp-vip', is_vip: true });
    const read = await t.app.inject({ method: 'GET', url: '/api/v1/users/emp-vip', headers: adminHeaders });
    expect(read.json()).toMatchObject({ user_id: 'emp-vip', is_vip: true });
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/users/emp-vip' })).statusCode).toBe(401);
    const unknown = await t.app.inject({
      method: 'GET',
      url: '/api/v1/users/nobody-here',
      headers: adminHeaders,
    });
    expect(unknown.statusCode).toBe(404);
    const asVip = (await ask({ user_id: 'emp-vip', message })).json();
    expect(asVip.sentiment).toBe(normal.sentiment);
    expect(asVip.priority).toBe(Math.min(10, normal.priority + 2));
    expect(asVip.metadata.escalated).toBe(asVip.priority >= 8 || normal.metadata.escalated);
  });

  it('PUT /api/v1/users/{id} needs the admin key and a boolean', async () => {
    const noKey = await t.app.inject({
      method: 'PUT',
      url: '/api/v1/users/emp-x',
      payload: { is_vip: true },
    });
    expect(noKey.statusCode).toBe(401);
    const bad = await t.app.inject({
      method: 'PUT',
      url: '/api/v1/users/emp-x',
      headers: adminHeaders,
      payload: { is_vip: 'yes please' },
    });
    expect(bad.statusCode).toBe(422);
  });

  it('counts a repeated question and escalates on the third attempt', async () => {
    const user = 'emp-repeat';
    const first = (
      await ask({ user_id: user, message: 'How do I change my direct deposit bank account?' })
    ).json();
    const second = (
      await ask({ user_id: user, message: 'how do i change my direct deposit bank account??' })
    ).json();
    const third = (
      await ask({ user_id: user, message: 'How can I change the bank account for my direct deposit' })
    ).json();
    expect(first.metadata.attempt_count).toBe(1);
    expect(second.metadata.attempt_count).toBe(2);
    expect(second.priority).toBe(first.priority + 2);
    expect(third.metadata.attempt_count).toBe(3);
    expect(third.metadata.escalated).toBe(true);
    expect(third.metadata.escalation_reason).toBeTruthy();
    const conv = (
      await t.app.inject({ method: 'GET', url: `/api/v1/conversations/${third.conversation_id}` })
    ).json();
    expect(conv.status).toBe('Escalated');
  });

  it('escalates a harassment report and marks the conversation Escalated', async () => {
    const res = (
      await ask({
        user_id: 'emp-h',
        message: 'My manager keeps making comments about my religion in front of the team',
      })
    ).json();
    expect(res.metadata.escalated).toBe(true);
    // The employee is given the short case reference to quote, not the conversation id.
    expect(res.response).toMatch(/\bHR-\d{4,}\b/);
  });

  it('records a knowledge gap only when no article was relevant', async () => {
    const gap = (
      await ask({ user_id: 'emp-gap', message: 'What colour should the new office aquarium be?' })
    ).json();
    const hit = (await ask({ user_id: 'emp-gap', message: 'How do I reset my portal password?' })).json();
    const counts = await t.db.kysely
      .selectFrom('messages')
      .select(['conversation_id', 'kb_hit_count', 'user_id'])
      .where('role', '=', 'user')
      .where('conversation_id', 'in', [gap.conversation_id, hit.conversation_id])
      .execute();
    const byConversation = new Map(counts.map((r) => [r.conversation_id, r]));
    expect(byConversation.get(gap.conversation_id)?.kb_hit_count).toBe(0);
    expect(byConversation.get(hit.conversation_id)?.kb_hit_count).toBeGreaterThan(0);
    expect(byConversation.get(gap.conversation_id)?.user_id).toBe('emp-gap');
  });

  it('lists an employee’s conversations newest first with pagination', async () => {
    const user = 'emp-list';
    const ids: string[] = [];
    for (const message of ['What is the 401k match?', 'How do I request a day off?', 'Where is my W-2?']) {
      ids.push((await ask({ user_id: user, message })).json().conversation_id);
    }
    const page = (
      await t.app.inject({
        method: 'GET',
        url: `/api/v1/users/${user}/conversations?skip=0&limit=2`,
        headers: adminHeaders,
      })
    ).json();
    expect(page.total).toBe(3);
    expect(page.skip).toBe(0);
    expect(page.limit).toBe(2);
    expect(page.conversations.map((c: { id: string }) => c.id)).toEqual([ids[2], ids[1]]);
    const rest = (
      await t.app.inject({
        method: 'GET',
        url: `/api/v1/users/${user}/conversations?skip=2&limit=2`,
        headers: adminHeaders,
      })
    ).json();
    expect(rest.conversations.map((c: { id: string }) => c.id)).toEqual([ids[0]]);
    // Listing someone's conversations is for HR: employee ids are guessable, conversation ids are not.
    const anonymous = await t.app.inject({ method: 'GET', url: `/api/v1/users/${user}/conversations` });
    expect(anonymous.statusCode).toBe(401);
    for (const query of ['limit=0', 'limit=101', 'skip=-1', 'limit=abc']) {
      const bad = await t.app.inject({
        method: 'GET',
        url: `/api/v1/users/${user}/conversations?${query}`,
        headers: adminHeaders,
      });
      expect(bad.statusCode).toBe(422);
    }
  });

  it('GET /api/v1/conversations/{id} rejects a malformed id and answers 404 for an unknown one', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/conversations/nope' })).statusCode).toBe(422);
    const unknown = await t.app.inject({
      method: 'GET',
      url: '/api/v1/conversations/00000000-0000-4000-8000-000000000000',
    });
    expect(unknown.statusCode).toBe(404);
  });
});

describeEachDatabase('GET /api/v1/stats', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(kind);
  });
  afterAll(async () => t.close());

  it('is all zeros on an empty database', async () => {
    const stats = (await t.app.inject({ method: 'GET', url: '/api/v1/stats' })).json();
    expect(stats).toEqual({
      total_queries: 0,
      escalated_queries: 0,
      escalation_rate: 0,
      avg_response_time: 0,
      active_conversations: 0,
      by_category: {},
      by_sentiment: {},
    });
  });

  it('counts every answered question, follow-ups included', async () => {
    const ask = (payload: object) => t.app.inject({ method: 'POST', url: '/api/v1/query', payload });
    const a = (await ask({ user_id: 's1', message: 'When do we get paid?' })).json();
    await ask({
      user_id: 's1',
      conversation_id: a.conversation_id,
      message: 'And is it direct deposit only?',
    });
    await ask({ user_id: 's2', message: 'I want to talk to a human in HR right now' });
    const stats = (await t.app.inject({ method: 'GET', url: '/api/v1/stats' })).json();
    expect(stats.total_queries).toBe(3);
    expect(stats.escalated_queries).toBe(1);
    expect(stats.escalation_rate).toBeCloseTo(1 / 3, 3);
    expect(stats.avg_response_time).toBeGreaterThan(0);
    expect(stats.active_conversations).toBe(2);
    expect(Object.values(stats.by_category).reduce((x: number, y) => x + (y as number), 0)).toBe(3);
    expect(stats.by_category.Payroll).toBeGreaterThanOrEqual(1);
    expect(Object.values(stats.by_sentiment).reduce((x: number, y) => x + (y as number), 0)).toBe(3);
  });
});
