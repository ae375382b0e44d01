import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import { createDb } from '../../src/db/create-db.js';
import { TEST_ADMIN_KEY } from '../helpers/app.js';
import { tempDir } from '../helpers/databases.js';

const root = path.resolve(import.meta.dirname, '../..');

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the real server entry with the given environment until it exits or `until` sees what it waits for. */
function runServer(env: Record<string, string>, until?: (output: string) => boolean, timeoutMs = 60_000) {
  return new Promise<Run>((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
      cwd: root,
      env: { PATH: process.env.PATH ?? '', ...env },
    });
    let stdout = '';
    let stderr = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`server did not finish in time:\n${stdout}\n${stderr}`));
    }, timeoutMs);
    const check = () => {
      if (until?.(stdout)) child.kill('SIGTERM');
    };
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
      check();
    });
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

describe('server process', () => {
  it.each([
    [{ PORT: 'abc' }, 'PORT'],
    [{ DATABASE_URL: 'mysql://x' }, 'DATABASE_URL'],
  ])('exits non-zero on bad configuration %o with a one-line message', async (env, variable) => {
    const run = await runServer({ ...env, DATA_DIR: tempDir() });
    expect(run.code).not.toBe(0);
    const lines = run.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(variable);
  });

  // Two real start-ups (the first one seeds the knowledge base): a generous timeout, since CI machines are shared.
  it('starts with no variables but DATA_DIR, creates the SQLite file and a private admin key, and stops on SIGTERM', async () => {
    const dataDir = tempDir();
    const run = await runServer({ DATA_DIR: dataDir, PORT: '0' }, (out) => out.includes('API docs at'));
    expect(run.code).toBe(0);
    expect(fs.existsSync(path.join(dataDir, 'hr-platform.db'))).toBe(true);
    const keyFile = path.join(dataDir, 'admin-api-key');
    const key = fs.readFileSync(keyFile, 'utf8').trim();
    expect(key.length).toBeGreaterThanOrEqual(32);
    expect(fs.statSync(keyFile).mode & 0o777).toBe(0o600);
    expect(run.stdout).toContain(key);
    expect(run.stdout).toContain(keyFile);

    // A second start reuses the key and does not print it again.
    const again = await runServer({ DATA_DIR: dataDir, PORT: '0' }, (out) => out.includes('API docs at'));
    expect(again.code).toBe(0);
    expect(fs.readFileSync(keyFile, 'utf8').trim()).toBe(key);
    expect(again.stdout).not.toContain(key);
  }, 150_000);
});

describe('health when the database is gone', () => {
  it('answers 503 unhealthy', async () => {
    const dir = tempDir();
    const config = loadConfig({
      DATABASE_URL: `sqlite:${path.join(dir, 'x.db')}`,
      DATA_DIR: dir,
      ADMIN_API_KEY: TEST_ADMIN_KEY,
      LOG_LEVEL: 'silent',
    });
    const db = createDb(config.database);
    const app = await buildApp(config, { db });
    await db.destroy();
    const res = await app.inject({ method: 'GET', url: '/api/v1/health' });
    expect(res.statusCode).toBe(503);
    expect(res.json().status).toBe('unhealthy');
    await app.close();
  });
});
