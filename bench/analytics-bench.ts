import { randomUUID } from 'node:crypto';
import { pathToFileURL } from 'node:url';
import { type Insertable, sql } from 'kysely';
import { buildApp } from '../src/app.js';
import type { ConversationsTable, MessagesTable } from '../src/db/core-tables.js';
import type { Db } from '../src/db/create-db.js';
import type { FeedbackTable } from '../src/modules/handoff/handoff.tables.js';
import { openBenchDatabase } from './lib/bench-database.js';
import { fmt, percentile, type Row, table } from './lib/stats.js';

/**
 * The analytics summary over 100,000 conversations on SQLite (target < 200 ms). Seeds a temporary database file
 * with a realistic mix — follow-up turns, escalations, resolutions, knowledge gaps, ratings — all inside the
 * 7-day window so every row counts, then times the endpoint through app.inject (median of several runs).
 * Run alone: `npx tsx bench/analytics-bench.ts` (ANALYTICS_CONVERSATIONS overrides the size).
 */
const CONVERSATIONS = Number(process.env.ANALYTICS_CONVERSATIONS ?? 100_000);
const RUNS = 9;
const BATCH = 400;
const ADMIN_KEY = 'bench-admin-key-0123456789abcdef';
const CATEGORIES = [
  'Recruitment',
  'Payroll',
  'Benefits',
  'Policy',
  'LeaveManagement',
  'Performance',
  'General',
];
const SENTIMENTS = ['Positive', 'Neutral', 'Neutral', 'Neutral', 'Negative', 'Angry'];
const REASONS = [
  'angry employee',
  'priority 8 or more',
  'harassment reported',
  'asked for a person',
  'repeated 3 times',
];

/** Deterministic pseudo-random numbers, so every run seeds the same data set. */
function generator(seed: number) {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
}

interface Seeded {
  conversations: Insertable<ConversationsTable>[];
  messages: Insertable<MessagesTable>[];
  feedback: Insertable<FeedbackTable>[];
}

function batchOf(random: () => number, now: number, count: number): Seeded {
  const out: Seeded = { conversations: [], messages: [], feedback: [] };
  const pick = <T>(list: T[]) => list[Math.floor(random() * list.length)] as T;
  for (let i = 0; i < count; i++) {
    const id = randomUUID();
    const userId = `emp-${Math.floor(random() * 5000)}`;
    const createdAt = now - Math.floor(random() * 6.9 * 86_400_000);
    const category = pick(CATEGORIES);
    const sentiment = pick(SENTIMENTS);
    const escalated = random() < 0.15;
    const resolvedAt = escalated && random() < 0.6 ? createdAt + Math.floor(random() * 8 * 3_600_000) : null;
    const reason = escalated ? pick(REASONS) : null;
    const turns = random() < 0.2 ? 2 : 1;
    out.conversations.push({
      id,
      user_id: userId,
      category,
      sentiment,
      priority: escalated ? 8 : 3,
      status: resolvedAt ? 'Resolved' : escalated ? 'Escalated' : 'Answered',
      escalated: escalated ? 1 : 0,
      escalation_reason: reason,
      attempt_count: turns,
      escalated_at: escalated ? createdAt : null,
      resolved_at: resolvedAt,
      resolved_by: resolvedAt ? 'HR' : null,
      created_at: createdAt,
      updated_at: resolvedAt ?? createdAt,
    });
    for (let turn = 0; turn < turns; turn++) {
      const at = createdAt + turn * 60_000;
      const gap = random() < 0.05;
      out.messages.push(
        {
          id: randomUUID(),
          conversation_id: id,
          role: 'user',
          content: `Question ${i} turn ${turn} about ${category}`,
          category,
          sentiment,
          priority: escalated ? 8 : 3,
          escalated: escalated ? 1 : 0,
          escalation_reason: reason,
          attempt_count: turn + 1,
          processing_time: 0.0005 + random() * 0.002,
          kb_hit_count: gap ? 0 : 3,
          created_at: at,
        },
        {
          id: randomUUID(),
          conversation_id: id,
          role: 'assistant',
          content: 'Answer',
          escalated: escalated ? 1 : 0,
          kb_results: '[]',
          agent_trace: '[]',
          engine: 'local',
          created_at: at + 1,
        },
      );
    }
    if (random() < 0.2) {
      out.feedback.push({
        id: randomUUID(),
        conversation_id: id,
        user_id: userId,
        rating: 1 + Math.floor(random() * 5),
        comment: null,
        created_at: createdAt + 120_000,
        updated_at: createdAt + 120_000,
      });
    }
  }
  return out;
}

async function timeRequests(run: () => Promise<{ statusCode: number }>): Promise<number[]> {
  for (let i = 0; i < 2; i++) await run(); // warm caches and the JIT
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now();
    const res = await run();
    times.push(performance.now() - started);
    if (res.statusCode !== 200) throw new Error(`analytics answered ${res.statusCode}`);
  }
  return times.sort((a, b) => a - b);
}

async function seed(db: Db): Promise<{ seconds: number; messages: number }> {
  const started = performance.now();
  const random = generator(42);
  const now = Date.now();
  let messages = 0;
  await db.kysely.transaction().execute(async (trx) => {
    const users = Array.from({ length: 5000 }, (_, i) => ({
      id: `emp-${i}`,
      is_vip: i % 50 === 0 ? 1 : 0,
      created_at: now,
      updated_at: now,
    }));
    for (let i = 0; i < users.length; i += BATCH) {
      await trx
        .insertInto('users')
        .values(users.slice(i, i + BATCH))
        .execute();
    }
    for (let done = 0; done < CONVERSATIONS; done += BATCH) {
      const batch = batchOf(random, now, Math.min(BATCH, CONVERSATIONS - done));
      await trx.insertInto('conversations').values(batch.conversations).execute();
      for (let i = 0; i < batch.messages.length; i += BATCH) {
        await trx
          .insertInto('messages')
          .values(batch.messages.slice(i, i + BATCH))
          .execute();
      }
      if (batch.feedback.length > 0) await trx.insertInto('feedback').values(batch.feedback).execute();
      messages += batch.messages.length;
    }
  });
  return { seconds: (performance.now() - started) / 1000, messages };
}

export async function benchAnalytics(): Promise<{ rows: Row[] }> {
  const { config, db, remove } = await openBenchDatabase('hr-analytics-bench-', ADMIN_KEY);
  try {
    const seeded = await seed(db);
    // Then the server starts on the populated file, as it would in production.
    const app = await buildApp(config, { db });
    try {
      await app.ready();
      const get = (url: string) =>
        app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${ADMIN_KEY}` } });
      const figures = (await get('/api/v1/analytics/summary?days=7')).json() as {
        total_conversations: number;
      };
      if (figures.total_conversations !== CONVERSATIONS) {
        throw new Error(
          `expected ${CONVERSATIONS} conversations in the window, got ${figures.total_conversations}`,
        );
      }
      const cpuBefore = process.cpuUsage();
      const summary = await timeRequests(() => get('/api/v1/analytics/summary?days=7'));
      const cpu = process.cpuUsage(cpuBefore);
      // CPU per request does not depend on what else the (shared) machine is running, unlike the latency.
      const cpuMs = (cpu.user + cpu.system) / 1000 / (RUNS + 2);
      const daily = await timeRequests(() => get('/api/v1/analytics/timeseries?days=7&bucket=day'));
      const hourly = await timeRequests(() => get('/api/v1/analytics/timeseries?days=7&bucket=hour'));
      // SQLite plans without statistics until ANALYZE (or PRAGMA optimize) has run; with them it can read the
      // grouped covering index in order instead of sorting. Both are shown.
      await sql`analyze`.execute(db.kysely);
      const analyzed = await timeRequests(() => get('/api/v1/analytics/summary?days=7'));

      const count = CONVERSATIONS.toLocaleString('en-US');
      return {
        rows: [
          {
            measure: `Seed ${count} conversations + ${seeded.messages.toLocaleString('en-US')} messages (1 transaction)`,
            value: `${fmt(seeded.seconds, 1)} s`,
          },
          {
            measure: `GET /analytics/summary?days=7 over ${count} conversations: median of ${RUNS}`,
            value: `${fmt(percentile(summary, 50), 1)} ms`,
            target: '< 200 ms',
          },
          { measure: 'GET /analytics/summary: CPU time per request', value: `${fmt(cpuMs, 1)} ms` },
          {
            measure: 'GET /analytics/summary: slowest',
            value: `${fmt(summary[summary.length - 1] ?? 0, 1)} ms`,
          },
          {
            measure: 'GET /analytics/summary after ANALYZE: median',
            value: `${fmt(percentile(analyzed, 50), 1)} ms`,
            target: '< 200 ms',
          },
          {
            measure: 'GET /analytics/timeseries?days=7&bucket=day: median',
            value: `${fmt(percentile(daily, 50), 1)} ms`,
          },
          {
            measure: 'GET /analytics/timeseries?days=7&bucket=hour: median',
            value: `${fmt(percentile(hourly, 50), 1)} ms`,
          },
        ],
      };
    } finally {
      await app.close();
    }
  } finally {
    await remove();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { rows } = await benchAnalytics();
  process.stdout.write(`${table(rows)}\n`);
}
