import { type ChildProcess, spawn } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import { TEST_ADMIN_KEY } from '../helpers/app.js';
import { tempDir } from '../helpers/databases.js';

const root = path.resolve(import.meta.dirname, '../..');

export interface Child {
  child: ChildProcess;
  output(): string;
  /** Resolves with the exit code. */
  exited: Promise<number | null>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** Runs a TypeScript entry of the product (the server or the worker) as a real child process. */
export function spawnEntry(entry: string, env: Record<string, string>, args: string[] = []): Child {
  const child = spawn(process.execPath, ['--import', 'tsx', entry, ...args], {
    cwd: root,
    env: { PATH: process.env.PATH ?? '', ...env },
  });
  let output = '';
  child.stdout.on('data', (chunk) => {
    output += chunk;
  });
  child.stderr.on('data', (chunk) => {
    output += chunk;
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, output: () => output, exited };
}

/**
 * The environment of a server process that delivers webhooks itself (embedded worker) to receivers on
 * 127.0.0.1, as a development server must be allowed to, on the given database and a fresh data folder.
 */
export function deliveringServerEnv(databaseUrl: string): Record<string, string> {
  return {
    DATABASE_URL: databaseUrl,
    DATA_DIR: tempDir(),
    ADMIN_API_KEY: TEST_ADMIN_KEY,
    LOG_LEVEL: 'warn',
    RATE_LIMIT_PER_MINUTE: '0',
    WEBHOOK_ALLOW_PRIVATE_URLS: 'true',
    WORKER_EMBEDDED: 'true',
  };
}

/** Starts the server and waits (bounded) until it answers /health. */
export async function startServer(env: Record<string, string>): Promise<Child & { url: string }> {
  const port = await freePort();
  const started = spawnEntry('src/server.ts', { ...env, PORT: String(port), HOST: '127.0.0.1' });
  const url = `http://127.0.0.1:${port}`;
  // Bounded at 90 s: a first start seeds the knowledge base, and a shared CI machine can be slow.
  for (let i = 0; i < 900; i++) {
    if (started.child.exitCode !== null) throw new Error(`server exited: ${started.output()}`);
    try {
      if ((await fetch(`${url}/health`)).ok) return { ...started, url };
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  started.child.kill('SIGKILL');
  throw new Error(`server did not start: ${started.output()}`);
}

/** Waits (bounded by `timeoutMs`) until `check` returns true. */
export async function eventually(check: () => boolean | Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`condition not met within ${timeoutMs} ms`);
}
