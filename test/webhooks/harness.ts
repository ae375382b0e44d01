import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { buildApp } from '../../src/app.js';
import { ManualClock } from '../../src/clock.js';
import { loadConfig } from '../../src/config.js';
import { createDb, type Db } from '../../src/db/create-db.js';
import { createUndiciSender, type WebhookSender } from '../../src/modules/webhooks/sender.js';
import { DeliveryWorker, type WorkerOptions } from '../../src/modules/webhooks/worker.js';
import { adminHeaders, TEST_ADMIN_KEY } from '../helpers/app.js';
import { createTestDatabase, type DatabaseKind, type TestDatabase, tempDir } from '../helpers/databases.js';
import { Receiver } from './receiver.js';

export const quietLog = {
  error: (obj: unknown, msg?: string) => console.error(msg, obj),
  info: () => {},
  warn: () => {},
};

/**
 * The real app on a fresh database with a hand-moved clock, plus delivery workers the test drives itself
 * (runOnce) so retry timing is checked without sleeping.
 */
export class WebhookHarness {
  private readonly extraDbs: Db[] = [];
  private readonly senders: WebhookSender[] = [];
  private constructor(
    readonly app: FastifyInstance,
    readonly db: Db,
    readonly clock: ManualClock,
    readonly database: TestDatabase,
    readonly databaseUrl: string,
  ) {}

  static async start(kind: DatabaseKind, env: Record<string, string> = {}): Promise<WebhookHarness> {
    const database = await createTestDatabase(kind);
    const config = loadConfig({
      DATABASE_URL: database.url,
      DATA_DIR: tempDir(),
      ADMIN_API_KEY: TEST_ADMIN_KEY,
      LOG_LEVEL: 'silent',
      RATE_LIMIT_PER_MINUTE: '0',
      WEBHOOK_ALLOW_PRIVATE_URLS: 'true',
      WORKER_EMBEDDED: 'false',
      ...env,
    });
    const db = createDb(config.database);
    const clock = new ManualClock(Date.now());
    const app = await buildApp(config, { db, clock });
    await app.ready();
    return new WebhookHarness(app, db, clock, database, database.url);
  }

  /**
   * A worker the test drives; with ownConnection on its own connection (like a separate process would have),
   * with underPressure told when the process is short of memory.
   */
  worker(
    options: WorkerOptions & {
      allowPrivateUrls?: boolean;
      ownConnection?: boolean;
      underPressure?: () => boolean;
    } = {},
  ): DeliveryWorker {
    const sender = createUndiciSender({ allowPrivateUrls: options.allowPrivateUrls ?? true });
    this.senders.push(sender);
    let db = this.db;
    if (options.ownConnection) {
      db = createDb(loadConfig({ DATABASE_URL: this.databaseUrl, DATA_DIR: tempDir() }).database);
      this.extraDbs.push(db);
    }
    const deps = { db, clock: this.clock, sender, log: quietLog, underPressure: options.underPressure };
    return new DeliveryWorker(deps, options);
  }

  async createWebhook(
    body: Record<string, unknown>,
  ): Promise<{ id: string; secret_key: string } & Record<string, unknown>> {
    const res = await this.app.inject({
      method: 'POST',
      url: '/api/v1/webhooks',
      headers: adminHeaders,
      payload: { events: ['query.created', 'query.escalated'], ...body },
    });
    if (res.statusCode !== 201) throw new Error(`create failed: ${res.statusCode} ${res.body}`);
    return res.json();
  }

  api(
    method: 'GET' | 'POST' | 'PUT' | 'DELETE',
    url: string,
    payload?: object,
  ): Promise<LightMyRequestResponse> {
    const options: InjectOptions = { method, url, headers: adminHeaders };
    if (payload !== undefined) options.payload = payload;
    return this.app.inject(options);
  }

  async logs(webhookId: string, query = '') {
    const res = await this.api('GET', `/api/v1/webhooks/${webhookId}/deliveries${query}`);
    return res.json() as { logs: Record<string, unknown>[]; total: number };
  }

  /** Removes every webhook and delivery so the next test starts clean. */
  async reset(): Promise<void> {
    const k = this.db.kysely;
    await k.deleteFrom('webhook_attempts').execute();
    await k.deleteFrom('webhook_deliveries').execute();
    await k.deleteFrom('webhooks').execute();
  }

  async close(): Promise<void> {
    for (const sender of this.senders) await sender.close();
    for (const db of this.extraDbs) await db.destroy();
    await this.app.close();
    await this.db.destroy();
    await this.database.cleanup();
  }
}

/** What a suite of end-to-end delivery tests shares: the app, one real receiver and one worker it drives. */
export interface DeliveryRig {
  h: WebhookHarness;
  receiver: Receiver;
  worker: DeliveryWorker;
}

/**
 * Registers the set-up of a delivery suite: the harness, a local receiver and a worker before all tests, and after
 * each one an empty database, an empty receiver answering 200 again, and the clock back at real time (receivers
 * check signature timestamps against it). The fields are filled once the suite starts.
 */
export function useDeliveryRig(kind: DatabaseKind): DeliveryRig {
  const rig = {} as DeliveryRig;
  beforeAll(async () => {
    rig.h = await WebhookHarness.start(kind);
    rig.receiver = await Receiver.start();
    rig.worker = rig.h.worker();
  });
  afterEach(async () => {
    await rig.h.reset();
    rig.h.clock.set(Date.now());
    rig.receiver.received.length = 0;
    rig.receiver.respond = () => ({ status: 200, body: 'ok' });
  });
  afterAll(async () => {
    await rig.receiver?.close();
    await rig.h?.close();
  });
  return rig;
}
