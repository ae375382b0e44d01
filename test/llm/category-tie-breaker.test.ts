import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/clock.js';
import type { PipelineState } from '../../src/modules/agents/types.js';
import { CategoryTieBreaker, parseCategory } from '../../src/modules/llm/category-tie-breaker.js';
import { CircuitBreaker } from '../../src/modules/llm/circuit-breaker.js';
import { OpenAiChatClient } from '../../src/modules/llm/llm-client.js';
import { LlmProvider } from '../../src/modules/llm/llm-provider.js';
import { answer, type FakeProvider, startFakeProvider, status } from './fake-provider.js';

let fake: FakeProvider;
let tieBreaker: CategoryTieBreaker;

beforeAll(async () => {
  fake = await startFakeProvider();
  const client = new OpenAiChatClient({ baseUrl: fake.baseUrl, apiKey: 'k', model: 'm', timeoutMs: 1000 });
  const breaker = new CircuitBreaker({ failureThreshold: 5, cooldownMs: 1000, clock: new ManualClock() });
  tieBreaker = new CategoryTieBreaker(new LlmProvider({ client, breaker, timeoutMs: 1000 }), 0.5);
});
afterAll(async () => fake.close());
beforeEach(() => {
  fake.requests.length = 0;
});

// Only the fields the tie-breaker reads; the rest of the pipeline state is irrelevant here.
function stateFor(message: string, confidence: number): PipelineState {
  return {
    input: { message, conversationId: 'c', history: [], previousQuestions: [], isVip: false },
    category: 'General',
    categoryConfidence: confidence,
  } as unknown as PipelineState;
}

describe('LLM_CLASSIFY tie-breaker', () => {
  it('asks the model when the local categorizer is unsure and takes a clean answer', async () => {
    fake.behave(answer('LeaveManagement'));
    const state = stateFor('can I take friday off, my card 4111 1111 1111 1111 was charged', 0.31);
    await tieBreaker.run(state);
    expect(state.category).toBe('LeaveManagement');
    const sent = JSON.stringify(fake.requests[0]?.body);
    expect(sent).toContain('Recruitment, Payroll, Benefits, Policy, LeaveManagement, Performance, General');
    expect(sent).not.toContain('4111 1111 1111 1111');
  });

  it('leaves confident decisions alone without calling the provider', async () => {
    const state = stateFor('when is payday', 0.9);
    await tieBreaker.run(state);
    expect(state.category).toBe('General');
    expect(fake.requests).toHaveLength(0);
  });

  it('keeps the local category when the provider fails or answers vaguely', async () => {
    for (const behaviour of [status(503), answer('Payroll or Benefits'), answer('no idea')]) {
      fake.behave(behaviour);
      const state = stateFor('something unclear', 0.2);
      await tieBreaker.run(state);
      expect(state.category).toBe('General');
    }
  });

  it('reads the category out of a chatty reply', () => {
    expect(parseCategory('Category: payroll.')).toBe('Payroll');
    expect(parseCategory('  Benefits\n')).toBe('Benefits');
    expect(parseCategory('Leave Management')).toBe('LeaveManagement');
    expect(parseCategory('')).toBeUndefined();
  });
});
