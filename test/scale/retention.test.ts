import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { ManualClock } from '../../src/clock.js';
import { DeliveryLogRetention, pruneDeliveryLog } from '../../src/modules/webhooks/retention.js';
import { deleteFinishedDeliveries } from '../../src/modules/webhooks/retention.repository.js';
import type { DeliveryStatus } from '../../src/modules/webhooks/webhooks.tables.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { describeEachDatabase } from '../helpers/databases.js';

const DAY = 24 * 60 * 60 * 1000;

describeEachDatabase('delivery log retention', (kind) => {
  let t: TestApp;
  let clock: ManualClock;
  const webhookId = randomUUID();

  beforeEach(async () => {
    clock = new ManualClock(Date.UTC(2026, 5, 1));
    t = await createTestApp(kind, {}, { clock });
  });
  afterEach(async () => t.close());

  /** A delivery last touched `ageDays` ago with `attempts` logged attempts. */
  async function delivery(status: DeliveryStatus, ageDays: number, attempts = 1): Promise<string> {
    const id = randomUUID();
    const at = clock.now() - ageDays * DAY;
    await t.db.kysely
      .insertInto('webhook_deliveries')
      .values({
        id,
        webhook_id: webhookId,
        event_id: `evt_${id}`,
        event_type: 'query.created',
        payload: '{}',
        status,
        attempt_count: attempts,
        round_attempt: attempts,
        next_attempt_at: at,
        lease_owner: null,
        lease_until: null,
        status_code: status === 'success' ? 200 : null,
        response_body: null,
        error_message: null,
        created_at: at,
        updated_at: at,
        delivered_at: status === 'success' ? at : null,
      })
      .execute();
    for (let n = 1; n <= attempts; n++) {
      await t.db.kysely
        .insertInto('webhook_attempts')
        .values({
          id: randomUUID(),
          delivery_id: id,
          webhook_id: webhookId,
          attempt_number: n,
          started_at: at,
          duration_ms: 5,
          status_code: 200,
          success: 1,
          error: null,
        })
        .execute();
    }
    return id;
  }

  async function remaining(): Promise<{ deliveries: string[]; attempts: number }> {
    const rows = await t.db.kysely.selectFrom('webhook_deliveries').select('id').execute();
    const attempts = await t.db.kysely
      .selectFrom('webhook_attempts')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    return { deliveries: rows.map((r) => r.id).sort(), attempts: Number(attempts.n) };
  }

  it('removes finished deliveries and their attempts older than the window, in batches, and nothing else', async () => {
    const old = [
      await delivery('success', 31, 2),
      await delivery('success', 45),
      await delivery('failed', 40, 3),
      await delivery('cancelled', 90, 0),
      await delivery('success', 31),
    ];
    const kept = [
      await delivery('pending', 60, 2), // still owed to the receiver, however old
      await delivery('success', 29),
      await delivery('failed', 1),
      await delivery('success', 30), // exactly at the boundary: not older than 30 days
    ];

    const result = await pruneDeliveryLog(
      { db: t.db.kysely, clock },
      { retentionDays: 30, batchSize: 2, pauseMs: 0 },
    );
    expect(result).toEqual({ deliveries: old.length, attempts: 7, batches: 3, truncated: false });
    expect(await remaining()).toEqual({ deliveries: [...kept].sort(), attempts: 5 });

    // Time passes: what was recent becomes old in turn.
    clock.advance(2 * DAY);
    const later = await pruneDeliveryLog({ db: t.db.kysely, clock }, { retentionDays: 30, pauseMs: 0 });
    expect(later.deliveries).toBe(2);
    expect((await remaining()).deliveries).toEqual([kept[0], kept[2]].sort());
  });

  it('stops at maxBatches and says so; the next run continues where it stopped', async () => {
    for (let i = 0; i < 5; i++) await delivery('success', 100);
    const deps = { db: t.db.kysely, clock };
    const first = await pruneDeliveryLog(deps, {
      retentionDays: 30,
      batchSize: 2,
      maxBatches: 2,
      pauseMs: 0,
    });
    expect(first).toMatchObject({ deliveries: 4, batches: 2, truncated: true });
    const second = await pruneDeliveryLog(deps, {
      retentionDays: 30,
      batchSize: 2,
      maxBatches: 2,
      pauseMs: 0,
    });
    expect(second).toMatchObject({ deliveries: 1, truncated: false });
    expect((await remaining()).deliveries).toEqual([]);
  });

  it('keeps a delivery that was put back in the queue after it was selected', async () => {
    const id = await delivery('success', 40, 1);
    const before = clock.now() - 30 * DAY;
    await t.db.kysely
      .updateTable('webhook_deliveries')
      .set({ status: 'pending', updated_at: clock.now() })
      .where('id', '=', id)
      .execute();
    expect(await deleteFinishedDeliveries(t.db.kysely, [id], before)).toEqual({ deliveries: 0, attempts: 0 });
    expect(await remaining()).toEqual({ deliveries: [id], attempts: 1 });
  });

  it('runs on its own timer and stops cleanly', async () => {
    await delivery('success', 31);
    const logged: object[] = [];
    const retention = new DeliveryLogRetention(
      { db: t.db.kysely, clock, log: { info: (o) => logged.push(o), error: (o) => logged.push(o) } },
      { retentionDays: 30, firstRunDelayMs: 0, intervalMs: 60_000, pauseMs: 0 },
    );
    retention.start();
    for (let i = 0; i < 200 && logged.length === 0; i++) await new Promise((r) => setTimeout(r, 10));
    await retention.stop();
    expect(logged).toEqual([{ deliveries: 1, attempts: 1, batches: 1, truncated: false }]);
    expect((await remaining()).deliveries).toEqual([]);
  });
});
