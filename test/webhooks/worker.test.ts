import dns from 'node:dns';
import os from 'node:os';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { publishEvent } from '../../src/modules/webhooks/publish.js';
import { blockedReason } from '../../src/modules/webhooks/url-guard.js';
import { adminHeaders, createTestApp } from '../helpers/app.js';
import { describeEachDatabase } from '../helpers/databases.js';
import { WebhookHarness } from './harness.js';
import { Receiver } from './receiver.js';

describeEachDatabase('delivery worker', (kind) => {
  let h: WebhookHarness;
  let receiver: Receiver;
  beforeAll(async () => {
    h = await WebhookHarness.start(kind);
    receiver = await Receiver.start();
  });
  afterEach(async () => {
    await h.reset();
    receiver.received.length = 0;
    receiver.respond = () => ({ status: 200 });
  });
  afterAll(async () => {
    await receiver.close();
    await h.close();
  });

  const publish = (n = 1, priority = 5) =>
    Promise.all(
      Array.from({ length: n }, (_, i) =>
        publishEvent(h.db.kysely, h.clock, { type: 'query.created', data: { n: i }, priority }),
      ),
    );

  it('pauses a webhook whose last 50 deliveries all failed, with the reason; its deliveries then wait', async () => {
    receiver.respond = () => ({ status: 400 });
    const worker = h.worker();
    const w = await h.createWebhook({ url: receiver.url, max_attempts: 1 });
    await publish(49);
    await worker.runOnce();
    expect((await h.api('GET', `/api/v1/webhooks/${w.id}`)).json().is_active).toBe(true);
    await publish(1);
    await worker.runOnce();
    const paused = (await h.api('GET', `/api/v1/webhooks/${w.id}`)).json();
    expect(paused.is_active).toBe(false);
    expect(paused.paused_reason).toMatch(/last 50 deliveries all failed.*HTTP 400/);
    expect(paused.failure_count).toBe(50);
    expect(receiver.received).toHaveLength(50);
    await publish(1);
    expect(await worker.runOnce()).toBe(0);
    // The 51st waits for the resume, then goes out.
    expect((await h.logs(w.id, '?status=pending')).total).toBe(1);
    receiver.respond = () => ({ status: 200 });
    await h.api('PUT', `/api/v1/webhooks/${w.id}`, { is_active: true });
    expect(await worker.runOnce()).toBe(1);
    expect((await h.api('GET', `/api/v1/webhooks/${w.id}`)).json()).toMatchObject({
      is_active: true,
      paused_reason: null,
    });
  });

  it('a success resets the failure run', async () => {
    receiver.respond = (_r, index) => (index === 30 ? { status: 200 } : { status: 400 });
    const worker = h.worker({ concurrency: 1 });
    const w = await h.createWebhook({ url: receiver.url, max_attempts: 1 });
    await publish(60);
    await worker.runOnce();
    expect((await h.api('GET', `/api/v1/webhooks/${w.id}`)).json().is_active).toBe(true);
  });

  it('deliveries of a manually paused webhook wait and go out on resume', async () => {
    const worker = h.worker();
    const w = await h.createWebhook({ url: receiver.url });
    await h.api('PUT', `/api/v1/webhooks/${w.id}`, { is_active: false });
    await publish(3);
    expect(await worker.runOnce()).toBe(0);
    await h.api('PUT', `/api/v1/webhooks/${w.id}`, { is_active: true });
    expect(await worker.runOnce()).toBe(3);
  });

  it('respects rate_limit_per_second', async () => {
    const worker = h.worker();
    await h.createWebhook({ url: receiver.url, rate_limit_per_second: 2 });
    await publish(5);
    await worker.runOnce();
    expect(receiver.received).toHaveLength(2);
    h.clock.advance(500);
    await worker.runOnce();
    expect(receiver.received).toHaveLength(3);
    h.clock.advance(1000);
    await worker.runOnce();
    expect(receiver.received).toHaveLength(5);
  });

  it('two workers on separate connections never send the same attempt', async () => {
    const first = h.worker({ ownConnection: true, perWebhookConcurrency: 4 });
    const second = h.worker({ ownConnection: true, perWebhookConcurrency: 4 });
    const hooks = [
      await h.createWebhook({ url: receiver.url }),
      await h.createWebhook({ url: receiver.url }),
    ];
    await publish(40);
    const [a, b] = await Promise.all([first.runOnce(), second.runOnce()]);
    expect(a + b).toBe(80);
    expect(receiver.received).toHaveLength(80);
    const ids = receiver.received.map((r) => r.headers['webhook-id']);
    expect(new Set(ids).size).toBe(80);
    for (const w of hooks) expect((await h.logs(w.id, '?status=success&limit=100')).total).toBe(40);
    const attempts = await h.db.kysely.selectFrom('webhook_attempts').select('id').execute();
    expect(attempts).toHaveLength(80);
  });

  it('a slow endpoint does not hold up another webhook, and stop() finishes the attempt in flight', async () => {
    const slow = await Receiver.start();
    let release: () => void = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    slow.respond = async () => {
      await held;
      return { status: 200 };
    };
    const worker = h.worker({ pollIntervalMs: 20 });
    const slowHook = await h.createWebhook({ url: slow.url });
    await h.createWebhook({ url: receiver.url });
    worker.start();
    await publish(1);
    worker.nudge();
    await slow.waitFor(1);
    await receiver.waitFor(1); // arrives while the slow one is still waiting for its answer
    expect(worker.inFlightCount).toBeGreaterThanOrEqual(1);
    const stopped = worker.stop();
    release();
    await stopped;
    expect(worker.inFlightCount).toBe(0);
    expect((await h.logs(slowHook.id)).logs[0]).toMatchObject({ status: 'success', attempt_count: 1 });
    const leased = await h.db.kysely
      .selectFrom('webhook_deliveries')
      .select('id')
      .where('lease_owner', 'is not', null)
      .execute();
    expect(leased).toEqual([]);
    await slow.close();
  });

  it('checks the resolved address at delivery time when private URLs are not allowed', async () => {
    const guarded = h.worker({ allowPrivateUrls: false });
    const literal = await h.createWebhook({ url: receiver.url });
    await publish(1);
    await guarded.runOnce();
    expect((await h.logs(literal.id)).logs[0]?.error_message).toMatch(
      /^blocked: address 127\.0\.0\.1 is loopback/,
    );
    expect(receiver.received).toHaveLength(0);

    // A name (not an IP literal) is checked on what it resolves to, at connect time.
    const hostname = os.hostname();
    const addresses = await dns.promises.lookup(hostname, { all: true }).catch(() => []);
    if (addresses.length > 0 && addresses.some((a) => blockedReason(a.address))) {
      await h.reset();
      const port = new URL(receiver.url).port;
      const named = await h.createWebhook({ url: `http://${hostname}:${port}/hook` });
      await publish(1);
      await guarded.runOnce();
      expect((await h.logs(named.id)).logs[0]?.error_message).toMatch(/^blocked: .* resolves to/);
      expect(receiver.received).toHaveLength(0);
    }
  });
});

describe('embedded worker', () => {
  it('delivers query.created for POST /api/v1/query without being asked, with the outbox row written by the query', async () => {
    const receiver = await Receiver.start();
    const t = await createTestApp('sqlite', { WORKER_EMBEDDED: 'true' });
    try {
      const created = await t.app.inject({
        method: 'POST',
        url: '/api/v1/webhooks',
        headers: adminHeaders,
        payload: { url: receiver.url, events: ['query.created'] },
      });
      expect(created.statusCode).toBe(201);
      const asked = await t.app.inject({
        method: 'POST',
        url: '/api/v1/query',
        payload: { user_id: 'emp-1', message: 'How many vacation days do I get per year?' },
      });
      expect(asked.statusCode).toBe(200);
      await receiver.waitFor(1);
      const body = JSON.parse(receiver.received[0]?.body ?? '{}');
      expect(body).toMatchObject({
        event: 'query.created',
        webhook_id: created.json().id,
        data: { query_id: asked.json().conversation_id, user_id: 'emp-1' },
      });
    } finally {
      await t.close();
      await receiver.close();
    }
  });
});
