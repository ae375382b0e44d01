import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rssMb } from '../../bench/lib/processes.js';
import { type AppProcess, startAppProcess } from '../../bench/lib/worker-process.js';
import { createDb, type Db } from '../../src/db/create-db.js';
import { migrateToLatest } from '../../src/db/migrator.js';
import { adminHeaders, TEST_ADMIN_KEY } from '../helpers/app.js';
import { createTestDatabase, type TestDatabase, tempDir } from '../helpers/databases.js';
import { CountingReceiver } from './counting-receiver.js';

/**
 * Scale-out end to end, as deployed: 2 API processes (WORKER_EMBEDDED=false) and 3 `npm run worker` processes
 * on one PostgreSQL schema, 3 webhooks, 2,000 questions spread over both APIs, and one worker killed with
 * SIGKILL while it holds claims. Every event must arrive at its receiver; the only duplicates allowed are
 * attempts that were in flight on the killed worker (sent, but their outcome died with it).
 */

const postgresUrl = process.env.TEST_DATABASE_URL;
const QUERIES = Number(process.env.SCALE_TEST_QUERIES ?? 2000);
const IN_FLIGHT = 20;
const WEBHOOKS = 3;

const questions = [
  'How many vacation days do I get per year?',
  'When is the next payday?',
  'How do I enroll in the dental plan?',
  'What is the parental leave policy?',
  'How does the annual performance review work?',
  'Is there a referral bonus for new hires?',
  'I want to speak to a real person about my paycheck',
  "I'm being harassed by my manager and I need help",
  'Can I work from home on Fridays?',
  'My last paycheck was wrong and nobody answers, this is unacceptable!',
];

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

if (!postgresUrl) {
  process.stdout.write(
    'NOTICE: TEST_DATABASE_URL is not set, the multi-process scale-out test is skipped.\n',
  );
}

describe.skipIf(!postgresUrl)('scale-out: 2 API processes, 3 workers, one PostgreSQL', () => {
  let database: TestDatabase;
  let db: Db;
  const receivers: CountingReceiver[] = [];
  const apis: AppProcess[] = [];
  const workers: AppProcess[] = [];

  beforeAll(async () => {
    database = await createTestDatabase('postgres');
    db = createDb({ dialect: 'postgres', url: database.url }, 2);
    // Migrate once up front; the processes would also do it, serialized by the migration lock.
    await migrateToLatest(db);
    for (let i = 0; i < WEBHOOKS; i++) receivers.push(await CountingReceiver.start());
    const env = {
      DATABASE_URL: database.url,
      DATABASE_POOL_SIZE: '5',
      ADMIN_API_KEY: TEST_ADMIN_KEY,
      WEBHOOK_ALLOW_PRIVATE_URLS: 'true',
    };
    const starting = await Promise.allSettled([
      ...[0, 1].map(() =>
        startAppProcess('server', {
          ...env,
          DATA_DIR: tempDir(),
          PORT: '0',
          WORKER_EMBEDDED: 'false',
          RATE_LIMIT_PER_MINUTE: '0',
        }),
      ),
      ...[0, 1, 2].map(() => startAppProcess('worker', env)),
    ]);
    // Keep whatever started, so afterAll stops it even when another process failed to start.
    const started = starting.map((result) => (result.status === 'fulfilled' ? result.value : undefined));
    apis.push(...started.slice(0, 2).filter((p) => p !== undefined));
    workers.push(...started.slice(2).filter((p) => p !== undefined));
    const failed = starting.find((result) => result.status === 'rejected');
    if (failed) throw failed.reason;
  }, 120_000);

  afterAll(async () => {
    await Promise.all([...apis, ...workers].map((p) => p.stop(5_000)));
    await Promise.all(receivers.map((r) => r.close()));
    await db?.destroy();
    if (process.env.SCALE_TEST_KEEP_SCHEMA) process.stdout.write(`kept ${database.url}\n`);
    else await database?.cleanup();
  });

  async function leasedBy(owner: string): Promise<number> {
    const row = await db.kysely
      .selectFrom('webhook_deliveries')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('lease_owner', '=', owner)
      .where('status', '=', 'pending')
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  it('delivers every event of 2,000 questions despite a worker killed mid-delivery', async () => {
    const startedAt = Date.now();
    const webhookIds: string[] = [];
    for (const receiver of receivers) {
      const response = await fetch(`${apis[0]?.address}/api/v1/webhooks`, {
        method: 'POST',
        headers: { ...adminHeaders, 'content-type': 'application/json' },
        body: JSON.stringify({
          url: receiver.url,
          events: ['query.created', 'query.escalated'],
          timeout_seconds: 10,
          description: 'scale-out test',
        }),
      });
      expect(response.status).toBe(201);
      webhookIds.push(((await response.json()) as { id: string }).id);
    }

    let next = 0;
    let answered = 0;
    let escalated = 0;
    const failures: string[] = [];
    const client = async () => {
      while (next < QUERIES) {
        const i = next++;
        const api = apis[i % apis.length] as AppProcess;
        const response = await fetch(`${api.address}/api/v1/query`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ message: questions[i % questions.length], user_id: `emp-${i % 97}` }),
        });
        const body = (await response.json()) as { metadata?: { escalated?: boolean } };
        if (response.status !== 200) failures.push(`${response.status} ${JSON.stringify(body)}`);
        if (body.metadata?.escalated) escalated++;
        answered++;
      }
    };

    // The victim dies once deliveries are flowing and it holds claims; its leases then tell how many attempts
    // it may have sent without recording them.
    const victim = workers[0] as AppProcess;
    let heldAtKill = -1;
    const killMidway = async () => {
      for (let i = 0; i < 1200; i++) {
        if (answered >= QUERIES / 4 && (await leasedBy(victim.address)) > 0) break;
        await sleep(25);
      }
      victim.child.kill('SIGKILL');
      await victim.exited;
      heldAtKill = await leasedBy(victim.address);
    };

    await Promise.all([...Array.from({ length: IN_FLIGHT }, client), killMidway()]);
    const rss = await Promise.all([...apis, ...workers.slice(1)].map((p) => rssMb(p.pid)));
    expect(failures).toEqual([]);
    expect(answered).toBe(QUERIES);

    // What must arrive: one query.created per question and webhook, plus query.escalated for escalated ones.
    const rows = await db.kysely
      .selectFrom('webhook_deliveries')
      .select(['webhook_id', 'event_id', 'event_type'])
      .execute();
    expect(rows.filter((r) => r.event_type === 'query.created')).toHaveLength(QUERIES * WEBHOOKS);
    expect(rows.filter((r) => r.event_type === 'query.escalated')).toHaveLength(escalated * WEBHOOKS);
    const expected = webhookIds.map(
      (id) => new Set(rows.filter((r) => r.webhook_id === id).map((r) => r.event_id)),
    );

    const missing = () =>
      receivers.reduce((sum, receiver, i) => {
        let count = 0;
        for (const eventId of expected[i] ?? []) if (!receiver.arrivals.has(eventId)) count++;
        return sum + count;
      }, 0);
    // Bounded wait: the killed worker's leases expire after timeout (10 s) + margin (15 s), then others retry.
    for (let i = 0; i < 900 && missing() > 0; i++) await sleep(200);

    const duplicates = receivers.reduce((sum, r) => sum + r.duplicates, 0);
    const received = receivers.reduce((sum, r) => sum + r.total, 0);
    process.stdout.write(
      `scale-out: ${QUERIES} questions (${escalated} escalated) over 2 APIs, ${rows.length} deliveries by 3 workers ` +
        `(one SIGKILLed holding ${heldAtKill} claims): ${received} requests received, ${missing()} missing, ` +
        `${duplicates} duplicates, ${((Date.now() - startedAt) / 1000).toFixed(1)} s; RSS after the load: ` +
        `APIs ${rss
          .slice(0, 2)
          .map((mb) => mb.toFixed(0))
          .join(' and ')} MB, ` +
        `workers ${rss
          .slice(2)
          .map((mb) => mb.toFixed(0))
          .join(' and ')} MB\n`,
    );
    const failedAttempts = await db.kysely
      .selectFrom('webhook_attempts')
      .select(['error', (eb) => eb.fn.countAll<number>().as('n')])
      .where('success', '=', 0)
      .groupBy('error')
      .execute();
    for (const worker of workers) {
      const errors = worker
        .output()
        .split('\n')
        .filter((line) => /"level":(40|50|60)/.test(line));
      if (errors.length > 0)
        process.stdout.write(
          `scale-out: worker ${worker.address} logged:\n${errors.slice(0, 5).join('\n')}\n`,
        );
    }
    if (failedAttempts.length > 0)
      process.stdout.write(`scale-out: failed attempts ${JSON.stringify(failedAttempts)}\n`);
    expect(missing()).toBe(0);
    for (const [i, receiver] of receivers.entries()) {
      const unexpected = [...receiver.arrivals.keys()].filter((id) => !expected[i]?.has(id));
      expect(unexpected).toEqual([]);
    }
    expect(heldAtKill).toBeGreaterThanOrEqual(0);
    expect(duplicates).toBeLessThanOrEqual(heldAtKill);

    // The survivors recorded everything: nothing pending, nothing still claimed. The killed worker may have sent
    // every attempt it held before dying, so all events can have arrived while its leases still run: wait for them
    // to expire (timeout 10 s + margin 15 s after the claim) and for a survivor to take and finish the deliveries.
    for (let i = 0; i < 450; i++) {
      const open = await db.kysely
        .selectFrom('webhook_deliveries')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where((eb) => eb.or([eb('status', '!=', 'success'), eb('lease_owner', 'is not', null)]))
        .executeTakeFirstOrThrow();
      if (Number(open.n) === 0) break;
      await sleep(100);
    }
    const statuses = await db.kysely
      .selectFrom('webhook_deliveries')
      .select(['status', (eb) => eb.fn.countAll<number>().as('n')])
      .groupBy('status')
      .execute();
    expect(statuses.map((s) => [s.status, Number(s.n)])).toEqual([['success', rows.length]]);

    // The others shut down cleanly on SIGTERM.
    for (const process of [...workers.slice(1), ...apis]) expect(await process.stop(20_000)).toBe(0);
  }, 200_000);
});
