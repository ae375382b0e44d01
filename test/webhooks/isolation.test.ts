import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { publishEvent } from '../../src/modules/webhooks/publish.js';
import type { DeliveryWorker } from '../../src/modules/webhooks/worker.js';
import { describeEachDatabase } from '../helpers/databases.js';
import { WebhookHarness } from './harness.js';
import { eventually } from './processes.js';
import { Receiver } from './receiver.js';

/**
 * One slow, hanging or failing endpoint must never delay another's deliveries. The slow endpoints here do not
 * answer until the test releases them, so "the fast endpoint got everything first" is an ordering fact, not a
 * timing bound: it holds on a loaded machine and fails whenever a slow endpoint's work blocks the fast one's.
 */
describeEachDatabase('delivery isolation between endpoints', (kind) => {
  let h: WebhookHarness;
  const receivers: Receiver[] = [];
  let release: () => void = () => {};
  let held: Promise<void>;
  const workers: DeliveryWorker[] = [];

  beforeAll(async () => {
    h = await WebhookHarness.start(kind);
  });
  afterEach(async () => {
    release();
    for (const worker of workers.splice(0)) await worker.stop();
    for (const receiver of receivers.splice(0)) await receiver.close();
    await h.reset();
  });
  afterAll(async () => {
    await h.close();
  });

  const start = async (respond: Receiver['respond']) => {
    const receiver = await Receiver.start();
    receiver.respond = respond;
    receivers.push(receiver);
    return receiver;
  };

  const EVENTS = 24;

  async function scenario(underPressure: boolean, holding: number) {
    held = new Promise<void>((resolve) => {
      release = resolve;
    });
    const holdThenOk = async () => {
      await held;
      return { status: 200 };
    };
    // Endpoints that hold every request (8 × 8 in flight fill the worker's 64 slots), two that
    // time out (1 s), two that fail at once, one whose port is closed, and one fast one.
    const slow = await Promise.all(Array.from({ length: holding }, () => start(holdThenOk)));
    const hanging = await Promise.all([start(() => 'hang'), start(() => 'hang')]);
    const failing = await Promise.all([start(() => ({ status: 500 })), start(() => ({ status: 503 }))]);
    const fast = await start(() => ({ status: 200 }));
    for (const r of slow)
      await h.createWebhook({ url: r.url, events: ['query.created'], timeout_seconds: 30 });
    for (const r of hanging)
      await h.createWebhook({ url: r.url, events: ['query.created'], timeout_seconds: 1 });
    for (const r of failing) await h.createWebhook({ url: r.url, events: ['query.created'] });
    await h.createWebhook({ url: 'http://127.0.0.1:9/closed', events: ['query.created'] });
    await h.createWebhook({ url: fast.url, events: ['query.created'] });

    const worker = h.worker({ pollIntervalMs: 50, underPressure: () => underPressure });
    workers.push(worker);
    worker.start();
    for (let i = 0; i < EVENTS; i++) {
      await publishEvent(h.db.kysely, h.clock, {
        type: 'query.created',
        data: { query_id: `q-${i}`, n: i },
        category: 'Payroll',
        priority: 3,
      });
    }
    // Generous: on a loaded machine this takes well under a second; it only fails when the fast endpoint waits.
    await eventually(() => fast.received.length === EVENTS, 20_000).catch((error) => {
      throw new Error(`${error.message}; the fast endpoint got ${fast.received.length} of ${EVENTS}`);
    });
    const ids = fast.bodies().map((b) => (b.data as { query_id: string }).query_id);
    expect(new Set(ids).size).toBe(EVENTS);
    // Every slow endpoint is still holding its first requests: none of them has answered yet.
    for (const r of slow) expect(r.received.length).toBeLessThanOrEqual(EVENTS);
    release();
    await eventually(() => slow.every((r) => r.received.length === EVENTS), 60_000).catch((error) => {
      const counts = slow.map((r) => r.received.length).join(',');
      const hangingCounts = hanging.map((r) => r.received.length).join(',');
      throw new Error(
        `${error.message}; slow endpoints got ${counts}; hanging ${hangingCounts}; fast ${fast.received.length}`,
      );
    });
  }

  it('a fast endpoint gets all its events while eight endpoints hold every request and others hang or fail', async () => {
    await scenario(false, 8);
  }, 90_000);

  it('the same under API pressure (small claims) with twenty endpoints holding every request', async () => {
    await scenario(true, 20);
  }, 90_000);
});
