import { ConfigError, loadConfig } from '../config.js';
import { createDb } from '../db/create-db.js';
import { migrateDown, migrateToLatest } from '../db/migrator.js';

/** `npm run db:migrate` applies pending migrations; `npm run db:migrate -- down` reverts the latest one. */
async function main(): Promise<void> {
  const config = loadConfig();
  const db = createDb(config.database, 1);
  try {
    const direction = process.argv[2] === 'down' ? 'down' : 'up';
    const applied = direction === 'down' ? await migrateDown(db) : await migrateToLatest(db);
    const verb = direction === 'down' ? 'Reverted' : 'Applied';
    process.stdout.write(applied.length ? `${verb}: ${applied.join(', ')}\n` : 'Database is up to date.\n');
  } finally {
    await db.destroy();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(
    `${error instanceof ConfigError ? error.message : `Migration failed: ${String(error)}`}\n`,
  );
  process.exit(1);
});
