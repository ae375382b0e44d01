import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { benchAnalytics } from './analytics-bench.js';
import { benchKnowledgeBase } from './kb-import-bench.js';
import { benchPostgresUrl, scratchSchema } from './lib/postgres.js';
import { root } from './lib/processes.js';
import { fmt, type Row, ratio, table } from './lib/stats.js';
import { measurePipelineLatency } from './pipeline-latency.js';
import { measureEcho, measureQueryWithWebhooks, type QueryLoad } from './query-http.js';
import { benchWorkers } from './scale-bench.js';
import { measureStartup } from './startup.js';
import { benchWebhooks } from './webhooks-bench.js';

/**
 * `npm run bench`: every benchmark of the product in one run on one machine, each figure next to the reference
 * measured in the same run, printed as one table and written to docs/benchmarks.md.
 * BENCH_SECONDS shortens or lengthens each load phase (default 8 s).
 */
const seconds = Number(process.env.BENCH_SECONDS ?? 8);
const NOTES_MARKER = '<!-- notes: kept by npm run bench -->';
const rows: Row[] = [];
const section = (title: string) => rows.push({ measure: `**${title}**`, value: '' });
const say = (message: string) => process.stderr.write(`… ${message}\n`);

async function withPostgres<T>(run: (url: string) => Promise<T>): Promise<T | undefined> {
  if (!benchPostgresUrl) return undefined;
  const schema = await scratchSchema(benchPostgresUrl);
  try {
    return await run(schema.url);
  } finally {
    await schema.drop();
  }
}

say('pipeline latency (in-process)');
const pipeline = await measurePipelineLatency();
section('Answering pipeline, in-process');
rows.push({ measure: 'Pipeline latency p50', value: `${fmt(pipeline.p50Ms, 3)} ms`, target: '≤ 0.5 ms' });
rows.push({ measure: 'Pipeline latency p99', value: `${fmt(pipeline.p99Ms, 3)} ms`, target: '≤ 2 ms' });

section('Knowledge base at handbook scale');
rows.push(...(await benchKnowledgeBase(say)));

say('start-up of the server as `npm start` runs it (SQLite)');
const startup = await measureStartup();
section('Server start-up (npm start, SQLite, fresh database)');
rows.push({
  measure: 'Start to healthy',
  value: `${fmt(startup.healthySeconds, 2)} s (${fmt(startup.cpuSeconds, 2)} s of CPU)`,
  target: '≤ 2 s',
});
rows.push({
  measure: 'Resident memory when idle',
  value: `${fmt(startup.idleRssMb, 0)} MB`,
  target: '≤ 150 MB',
});

say('bare Fastify echo route (reference)');
const echo = await measureEcho(seconds);
const echoRef = `${fmt(echo.rps, 0)} req/s (echo)`;

say('POST /api/v1/query on SQLite, no webhooks');
const sqlite0 = await measureQueryWithWebhooks(0, { seconds });
say('POST /api/v1/query on SQLite, 5 webhooks');
const sqlite5 = await measureQueryWithWebhooks(5, { seconds });
section('POST /api/v1/query, 10 concurrent clients');
const queryRows = (label: string, load: QueryLoad) => {
  rows.push({
    measure: `${label}: throughput`,
    value: `${fmt(load.rps, 0)} req/s`,
    reference: echoRef,
    ratio: ratio(load.rps, echo.rps),
    target: label.includes('5 webhooks') ? '' : '≥ 30% of echo',
  });
  rows.push({ measure: `${label}: p50 / p99`, value: `${load.p50} / ${load.p99} ms`, target: 'p99 ≤ 25 ms' });
  rows.push({
    measure: `${label}: server RSS after load`,
    value: `${fmt(load.rssMb, 0)} MB`,
    target: '≤ 300 MB',
  });
};
/** One engine's rows: without webhooks, with 5, and what the 5 webhooks cost. */
const engineRows = (engine: string, none: QueryLoad, five: QueryLoad) => {
  queryRows(`${engine}, 0 webhooks`, none);
  queryRows(`${engine}, 5 webhooks`, five);
  rows.push({
    measure: `${engine}: 5 webhooks vs none`,
    value: `${fmt(five.rps, 0)} req/s`,
    reference: `${fmt(none.rps, 0)} req/s (0 webhooks)`,
    ratio: ratio(five.rps, none.rps),
    target: '≥ 85%',
  });
};
engineRows('SQLite', sqlite0, sqlite5);

if (benchPostgresUrl) say('POST /api/v1/query on PostgreSQL, no webhooks, then 5 webhooks');
const pg0 = await withPostgres((url) => measureQueryWithWebhooks(0, { databaseUrl: url, seconds }));
const pg5 = await withPostgres((url) => measureQueryWithWebhooks(5, { databaseUrl: url, seconds }));
if (pg0 && pg5) engineRows('PostgreSQL', pg0, pg5);

say('webhook delivery (SQLite, embedded worker)');
section('Webhook delivery');
const webhooks = await benchWebhooks();
rows.push(...webhooks.rows);

const workers = await withPostgres((url) => {
  say('webhook delivery with 1 and 3 worker processes on PostgreSQL');
  return benchWorkers(url);
});
if (workers) rows.push(...workers.rows);

say('analytics summary over 100,000 conversations (SQLite)');
section('Analytics');
const analytics = await benchAnalytics();
rows.push(...analytics.rows);

const machine = `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'CPU'}, ${fmt(os.totalmem() / 2 ** 30, 0)} GiB, Node ${process.version}`;
const output = table(rows);
process.stdout.write(`\n${output}\n`);
if (!benchPostgresUrl)
  process.stdout.write('\nPostgreSQL rows skipped: set BENCH_DATABASE_URL or TEST_DATABASE_URL.\n');

const report = `# Benchmarks

Generated by \`npm run bench\` on ${new Date().toISOString().slice(0, 10)} — ${machine}.
One run, one machine: absolute figures vary between machines and with other load on a shared host, so compare
the **ratios**, each taken against a reference measured in the same run (a bare Fastify echo route for HTTP
throughput, a bare undici POST loop for webhook delivery, the same server without webhooks for the webhook
overhead). Load: 10 concurrent clients for ${seconds} s per phase after a 2 s warm-up (autocannon), servers in
their own processes.

${output}
`;
// Hand-written notes after the marker (measurements of single changes, with their commands) survive a rerun.
const reportPath = path.join(root, 'docs', 'benchmarks.md');
const previous = fs.existsSync(reportPath) ? fs.readFileSync(reportPath, 'utf8') : '';
const notesAt = previous.indexOf(NOTES_MARKER);
fs.writeFileSync(reportPath, notesAt < 0 ? report : `${report}\n${previous.slice(notesAt)}`);
process.stdout.write('\nWritten to docs/benchmarks.md\n');
