import { afterEach, beforeEach, expect, it } from 'vitest';
import { TEST_ADMIN_KEY } from '../helpers/app.js';
import { createTestDatabase, describeEachDatabase, type TestDatabase } from '../helpers/databases.js';
import { type Child, deliveringServerEnv, eventually, spawnEntry, startServer } from './processes.js';
import { Receiver } from './receiver.js';

const auth = { authorization: `Bearer ${TEST_ADMIN_KEY}`, 'content-type': 'application/json' };

describeEachDatabase('durability across a crash (real processes)', (kind) => {
  let database: TestDatabase;
  let receiver: Receiver;
  let env: Record<string, string>;
  const children: Child[] = [];

  beforeEach(async () => {
    database = await createTestDatabase(kind);
    receiver = await Receiver.start();
    env = deliveringServerEnv(database.url);
  });
  afterEach(async () => {
    for (const c of children.splice(0)) if (c.child.exitCode === null) c.child.kill('SIGKILL');
    await receiver.close();
    await database.cleanup();
  });

  /** The (event, query_id) pairs the receiver has acknowledged with a 200. */
  const acknowledged = (ok: Set<number>) =>
    new Set(
      receiver.received
        .filter((_, i) => ok.has(i))
        .map((r) => JSON.parse(r.body) as { event: string; data: { query_id: string } })
        .map((b) => `${b.event}:${b.data.query_id}`),
    );

  it('delivers every event after the server is killed with SIGKILL while deliveries are pending or in flight', async () => {
    // Until the crash the receiver never answers: attempts are in flight or waiting for their retry.
    let healthy = false;
    const ok = new Set<number>();
    receiver.respond = (_request, index) => {
      if (!healthy) return 'hang';
      ok.add(index);
      return { status: 200 };
    };

    const first = await startServer(env);
    children.push(first);
    const created = await fetch(`${first.url}/api/v1/webhooks`, {
      method: 'POST',
      headers: auth,
      body: JSON.stringify({
        url: receiver.url,
        events: ['query.created', 'query.escalated'],
        timeout_seconds: 1,
        max_attempts: 20,
      }),
    });
    expect(created.status).toBe(201);

    const expected = new Set<string>();
    const questions = [
      'How many vacation days do I get per year?',
      'My paycheck is wrong and I am furious, I want to talk to a human now!',
      'How do I enroll in the dental plan?',
      'Where can I find the parental leave policy?',
      'I was harassed by my manager, please help',
      'What is the 401k match?',
    ];
    for (let i = 0; i < 12; i++) {
      const res = await fetch(`${first.url}/api/v1/query`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ user_id: `emp-${i}`, message: questions[i % questions.length] }),
      });
      expect(res.status).toBe(200);
      const answer = (await res.json()) as { conversation_id: string; metadata: { escalated: boolean } };
      expected.add(`query.created:${answer.conversation_id}`);
      if (answer.metadata.escalated) expected.add(`query.escalated:${answer.conversation_id}`);
    }
    await receiver.waitFor(1); // the worker is busy: at least one attempt is in flight
    first.child.kill('SIGKILL');
    expect(await first.exited).toBeNull();
    expect(acknowledged(ok).size).toBe(0);

    healthy = true;
    const second = await startServer(env);
    children.push(second);
    // In-flight attempts of the dead process go out again when their lease (1 s timeout + margin) expires.
    await eventually(() => [...expected].every((key) => acknowledged(ok).has(key)), 45_000);
    expect(acknowledged(ok)).toEqual(expected);

    second.child.kill('SIGTERM');
    expect(await second.exited).toBe(0);
  }, 90_000);

  it('the standalone worker (npm run worker) delivers what the API wrote, and stops cleanly on SIGTERM', async () => {
    const ok = new Set<number>();
    receiver.respond = (_request, index) => {
      ok.add(index);
      return { status: 200 };
    };
    const api = await startServer({ ...env, WORKER_EMBEDDED: 'false' });
    children.push(api);
    await fetch(`${api.url}/api/v1/webhooks`, {
      method: 'POST',
      headers: auth,
      body: JSON.stringify({ url: receiver.url, events: ['query.created'] }),
    });
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      const res = await fetch(`${api.url}/api/v1/query`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ user_id: 'emp-w', message: 'How do I request time off?' }),
      });
      ids.push(((await res.json()) as { conversation_id: string }).conversation_id);
    }
    expect(receiver.received).toHaveLength(0);

    const worker = spawnEntry('src/cli/worker.ts', env);
    children.push(worker);
    await eventually(() => ids.every((id) => acknowledged(ok).has(`query.created:${id}`)), 30_000);
    worker.child.kill('SIGTERM');
    expect(await worker.exited).toBe(0);
    api.child.kill('SIGTERM');
    expect(await api.exited).toBe(0);
  }, 60_000);
});
