import type { FastifyInstance } from 'fastify';
import { type BuildOptions, buildApp } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import { createDb, type Db } from '../../src/db/create-db.js';
import { createTestDatabase, type DatabaseKind, type TestDatabase, tempDir } from './databases.js';

export const TEST_ADMIN_KEY = 'test-admin-key-0123456789abcdef';
export const adminHeaders = { authorization: `Bearer ${TEST_ADMIN_KEY}` };

export interface TestApp {
  app: FastifyInstance;
  database: TestDatabase;
  /** The same database the app uses, for assertions on stored rows. */
  db: Db;
  env: Record<string, string>;
  close(): Promise<void>;
}

/**
 * The real application on a fresh real database. Defaults suit tests: no rate limit, loopback webhook URLs
 * allowed, quiet logs, no embedded delivery worker unless asked for (tests that deliver start it).
 */
export async function createTestApp(
  kind: DatabaseKind = 'sqlite',
  env: Record<string, string> = {},
  options: BuildOptions = {},
): Promise<TestApp> {
  const database = await createTestDatabase(kind);
  const fullEnv = {
    DATABASE_URL: database.url,
    DATA_DIR: tempDir(),
    ADMIN_API_KEY: TEST_ADMIN_KEY,
    LOG_LEVEL: 'silent',
    RATE_LIMIT_PER_MINUTE: '0',
    WEBHOOK_ALLOW_PRIVATE_URLS: 'true',
    WORKER_EMBEDDED: 'false',
    ...env,
  };
  const config = loadConfig(fullEnv);
  const db = options.db ?? createDb(config.database, 4);
  const app = await buildApp(config, { ...options, db });
  await app.ready();
  return {
    app,
    database,
    db,
    env: fullEnv,
    close: async () => {
      await app.close();
      await db.destroy();
      await database.cleanup();
    },
  };
}
