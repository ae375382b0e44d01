import { randomUUID } from 'node:crypto';
import { buildApp } from '../src/app.js';
import { openBenchDatabase } from './lib/bench-database.js';
import { fmt, percentile, table } from './lib/stats.js';

/**
 * The console's employee list (GET /api/v1/users) on SQLite with many employees: the first page, a search and a
 * deep page, each timed through app.inject (median of several runs). The list orders by each employee's latest
 * question, so a page reads one index range per employee of the whole (filtered) set: this measures that cost.
 * Run alone: `npx tsx bench/employee-list-bench.ts` (EMPLOYEES overrides the size; 3 questions each).
 */
const EMPLOYEES = Number(process.env.EMPLOYEES ?? 20_000);
const QUESTIONS_EACH = 3;
const RUNS = 7;
const BATCH = 500;
const ADMIN_KEY = 'bench-admin-key-0123456789abcdef';

async function main(): Promise<void> {
  const { config, db, remove } = await openBenchDatabase('hr-employee-list-bench-', ADMIN_KEY);
  try {
    const now = Date.now();
    await db.kysely.transaction().execute(async (trx) => {
      for (let start = 0; start < EMPLOYEES; start += BATCH) {
        const ids = Array.from({ length: Math.min(BATCH, EMPLOYEES - start) }, (_, i) => `emp-${start + i}`);
        await trx
          .insertInto('users')
          .values(
            ids.map((id) => ({
              id,
              is_vip: 0,
              email: `${id}@example.com`,
              created_at: now,
              updated_at: now,
            })),
          )
          .execute();
        const conversations = ids.map((id) => ({ id: randomUUID(), user: id }));
        await trx
          .insertInto('conversations')
          .values(
            conversations.map((c) => ({
              id: c.id,
              user_id: c.user,
              category: 'General',
              sentiment: 'Neutral',
              priority: 3,
              status: 'Answered' as const,
              escalated: 0,
              escalation_reason: null,
              escalation_kind: null,
              attempt_count: 1,
              escalated_at: null,
              assigned_to: null,
              assigned_at: null,
              resolved_at: null,
              resolved_by: null,
              case_number: null,
              first_response_at: null,
              last_agent_message_at: null,
              employee_seen_at: null,
              created_at: now,
              updated_at: now,
            })),
          )
          .execute();
        await trx
          .insertInto('messages')
          .values(
            conversations.flatMap((c, i) =>
              Array.from({ length: QUESTIONS_EACH }, (_, q) => ({
                id: randomUUID(),
                conversation_id: c.id,
                user_id: c.user,
                role: 'user' as const,
                content: `Question ${q} from ${c.user} about my leave balance`,
                escalated: 0,
                created_at: now - (start + i) * 1000 - q,
              })),
            ),
          )
          .execute();
      }
    });
    const app = await buildApp(config, { db });
    try {
      await app.ready();
      const get = (url: string) =>
        app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${ADMIN_KEY}` } });
      const time = async (url: string) => {
        const first = await get(url);
        if (first.statusCode !== 200) throw new Error(`${url} → ${first.statusCode} ${first.body}`);
        const samples: number[] = [];
        for (let i = 0; i < RUNS; i++) {
          const started = performance.now();
          await get(url);
          samples.push(performance.now() - started);
        }
        return percentile(
          samples.sort((a, b) => a - b),
          50,
        );
      };
      const rows = [
        {
          measure: `first page of ${EMPLOYEES.toLocaleString('en-US')} employees (ms, median)`,
          url: '/api/v1/users',
        },
        { measure: 'search "emp-1999" (ms, median)', url: '/api/v1/users?q=emp-1999' },
        { measure: 'page at skip=10,000 (ms, median)', url: '/api/v1/users?skip=10000&limit=20' },
      ];
      const measured = [];
      for (const row of rows) measured.push({ measure: row.measure, value: fmt(await time(row.url), 1) });
      process.stdout.write(`${table(measured)}\n`);
    } finally {
      await app.close();
    }
  } finally {
    await remove();
  }
}

await main();
