import { afterEach, beforeEach, expect, it } from 'vitest';
import { type AppProcess, startAppProcess } from '../../bench/lib/worker-process.js';
import { adminHeaders, createTestApp, type TestApp } from '../helpers/app.js';
import { describeEachDatabase } from '../helpers/databases.js';
import { CountingReceiver } from './counting-receiver.js';

/**
 * `npm run worker` on SIGTERM (a deploy, a scale-down): it stops claiming, lets the attempts in flight finish
 * and record their outcome, gives back what it claimed but did not send, and exits 0. Nothing stays leased,
 * so no delivery waits for a lease to expire, and nothing that was sent goes out again.
 */

const QUESTIONS = 12;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describeEachDatabase('delivery worker process: graceful SIGTERM', (kind) => {
  let t: TestApp;
  let receiver: CountingReceiver;
  let worker: AppProcess | undefined;

  beforeEach(async () => {
    t = await createTestApp(kind);
    receiver = await CountingReceiver.start(() => 1500);
  });
  afterEach(async () => {
    await worker?.stop(1000);
    await receiver.close();
    await t.close();
  });

  it('finishes in-flight attempts against a slow receiver, releases the rest and exits 0', async () => {
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/v1/webhooks',
      headers: adminHeaders,
      payload: { url: receiver.url, events: ['query.created'], timeout_seconds: 10 },
    });
    expect(created.statusCode).toBe(201);
    for (let i = 0; i < QUESTIONS; i++) {
      const answer = await t.app.inject({
        method: 'POST',
        url: '/api/v1/query',
        payload: { message: `How many vacation days do I get? (${i})`, user_id: `emp-${i}` },
      });
      expect(answer.statusCode).toBe(200);
    }

    worker = await startAppProcess('worker', {
      DATABASE_URL: t.database.url,
      DATA_DIR: t.env.DATA_DIR as string,
      WEBHOOK_ALLOW_PRIVATE_URLS: 'true',
    });
    // The receiver holds each request for 1.5 s: signal while the first ones are in flight.
    for (let i = 0; i < 300 && receiver.total === 0; i++) await sleep(50);
    expect(receiver.total).toBeGreaterThan(0);
    worker.child.kill('SIGTERM');
    expect(await worker.exited).toBe(0);

    const rows = await t.db.kysely
      .selectFrom('webhook_deliveries')
      .select(['event_id', 'status', 'lease_owner', 'attempt_count'])
      .execute();
    expect(rows).toHaveLength(QUESTIONS);
    const sent = rows.filter((r) => r.status === 'success');
    // Whatever reached the receiver was recorded as delivered, exactly once; the rest waits, unclaimed.
    expect(sent.length).toBe(receiver.total);
    expect(new Set(sent.map((r) => r.event_id))).toEqual(new Set(receiver.arrivals.keys()));
    expect(sent.every((r) => r.attempt_count === 1)).toBe(true);
    for (const row of rows.filter((r) => r.status !== 'success')) {
      expect(row).toMatchObject({ status: 'pending', attempt_count: 0 });
    }
    expect(rows.filter((r) => r.lease_owner !== null)).toEqual([]);

    // A new worker picks up the released ones at once (no lease to wait for), and nothing is sent twice.
    worker = await startAppProcess('worker', {
      DATABASE_URL: t.database.url,
      DATA_DIR: t.env.DATA_DIR as string,
      WEBHOOK_ALLOW_PRIVATE_URLS: 'true',
    });
    for (let i = 0; i < 400 && receiver.arrivals.size < QUESTIONS; i++) await sleep(50);
    expect(receiver.arrivals.size).toBe(QUESTIONS);
    expect(receiver.duplicates).toBe(0);
  }, 60_000);
});
