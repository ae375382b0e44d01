import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { verifyWebhook } from '../../src/modules/webhooks/verify.js';
import { TEST_ADMIN_KEY } from '../helpers/app.js';
import {
  createTestDatabase,
  type DatabaseKind,
  describeEachDatabase,
  type TestDatabase,
  tempDir,
} from '../helpers/databases.js';
import { type Child, deliveringServerEnv, eventually, spawnEntry, startServer } from './processes.js';
import { Receiver } from './receiver.js';

const auth = { authorization: `Bearer ${TEST_ADMIN_KEY}` };

/** `npm run listen` as a child process, against a real server (child process) and a real target endpoint. */
describeEachDatabase('npm run listen (real processes)', (kind: DatabaseKind) => {
  let database: TestDatabase;
  let server: Child & { url: string };
  let target: Receiver;
  const children: Child[] = [];

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    target = await Receiver.start();
    // The listener receives on 127.0.0.1: a development server must be allowed to deliver there.
    server = await startServer(deliveringServerEnv(database.url));
    children.push(server);
  }, 120_000);
  afterEach(() => {
    target.received.length = 0;
  });
  afterAll(async () => {
    for (const c of children) if (c.child.exitCode === null) c.child.kill('SIGKILL');
    await target.close();
    await database?.cleanup();
  });

  const webhooks = async () =>
    (
      (await (await fetch(`${server.url}/api/v1/webhooks`, { headers: auth })).json()) as {
        webhooks: { id: string; url: string; events: string[] }[];
      }
    ).webhooks;

  const listen = (args: string[], env: Record<string, string> = {}) => {
    const child = spawnEntry('src/cli/listen.ts', { HR_API_URL: server.url, ...env }, args);
    children.push(child);
    return child;
  };

  it('registers a temporary webhook, verifies and forwards events unchanged, and deletes it on SIGINT', async () => {
    const listener = listen([
      '--forward-to',
      target.url,
      '--events',
      'query.created',
      '--token',
      TEST_ADMIN_KEY,
    ]);
    await eventually(() => listener.output().includes('Press Ctrl+C'), 60_000);
    const secret = /verifies with this signing secret: (whsec_\S+)/.exec(listener.output())?.[1] ?? '';
    const listenerUrl = /Ready: (\S+) receives/.exec(listener.output())?.[1] ?? '';
    const [registered] = await webhooks();
    expect(registered).toMatchObject({ url: listenerUrl, events: ['query.created'] });

    const asked = await fetch(`${server.url}/api/v1/query`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ user_id: 'emp-listen', message: 'How many vacation days do I get per year?' }),
    });
    expect(asked.status).toBe(200);
    await target.waitFor(1);
    const [forwarded] = target.received;
    if (!forwarded) throw new Error('nothing forwarded');
    // Unchanged: the body bytes and the signature headers still verify with the temporary webhook's secret.
    expect(JSON.parse(forwarded.body)).toMatchObject({ event: 'query.created', webhook_id: registered?.id });
    expect(verifyWebhook(forwarded.body, forwarded.headers, secret)).toMatchObject({ valid: true });
    expect(forwarded.headers['x-webhook-id']).toBe(registered?.id);
    expect(forwarded.headers['user-agent']).toMatch(/HR-Intelligence-Webhooks/);
    await eventually(() => /✓ query\.created evt_\S*\s+→ .* \[200\]/.test(listener.output()), 30_000);

    // A request that is not from the platform is refused and not forwarded.
    const forged = await fetch(listenerUrl, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'webhook-id': 'evt_forged',
        'webhook-timestamp': String(Math.floor(Date.now() / 1000)),
        'webhook-signature': 'v1,AAAA',
      },
      body: '{"event":"query.created"}',
    });
    expect(forged.status).toBe(401);
    expect(target.received).toHaveLength(1);
    await eventually(() => listener.output().includes('not forwarded'), 10_000);

    listener.child.kill('SIGINT');
    expect(await listener.exited, listener.output()).toBe(0);
    expect(listener.output()).toContain(`Deleted the temporary webhook ${registered?.id}`);
    expect(await webhooks()).toEqual([]);
  }, 120_000);

  it('passes the endpoint’s failure back to the platform (the delivery is retried), takes the token from the environment and stops on SIGTERM', async () => {
    target.respond = () => ({ status: 503, body: 'down for a moment' });
    const listener = listen(['--forward-to', target.url, '--signature-scheme', 'ed25519'], {
      ADMIN_API_KEY: TEST_ADMIN_KEY,
    });
    await eventually(() => listener.output().includes('Press Ctrl+C'), 60_000);
    const publicKey = /verifies with this public key: (whpk_\S+)/.exec(listener.output())?.[1] ?? '';
    expect(publicKey).not.toBe('');
    const [registered] = await webhooks();
    expect(registered?.events).toContain('query.escalated');
    expect(registered?.events).not.toContain('webhook.test');
    await fetch(`${server.url}/api/v1/query`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ user_id: 'emp-listen-2', message: 'Where is the parental leave policy?' }),
    });
    // The 503 went back to the platform, which tried the same event again after 1 s.
    const repeated = () => {
      const ids = target.received.map((r) => r.headers['webhook-id']);
      return ids.find((id, i) => ids.indexOf(id) !== i);
    };
    await eventually(() => repeated() !== undefined, 30_000);
    for (const request of target.received) {
      expect(verifyWebhook(request.body, request.headers, publicKey).valid).toBe(true);
    }
    await eventually(() => listener.output().includes('[503]'), 10_000);
    target.respond = () => ({ status: 200, body: 'ok' });
    listener.child.kill('SIGTERM');
    expect(await listener.exited, listener.output()).toBe(0);
    expect(await webhooks()).toEqual([]);
  }, 120_000);

  it('says what to do when the server refuses loopback addresses, and leaves nothing registered', async () => {
    const strict = await startServer({
      DATABASE_URL: database.url,
      DATA_DIR: tempDir(),
      ADMIN_API_KEY: TEST_ADMIN_KEY,
      LOG_LEVEL: 'warn',
      WORKER_EMBEDDED: 'false',
    });
    children.push(strict);
    const listener = spawnEntry(
      'src/cli/listen.ts',
      { HR_API_URL: strict.url, HR_API_TOKEN: TEST_ADMIN_KEY },
      ['--forward-to', target.url],
    );
    children.push(listener);
    expect(await listener.exited).toBe(1);
    expect(listener.output()).toMatch(/422/);
    expect(listener.output()).toContain('WEBHOOK_ALLOW_PRIVATE_URLS=true');
    expect(listener.output()).toContain('--public-url');
    expect(await webhooks()).toEqual([]);
    strict.child.kill('SIGTERM');
    await strict.exited;
  }, 120_000);
});
