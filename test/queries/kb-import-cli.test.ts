import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { expect, it } from 'vitest';
import { createDb } from '../../src/db/create-db.js';
import { createTestDatabase, describeEachDatabase, tempDir } from '../helpers/databases.js';

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, '../..');

function importFile(file: string, databaseUrl: string) {
  return run(process.execPath, ['--import', 'tsx', 'src/cli/kb-import.ts', file], {
    cwd: root,
    env: { PATH: process.env.PATH ?? '', DATABASE_URL: databaseUrl, DATA_DIR: tempDir() },
  });
}

describeEachDatabase('npm run kb:import', (kind) => {
  // Three real CLI runs (tsx start-up each): a generous timeout, since CI machines are shared.
  it('imports a file, updates by title on a second run, and rejects a malformed file without writing', async () => {
    const database = await createTestDatabase(kind);
    const dir = tempDir();
    const good = path.join(dir, 'articles.json');
    const article = {
      title: 'Quiet rooms',
      content: 'Each office has a quiet room.',
      category: 'Policy',
      tags: ['rooms'],
    };
    fs.writeFileSync(good, JSON.stringify([article]));
    try {
      const first = await importFile(good, database.url);
      expect(first.stdout).toContain('1 created, 0 updated');
      fs.writeFileSync(good, JSON.stringify([{ ...article, content: 'Each office has two quiet rooms.' }]));
      const second = await importFile(good, database.url);
      expect(second.stdout).toContain('0 created, 1 updated');

      const bad = path.join(dir, 'bad.json');
      fs.writeFileSync(bad, JSON.stringify([{ title: 'No category', content: 'x' }]));
      const failed = await importFile(bad, database.url).catch(
        (error: { code: number; stderr: string }) => error,
      );
      expect((failed as { code: number }).code).not.toBe(0);
      expect((failed as { stderr: string }).stderr).toMatch(/Invalid article file/);

      const db = createDb(
        database.url.startsWith('sqlite:')
          ? { dialect: 'sqlite', file: database.url.slice('sqlite:'.length) }
          : { dialect: 'postgres', url: database.url },
      );
      const rows = await db.kysely.selectFrom('kb_articles').select(['title', 'content']).execute();
      await db.destroy();
      expect(rows).toEqual([{ title: 'Quiet rooms', content: 'Each office has two quiet rooms.' }]);
    } finally {
      await database.cleanup();
    }
  }, 120_000);
});
