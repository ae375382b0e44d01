import { execFile, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/databases.js';

/**
 * `npm run build` output runs under plain Node, as in the Docker image: compiled into a scratch folder laid out
 * like the image (/app/dist next to package.json, data/ and node_modules), so the work tree's dist/ is untouched.
 */

const root = path.resolve(import.meta.dirname, '../..');
const image = tempDir('hr-build-');
const run = promisify(execFile);

afterAll(() => fs.rmSync(image, { recursive: true, force: true }));

/** Starts a compiled entry and resolves with the first match of `ready` in its output. */
function startBuilt(
  entry: string,
  ready: RegExp,
  env: Record<string, string>,
): Promise<{ url: string; stop(): Promise<number | null> }> {
  return new Promise((resolve, reject) => {
    // The image's command line: node with the V8 flags of the Dockerfile's CMD.
    const child = spawn(process.execPath, ['--max-semi-space-size=2', '--expose-gc', entry], {
      cwd: image,
      env: { PATH: process.env.PATH ?? '', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${entry} did not start:\n${output}`));
    }, 30_000);
    const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
    child.stderr.on('data', (chunk) => {
      output += chunk;
    });
    child.stdout.on('data', (chunk) => {
      output += chunk;
      const match = ready.exec(output);
      if (!match) return;
      clearTimeout(timer);
      resolve({
        url: match[1] as string,
        stop: async () => {
          child.kill('SIGTERM');
          return exited;
        },
      });
    });
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`${entry} exited with ${code}:\n${output}`));
    });
  });
}

describe('production build', () => {
  it('compiles src/ with tsconfig.build.json; the compiled server reports healthy and the compiled worker starts and stops', async () => {
    // Exactly what the Dockerfile copies next to dist/, nothing more.
    for (const copied of [
      'package.json',
      'node_modules',
      'data/kb',
      'data/training',
      'data/models',
      'src/web/public',
    ]) {
      fs.mkdirSync(path.dirname(path.join(image, copied)), { recursive: true });
      fs.symlinkSync(path.join(root, copied), path.join(image, copied));
    }
    const tsc = path.join(root, 'node_modules/.bin/tsc');
    await run(tsc, ['-p', path.join(root, 'tsconfig.build.json'), '--outDir', path.join(image, 'dist')], {
      cwd: root,
    });
    for (const entry of ['server.js', 'cli/worker.js', 'cli/migrate.js'])
      expect(fs.existsSync(path.join(image, 'dist', entry)), entry).toBe(true);

    const dataDir = tempDir();
    const server = await startBuilt('dist/server.js', /Server listening at (http:\/\/[^"\s]+)/, {
      PORT: '0',
      DATA_DIR: dataDir,
      ADMIN_API_KEY: 'build-test-admin-key-0123456789',
      LOG_LEVEL: 'info',
    });
    const health = await fetch(`${server.url}/api/v1/health`);
    expect(health.status).toBe(200);
    expect(((await health.json()) as { status: string }).status).toBe('healthy');
    // The knowledge base was seeded from data/kb, found relative to the compiled module.
    const answer = await fetch(`${server.url}/api/v1/query`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ message: 'How many vacation days do I get?', user_id: 'build-test' }),
    });
    expect(answer.status).toBe(200);
    const body = (await answer.json()) as { metadata: { kb_results: unknown[] } };
    expect(body.metadata.kb_results.length).toBeGreaterThan(0);
    expect(await server.stop()).toBe(0);

    // The same build runs the delivery worker on the database the server created.
    const worker = await startBuilt('dist/cli/worker.js', /"worker":"([^"]+)"/, {
      DATA_DIR: dataDir,
      LOG_LEVEL: 'info',
    });
    expect(await worker.stop()).toBe(0);
  }, 120_000);
});
