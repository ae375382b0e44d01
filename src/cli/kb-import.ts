import path from 'node:path';
import { systemClock } from '../clock.js';
import { ConfigError, loadConfig } from '../config.js';
import { createDb } from '../db/create-db.js';
import { migrateToLatest } from '../db/migrator.js';
import { KnowledgeService } from '../modules/knowledge/knowledge.service.js';
import { KnowledgeIndex } from '../modules/knowledge/retrieval-index.js';
import { readArticleFile } from '../modules/knowledge/seed.js';

/**
 * `npm run kb:import -- <file.json>`: adds the file's articles and updates those whose title already exists.
 * Running servers pick the changes up within seconds (they watch the table's version).
 */
async function main(): Promise<void> {
  const file = process.argv[2];
  if (!file) throw new Error('Usage: npm run kb:import -- <articles.json>');
  const articles = readArticleFile(path.resolve(file));
  const config = loadConfig();
  const db = createDb(config.database, 1);
  try {
    await migrateToLatest(db);
    const knowledge = new KnowledgeService(db, systemClock, new KnowledgeIndex([]));
    const { created, updated } = await knowledge.import(articles);
    process.stdout.write(`Imported ${articles.length} articles: ${created} created, ${updated} updated.\n`);
  } finally {
    await db.destroy();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(
    `${error instanceof ConfigError ? error.message : error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exit(1);
});
