import { type MigrationResultSet, Migrator, sql } from 'kysely';
import type { Db } from './create-db.js';
import { migrations } from './migrations/index.js';

async function migratorFor(db: Db): Promise<Migrator> {
  // Kysely looks for its bookkeeping tables in every schema it can see; on PostgreSQL name the current one so
  // databases holding several schemas (one per tenant or test run) each keep their own migration state.
  let migrationTableSchema: string | undefined;
  if (db.dialect === 'postgres') {
    const { rows } = await sql<{ schema: string }>`select current_schema() as schema`.execute(db.kysely);
    migrationTableSchema = rows[0]?.schema;
  }
  return new Migrator({
    db: db.kysely,
    provider: { getMigrations: async () => migrations },
    migrationTableSchema,
  });
}

function unwrap({ error, results }: MigrationResultSet): string[] {
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName;
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`Migration ${failed ?? '(unknown)'} failed: ${reason}`);
  }
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

/** Applies every pending migration; returns the names applied. Throws when one fails. */
export async function migrateToLatest(db: Db): Promise<string[]> {
  return unwrap(await (await migratorFor(db)).migrateToLatest());
}

/** Reverts the most recent migration (used by `npm run db:migrate -- down`). */
export async function migrateDown(db: Db): Promise<string[]> {
  return unwrap(await (await migratorFor(db)).migrateDown());
}
