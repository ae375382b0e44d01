import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { systemClock } from '../src/clock.js';
import * as scaleIndexes from '../src/db/migrations/20261128_0005_scale_indexes.js';
import { migrateToLatest } from '../src/db/migrator.js';
import type { Database } from '../src/db/schema.js';
import { listDeliveries } from '../src/modules/webhooks/deliveries.repository.js';
import { oldFinishedDeliveryIds } from '../src/modules/webhooks/retention.repository.js';
import type { WebhookSender } from '../src/modules/webhooks/sender.js';
import { DeliveryWorker } from '../src/modules/webhooks/worker.js';
import { benchPostgresUrl, scratchSchema } from './lib/postgres.js';

/**
 * Query plans at scale (PostgreSQL only; a scratch script, not part of `npm run bench`):
 * fills a scratch schema with PLAN_ROWS delivery rows (default 1,000,000) and as many attempts through
 * INSERT … SELECT generate_series, then prints EXPLAIN (ANALYZE, BUFFERS) of the statements the product
 * runs — the worker's claim, a delivery-log page with its total, and a retention batch — with and without the
 * indexes of migration 0005.   Run: TEST_DATABASE_URL=postgres://… npx tsx bench/scale-plans.ts
 */

const rows = Number(process.env.PLAN_ROWS ?? 1_000_000);
const WEBHOOKS = 20;
const DAY = 86_400_000;

interface Captured {
  sql: string;
  parameters: readonly unknown[];
}

/** Statements as Kysely compiles them for the repositories, captured from a rolled-back transaction. */
async function capture(url: string, run: (db: Kysely<Database>) => Promise<unknown>): Promise<Captured[]> {
  const captured: Captured[] = [];
  const pool = new pg.Pool({ connectionString: url, max: 1 });
  const db = new Kysely<Database>({
    dialect: new PostgresDialect({ pool }),
    log: (event) => {
      if (event.level === 'query')
        captured.push({ sql: event.query.sql, parameters: event.query.parameters });
    },
  });
  try {
    await db
      .transaction()
      .execute(async (trx) => {
        await run(trx);
        throw new Error('rollback');
      })
      .catch((error: unknown) => {
        if ((error as Error).message !== 'rollback') throw error;
      });
  } finally {
    await db.destroy();
  }
  return captured.filter((c) => !/^(begin|commit|rollback)/i.test(c.sql));
}

/** Answers every delivery with 200 without any network: the worker only has to claim and record. */
const okSender: WebhookSender = {
  send: async () => ({ statusCode: 200, responseBody: 'ok', retryAfter: null, error: null, durationMs: 1 }),
  close: async () => {},
};

/**
 * The claim exactly as the worker issues it (whatever its options), captured from a real DeliveryWorker run
 * against the filled schema: the first statement with FOR UPDATE SKIP LOCKED. What the worker delivered
 * meanwhile is put back afterwards.
 */
async function captureWorkerClaim(url: string, client: pg.Client): Promise<Captured[]> {
  const captured: Captured[] = [];
  const startedAt = Date.now();
  const pool = new pg.Pool({ connectionString: url, max: 4 });
  const kysely = new Kysely<Database>({
    dialect: new PostgresDialect({ pool }),
    log: (event) => {
      if (event.level === 'query' && /skip locked/i.test(event.query.sql))
        captured.push({ sql: event.query.sql, parameters: event.query.parameters });
    },
  });
  const quiet = { error: () => {}, info: () => {}, warn: () => {} };
  const worker = new DeliveryWorker({
    db: { kysely, dialect: 'postgres', destroy: () => kysely.destroy() },
    clock: systemClock,
    sender: okSender,
    log: quiet,
  });
  worker.start();
  for (let i = 0; i < 400 && captured.length === 0; i++) await new Promise((r) => setTimeout(r, 25));
  await worker.stop();
  await kysely.destroy();
  // Put back what the worker delivered meanwhile, so the plans below see the outbox as it was filled.
  await client.query('delete from webhook_attempts where started_at >= $1', [startedAt]);
  await client.query(
    `update webhook_deliveries set status = 'pending', lease_owner = null, lease_until = null, delivered_at = null,
       status_code = null where updated_at >= $1`,
    [startedAt],
  );
  if (captured.length === 0) throw new Error('the worker issued no claim');
  return captured.slice(0, 1);
}

async function explain(client: pg.Client, statement: Captured): Promise<string> {
  await client.query('begin');
  try {
    const result = await client.query(`explain (analyze, buffers) ${statement.sql}`, [
      ...statement.parameters,
    ]);
    return result.rows.map((r: Record<string, string>) => r['QUERY PLAN']).join('\n');
  } finally {
    await client.query('rollback');
  }
}

async function fill(client: pg.Client, now: number): Promise<void> {
  const started = Date.now();
  await client.query(
    `insert into webhooks (id, url, events, secret, is_active, max_attempts, timeout_seconds, created_at, updated_at)
     select 'wh-' || i, 'https://hooks.example.com/' || i, '["query.created","query.escalated"]', 'whsec_x', 1, 3, 10, $1, $1
     from generate_series(0, ${WEBHOOKS - 1}) i`,
    [now - 90 * DAY],
  );
  // 97% delivered, 1.5% failed, 0.5% cancelled, 1% pending (half of them due now, half waiting for a retry),
  // spread over the last 60 days; the newest rows are the pending ones, as in a live outbox.
  await client.query(
    `insert into webhook_deliveries (id, webhook_id, event_id, event_type, payload, status, attempt_count, round_attempt,
       next_attempt_at, status_code, created_at, updated_at, delivered_at)
     select md5(i::text)::uuid::text, 'wh-' || (i % ${WEBHOOKS}), 'evt_' || md5('e' || i),
       case when i % 5 = 0 then 'query.escalated' else 'query.created' end,
       '{"event":"query.created","data":{"query_id":"' || md5('q' || i) || '","query":"How many vacation days do I get this year?","priority":5}}',
       s.status, 1, 1,
       case when s.status = 'pending' and i % 2 = 0 then $1 + 60000 else t.at end,
       case s.status when 'success' then 200 when 'failed' then 500 else null end,
       t.at, t.at, case when s.status = 'success' then t.at else null end
     from generate_series(1, ${rows}) i
     cross join lateral (select $1 - ((${rows} - i)::bigint * ${60 * DAY}) / ${rows} as at) t
     cross join lateral (select case when i > ${rows} - ${rows / 100} then 'pending'
                                     when i % 200 = 0 then 'cancelled'
                                     when i % 67 = 0 then 'failed' else 'success' end as status) s`,
    [now],
  );
  await client.query(
    `insert into webhook_attempts (id, delivery_id, webhook_id, attempt_number, started_at, duration_ms, status_code, success)
     select md5('a' || d.id)::uuid::text, d.id, d.webhook_id, 1, d.created_at, 12, d.status_code,
       case when d.status = 'success' then 1 else 0 end
     from webhook_deliveries d where d.status <> 'pending'`,
  );
  // As autovacuum would have done by then: statistics and the visibility map (index-only scans need it).
  await client.query('vacuum analyze');
  process.stderr.write(
    `… ${rows} deliveries and their attempts written in ${((Date.now() - started) / 1000).toFixed(0)} s\n`,
  );
}

async function main(): Promise<void> {
  if (!benchPostgresUrl) throw new Error('set BENCH_DATABASE_URL or TEST_DATABASE_URL');
  const schema = await scratchSchema(benchPostgresUrl);
  const client = new pg.Client({ connectionString: schema.url });
  await client.connect();
  try {
    const { createDb } = await import('../src/db/create-db.js');
    const db = createDb({ dialect: 'postgres', url: schema.url }, 1);
    await migrateToLatest(db);
    const now = Date.now();
    await fill(client, now);

    const statements: [string, Captured[]][] = [
      ['Claim (one worker round, FOR UPDATE SKIP LOCKED)', await captureWorkerClaim(schema.url, client)],
      [
        'Delivery-log page (newest 50 of one webhook) and its total',
        await capture(schema.url, (k) => listDeliveries(k, 'wh-7', { skip: 0, limit: 50 })),
      ],
      [
        'Delivery-log page filtered by status=failed, and its total',
        await capture(schema.url, (k) => listDeliveries(k, 'wh-7', { skip: 0, limit: 50, status: 'failed' })),
      ],
      [
        'Retention batch, first run (half the table is older than 30 days)',
        await capture(schema.url, (k) => oldFinishedDeliveryIds(k, now - 30 * DAY, 500)),
      ],
      [
        'Retention batch, steady state (only the oldest day has crossed the window)',
        await capture(schema.url, (k) => oldFinishedDeliveryIds(k, now - 59 * DAY, 500)),
      ],
    ];

    for (const indexes of ['without', 'with'] as const) {
      if (indexes === 'without') await scaleIndexes.down(db.kysely);
      else await scaleIndexes.up(db.kysely);
      await client.query('analyze webhook_deliveries');
      process.stdout.write(`\n## ${indexes === 'with' ? 'With' : 'Without'} the indexes of migration 0005\n`);
      for (const [title, captured] of statements) {
        for (const statement of captured) {
          process.stdout.write(`\n### ${title}\n\n\`\`\`sql\n${statement.sql}\n\`\`\`\n\n\`\`\`\n`);
          process.stdout.write(`${await explain(client, statement)}\n\`\`\`\n`);
        }
      }
    }
    await db.destroy();
  } finally {
    await client.end();
    await schema.drop();
  }
}

await main();
