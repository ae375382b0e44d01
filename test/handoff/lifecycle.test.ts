import { afterAll, beforeAll, expect, it } from 'vitest';
import { adminHeaders, createTestApp, type TestApp } from '../helpers/app.js';
import { describeEachDatabase } from '../helpers/databases.js';

/** The whole loop through the real pipeline: escalate, hand off, resolve, rate, and come back to the bot. */
describeEachDatabase('escalation lifecycle through POST /api/v1/query', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(kind);
  });
  afterAll(async () => t.close());

  const ask = (payload: object) => t.app.inject({ method: 'POST', url: '/api/v1/query', payload });
  const admin = (method: 'GET' | 'POST', url: string, payload?: object) =>
    t.app.inject({ method, url, headers: adminHeaders, ...(payload && { payload }) });

  it('hands an escalated question to a person and lets the employee continue afterwards', async () => {
    const first = await ask({
      user_id: 'emp-42',
      message: 'My manager keeps making sexual comments about me and I want to talk to a person in HR.',
    });
    expect(first.statusCode).toBe(200);
    const { conversation_id: id, metadata } = first.json();
    expect(metadata.escalated).toBe(true);

    const queue = (await admin('GET', '/api/v1/escalations')).json();
    const item = queue.escalations.find((e: { conversation_id: string }) => e.conversation_id === id);
    expect(item).toMatchObject({ user_id: 'emp-42', status: 'Escalated', attempt_count: 1 });
    expect(item.escalation_reason).toBeTruthy();
    expect(item.summary).toContain('sexual comments');
    expect(item.transcript.map((m: { role: string }) => m.role)).toEqual(['user', 'assistant']);
    expect(item.kb_articles.map((a: { title: string }) => a.title)).toEqual(
      metadata.kb_results.map((a: { title: string }) => a.title),
    );

    expect((await admin('POST', `/api/v1/conversations/${id}/assign`, { agent: 'Dana' })).statusCode).toBe(
      200,
    );
    const resolved = await admin('POST', `/api/v1/conversations/${id}/resolve`, {
      response: 'Thank you for telling us. I have opened a confidential case and will call you today.',
      resolved_by: 'Dana',
    });
    expect(resolved.statusCode).toBe(200);

    const rating = await t.app.inject({
      method: 'POST',
      url: '/api/v1/feedback',
      payload: { conversation_id: id, user_id: 'emp-42', rating: 5 },
    });
    expect(rating.statusCode).toBe(201);

    const followUp = await ask({
      user_id: 'emp-42',
      conversation_id: id,
      message: 'one more thing, is the staff car park open on Sundays?',
    });
    expect(followUp.statusCode).toBe(200);
    const conversation = (await t.app.inject({ method: 'GET', url: `/api/v1/conversations/${id}` })).json();
    expect(conversation.messages.map((m: { role: string }) => m.role)).toEqual([
      'user',
      'assistant',
      'agent',
      'user',
      'assistant',
    ]);
    expect(conversation.status).not.toBe('Resolved');

    const summary = (await admin('GET', '/api/v1/analytics/summary?days=1')).json();
    expect(summary.total_queries).toBe(2);
    expect(summary.avg_rating).toBe(5);

    const metrics = (await t.app.inject({ method: 'GET', url: '/metrics' })).body;
    expect(metrics).toMatch(/hr_queries_total\{category="\w+",sentiment="\w+"\} \d+/);
    expect(metrics).toMatch(/hr_escalations_total\{category="\w+"\} \d+/);
    expect(metrics).toMatch(/hr_resolutions_total\{resolved_by="agent"\} \d+/);
    expect(metrics).toMatch(/hr_feedback_total\{rating="5"\} \d+/);
  });
});
