import { randomUUID } from 'node:crypto';
import { createDb, type Db } from '../src/db/create-db.js';
import { migrateToLatest } from '../src/db/migrator.js';
import { insertDeliveries } from '../src/modules/webhooks/deliveries.repository.js';
import { generateSecret } from '../src/modules/webhooks/sign.js';
import { newWebhookRow } from '../src/modules/webhooks/webhooks.repository.js';
import { rssMb } from './lib/processes.js';
import { startReceiver } from './lib/receiver.js';
import { fmt, type Row, ratio } from './lib/stats.js';
import { type AppProcess, startAppProcess } from './lib/worker-process.js';

/**
 * Delivery throughput of separate worker processes sharing one PostgreSQL database: a pre-filled outbox drained
 * by 1 and then by 3 `npm run worker` processes, every attempt logged as in production. Two receivers:
 * - one that answers 200 at once (BENCH_DELIVERIES deliveries, default 6000, over 8 webhooks): what the
 *   database and the workers' CPU allow;
 * - one that takes 50 ms to answer (2,400 deliveries over 2 webhooks): a receiver-bound workload, where each
 *   worker's per-webhook concurrency is the limit and adding processes adds capacity.
 */

interface Scenario {
  deliveries: number;
  webhooks: number;
  receiverDelayMs: number;
}

const fast: Scenario = {
  deliveries: Number(process.env.BENCH_DELIVERIES ?? 6000),
  webhooks: 8,
  receiverDelayMs: 0,
};
const slow: Scenario = { deliveries: 2400, webhooks: 2, receiverDelayMs: 50 };

export interface WorkerRun {
  workers: number;
  perSecond: number;
  /** Highest resident memory seen in any one worker process while draining. */
  maxRssMb: number;
}

export interface WorkerBench {
  /** Deliveries per second to the receiver that answers at once. */
  oneWorker: number;
  threeWorkers: number;
  /** The same to the receiver that takes 50 ms. */
  slowReceiver: { oneWorker: number; threeWorkers: number };
  runs: WorkerRun[];
  rows: Row[];
}

async function seedWebhooks(db: Db, url: string, count: number): Promise<string[]> {
  const now = Date.now();
  const ids = Array.from({ length: count }, () => randomUUID());
  await db.kysely
    .insertInto('webhooks')
    .values(
      ids.map((id, i) =>
        newWebhookRow(
          {
            id,
            url: `${url}?w=${i}`,
            events: JSON.stringify(['query.created']),
            description: 'scale bench',
            secret: generateSecret(),
            max_attempts: 3,
            timeout_seconds: 10,
            rate_limit_per_second: null,
            filters: null,
            retry_schedule: null,
            headers: null,
            signature_scheme: 'hmac',
            signing_key: null,
          },
          now,
        ),
      ),
    )
    .execute();
  return ids;
}

/** Rows due at `dueAt`, so every worker is already polling when the outbox fills. */
async function fillOutbox(db: Db, webhookIds: string[], count: number, dueAt: number): Promise<void> {
  const body = JSON.stringify({
    event: 'query.created',
    data: { query: 'How many vacation days do I get?' },
  });
  for (let start = 0; start < count; start += 1000) {
    const batch = Array.from({ length: Math.min(1000, count - start) }, (_, i) => ({
      webhookId: webhookIds[(start + i) % webhookIds.length] as string,
      eventId: `evt_${randomUUID()}`,
      eventType: 'query.created',
      body,
    }));
    await insertDeliveries(db.kysely, batch, dueAt);
  }
}

async function countPending(db: Db): Promise<number> {
  const row = await db.kysely
    .selectFrom('webhook_deliveries')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('status', '=', 'pending')
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

async function drainWith(databaseUrl: string, workerCount: number, scenario: Scenario): Promise<WorkerRun> {
  const db = createDb({ dialect: 'postgres', url: databaseUrl }, 4);
  const receiver = await startReceiver(scenario.receiverDelayMs);
  const workers: AppProcess[] = [];
  try {
    await migrateToLatest(db);
    await db.kysely.deleteFrom('webhook_attempts').execute();
    await db.kysely.deleteFrom('webhook_deliveries').execute();
    await db.kysely.deleteFrom('webhooks').execute();
    const webhookIds = await seedWebhooks(db, receiver.url, scenario.webhooks);
    const env = { DATABASE_URL: databaseUrl, WEBHOOK_ALLOW_PRIVATE_URLS: 'true', DATABASE_POOL_SIZE: '10' };
    workers.push(
      ...(await Promise.all(Array.from({ length: workerCount }, () => startAppProcess('worker', env)))),
    );

    await fillOutbox(db, webhookIds, scenario.deliveries, Date.now() + 500);
    let maxRss = 0;
    for (let i = 0; i < 1200 && (await countPending(db)) > 0; i++) {
      for (const worker of workers) maxRss = Math.max(maxRss, await rssMb(worker.pid));
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    // From the first attempt to the last recorded success: excludes start-up and the first poll.
    const span = await db.kysely
      .selectFrom('webhook_deliveries')
      .select((eb) => [eb.fn.min('delivered_at').as('first'), eb.fn.max('delivered_at').as('last')])
      .where('status', '=', 'success')
      .executeTakeFirstOrThrow();
    const firstAttempt = await db.kysely
      .selectFrom('webhook_attempts')
      .select((eb) => eb.fn.min('started_at').as('first'))
      .executeTakeFirstOrThrow();
    const delivered = receiver.received;
    const seconds = (Number(span.last) - Number(firstAttempt.first ?? span.first)) / 1000;
    return { workers: workerCount, perSecond: delivered / Math.max(seconds, 0.001), maxRssMb: maxRss };
  } finally {
    await Promise.all(workers.map((w) => w.stop()));
    await receiver.close();
    await db.destroy();
  }
}

/** Deliveries per second with 1 and with 3 worker processes on the PostgreSQL database at `databaseUrl`. */
export async function benchWorkers(databaseUrl: string): Promise<WorkerBench> {
  const one = await drainWith(databaseUrl, 1, fast);
  const three = await drainWith(databaseUrl, 3, fast);
  const slowOne = await drainWith(databaseUrl, 1, slow);
  const slowThree = await drainWith(databaseUrl, 3, slow);
  const runs = [one, three, slowOne, slowThree];
  const rows: Row[] = [
    {
      measure: `PostgreSQL, 1 worker process: deliveries/s (receiver answers at once; ${fast.deliveries} queued, ${fast.webhooks} webhooks)`,
      value: `${fmt(one.perSecond, 0)} /s`,
    },
    {
      measure: 'PostgreSQL, 3 worker processes: deliveries/s (receiver answers at once)',
      value: `${fmt(three.perSecond, 0)} /s`,
      reference: `${fmt(one.perSecond, 0)} /s (1 worker)`,
      ratio: ratio(three.perSecond, one.perSecond),
    },
    {
      measure: `PostgreSQL, 1 worker process: deliveries/s (receiver takes ${slow.receiverDelayMs} ms; ${slow.deliveries} queued, ${slow.webhooks} webhooks)`,
      value: `${fmt(slowOne.perSecond, 0)} /s`,
    },
    {
      measure: `PostgreSQL, 3 worker processes: deliveries/s (receiver takes ${slow.receiverDelayMs} ms)`,
      value: `${fmt(slowThree.perSecond, 0)} /s`,
      reference: `${fmt(slowOne.perSecond, 0)} /s (1 worker)`,
      ratio: ratio(slowThree.perSecond, slowOne.perSecond),
    },
    {
      measure: 'Worker process RSS while draining (max of any worker)',
      value: `${fmt(Math.max(...runs.map((r) => r.maxRssMb)), 0)} MB`,
      target: '≤ 300 MB',
    },
  ];
  return {
    oneWorker: one.perSecond,
    threeWorkers: three.perSecond,
    slowReceiver: { oneWorker: slowOne.perSecond, threeWorkers: slowThree.perSecond },
    runs,
    rows,
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { benchPostgresUrl, scratchSchema } = await import('./lib/postgres.js');
  const { table } = await import('./lib/stats.js');
  if (!benchPostgresUrl) throw new Error('set BENCH_DATABASE_URL or TEST_DATABASE_URL');
  const schema = await scratchSchema(benchPostgresUrl);
  try {
    const result = await benchWorkers(schema.url);
    process.stdout.write(`${table(result.rows)}\n`);
  } finally {
    await schema.drop();
  }
}
