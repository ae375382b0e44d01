import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/clock.js';
import type { KbHit } from '../../src/modules/agents/types.js';
import { CircuitBreaker } from '../../src/modules/llm/circuit-breaker.js';
import { LlmAnswerGenerator } from '../../src/modules/llm/llm-answer-generator.js';
import { OpenAiChatClient } from '../../src/modules/llm/llm-client.js';
import { LlmProvider } from '../../src/modules/llm/llm-provider.js';
import {
  answer,
  delayed,
  type FakeProvider,
  raw,
  stallingStream,
  startFakeProvider,
  status,
} from './fake-provider.js';

// Generous, so a loaded CI machine never turns a test of something else into a timeout; the timeout tests
// use SHORT_TIMEOUT_MS against a provider that holds back for far longer.
const TIMEOUT_MS = 3000;
const SHORT_TIMEOUT_MS = 1000;
const MODEL = 'fake-model-1';

const articles: KbHit[] = [
  {
    id: 'a1',
    title: 'Direct deposit changes',
    content: 'Update your bank details in the portal by the 20th to take effect on the next payday.',
    category: 'Payroll',
    score: 4.2,
  },
  {
    id: 'a2',
    title: 'Pay schedule',
    content: 'Employees are paid on the 15th and the last business day of each month.',
    category: 'Payroll',
    score: 3.1,
  },
];

const request = {
  message: 'Please move my pay to account 123456789012, my SSN is 123-45-6789. When does it change?',
  category: 'Payroll' as const,
  articles,
  history: [
    { role: 'user' as const, content: 'Hi, I have a question about my pay' },
    { role: 'assistant' as const, content: 'Sure, what would you like to know?' },
  ],
  localAnswer: 'LOCAL ANSWER: see Direct deposit changes.',
};

let fake: FakeProvider;
let clock: ManualClock;

function generator(threshold = 3, timeoutMs = TIMEOUT_MS) {
  clock = new ManualClock();
  const breaker = new CircuitBreaker({ failureThreshold: threshold, cooldownMs: 30_000, clock });
  const client = new OpenAiChatClient({
    baseUrl: fake.baseUrl,
    apiKey: 'sk-test-key',
    model: MODEL,
    timeoutMs,
  });
  const provider = new LlmProvider({ client, breaker, timeoutMs });
  return { generator: new LlmAnswerGenerator(provider), breaker };
}

beforeAll(async () => {
  fake = await startFakeProvider();
});
afterAll(async () => {
  await fake.close();
});
afterEach(() => {
  fake.requests.length = 0;
  fake.behave(answer('Default fake answer.'));
});

describe('LLM answer generator', () => {
  it('sends the model, the grounding articles, the conversation and masked PII', async () => {
    fake.behave(
      answer('Changes made by the 20th apply on the next payday. (Source: Direct deposit changes)'),
    );
    await generator().generator.generate(request);

    expect(fake.requests).toHaveLength(1);
    const sent = fake.requests[0];
    expect(sent?.headers.authorization).toBe('Bearer sk-test-key');
    expect(sent?.body.model).toBe(MODEL);
    const messages = sent?.body.messages ?? [];
    expect(messages[0]?.role).toBe('system');
    const system = messages[0]?.content ?? '';
    expect(system).toContain('Direct deposit changes');
    expect(system).toContain('Update your bank details in the portal by the 20th');
    expect(system).toContain('paid on the 15th and the last business day');
    expect(system).toMatch(/don't know/);
    expect(messages.slice(1).map((m) => m.role)).toEqual(['user', 'assistant', 'user']);
    expect(messages[1]?.content).toBe('Hi, I have a question about my pay');

    const everything = JSON.stringify(sent?.body);
    expect(everything).not.toContain('123-45-6789');
    expect(everything).not.toContain('123456789012');
    const question = messages.at(-1)?.content ?? '';
    expect(question).toContain('***-**-6789');
    expect(question).toContain('[account ending 9012]');
    expect(question).toContain('When does it change?');
  });

  it('returns the provider answer with engine llm, token counts and latency', async () => {
    fake.behave(answer('  Paid on the 15th. (Source: Pay schedule)  '));
    const result = await generator().generator.generate(request);
    expect(result.engine).toBe('llm');
    expect(result.text).toBe('Paid on the 15th. (Source: Pay schedule)');
    expect(result.usage).toEqual({ prompt_tokens: 120, completion_tokens: 30 });
    expect(result.latency_ms).toBeGreaterThanOrEqual(0);
    expect(result.fallback_reason).toBeUndefined();
  });

  it('falls back to the local answer when the provider is slower than the timeout', async () => {
    fake.behave(delayed(10_000, answer('too late')));
    const result = await generator(3, SHORT_TIMEOUT_MS).generator.generate(request);
    expect(result).toMatchObject({ engine: 'local', text: request.localAnswer, fallback_reason: 'timeout' });
  });

  it('falls back when a stream starts but never finishes', async () => {
    fake.behave(stallingStream(['Paid ', 'on ']));
    const streamed: string[] = [];
    const result = await generator(3, SHORT_TIMEOUT_MS).generator.generate({
      ...request,
      stream: (c) => streamed.push(c),
    });
    expect(streamed).toEqual(['Paid ', 'on ']);
    expect(result).toMatchObject({ engine: 'local', text: request.localAnswer, fallback_reason: 'timeout' });
  });

  it.each([500, 503, 429, 400, 401])('falls back on HTTP %i', async (code) => {
    fake.behave(status(code));
    const result = await generator().generator.generate(request);
    expect(result).toMatchObject({
      engine: 'local',
      text: request.localAnswer,
      fallback_reason: 'http_error',
    });
    expect(fake.requests).toHaveLength(1); // no retries: the local engine is the retry
  });

  it.each([
    ['an HTML page', raw('text/html', '<html><body>Bad gateway</body></html>')],
    ['JSON without choices', raw('application/json', '{"id":"x","object":"chat.completion"}')],
    ['an empty answer', answer('   ')],
    ['broken JSON', raw('application/json', '{"choices": [')],
    ['a non-string content', raw('application/json', '{"choices":[{"message":{"content":42}}]}')],
  ])('falls back on %s', async (_name, behaviour) => {
    fake.behave(behaviour);
    const result = await generator().generator.generate(request);
    expect(result).toMatchObject({
      engine: 'local',
      text: request.localAnswer,
      fallback_reason: 'malformed',
    });
  });

  it('falls back on a garbled stream', async () => {
    fake.behave(raw('text/event-stream', 'data: {"choices": [ nope\n\ndata: [DONE]\n\n'));
    const result = await generator().generator.generate({ ...request, stream: () => {} });
    expect(result).toMatchObject({ engine: 'local', fallback_reason: 'malformed' });
  });

  it('falls back when the provider cannot be reached', async () => {
    const closed = await startFakeProvider();
    await closed.close();
    const breaker = new CircuitBreaker({ failureThreshold: 3, cooldownMs: 1000, clock: new ManualClock() });
    const client = new OpenAiChatClient({
      baseUrl: closed.baseUrl,
      apiKey: undefined,
      model: MODEL,
      timeoutMs: TIMEOUT_MS,
    });
    const result = await new LlmAnswerGenerator(
      new LlmProvider({ client, breaker, timeoutMs: TIMEOUT_MS }),
    ).generate(request);
    expect(result).toMatchObject({ engine: 'local', fallback_reason: 'connection_error' });
  });

  it('streams tokens as they arrive and returns the whole answer', async () => {
    fake.behave(answer('You are paid on the 15th. (Source: Pay schedule)'));
    const streamed: string[] = [];
    const result = await generator().generator.generate({ ...request, stream: (c) => streamed.push(c) });
    expect(fake.requests[0]?.body.stream).toBe(true);
    expect(streamed.length).toBeGreaterThan(3);
    expect(streamed.join('')).toBe('You are paid on the 15th. (Source: Pay schedule)');
    expect(result).toMatchObject({ engine: 'llm', text: streamed.join('') });
    expect(result.usage).toEqual({ prompt_tokens: 120, completion_tokens: 30 });
  });

  it('opens the circuit after repeated failures, then probes and closes after the cool-down', async () => {
    const { generator: llm, breaker } = generator(3);
    fake.behave(status(500));
    for (let i = 0; i < 3; i++) expect((await llm.generate(request)).fallback_reason).toBe('http_error');
    expect(breaker.state).toBe('open');

    // While open the provider is not called at all.
    fake.behave(answer('should not be asked'));
    const skipped = await llm.generate(request);
    expect(skipped).toMatchObject({ engine: 'local', fallback_reason: 'circuit_open' });
    expect(fake.requests).toHaveLength(3);

    // After the cool-down a failing probe opens it again for another cool-down.
    clock.advance(30_000);
    expect(breaker.state).toBe('half-open');
    fake.behave(status(500));
    expect((await llm.generate(request)).fallback_reason).toBe('http_error');
    expect(breaker.state).toBe('open');
    clock.advance(29_999);
    expect((await llm.generate(request)).fallback_reason).toBe('circuit_open');
    expect(fake.requests).toHaveLength(4);

    // A successful probe closes it.
    clock.advance(1);
    fake.behave(answer('Back again.'));
    expect(await llm.generate(request)).toMatchObject({ engine: 'llm', text: 'Back again.' });
    expect(breaker.state).toBe('closed');
    expect((await llm.generate(request)).engine).toBe('llm');
  });
});
