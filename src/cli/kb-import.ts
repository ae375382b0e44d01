import fs from 'node:fs';
import path from 'node:path';
import { systemClock } from '../clock.js';
import { ConfigError, loadConfig } from '../config.js';
import { createDb } from '../db/create-db.js';
import { migrateToLatest } from '../db/migrator.js';
import { AppError } from '../errors.js';
import { createOrchestrator } from '../modules/agents/orchestrator.js';
import { pipelineCategorySuggester } from '../modules/knowledge/category-suggester.js';
import { KnowledgeService } from '../modules/knowledge/knowledge.service.js';
import {
  type CategorySuggester,
  KnowledgeImportService,
} from '../modules/knowledge/knowledge-import.service.js';
import { KnowledgeIndex } from '../modules/knowledge/retrieval-index.js';

/**
 * `npm run kb:import -- <file> [--dry-run] [--unpublish-removed]`: imports a handbook (Markdown, HTML, DOCX,
 * PDF) or an article JSON file: new sections are added, changed ones updated (a new version each), unchanged
 * ones left alone; sections an earlier import of the same file had but this one lacks are listed, and
 * unpublished only with --unpublish-removed.
 * Running servers pick the changes up within seconds (they watch the table's version).
 */
async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const dryRun = args.includes('--dry-run');
  const unpublishRemoved = args.includes('--unpublish-removed');
  const file = args.find((a) => !a.startsWith('--'));
  if (!file)
    throw new Error(
      'Usage: npm run kb:import -- <handbook.docx|.pdf|.md|.html|articles.json> [--dry-run] [--unpublish-removed]',
    );
  const config = loadConfig();
  const content = fs.readFileSync(path.resolve(file));
  if (content.length > config.kbImportMaxBytes)
    throw new Error(`${file} is larger than KB_IMPORT_MAX_BYTES (${config.kbImportMaxBytes} bytes)`);
  const db = createDb(config.database, 1);
  try {
    await migrateToLatest(db);
    const knowledge = new KnowledgeService(db, systemClock, new KnowledgeIndex([]));
    // Trained only when a document needs categories suggested (a JSON file has its own).
    let suggest: CategorySuggester | undefined;
    const importer = new KnowledgeImportService(
      knowledge,
      async (text) => {
        suggest ??= pipelineCategorySuggester(createOrchestrator(await knowledge.all()).orchestrator);
        return suggest(text);
      },
      config.kbImportMaxBytes * 10,
    );
    const report = await importer.importFile(file, content, { dryRun, unpublishRemoved });
    for (const article of report.articles)
      process.stdout.write(`${article.action.padEnd(9)} ${article.category.padEnd(15)} ${article.title}\n`);
    for (const article of report.removed)
      process.stdout.write(`${`removed, ${article.action}`.padEnd(25)} ${article.title}\n`);
    for (const warning of report.warnings) process.stdout.write(`warning: ${warning}\n`);
    process.stdout.write(
      `${dryRun ? 'Would import' : 'Imported'} ${report.articles.length} articles from ${report.source}: ${report.created} created, ${report.updated} updated, ${report.unchanged} unchanged.\n`,
    );
  } finally {
    await db.destroy();
  }
}

main().catch((error: unknown) => {
  const message =
    error instanceof ConfigError || error instanceof AppError || error instanceof Error
      ? error.message
      : String(error);
  process.stderr.write(`${message}\n`);
  process.exit(1);
});
