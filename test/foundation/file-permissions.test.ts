import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import { tempDir } from '../helpers/databases.js';

/**
 * The SQLite files hold every conversation and webhook secret: they are created readable by their owner only
 * (0600), in a directory only the owner can list (0700). Checked on the real files after real writes.
 */

const mode = (file: string) => fs.statSync(file).mode & 0o777;

describe('runtime files are private to their owner', () => {
  const roots: string[] = [];
  afterEach(() => {
    for (const root of roots.splice(0)) fs.rmSync(root, { recursive: true, force: true });
  });

  async function startAndWrite(dataDir: string) {
    const app = await buildApp(
      loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'silent', WORKER_EMBEDDED: 'false' }),
    );
    await app.ready();
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/query',
      payload: { message: 'How many vacation days do I get?' },
    });
    expect(res.statusCode).toBe(200);
    return app;
  }

  it('creates the database, its -wal and -shm files 0600 and the data directory 0700', async () => {
    const root = tempDir();
    roots.push(root);
    const dataDir = path.join(root, 'state', 'nested');
    const app = await startAndWrite(dataDir);
    try {
      const db = path.join(dataDir, 'hr-platform.db');
      for (const file of [db, `${db}-wal`, `${db}-shm`, path.join(dataDir, 'admin-api-key')]) {
        expect(fs.existsSync(file), file).toBe(true);
        expect(mode(file).toString(8), file).toBe('600');
      }
      expect(mode(dataDir).toString(8)).toBe('700');
    } finally {
      await app.close();
    }
  });

  it('tightens an existing world-readable database file', async () => {
    const root = tempDir();
    roots.push(root);
    const db = path.join(root, 'hr-platform.db');
    fs.writeFileSync(db, '');
    fs.chmodSync(db, 0o644);
    const app = await startAndWrite(root);
    try {
      for (const file of [db, `${db}-wal`, `${db}-shm`]) expect(mode(file).toString(8), file).toBe('600');
    } finally {
      await app.close();
    }
  });
});
