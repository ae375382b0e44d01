import { fmt, type Row, ratio, table } from './lib/stats.js';
import { measureQueryWithWebhooks } from './query-http.js';
import { benchWebhooks } from './webhooks-bench.js';

/**
 * `npm run bench:webhooks`: the webhook rows of `npm run bench` alone, for work on the delivery path: the worker
 * next to a bare undici POST loop, event-to-receiver latency, then POST /api/v1/query with 0 and 5 webhooks
 * (embedded worker, SQLite) alternated over BENCH_ROUNDS rounds (default 2) of BENCH_SECONDS (default 5) each,
 * so each ratio compares neighbours on a shared machine. Prints a table; writes nothing.
 */
const seconds = Number(process.env.BENCH_SECONDS ?? 5);
const rounds = Number(process.env.BENCH_ROUNDS ?? 2);
const say = (message: string) => process.stderr.write(`… ${message}\n`);

say('webhook delivery (SQLite, worker in-process)');
const rows: Row[] = [...(await benchWebhooks()).rows];
for (let round = 1; round <= rounds; round++) {
  say(`POST /api/v1/query, 0 then 5 webhooks (round ${round} of ${rounds})`);
  const none = await measureQueryWithWebhooks(0, { seconds });
  const five = await measureQueryWithWebhooks(5, { seconds });
  rows.push(
    {
      measure: `Round ${round}: query throughput, 5 webhooks vs none`,
      value: `${fmt(five.rps, 0)} req/s`,
      reference: `${fmt(none.rps, 0)} req/s (0 webhooks)`,
      ratio: ratio(five.rps, none.rps),
      target: '≥ 70%',
    },
    { measure: `Round ${round}: p50, 5 webhooks / none`, value: `${five.p50} / ${none.p50} ms` },
    {
      measure: `Round ${round}: server RSS after load, 5 webhooks / none`,
      value: `${fmt(five.rssMb, 0)} / ${fmt(none.rssMb, 0)} MB`,
      target: '≤ 300 MB',
    },
  );
}
process.stdout.write(`\n${table(rows)}\n`);
process.exit(0);
