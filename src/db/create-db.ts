import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect, sql } from 'kysely';
import type PgModule from 'pg';
import type { DatabaseConfig } from '../config.js';
import type { Database } from './schema.js';
import { startSqliteCheckpointer } from './sqlite-checkpointer.js';
import { withStatementCache } from './statement-cache.js';

/** 40 MB of log (SQLite's default is 1,000 pages): reached only if the checkpointer thread falls behind. */
const BACKSTOP_CHECKPOINT_PAGES = 10_000;

export type Dialect = DatabaseConfig['dialect'];

export interface Db {
  kysely: Kysely<Database>;
  dialect: Dialect;
  destroy(): Promise<void>;
}

let pgModule: typeof PgModule | undefined;

/**
 * The PostgreSQL driver, loaded the first time a PostgreSQL database is opened: a SQLite deployment never pays
 * for its code at start-up or in memory.
 */
function loadPg(): typeof PgModule {
  if (pgModule) return pgModule;
  const pg = createRequire(import.meta.url)('pg') as typeof PgModule;
  // PostgreSQL returns BIGINT (our epoch-millisecond timestamps and counts) as strings to avoid precision loss;
  // every value we store fits in a double, so parse them to numbers once here rather than in every repository.
  pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number.parseInt(value, 10));
  pg.types.setTypeParser(pg.types.builtins.NUMERIC, (value) => Number.parseFloat(value));
  pgModule = pg;
  return pg;
}

/**
 * The database holds every conversation and webhook secret, so it is readable by its owner only: the file is
 * created (or tightened) to 0600 before SQLite opens it, and SQLite gives its -wal and -shm files the main file's
 * mode. A directory made here is 0700; an existing one is left as it is (it may be shared, like /tmp).
 */
export function preparePrivateFile(file: string): void {
  const dir = path.dirname(file);
  if (!fs.existsSync(dir)) fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  fs.closeSync(fs.openSync(file, 'a', 0o600));
  for (const own of [file, `${file}-wal`, `${file}-shm`]) {
    if (fs.existsSync(own)) fs.chmodSync(own, 0o600);
  }
}

/** The dialect switch: the only place that knows which engine is underneath. */
export function createDb(config: DatabaseConfig, poolSize = 10): Db {
  if (config.dialect === 'postgres') {
    const pool = new (loadPg().Pool)({ connectionString: config.url, max: poolSize });
    // An idle client losing its connection must not crash the process; the next query reconnects.
    pool.on('error', () => {});
    const kysely = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    return { kysely, dialect: 'postgres', destroy: () => kysely.destroy() };
  }
  if (config.file !== ':memory:') preparePrivateFile(config.file);
  const database = new SQLite(config.file);
  database.pragma('journal_mode = WAL');
  database.pragma('synchronous = NORMAL');
  database.pragma('busy_timeout = 5000');
  database.pragma('foreign_keys = ON');
  // SQLite's advice for long-lived connections: gather planner statistics where they are missing or stale,
  // which lets the analytics queries pick their covering indexes.
  database.pragma('optimize = 0x10002');
  const checkpointer = config.file === ':memory:' ? undefined : startSqliteCheckpointer(config.file);
  // Checkpoints run on the checkpointer's thread; the commit path only steps in if the log grows this large.
  if (checkpointer) database.pragma(`wal_autocheckpoint = ${BACKSTOP_CHECKPOINT_PAGES}`);
  const kysely = new Kysely<Database>({
    dialect: new SqliteDialect({ database: withStatementCache(database) }),
  });
  return {
    kysely,
    dialect: 'sqlite',
    destroy: async () => {
      await checkpointer?.stop();
      await kysely.destroy();
    },
  };
}

/** Whether the database answers a trivial query (the readiness probe); never throws. */
export async function databaseReachable(db: Db): Promise<boolean> {
  try {
    await sql`select 1`.execute(db.kysely);
    return true;
  } catch {
    return false;
  }
}
