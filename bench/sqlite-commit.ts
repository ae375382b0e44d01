/**
 * Commit latency on SQLite with the log checkpointed inside commits (SQLite's default, every 1,000 pages)
 * versus on the background checkpointer thread the app uses (src/db/sqlite-checkpointer.ts). Each commit
 * writes three indexed rows, about one answered question's worth; commits come in bursts of ten with a pause,
 * like a busy API. Rounds alternate so both modes see the same machine. `npx tsx bench/sqlite-commit.ts`
 */
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { startSqliteCheckpointer } from '../src/db/sqlite-checkpointer.js';

const COMMITS = 6_000;
const ROUNDS = 2;

async function measure(mode: 'in commits' | 'background thread') {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hr-commit-'));
  const file = path.join(dir, 'commit.db');
  const db = new SQLite(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma(`wal_autocheckpoint = ${mode === 'in commits' ? 1_000 : 10_000}`);
  const checkpointer = mode === 'background thread' ? startSqliteCheckpointer(file) : undefined;
  db.exec(
    'create table m (id text primary key, conversation text, author text, role text, at integer, body text)',
  );
  for (const columns of ['conversation, at', 'author, role, at', 'at', 'role, at'])
    db.exec(`create index m_${columns.replace(/\W+/g, '_')} on m (${columns})`);
  const insert = db.prepare('insert into m values (?, ?, ?, ?, ?, ?)');
  const commit = db.transaction((i: number) => {
    for (let k = 0; k < 3; k++)
      insert.run(randomUUID(), randomUUID(), `employee-${i % 500}`, 'user', Date.now(), 'x'.repeat(400));
  });
  const times: number[] = [];
  for (let i = 0; i < COMMITS; i++) {
    const started = performance.now();
    commit(i);
    times.push(performance.now() - started);
    if (i % 10 === 9) await new Promise((resolve) => setTimeout(resolve, 5));
  }
  await checkpointer?.stop();
  db.close();
  fs.rmSync(dir, { recursive: true, force: true });
  times.sort((a, b) => a - b);
  const at = (p: number) => times[Math.min(times.length - 1, Math.floor(p * times.length))]!;
  return {
    mean: times.reduce((sum, t) => sum + t, 0) / times.length,
    p50: at(0.5),
    p99: at(0.99),
    max: at(1),
  };
}

const rows: Record<string, Record<string, string>> = {};
for (let round = 1; round <= ROUNDS; round++)
  for (const mode of ['in commits', 'background thread'] as const) {
    const r = await measure(mode);
    rows[`checkpoints ${mode}, round ${round}`] = {
      mean: `${(r.mean * 1000).toFixed(0)} µs`,
      p50: `${(r.p50 * 1000).toFixed(0)} µs`,
      p99: `${(r.p99 * 1000).toFixed(0)} µs`,
      max: `${r.max.toFixed(1)} ms`,
    };
  }
console.log(`\nSQLite commit of 3 indexed rows, ${COMMITS} commits per round\n`);
console.table(rows);
