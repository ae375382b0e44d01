import { afterAll, beforeAll, expect, it } from 'vitest';
import { adminHeaders, createTestApp, type TestApp } from '../helpers/app.js';
import { describeEachDatabase } from '../helpers/databases.js';
import { issueStaffTokens } from './staff-tokens.js';

const REPORT = 'My supervisor keeps sexually harassing me, he touched me again in the storeroom';
const WORDS = 'touched me again in the storeroom';

describeEachDatabase('confidential cases', (kind) => {
  let t: TestApp;
  const token = {} as Record<'agent' | 'cleared', string>;
  let conversationId: string;
  let thinHook: string;
  let fullHook: string;
  const as = (who: keyof typeof token) => ({ authorization: `Bearer ${token[who]}` });
  const get = (url: string, headers: Record<string, string> = {}) =>
    t.app.inject({ method: 'GET', url, headers });
  const payloads = async (webhookId: string) =>
    (
      await t.db.kysely
        .selectFrom('webhook_deliveries')
        .select(['event_type', 'payload'])
        .where('webhook_id', '=', webhookId)
        .execute()
    ).map((row) => ({ type: row.event_type, body: row.payload }));

  beforeAll(async () => {
    t = await createTestApp(kind);
    Object.assign(token, await issueStaffTokens(t.app, { agent: 'hr_agent', cleared: 'hr_confidential' }));
    const events = ['query.created', 'query.escalated', 'query.resolved'];
    const hook = async (include_confidential: boolean) =>
      (
        await t.app.inject({
          method: 'POST',
          url: '/api/v1/webhooks',
          headers: adminHeaders,
          payload: { url: 'http://127.0.0.1:9/hook', events, include_confidential },
        })
      ).json().id as string;
    thinHook = await hook(false);
    fullHook = await hook(true);
    const asked = await t.app.inject({
      method: 'POST',
      url: '/api/v1/query',
      payload: { message: REPORT, user_id: 'emp-conf' },
    });
    expect(asked.statusCode).toBe(200);
    const answer = asked.json();
    conversationId = answer.conversation_id;
    // The employee's own view: escalated, but no internal reason, no articles, marked so the chat shows no rating.
    expect(answer.metadata).toMatchObject({
      escalated: true,
      escalation_reason: null,
      kb_results: [],
      confidential: true,
    });
  });
  afterAll(async () => t.close());

  it('marks the conversation confidential', async () => {
    const row = await t.db.kysely
      .selectFrom('conversations')
      .select(['confidential', 'escalation_reason'])
      .where('id', '=', conversationId)
      .executeTakeFirstOrThrow();
    expect(row.confidential).toBe(1);
    expect(row.escalation_reason).toContain('harassment');
  });

  it('closes the conversation to staff without the confidential role, opens it to those with it', async () => {
    const agent = await get(`/api/v1/conversations/${conversationId}`, as('agent'));
    expect(agent.statusCode).toBe(403);
    expect(agent.json().error.code).toBe('FORBIDDEN');
    expect(agent.body).not.toContain(WORDS);

    const cleared = await get(`/api/v1/conversations/${conversationId}`, as('cleared'));
    expect(cleared.statusCode).toBe(200);
    expect(cleared.json().confidential).toBe(true);
    expect(cleared.body).toContain(WORDS);
    expect(cleared.json().escalation_reason).toContain('harassment');

    // The employee (open mode: holding the id) sees their words, not HR's reason or articles.
    const own = await get(`/api/v1/conversations/${conversationId}`);
    expect(own.statusCode).toBe(200);
    expect(own.json().escalation_reason).toBeNull();
    for (const message of own.json().messages) {
      expect(message.escalation_reason).toBeNull();
      expect(message.kb_results).toBeNull();
    }
  });

  it('shows the case in the queue with its priority and waiting time but without its text', async () => {
    const queue = await get('/api/v1/escalations', as('agent'));
    expect(queue.statusCode).toBe(200);
    const item = queue
      .json()
      .escalations.find((e: { conversation_id: string }) => e.conversation_id === conversationId);
    expect(item).toMatchObject({
      confidential: true,
      escalation_reason: null,
      summary: '',
      transcript: [],
      kb_articles: [],
    });
    expect(item.priority).toBeGreaterThanOrEqual(1);
    expect(typeof item.waiting_seconds).toBe('number');
    expect(queue.body).not.toContain(WORDS);

    const full = (await get('/api/v1/escalations', as('cleared'))).json();
    const whole = full.escalations.find(
      (e: { conversation_id: string }) => e.conversation_id === conversationId,
    );
    expect(whole.transcript.length).toBeGreaterThan(0);
    expect(JSON.stringify(whole)).toContain(WORDS);

    // Listed by the employee's id, even a case without its text would name who filed it: left out.
    const list = await get('/api/v1/users/emp-conf/conversations', as('agent'));
    expect(list.json()).toMatchObject({ conversations: [], total: 0 });
    const clearedList = await get('/api/v1/users/emp-conf/conversations', as('cleared'));
    expect(clearedList.json().conversations[0]).toMatchObject({ confidential: true });
  });

  it('keeps the text out of analytics', async () => {
    const summary = await get('/api/v1/analytics/summary', adminHeaders);
    expect(summary.statusCode).toBe(200);
    expect(summary.body).not.toContain(WORDS);
    expect(summary.body).not.toContain('sexually');
    const reasons = summary.json().top_escalation_reasons.map((r: { reason: string }) => r.reason);
    expect(reasons).toContain('Confidential case (reason withheld)');
  });

  it('sends thin events unless the webhook was created to include confidential cases (audited)', async () => {
    const thin = await payloads(thinHook);
    expect(thin.map((p) => p.type).sort()).toEqual(['query.created', 'query.escalated']);
    for (const { body } of thin) {
      expect(body).not.toContain(WORDS);
      expect(body).not.toContain('sexually');
      const data = JSON.parse(body).data;
      expect(data).toMatchObject({
        query_id: conversationId,
        confidential: true,
        escalation_kind: 'harassment',
      });
      expect(data).not.toHaveProperty('query');
      expect(data).not.toHaveProperty('user_id');
    }
    const full = await payloads(fullHook);
    expect(full.every(({ body }) => body.includes(WORDS))).toBe(true);
    const audit = await t.db.kysely
      .selectFrom('audit_log')
      .select('details')
      .where('action', '=', 'webhook.create')
      .where('target_id', '=', fullHook)
      .executeTakeFirstOrThrow();
    expect(JSON.parse(audit.details ?? '{}')).toMatchObject({ include_confidential: true });
  });

  it('lets uncleared staff hand the case on without its reason, but not write to the employee', async () => {
    const assign = await t.app.inject({
      method: 'POST',
      url: `/api/v1/conversations/${conversationId}/assign`,
      headers: as('agent'),
      payload: { agent: 'Sam' },
    });
    expect(assign.statusCode).toBe(200);
    expect(assign.json().escalation_reason).toBeNull();
    expect(assign.body).not.toContain(WORDS);
    const reply = (who: keyof typeof token) =>
      t.app.inject({
        method: 'POST',
        url: `/api/v1/conversations/${conversationId}/reply`,
        headers: as(who),
        payload: { message: 'Can you tell me when this happened?' },
      });
    expect((await reply('agent')).statusCode).toBe(403);
    expect((await reply('cleared')).statusCode).toBe(200);
  });

  it('lets only cleared staff answer the case, and the resolution event stays thin', async () => {
    const resolve = (who: keyof typeof token) =>
      t.app.inject({
        method: 'POST',
        url: `/api/v1/conversations/${conversationId}/resolve`,
        headers: as(who),
        payload: {
          response: 'We have opened an investigation and will call you today.',
          resolved_by: 'Rosa',
        },
      });
    expect((await resolve('agent')).statusCode).toBe(403);
    expect((await resolve('cleared')).statusCode).toBe(200);
    const resolved = (await payloads(thinHook)).find((p) => p.type === 'query.resolved');
    expect(resolved?.body).toBeDefined();
    expect(resolved?.body).not.toContain('investigation');
    expect(JSON.parse(resolved?.body ?? '{}').data).toMatchObject({ confidential: true, status: 'Resolved' });
    const fullResolved = (await payloads(fullHook)).find((p) => p.type === 'query.resolved');
    expect(fullResolved?.body).toContain('investigation');
    const reopen = (who: keyof typeof token) =>
      t.app.inject({
        method: 'POST',
        url: `/api/v1/conversations/${conversationId}/reopen`,
        headers: as(who),
      });
    expect((await reopen('agent')).statusCode).toBe(403);
    expect((await reopen('cleared')).statusCode).toBe(200);
  });
});
