import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import { tempDir } from '../helpers/databases.js';

/**
 * What a newcomer does to start over: delete the runtime folder. With the default DATA_DIR (./var) that removes
 * the database and the generated key only, and the next start works (the shipped knowledge base and training
 * files are elsewhere).
 */
describe('resetting an installation', () => {
  const cwd = tempDir();
  afterAll(() => fs.rmSync(cwd, { recursive: true, force: true }));

  async function startAskStop(): Promise<void> {
    const app = await buildApp(loadConfig({ LOG_LEVEL: 'silent', WORKER_EMBEDDED: 'false' }, cwd));
    try {
      await app.ready();
      const res = await app.inject({
        method: 'POST',
        url: '/api/v1/query',
        payload: { message: 'How many vacation days do I get?' },
      });
      expect(res.statusCode).toBe(200);
      expect(res.json().metadata.kb_results.length).toBeGreaterThan(0);
    } finally {
      await app.close();
    }
  }

  it('keeps state in ./var, and starts again after ./var is deleted', async () => {
    await startAskStop();
    const runtime = path.join(cwd, 'var');
    expect(fs.readdirSync(runtime).sort()).toEqual(
      expect.arrayContaining(['admin-api-key', 'hr-platform.db']),
    );
    fs.rmSync(runtime, { recursive: true });
    await startAskStop();
    expect(fs.existsSync(path.join(runtime, 'hr-platform.db'))).toBe(true);
  }, 120_000);
});
