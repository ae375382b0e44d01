import http from 'node:http';
import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import { adminHeaders, createTestApp, type TestApp } from '../helpers/app.js';
import { describeEachDatabase } from '../helpers/databases.js';
import {
  answer,
  type FakeProvider,
  gatedStream,
  stallingStream,
  startFakeProvider,
  status,
} from './fake-provider.js';

const PAYDAY = 'When is payday this month?';
const LLM_TEXT = 'You are paid on the 15th and on the last business day. (Source: Pay schedule)';

// The repeat-question rule escalates an employee's third identical question, so each test asks as someone new.
let users = 0;
const freshUser = () => `llm-test-${++users}`;

interface SseEvent {
  event: string;
  data: Record<string, unknown>;
}

function parseSse(body: string): SseEvent[] {
  return body
    .split('\n\n')
    .filter((block) => block.trim() !== '')
    .map((block) => {
      const event = /^event: (.+)$/m.exec(block)?.[1] ?? '';
      const data = /^data: (.*)$/m.exec(block)?.[1] ?? 'null';
      return { event, data: JSON.parse(data) };
    });
}

async function conversationCount(t: TestApp): Promise<number> {
  const row = await t.db.kysely
    .selectFrom('conversations')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

describeEachDatabase('questions without LLM settings', (kind) => {
  let t: TestApp;
  let fake: FakeProvider;

  beforeAll(async () => {
    fake = await startFakeProvider();
    t = await createTestApp(kind);
  });
  afterAll(async () => {
    await t.close();
    await fake.close();
  });

  it('answers locally and adds no LLM metadata', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/query',
      payload: { message: PAYDAY, user_id: freshUser() },
    });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.metadata.engine).toBe('local');
    expect(body.metadata).not.toHaveProperty('llm_latency_ms');
    expect(body.metadata).not.toHaveProperty('tokens');
    expect(body.metadata.agent_trace.map((s: { agent: string }) => s.agent)).not.toContain(
      'answer-generator',
    );
    expect(fake.requests).toHaveLength(0);
  });

  it('streams the local answer as one chunk between meta and done', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/query/stream',
      payload: { message: PAYDAY, user_id: freshUser() },
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/event-stream/);
    const events = parseSse(res.body);
    expect(events.map((e) => e.event)).toEqual(['meta', 'token', 'done']);
    const [meta, token, done] = events;
    expect(meta?.data).toMatchObject({ category: 'Payroll', escalated: false });
    expect(meta?.data.conversation_id).toBe(done?.data.conversation_id);
    expect(token?.data.text).toBe(done?.data.response);
    expect(done?.data).toMatchObject({ category: 'Payroll', metadata: { engine: 'local' } });
  });
});

describeEachDatabase('questions answered through an OpenAI-compatible provider', (kind) => {
  let t: TestApp;
  let slow: TestApp;
  let fake: FakeProvider;

  beforeAll(async () => {
    fake = await startFakeProvider();
    const env = { LLM_BASE_URL: fake.baseUrl, LLM_MODEL: 'hr-test-model', LLM_API_KEY: 'sk-e2e' };
    t = await createTestApp(kind, env);
    slow = await createTestApp(kind, { ...env, LLM_TIMEOUT_MS: '1000' });
  });
  afterAll(async () => {
    await t.close();
    await slow.close();
    await fake.close();
  });
  let address: string | undefined;
  const listening = async () => {
    address ??= await t.app.listen({ port: 0, host: '127.0.0.1' });
    return address;
  };

  beforeEach(() => {
    fake.requests.length = 0;
    fake.behave(answer(LLM_TEXT));
  });

  it('answers with the model, grounded on the retrieved articles, and reports latency and tokens', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/query',
      payload: { message: PAYDAY, user_id: freshUser() },
    });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.response).toBe(LLM_TEXT);
    expect(body.metadata.engine).toBe('llm');
    expect(body.metadata.llm_latency_ms).toBeGreaterThanOrEqual(0);
    expect(body.metadata.tokens).toEqual({ prompt_tokens: 120, completion_tokens: 30 });

    expect(fake.requests).toHaveLength(1);
    const sent = fake.requests[0]?.body;
    expect(sent?.model).toBe('hr-test-model');
    const system = sent?.messages?.[0]?.content ?? '';
    // The grounding is the retrieved articles the local engine judged relevant: some of kb_results, in full.
    const grounded = (body.metadata.kb_results as { title: string; content: string }[]).filter((hit) =>
      system.includes(`Title: ${hit.title}\n`),
    );
    expect(grounded.length).toBeGreaterThan(0);
    for (const hit of grounded) expect(system).toContain(hit.content);
    expect(sent?.messages?.at(-1)).toEqual({ role: 'user', content: PAYDAY });

    const conversation = (
      await t.app.inject({ method: 'GET', url: `/api/v1/conversations/${body.conversation_id}` })
    ).json();
    expect(conversation.messages.at(-1).content).toBe(LLM_TEXT);

    const metrics = (await t.app.inject({ method: 'GET', url: '/metrics' })).body;
    expect(metrics).toMatch(/hr_llm_requests_total\{kind="answer",outcome="success"\} \d+/);
    expect(metrics).toMatch(/hr_llm_tokens_total\{kind="answer",type="prompt"\} \d+/);
  });

  it('sends earlier turns as context and never sends unmasked identifiers', async () => {
    const first = (
      await t.app.inject({
        method: 'POST',
        url: '/api/v1/query',
        payload: { message: PAYDAY, user_id: 'emp-77' },
      })
    ).json();
    fake.requests.length = 0;
    // A follow-up that is plainly about pay: the identifiers in it must not make it read as banking chit-chat.
    const followUp =
      'How do I change my direct deposit to account 123456789012 before payday? My SSN is 123-45-6789';
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/query',
      payload: { message: followUp, user_id: 'emp-77', conversation_id: first.conversation_id },
    });
    expect(res.statusCode).toBe(200);
    const sent = JSON.stringify(fake.requests[0]?.body);
    expect(sent).toContain(PAYDAY);
    expect(sent).toContain(LLM_TEXT);
    expect(sent).not.toContain('123-45-6789');
    expect(sent).not.toContain('123456789012');
    expect(sent).toContain('***-**-6789');
    expect(sent).not.toContain('emp-77');
  });

  it('keeps escalations local and does not call the provider', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/query',
      payload: { message: 'My manager keeps harassing me and I want to talk to a person' },
    });
    const body = res.json();
    expect(body.metadata.escalated).toBe(true);
    expect(body.metadata.engine).toBe('local');
    expect(fake.requests).toHaveLength(0);
  });

  it('falls back to the local answer on a provider error', async () => {
    fake.behave(status(500));
    const local = await slow.app.inject({
      method: 'POST',
      url: '/api/v1/query',
      payload: { message: PAYDAY, user_id: freshUser() },
    });
    const body = local.json();
    expect(local.statusCode).toBe(200);
    expect(body.metadata.engine).toBe('local');
    expect(body.response).not.toBe(LLM_TEXT);
    expect(body.response.length).toBeGreaterThan(20);
    expect(body.metadata.llm_latency_ms).toBeGreaterThanOrEqual(0);
    expect(body.metadata).not.toHaveProperty('tokens');
  });

  it('streams provider tokens between meta and done', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/query/stream',
      payload: { message: PAYDAY, user_id: freshUser() },
    });
    expect(res.statusCode).toBe(200);
    expect(fake.requests[0]?.body.stream).toBe(true);
    const events = parseSse(res.body);
    const names = events.map((e) => e.event);
    expect(names[0]).toBe('meta');
    expect(names.at(-1)).toBe('done');
    const tokens = events.filter((e) => e.event === 'token').map((e) => e.data.text);
    expect(tokens.length).toBeGreaterThan(3);
    expect(tokens.join('')).toBe(LLM_TEXT);
    const done = events.at(-1)?.data as {
      response: string;
      metadata: Record<string, unknown>;
      conversation_id: string;
    };
    expect(done.response).toBe(LLM_TEXT);
    expect(done.metadata).toMatchObject({
      engine: 'llm',
      tokens: { prompt_tokens: 120, completion_tokens: 30 },
    });
    expect(events[0]?.data).toMatchObject({ conversation_id: done.conversation_id, category: 'Payroll' });

    const stored = (
      await t.app.inject({ method: 'GET', url: `/api/v1/conversations/${done.conversation_id}` })
    ).json();
    expect(stored.messages.at(-1).content).toBe(LLM_TEXT);
  });

  it('delivers tokens over a real connection while the provider is still writing', async () => {
    let release: () => void = () => {};
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    fake.behave(gatedStream(['You are ', 'paid '], gate, ['on the 15th.']));
    const address = await listening();
    const res = await fetch(`${address}/api/v1/query/stream`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ message: PAYDAY, user_id: freshUser() }),
    });
    expect(res.status).toBe(200);
    const reader = (res.body as ReadableStream<Uint8Array>).getReader();
    const decoder = new TextDecoder();
    let text = '';
    const readUntil = async (done: () => boolean) => {
      for (let i = 0; i < 200 && !done(); i++) {
        const next = await reader.read();
        if (next.done) return;
        text += decoder.decode(next.value, { stream: true });
      }
    };
    // The provider is held back, so anything the client sees now was forwarded while it was still writing.
    await readUntil(() => (text.match(/event: token/g) ?? []).length >= 2);
    expect(text).toContain('event: meta');
    expect(text).not.toContain('event: done');
    release();
    await readUntil(() => false);
    const done = parseSse(text).at(-1);
    expect(done?.event).toBe('done');
    expect(done?.data).toMatchObject({ response: 'You are paid on the 15th.', metadata: { engine: 'llm' } });
  });

  it('still answers and stores the question when the client hangs up mid-stream', async () => {
    let release: () => void = () => {};
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    fake.behave(gatedStream(['You are '], gate, ['paid on the 15th.']));
    const user = freshUser();
    const url = new URL(`${await listening()}/api/v1/query/stream`);
    // A plain socket we can cut: read up to the first token, then hang up.
    await new Promise<void>((resolve) => {
      const req = http.request(
        url,
        { method: 'POST', headers: { 'content-type': 'application/json' } },
        (res) => {
          res.on('data', (chunk: Buffer) => {
            if (chunk.toString().includes('event: token')) {
              req.destroy();
              resolve();
            }
          });
        },
      );
      req.on('error', () => {}); // the hang-up itself
      req.on('close', () => resolve());
      req.end(JSON.stringify({ message: PAYDAY, user_id: user }));
    });
    release();

    let stored: { response?: string }[] = [];
    for (let i = 0; i < 100 && stored.length === 0; i++) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      stored = (
        await t.app.inject({
          method: 'GET',
          url: `/api/v1/users/${user}/conversations`,
          headers: adminHeaders,
        })
      ).json().conversations;
    }
    expect(stored).toHaveLength(1);
    const after = await t.app.inject({
      method: 'POST',
      url: '/api/v1/query',
      payload: { message: PAYDAY, user_id: freshUser() },
    });
    expect(after.statusCode).toBe(200);
  });

  it('tells the client to reset when a stream stalls, then sends the local answer', async () => {
    fake.behave(stallingStream(['You are ', 'paid ']));
    const res = await slow.app.inject({
      method: 'POST',
      url: '/api/v1/query/stream',
      payload: { message: PAYDAY, user_id: freshUser() },
    });
    const events = parseSse(res.body);
    expect(events.map((e) => e.event)).toEqual(['meta', 'token', 'token', 'reset', 'token', 'done']);
    const done = events.at(-1)?.data as { response: string; metadata: { engine: string } };
    expect(done.metadata.engine).toBe('local');
    expect(events[4]?.data.text).toBe(done.response);
  });

  it('rejects bad stream requests with the common error shape before any event, storing nothing', async () => {
    const before = await conversationCount(t);
    const cases = [
      { payload: { message: '' }, status: 422 },
      { payload: { message: 'x'.repeat(4001) }, status: 422 },
      { payload: { message: PAYDAY, extra: 1 }, status: 422 },
      { payload: { message: PAYDAY, user_id: 'bad user id!' }, status: 422 },
      { payload: { message: PAYDAY, conversation_id: 'not-a-uuid' }, status: 422 },
      { payload: { message: PAYDAY, conversation_id: '0b9c8a4e-3f3c-4a51-9a55-3f0d1c2b7e10' }, status: 404 },
    ];
    for (const { payload, status: expected } of cases) {
      const res = await t.app.inject({ method: 'POST', url: '/api/v1/query/stream', payload });
      expect(res.statusCode, JSON.stringify(payload).slice(0, 80)).toBe(expected);
      expect(res.headers['content-type']).toMatch(/^application\/json/);
      expect(res.json().error.code).toBeTypeOf('string');
    }
    const broken = await t.app.inject({
      method: 'POST',
      url: '/api/v1/query/stream',
      headers: { 'content-type': 'application/json' },
      payload: '{"message": ',
    });
    expect(broken.statusCode).toBe(400);
    expect(await conversationCount(t)).toBe(before);
    expect(fake.requests).toHaveLength(0);
  });
});
