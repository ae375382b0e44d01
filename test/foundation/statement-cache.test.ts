import SQLite from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { describe, expect, it } from 'vitest';
import { withStatementCache } from '../../src/db/statement-cache.js';

describe('prepared statement cache for SQLite', () => {
  it('reuses a statement for the same SQL and evicts the least recently used beyond its capacity', () => {
    const database = new SQLite(':memory:');
    const cached = withStatementCache(database, 2);
    const a = cached.prepare('select 1');
    expect(cached.prepare('select 1')).toBe(a);
    const b = cached.prepare('select 2');
    cached.prepare('select 1'); // now "select 2" is the least recently used
    cached.prepare('select 3');
    expect(cached.prepare('select 1')).toBe(a);
    expect(cached.prepare('select 2')).not.toBe(b);
    database.close();
  });

  it('serves Kysely reads, writes and streamed reads with the same results as fresh statements', async () => {
    const database = new SQLite(':memory:');
    const db = new Kysely<{ t: { id: number; name: string } }>({
      dialect: new SqliteDialect({ database: withStatementCache(database) }),
    });
    await db.schema
      .createTable('t')
      .addColumn('id', 'integer', (c) => c.primaryKey())
      .addColumn('name', 'text')
      .execute();
    for (let i = 0; i < 5; i++)
      await db
        .insertInto('t')
        .values({ id: i, name: `n${i}` })
        .execute();
    const read = (id: number) => db.selectFrom('t').select('name').where('id', '=', id).executeTakeFirst();
    expect(await read(3)).toEqual({ name: 'n3' });
    expect(await read(4)).toEqual({ name: 'n4' });
    const streamed: string[] = [];
    for await (const row of db.selectFrom('t').select('name').orderBy('id').stream()) streamed.push(row.name);
    expect(streamed).toEqual(['n0', 'n1', 'n2', 'n3', 'n4']);
    // A statement used by a finished stream is usable again.
    expect(await db.selectFrom('t').select('name').orderBy('id').execute()).toHaveLength(5);
    await db.destroy();
  });
});
