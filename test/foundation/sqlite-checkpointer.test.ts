import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { createDb } from '../../src/db/create-db.js';
import { startSqliteCheckpointer } from '../../src/db/sqlite-checkpointer.js';
import { tempDir } from '../helpers/databases.js';

describe('SQLite checkpoints on a background thread', () => {
  it('the app connection leaves checkpoints to the thread, which folds committed pages into the file', async () => {
    const file = path.join(tempDir(), 'checkpoints.db');
    const db = createDb({ dialect: 'sqlite', file });
    try {
      const { rows } = await sql<{ wal_autocheckpoint: number }>`pragma wal_autocheckpoint`.execute(
        db.kysely,
      );
      expect(rows[0]?.wal_autocheckpoint).toBeGreaterThan(1000);

      await sql`create table notes (id integer primary key, body text)`.execute(db.kysely);
      for (let i = 0; i < 200; i++)
        await sql`insert into notes (body) values (${'x'.repeat(2000)})`.execute(db.kysely);
      expect(fs.statSync(`${file}-wal`).size).toBeGreaterThan(0);

      // A second checkpointer on the same file reports what the log holds and what is now in the database.
      const observer = startSqliteCheckpointer(file, 20);
      try {
        const report = await observer.nextCheckpoint();
        expect(report.log).toBeGreaterThan(0);
        expect(report.checkpointed).toBe(report.log);
      } finally {
        await observer.stop();
      }
      const { rows: count } = await sql<{ n: number }>`select count(*) as n from notes`.execute(db.kysely);
      expect(count[0]?.n).toBe(200);
    } finally {
      await db.destroy();
    }
  });

  it('stops its thread on destroy, twice without harm, and an in-memory database starts none', async () => {
    const checkpointer = startSqliteCheckpointer(path.join(tempDir(), 'stop.db'), 20);
    await checkpointer.stop();
    await checkpointer.stop();
    const memory = createDb({ dialect: 'sqlite', file: ':memory:' });
    const { rows } = await sql<{ wal_autocheckpoint: number }>`pragma wal_autocheckpoint`.execute(
      memory.kysely,
    );
    expect(rows[0]?.wal_autocheckpoint).toBe(1000);
    await memory.destroy();
  });
});
