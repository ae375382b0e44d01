import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { describe } from 'vitest';

export type DatabaseKind = 'sqlite' | 'postgres';

export interface TestDatabase {
  kind: DatabaseKind;
  /** A DATABASE_URL for loadConfig. */
  url: string;
  cleanup(): Promise<void>;
}

const postgresUrl = process.env.TEST_DATABASE_URL;

/** Every storage test runs on SQLite, and again on PostgreSQL when TEST_DATABASE_URL is set. */
export const databaseKinds: DatabaseKind[] = postgresUrl ? ['sqlite', 'postgres'] : ['sqlite'];

let noticePrinted = false;
function printSkipNotice(): void {
  if (postgresUrl || noticePrinted) return;
  noticePrinted = true;
  process.stdout.write('NOTICE: TEST_DATABASE_URL is not set, PostgreSQL storage tests are skipped.\n');
}

export function tempDir(prefix = 'hr-test-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/**
 * A fresh, empty database: a SQLite file in a temp folder, or a new PostgreSQL schema selected through the
 * connection's search_path, so parallel test files and CI runs never see each other's rows.
 */
export async function createTestDatabase(kind: DatabaseKind): Promise<TestDatabase> {
  if (kind === 'sqlite') {
    const dir = tempDir();
    return {
      kind,
      url: `sqlite:${path.join(dir, 'test.db')}`,
      cleanup: async () => fs.rmSync(dir, { recursive: true, force: true }),
    };
  }
  if (!postgresUrl) throw new Error('TEST_DATABASE_URL is not set');
  const schema = `t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: postgresUrl });
  await admin.connect();
  await admin.query(`create schema ${schema}`);
  await admin.end();
  const url = new URL(postgresUrl);
  url.searchParams.set('options', `-c search_path=${schema}`);
  return {
    kind,
    url: url.toString(),
    cleanup: async () => {
      const client = new pg.Client({ connectionString: postgresUrl });
      await client.connect();
      await client.query(`drop schema if exists ${schema} cascade`);
      await client.end();
    },
  };
}

/** describe() once per configured database engine. */
export function describeEachDatabase(title: string, body: (kind: DatabaseKind) => void): void {
  printSkipNotice();
  for (const kind of databaseKinds) describe(`${title} [${kind}]`, () => body(kind));
}
