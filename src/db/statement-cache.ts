import type SQLite from 'better-sqlite3';
import type { SqliteDatabase, SqliteStatement } from 'kysely';

/** Enough for every distinct statement the app issues; `IN (?, ?, …)` lists of many lengths are what evicts. */
const DEFAULT_CAPACITY = 512;

/**
 * Kysely's SQLite driver prepares every query afresh, and compiling SQL is a large share of a small query's
 * cost in better-sqlite3. This wrapper keeps the most recently used prepared statements by their SQL text
 * (least recently used evicted first). Reuse is safe: Kysely runs one query at a time on its single SQLite
 * connection, and a streamed query holds that connection until its iterator is done.
 */
export function withStatementCache(database: SQLite.Database, capacity = DEFAULT_CAPACITY): SqliteDatabase {
  const statements = new Map<string, SqliteStatement>();
  return {
    close: () => database.close(),
    prepare(sql: string): SqliteStatement {
      let statement = statements.get(sql);
      if (statement) {
        // Re-inserting moves it to the newest end of the Map's insertion order.
        statements.delete(sql);
      } else {
        statement = database.prepare(sql);
        if (statements.size >= capacity) statements.delete(statements.keys().next().value as string);
      }
      statements.set(sql, statement);
      return statement;
    },
  };
}
