import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type Config, loadConfig } from '../../src/config.js';
import { createDb, type Db } from '../../src/db/create-db.js';
import { migrateToLatest } from '../../src/db/migrator.js';

export interface BenchDatabase {
  config: Config;
  db: Db;
  /** Closes the database and deletes its folder. */
  remove(): Promise<void>;
}

/**
 * A migrated SQLite file in a fresh temporary folder, with the settings a bench server needs (no rate limit, no
 * embedded worker, silent logs), so a bench can seed it directly and then start the app on it.
 */
export async function openBenchDatabase(prefix: string, adminKey: string): Promise<BenchDatabase> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  const config = loadConfig({
    DATABASE_URL: `sqlite:${path.join(dir, 'bench.db')}`,
    DATA_DIR: dir,
    ADMIN_API_KEY: adminKey,
    LOG_LEVEL: 'silent',
    RATE_LIMIT_PER_MINUTE: '0',
    WORKER_EMBEDDED: 'false',
  });
  const db = createDb(config.database);
  await migrateToLatest(db);
  return {
    config,
    db,
    remove: async () => {
      await db.destroy();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
