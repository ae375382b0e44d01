import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { verifyWebhook } from '../../src/modules/webhooks/verify.js';
import type { DeliveryWorker } from '../../src/modules/webhooks/worker.js';
import { describeEachDatabase } from '../helpers/databases.js';
import { WebhookHarness } from '../webhooks/harness.js';
import { Receiver } from '../webhooks/receiver.js';
import { seedConversation } from './seed.js';

const MIN = 60_000;

describeEachDatabase('handoff events at a real receiver', (kind) => {
  let h: WebhookHarness;
  let receiver: Receiver;
  let worker: DeliveryWorker;
  let secret: string;

  beforeAll(async () => {
    h = await WebhookHarness.start(kind);
    receiver = await Receiver.start();
    worker = h.worker();
    const webhook = await h.createWebhook({
      url: receiver.url,
      events: ['query.resolved', 'query.replied', 'feedback.received'],
    });
    secret = webhook.secret_key;
  });
  afterEach(() => {
    receiver.received.length = 0;
  });
  afterAll(async () => {
    await receiver.close();
    await h.close();
  });

  const escalatedConversation = (userId: string) =>
    seedConversation(h.db.kysely, {
      userId,
      category: 'Payroll',
      priority: 8,
      reason: 'angry employee',
      escalatedAt: h.clock.now() - 10 * MIN,
      turns: [{ question: 'Where is my pay?', at: h.clock.now() - 10 * MIN }],
    });

  /** Delivers what is pending and returns the single event received, after checking its signatures. */
  async function deliveredEvent() {
    expect(await worker.runOnce()).toBe(1);
    expect(receiver.received).toHaveLength(1);
    const [request] = receiver.received;
    if (!request) throw new Error('nothing received');
    const verified = verifyWebhook(request.body, request.headers, secret, { now: h.clock.now() });
    expect(verified).toMatchObject({ valid: true, scheme: 'standard-webhooks' });
    // The original header alone verifies too.
    const legacyOnly = { 'x-webhook-signature': request.headers['x-webhook-signature'] };
    expect(verifyWebhook(request.body, legacyOnly, secret).valid).toBe(true);
    return JSON.parse(request.body);
  }

  it('fires query.replied when HR writes without resolving, and never sends internal notes', async () => {
    const id = await escalatedConversation('emp-r');
    const note = await h.api('POST', `/api/v1/conversations/${id}/notes`, {
      content: 'Internal: payroll error',
    });
    expect(note.statusCode).toBe(201);
    expect(await worker.runOnce()).toBe(0);
    const res = await h.api('POST', `/api/v1/conversations/${id}/reply`, {
      message: 'Which month?',
      agent: 'Dana',
    });
    expect(res.statusCode).toBe(200);
    const event = await deliveredEvent();
    expect(event.event).toBe('query.replied');
    expect(event.data).toEqual({
      query_id: id,
      user_id: 'emp-r',
      category: 'Payroll',
      case_reference: null,
      message_id: res.json().message_id,
      response: 'Which month?',
      replied_by: 'Dana',
      first_response_time_seconds: 600,
    });
    expect(JSON.stringify(event)).not.toContain('Internal');
  });

  it('fires query.resolved when HR resolves, with the resolution time', async () => {
    const id = await escalatedConversation('emp-1');
    const res = await h.api('POST', `/api/v1/conversations/${id}/resolve`, {
      response: 'Re-issued today.',
      resolved_by: 'Dana',
    });
    expect(res.statusCode).toBe(200);
    const event = await deliveredEvent();
    expect(event.event).toBe('query.resolved');
    expect(event.data).toEqual({
      query_id: id,
      user_id: 'emp-1',
      category: 'Payroll',
      resolution_time_seconds: 600,
      response: 'Re-issued today.',
      resolved_by: 'Dana',
      resolved_by_role: 'agent',
      case_reference: null,
    });

    // A refused second resolution publishes nothing.
    const twice = await h.api('POST', `/api/v1/conversations/${id}/resolve`, {
      response: 'x',
      resolved_by: 'Lee',
    });
    expect(twice.statusCode).toBe(409);
    expect(await worker.runOnce()).toBe(0);
  });

  it('fires query.resolved when the employee closes their own conversation', async () => {
    const id = await escalatedConversation('emp-2');
    const res = await h.app.inject({
      method: 'POST',
      url: `/api/v1/conversations/${id}/resolve`,
      payload: { user_id: 'emp-2' },
    });
    expect(res.statusCode).toBe(200);
    const event = await deliveredEvent();
    expect(event).toMatchObject({
      event: 'query.resolved',
      data: {
        query_id: id,
        user_id: 'emp-2',
        response: null,
        resolved_by: 'emp-2',
        resolved_by_role: 'employee',
      },
    });
  });

  it('fires feedback.received with the rating and comment', async () => {
    const id = await escalatedConversation('emp-3');
    const res = await h.app.inject({
      method: 'POST',
      url: '/api/v1/feedback',
      payload: { conversation_id: id, user_id: 'emp-3', rating: 2, comment: 'Took too long' },
    });
    expect(res.statusCode).toBe(201);
    const event = await deliveredEvent();
    expect(event.event).toBe('feedback.received');
    expect(event.data).toEqual({
      query_id: id,
      user_id: 'emp-3',
      rating: 2,
      feedback_text: 'Took too long',
      category: 'Payroll',
    });
    // The worker's attempts are counted for Prometheus.
    const metrics = (await h.app.inject({ method: 'GET', url: '/metrics' })).body;
    expect(metrics).toMatch(/hr_webhook_delivery_attempts_total\{outcome="success"\} [1-9]/);
    expect(metrics).toMatch(/hr_webhook_delivery_duration_seconds_count\{outcome="success"\} [1-9]/);
  });
});
