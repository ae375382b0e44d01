import { Webhook } from 'standardwebhooks';
import { expect, it } from 'vitest';
import { publishEvent } from '../../src/modules/webhooks/publish.js';
import { legacySignature } from '../../src/modules/webhooks/sign.js';
import { verifyWebhook } from '../../src/modules/webhooks/verify.js';
import { describeEachDatabase } from '../helpers/databases.js';
import { useDeliveryRig } from './harness.js';
import { pythonVerify } from './python.js';
import { Receiver } from './receiver.js';

const queryData = {
  query_id: 'c0ffee00-0000-4000-8000-000000000001',
  message_id: 'c0ffee00-0000-4000-8000-000000000002',
  user_id: 'émilie.dupont',
  category: 'Payroll',
  sentiment: 'Negative',
  priority: 8,
  query: 'Mon salaire de décembre est-il en retard? 給料 😟',
  metadata: {
    processing_time: 0.0342,
    confidence: 1.0,
    score: 12.5,
    tiny: 1e-7,
    kb_articles: ['Paie — calendrier'],
  },
};

describeEachDatabase('webhook delivery to a real receiver', (kind) => {
  const rig = useDeliveryRig(kind);

  const publish = (type: 'query.created' | 'query.escalated' = 'query.created', extra = {}) =>
    publishEvent(rig.h.db.kysely, rig.h.clock, {
      type,
      data: { ...queryData, ...extra },
      category: 'Payroll',
      priority: 8,
    });

  it('delivers the documented payload, signed so both verifiers and the original Python receiver accept it', async () => {
    const w = await rig.h.createWebhook({ url: rig.receiver.url });
    expect(await publish()).toBe(1);
    expect(await rig.worker.runOnce()).toBe(1);
    expect(rig.receiver.received).toHaveLength(1);
    const [request] = rig.receiver.received;
    if (!request) throw new Error('nothing received');
    const body = JSON.parse(request.body);
    expect(Object.keys(body).sort()).toEqual(['data', 'event', 'id', 'timestamp', 'webhook_id']);
    expect(body).toMatchObject({ event: 'query.created', webhook_id: w.id, data: queryData });
    expect(body.timestamp).toBe(new Date(rig.h.clock.now()).toISOString());
    expect(request.body).not.toMatch(/[^\x20-\x7e]/); // non-ASCII escaped as \uXXXX
    expect(request.headers['content-type']).toBe('application/json');
    expect(request.headers['user-agent']).toMatch(/HR-Intelligence-Webhooks/);
    expect(request.headers['x-webhook-id']).toBe(w.id);
    expect(request.headers['webhook-id']).toBe(body.id);
    expect(Date.parse(request.headers['x-webhook-timestamp'] as string)).toBeGreaterThan(0);

    // Standard Webhooks: the reference library, and our own helper.
    expect(new Webhook(w.secret_key).verify(request.body, request.headers as Record<string, string>)).toEqual(
      body,
    );
    expect(verifyWebhook(request.body, request.headers, w.secret_key)).toMatchObject({ valid: true });
    // The original scheme, checked the way its guide's Python receiver does (re-serialize, HMAC, compare).
    const [python] = pythonVerify([
      {
        body: request.body,
        secret: w.secret_key,
        signature: request.headers['x-webhook-signature'] as string,
      },
    ]);
    expect(python).toEqual({ valid: true, canonical: request.body });
    expect(request.headers['x-webhook-signature']).toBe(legacySignature(w.secret_key, request.body));

    const { logs } = await rig.h.logs(w.id);
    expect(logs[0]).toMatchObject({
      status: 'success',
      status_code: 200,
      response_body: 'ok',
      attempt_count: 1,
      event_type: 'query.created',
      event_id: body.id,
      payload: body,
      error_message: null,
      next_retry_at: null,
    });
    const stats = (await rig.h.api('GET', `/api/v1/webhooks/${w.id}`)).json();
    expect(stats).toMatchObject({ delivery_count: 1, failure_count: 0, success_rate: 1 });
    expect(stats.avg_response_ms).toBeGreaterThanOrEqual(0);
  });

  it('retries 5xx after 1 s then 2 s with the same event id, then fails (no sleeping: the clock is moved)', async () => {
    rig.receiver.respond = () => ({ status: 500, body: 'boom' });
    const w = await rig.h.createWebhook({ url: rig.receiver.url, retry_schedule: [1, 2] });
    await publish();
    expect(await rig.worker.runOnce()).toBe(1);
    let [log] = (await rig.h.logs(w.id)).logs;
    expect(log).toMatchObject({
      status: 'pending',
      attempt_count: 1,
      error_message: 'HTTP 500',
      status_code: 500,
    });
    // Up to 10 % jitter, never later than the schedule.
    const due = Date.parse(log?.next_retry_at as string) - rig.h.clock.now();
    expect(due).toBeGreaterThanOrEqual(900);
    expect(due).toBeLessThanOrEqual(1000);

    rig.h.clock.advance(899);
    expect(await rig.worker.runOnce()).toBe(0);
    rig.h.clock.advance(101);
    expect(await rig.worker.runOnce()).toBe(1);
    rig.h.clock.advance(1799);
    expect(await rig.worker.runOnce()).toBe(0);
    rig.h.clock.advance(201);
    expect(await rig.worker.runOnce()).toBe(1);
    rig.h.clock.advance(60_000);
    expect(await rig.worker.runOnce()).toBe(0);

    [log] = (await rig.h.logs(w.id)).logs;
    expect(log).toMatchObject({
      status: 'failed',
      attempt_count: 3,
      error_message: 'HTTP 500',
      next_retry_at: null,
    });
    expect(((log?.attempts ?? []) as { error: string }[]).map((a) => a.error)).toEqual([
      'HTTP 500',
      'HTTP 500',
      'HTTP 500',
    ]);
    const ids = new Set(rig.receiver.received.map((r) => r.headers['webhook-id']));
    expect(ids.size).toBe(1);
    expect(new Set(rig.receiver.received.map((r) => r.body)).size).toBe(1);
    expect((await rig.h.api('GET', `/api/v1/webhooks/${w.id}`)).json()).toMatchObject({
      delivery_count: 1,
      failure_count: 1,
      success_rate: 0,
    });
  });

  it('follows the per-webhook max_attempts', async () => {
    rig.receiver.respond = () => ({ status: 503 });
    const w = await rig.h.createWebhook({ url: rig.receiver.url, max_attempts: 5 });
    await publish();
    for (const wait of [0, 1000, 2000, 4000, 8000]) {
      rig.h.clock.advance(wait);
      expect(await rig.worker.runOnce()).toBe(1);
    }
    expect((await rig.h.logs(w.id)).logs[0]).toMatchObject({ status: 'failed', attempt_count: 5 });
  });

  it.each([400, 401, 404, 422])('does not retry HTTP %i', async (status) => {
    rig.receiver.respond = () => ({ status });
    const w = await rig.h.createWebhook({ url: rig.receiver.url });
    await publish();
    await rig.worker.runOnce();
    rig.h.clock.advance(10_000);
    expect(await rig.worker.runOnce()).toBe(0);
    expect((await rig.h.logs(w.id)).logs[0]).toMatchObject({
      status: 'failed',
      attempt_count: 1,
      error_message: `HTTP ${status}`,
    });
  });

  it('does not follow redirects and counts them as failures', async () => {
    rig.receiver.respond = (request) =>
      request.path === '/hook'
        ? { status: 302, headers: { location: `${rig.receiver.url}/elsewhere` } }
        : { status: 200 };
    const w = await rig.h.createWebhook({ url: rig.receiver.url });
    await publish();
    await rig.worker.runOnce();
    expect(rig.receiver.received.map((r) => r.path)).toEqual(['/hook']);
    expect((await rig.h.logs(w.id)).logs[0]).toMatchObject({
      status: 'failed',
      status_code: 302,
      error_message: 'HTTP 302 (redirects are not followed)',
    });
  });

  it('says "connection refused" and "timeout after 1 s" in plain words, and retries them', async () => {
    const closed = await Receiver.start();
    const closedUrl = closed.url;
    await closed.close();
    const refused = await rig.h.createWebhook({ url: closedUrl });
    rig.receiver.respond = () => 'hang';
    const slow = await rig.h.createWebhook({ url: rig.receiver.url, timeout_seconds: 1 });
    await publish();
    expect(await rig.worker.runOnce()).toBe(2);
    expect((await rig.h.logs(refused.id)).logs[0]).toMatchObject({
      status: 'pending',
      error_message: 'connection refused',
    });
    expect((await rig.h.logs(slow.id)).logs[0]).toMatchObject({
      status: 'pending',
      error_message: 'timeout after 1 s',
    });
  });

  it('deactivates the webhook on 410 Gone; its deliveries wait until it is active again', async () => {
    rig.receiver.respond = () => ({ status: 410 });
    const w = await rig.h.createWebhook({ url: rig.receiver.url });
    await publish();
    await rig.worker.runOnce();
    const gone = (await rig.h.api('GET', `/api/v1/webhooks/${w.id}`)).json();
    expect(gone.is_active).toBe(false);
    expect(gone.paused_reason).toMatch(/410 Gone/);
    await publish();
    rig.h.clock.advance(60_000);
    expect(await rig.worker.runOnce()).toBe(0);
    rig.receiver.respond = () => ({ status: 200 });
    await rig.h.api('PUT', `/api/v1/webhooks/${w.id}`, { is_active: true });
    expect(await rig.worker.runOnce()).toBe(1);
    expect((await rig.h.api('GET', `/api/v1/webhooks/${w.id}`)).json().paused_reason).toBeNull();
  });

  it('retries 429 after the Retry-After it asks for, and 408 too', async () => {
    rig.receiver.respond = (_r, index) =>
      index === 0 ? { status: 429, headers: { 'retry-after': '30' } } : { status: 200 };
    const w = await rig.h.createWebhook({ url: rig.receiver.url });
    await publish();
    await rig.worker.runOnce();
    let [log] = (await rig.h.logs(w.id)).logs;
    expect(log).toMatchObject({ status: 'pending', error_message: 'HTTP 429' });
    expect(Date.parse(log?.next_retry_at as string)).toBe(rig.h.clock.now() + 30_000);
    rig.h.clock.advance(29_999);
    expect(await rig.worker.runOnce()).toBe(0);
    rig.h.clock.advance(1);
    expect(await rig.worker.runOnce()).toBe(1);
    [log] = (await rig.h.logs(w.id)).logs;
    expect(log).toMatchObject({ status: 'success', attempt_count: 2 });

    rig.receiver.respond = (_r, index) => (index === 2 ? { status: 408 } : { status: 200 });
    await publish();
    await rig.worker.runOnce();
    rig.h.clock.advance(5000);
    expect(await rig.worker.runOnce()).toBe(1);
  });

  it('with the default schedule an endpoint down for five minutes still gets its event (0 s, 5 s, 5 min)', async () => {
    let down = true;
    rig.receiver.respond = () => (down ? { status: 503 } : { status: 200 });
    const w = await rig.h.createWebhook({ url: rig.receiver.url });
    expect(w.retry_schedule).toEqual([5, 300, 1800, 7200, 18_000, 36_000, 36_000]);
    expect(w.max_attempts).toBe(8);
    await publish();
    expect(await rig.worker.runOnce()).toBe(1);
    rig.h.clock.advance(5000);
    expect(await rig.worker.runOnce()).toBe(1);
    rig.h.clock.advance(269_000);
    expect(await rig.worker.runOnce()).toBe(0);
    down = false;
    rig.h.clock.advance(31_000);
    expect(await rig.worker.runOnce()).toBe(1);
    const [log] = (await rig.h.logs(w.id)).logs;
    expect(log).toMatchObject({ status: 'success', attempt_count: 3 });
    expect(new Set(rig.receiver.received.map((r) => r.headers['webhook-id'])).size).toBe(1);
  });

  it('does not retry a 4xx other than 408 and 429', async () => {
    rig.receiver.respond = () => ({ status: 422 });
    const w = await rig.h.createWebhook({ url: rig.receiver.url });
    await publish();
    expect(await rig.worker.runOnce()).toBe(1);
    rig.h.clock.advance(86_400_000);
    expect(await rig.worker.runOnce()).toBe(0);
    const [log] = (await rig.h.logs(w.id)).logs;
    expect(log).toMatchObject({ status: 'failed', attempt_count: 1, error_message: 'HTTP 422' });
  });

  it('redelivers an event on request with the same event id and body', async () => {
    const w = await rig.h.createWebhook({ url: rig.receiver.url });
    await publish();
    await rig.worker.runOnce();
    const [log] = (await rig.h.logs(w.id)).logs;
    const res = await rig.h.api('POST', `/api/v1/webhooks/${w.id}/deliveries/${log?.id}/retry`);
    expect(res.statusCode).toBe(202);
    expect(res.json()).toMatchObject({ delivery_id: log?.id, event_id: log?.event_id, status: 'pending' });
    expect(await rig.worker.runOnce()).toBe(1);
    expect(rig.receiver.received).toHaveLength(2);
    expect(rig.receiver.received[1]?.headers['webhook-id']).toBe(log?.event_id);
    expect(rig.receiver.received[1]?.body).toBe(rig.receiver.received[0]?.body);
    expect((await rig.h.logs(w.id)).logs[0]).toMatchObject({ status: 'success', attempt_count: 2 });
  });

  it('during a rotation grace period both secrets verify in both schemes; afterwards only the new one', async () => {
    const w = await rig.h.createWebhook({ url: rig.receiver.url });
    const rotated = (
      await rig.h.api('POST', `/api/v1/webhooks/${w.id}/rotate-secret`, { grace_period_seconds: 600 })
    ).json();
    await publish();
    await rig.worker.runOnce();
    const [during] = rig.receiver.received;
    if (!during) throw new Error('nothing received');
    const headers = during.headers as Record<string, string>;
    for (const secret of [w.secret_key, rotated.secret_key]) {
      expect(new Webhook(secret).verify(during.body, headers)).toBeTruthy();
      expect(verifyWebhook(during.body, headers, secret).valid).toBe(true);
    }
    // Receivers still on the old secret, written from the original guide, keep verifying X-Webhook-Signature.
    const python = pythonVerify([
      { body: during.body, secret: w.secret_key, signature: headers['x-webhook-signature'] as string },
      {
        body: during.body,
        secret: rotated.secret_key,
        signature: headers['x-webhook-signature-next'] as string,
      },
    ]);
    expect(python.map((p) => p.valid)).toEqual([true, true]);

    rig.h.clock.advance(601_000);
    await publish();
    await rig.worker.runOnce();
    const after = rig.receiver.received[1];
    if (!after) throw new Error('nothing received');
    expect(after.headers['x-webhook-signature-next']).toBeUndefined();
    expect(
      verifyWebhook(after.body, after.headers, rotated.secret_key, { now: rig.h.clock.now() }).valid,
    ).toBe(true);
    expect(verifyWebhook(after.body, after.headers, w.secret_key, { now: rig.h.clock.now() }).valid).toBe(
      false,
    );
  });

  it('applies filters: min_priority and categories', async () => {
    const urgent = await rig.h.createWebhook({ url: rig.receiver.url, filters: { min_priority: 7 } });
    const payroll = await rig.h.createWebhook({
      url: rig.receiver.url,
      filters: { categories: ['payroll'] },
    });
    const everything = await rig.h.createWebhook({ url: rig.receiver.url });
    const escalatedOnly = await rig.h.createWebhook({ url: rig.receiver.url, events: ['query.escalated'] });
    const send = (category: string, priority: number) =>
      publishEvent(rig.h.db.kysely, rig.h.clock, {
        type: 'query.created',
        data: { category, priority },
        category,
        priority,
      });
    expect(await send('Payroll', 9)).toBe(3);
    expect(await send('Benefits', 8)).toBe(2);
    expect(await send('Payroll', 3)).toBe(2);
    expect(await send('Leave', 2)).toBe(1);
    const totals = async (id: string) => (await rig.h.logs(id)).total;
    expect(await totals(urgent.id)).toBe(2);
    expect(await totals(payroll.id)).toBe(2);
    expect(await totals(everything.id)).toBe(4);
    expect(await totals(escalatedOnly.id)).toBe(0);
  });

  it('POST /{id}/test sends webhook.test now, reports the outcome and logs the attempt', async () => {
    const w = await rig.h.createWebhook({ url: rig.receiver.url });
    const ok = (await rig.h.api('POST', `/api/v1/webhooks/${w.id}/test`)).json();
    expect(ok).toMatchObject({ success: true, status_code: 200, error: null });
    expect(ok.response_time_ms).toBeGreaterThanOrEqual(0);
    const body = JSON.parse(rig.receiver.received[0]?.body ?? '{}');
    expect(body).toMatchObject({ event: 'webhook.test', webhook_id: w.id, id: ok.event_id });
    rig.receiver.respond = () => ({ status: 500 });
    const failed = (await rig.h.api('POST', `/api/v1/webhooks/${w.id}/test`)).json();
    expect(failed).toMatchObject({ success: false, status_code: 500, error: 'HTTP 500' });
    const { logs, total } = await rig.h.logs(w.id, '?event=webhook.test');
    expect(total).toBe(2);
    expect(logs.map((l) => l.status).sort()).toEqual(['failed', 'success']);
    expect(await rig.worker.runOnce()).toBe(0); // a test is one attempt, not retried by the worker
  });

  it('pages and filters the delivery log', async () => {
    rig.receiver.respond = (_r, index) => (index % 2 === 0 ? { status: 200 } : { status: 400 });
    const w = await rig.h.createWebhook({ url: rig.receiver.url });
    for (let i = 0; i < 4; i++) await publish();
    await publish('query.escalated', { escalation_reason: 'VIP employee' });
    await rig.worker.runOnce();
    const page = await rig.h.logs(w.id, '?skip=1&limit=2');
    expect(page).toMatchObject({ total: 5, skip: 1, limit: 2 });
    expect(page.logs).toHaveLength(2);
    expect(
      (await rig.h.logs(w.id, '?status=success')).total + (await rig.h.logs(w.id, '?status=failed')).total,
    ).toBe(5);
    const escalated = await rig.h.logs(w.id, '?event=query.escalated');
    expect(escalated.total).toBe(1);
    expect(escalated.logs[0]?.payload).toMatchObject({ data: { escalation_reason: 'VIP employee' } });
  });

  it('deleting a webhook cancels its pending deliveries', async () => {
    const w = await rig.h.createWebhook({ url: rig.receiver.url });
    await publish();
    expect((await rig.h.api('DELETE', `/api/v1/webhooks/${w.id}`)).statusCode).toBe(204);
    expect(await rig.worker.runOnce()).toBe(0);
    const rows = await rig.h.db.kysely.selectFrom('webhook_deliveries').select('status').execute();
    expect(rows).toEqual([{ status: 'cancelled' }]);
  });
});
