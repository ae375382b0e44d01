import dns from 'node:dns';
import os from 'node:os';
import { describe, expect, it } from 'vitest';
import { publishEvent } from '../../src/modules/webhooks/publish.js';
import { blockedReason } from '../../src/modules/webhooks/url-guard.js';
import { adminHeaders, createTestApp } from '../helpers/app.js';
import { describeEachDatabase } from '../helpers/databases.js';
import { useDeliveryRig } from './harness.js';
import { Receiver } from './receiver.js';

describeEachDatabase('delivery worker', (kind) => {
  const rig = useDeliveryRig(kind);

  const publish = (n = 1, priority = 5) =>
    Promise.all(
      Array.from({ length: n }, (_, i) =>
        publishEvent(rig.h.db.kysely, rig.h.clock, { type: 'query.created', data: { n: i }, priority }),
      ),
    );

  it('pauses a webhook whose last 50 deliveries all failed, with the reason; its deliveries then wait', async () => {
    rig.receiver.respond = () => ({ status: 400 });
    const worker = rig.h.worker();
    const w = await rig.h.createWebhook({ url: rig.receiver.url, max_attempts: 1 });
    await publish(49);
    await worker.runOnce();
    expect((await rig.h.api('GET', `/api/v1/webhooks/${w.id}`)).json().is_active).toBe(true);
    await publish(1);
    await worker.runOnce();
    const paused = (await rig.h.api('GET', `/api/v1/webhooks/${w.id}`)).json();
    expect(paused.is_active).toBe(false);
    expect(paused.paused_reason).toMatch(/last 50 deliveries all failed.*HTTP 400/);
    expect(paused.failure_count).toBe(50);
    expect(rig.receiver.received).toHaveLength(50);
    await publish(1);
    expect(await worker.runOnce()).toBe(0);
    // The 51st waits for the resume, then goes out.
    expect((await rig.h.logs(w.id, '?status=pending')).total).toBe(1);
    rig.receiver.respond = () => ({ status: 200 });
    await rig.h.api('PUT', `/api/v1/webhooks/${w.id}`, { is_active: true });
    expect(await worker.runOnce()).toBe(1);
    expect((await rig.h.api('GET', `/api/v1/webhooks/${w.id}`)).json()).toMatchObject({
      is_active: true,
      paused_reason: null,
    });
  });

  it('a success resets the failure run', async () => {
    rig.receiver.respond = (_r, index) => (index === 30 ? { status: 200 } : { status: 400 });
    const worker = rig.h.worker({ concurrency: 1 });
    const w = await rig.h.createWebhook({ url: rig.receiver.url, max_attempts: 1 });
    await publish(60);
    await worker.runOnce();
    expect((await rig.h.api('GET', `/api/v1/webhooks/${w.id}`)).json().is_active).toBe(true);
  });

  it('deliveries of a manually paused webhook wait and go out on resume', async () => {
    const worker = rig.h.worker();
    const w = await rig.h.createWebhook({ url: rig.receiver.url });
    await rig.h.api('PUT', `/api/v1/webhooks/${w.id}`, { is_active: false });
    await publish(3);
    expect(await worker.runOnce()).toBe(0);
    await rig.h.api('PUT', `/api/v1/webhooks/${w.id}`, { is_active: true });
    expect(await worker.runOnce()).toBe(3);
  });

  it('respects rate_limit_per_second', async () => {
    const worker = rig.h.worker();
    await rig.h.createWebhook({ url: rig.receiver.url, rate_limit_per_second: 2 });
    await publish(5);
    await worker.runOnce();
    expect(rig.receiver.received).toHaveLength(2);
    rig.h.clock.advance(500);
    await worker.runOnce();
    expect(rig.receiver.received).toHaveLength(3);
    rig.h.clock.advance(1000);
    await worker.runOnce();
    expect(rig.receiver.received).toHaveLength(5);
  });

  it('two workers on separate connections never send the same attempt', async () => {
    const first = rig.h.worker({ ownConnection: true, perWebhookConcurrency: 4 });
    const second = rig.h.worker({ ownConnection: true, perWebhookConcurrency: 4 });
    const hooks = [
      await rig.h.createWebhook({ url: rig.receiver.url }),
      await rig.h.createWebhook({ url: rig.receiver.url }),
    ];
    await publish(40);
    const [a, b] = await Promise.all([first.runOnce(), second.runOnce()]);
    expect(a + b).toBe(80);
    expect(rig.receiver.received).toHaveLength(80);
    const ids = rig.receiver.received.map((r) => r.headers['webhook-id']);
    expect(new Set(ids).size).toBe(80);
    for (const w of hooks) expect((await rig.h.logs(w.id, '?status=success&limit=100')).total).toBe(40);
    const attempts = await rig.h.db.kysely.selectFrom('webhook_attempts').select('id').execute();
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
    const worker = rig.h.worker({ pollIntervalMs: 20 });
    const slowHook = await rig.h.createWebhook({ url: slow.url });
    await rig.h.createWebhook({ url: rig.receiver.url });
    worker.start();
    await publish(1);
    worker.nudge();
    await slow.waitFor(1);
    await rig.receiver.waitFor(1); // arrives while the slow one is still waiting for its answer
    expect(worker.inFlightCount).toBeGreaterThanOrEqual(1);
    const stopped = worker.stop();
    release();
    await stopped;
    expect(worker.inFlightCount).toBe(0);
    expect((await rig.h.logs(slowHook.id)).logs[0]).toMatchObject({ status: 'success', attempt_count: 1 });
    const leased = await rig.h.db.kysely
      .selectFrom('webhook_deliveries')
      .select('id')
      .where('lease_owner', 'is not', null)
      .execute();
    expect(leased).toEqual([]);
    await slow.close();
  });

  it('checks the resolved address at delivery time when private URLs are not allowed', async () => {
    const guarded = rig.h.worker({ allowPrivateUrls: false });
    const literal = await rig.h.createWebhook({ url: rig.receiver.url });
    await publish(1);
    await guarded.runOnce();
    expect((await rig.h.logs(literal.id)).logs[0]?.error_message).toMatch(
      /^blocked: address 127\.0\.0\.1 is loopback/,
    );
    expect(rig.receiver.received).toHaveLength(0);

    // A name (not an IP literal) is checked on what it resolves to, at connect time.
    const hostname = os.hostname();
    const addresses = await dns.promises.lookup(hostname, { all: true }).catch(() => []);
    if (addresses.length > 0 && addresses.some((a) => blockedReason(a.address))) {
      await rig.h.reset();
      const port = new URL(rig.receiver.url).port;
      const named = await rig.h.createWebhook({ url: `http://${hostname}:${port}/hook` });
      await publish(1);
      await guarded.runOnce();
      expect((await rig.h.logs(named.id)).logs[0]?.error_message).toMatch(/^blocked: .* resolves to/);
      expect(rig.receiver.received).toHaveLength(0);
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
