import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type LoadResult, postLoad, queryBody } from './lib/load.js';
import { rssMb, startProcess, startServer } from './lib/processes.js';
import { registerWebhooks, startReceiver } from './lib/receiver.js';

export const BENCH_ADMIN_KEY = 'bench-admin-key-0123456789';

export interface QueryLoad extends LoadResult {
  rssMb: number;
}

/** The bare Fastify echo route: the reference every query-throughput ratio is taken against. */
export async function measureEcho(seconds = 8): Promise<LoadResult> {
  const server = await startProcess('bench/servers/echo-server.ts', {});
  try {
    await postLoad(`${server.url}/echo`, queryBody, { seconds: 2 }); // warm-up
    return await postLoad(`${server.url}/echo`, queryBody, { seconds });
  } finally {
    await server.stop();
  }
}

/**
 * POST /api/v1/query against the real server in its own process at 10 concurrent clients.
 * `prepare` runs against the started server before the measurement (e.g. to register webhooks).
 */
export async function measureQuery(
  options: {
    databaseUrl?: string;
    env?: Record<string, string>;
    seconds?: number;
    prepare?: (url: string) => Promise<void>;
  } = {},
): Promise<QueryLoad> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hr-bench-'));
  const server = await startServer({
    DATA_DIR: dataDir,
    DATABASE_URL: options.databaseUrl ?? `sqlite:${path.join(dataDir, 'bench.db')}`,
    ADMIN_API_KEY: BENCH_ADMIN_KEY,
    LOG_LEVEL: 'warn',
    RATE_LIMIT_PER_MINUTE: '0',
    WEBHOOK_ALLOW_PRIVATE_URLS: 'true',
    ...options.env,
  });
  try {
    await options.prepare?.(server.url);
    const url = `${server.url}/api/v1/query`;
    await postLoad(url, queryBody, { seconds: 2 });
    const result = await postLoad(url, queryBody, { seconds: options.seconds ?? 8 });
    return { ...result, rssMb: await rssMb(server.child.pid) };
  } finally {
    await server.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

/** POST /api/v1/query with `webhooks` active webhooks delivering to a local receiver (0 = none). */
export async function measureQueryWithWebhooks(
  webhooks: number,
  options: { databaseUrl?: string; seconds?: number } = {},
): Promise<QueryLoad & { delivered: number }> {
  const receiver = await startReceiver();
  try {
    const result = await measureQuery({
      ...options,
      prepare: (url) => registerWebhooks(url, BENCH_ADMIN_KEY, receiver.url, webhooks),
    });
    return { ...result, delivered: receiver.received };
  } finally {
    await receiver.close();
  }
}
