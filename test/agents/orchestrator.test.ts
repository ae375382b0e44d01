import { beforeAll, describe, expect, it } from 'vitest';
import { Orchestrator } from '../../src/modules/agents/orchestrator.js';
import type { AnswerGenerator } from '../../src/modules/agents/types.js';
import { KnowledgeIndex } from '../../src/modules/knowledge/retrieval-index.js';
import { buildTestOrchestrator, input, testArticles } from './fixtures.js';

const EXPECTED_ORDER = [
  'text-analyzer',
  'scope-detector',
  'sensitive-topic-detector',
  'categorizer',
  'repeat-detector',
  'sentiment-analyzer',
  'kb-retriever',
  'escalation-check',
];

describe('orchestrator', () => {
  // Training the shipped models takes seconds on a loaded machine; the hook's longer timeout covers it, and
  // every test after reuses the trained model.
  beforeAll(() => {
    buildTestOrchestrator();
  });

  it('runs the agents in order and records a trace with durations', async () => {
    const { orchestrator } = buildTestOrchestrator();
    const result = await orchestrator.run(input('When is payday?'));
    const names = result.trace.map((step) => step.agent);
    expect(names.slice(0, EXPECTED_ORDER.length)).toEqual(EXPECTED_ORDER);
    expect(names[EXPECTED_ORDER.length]).toBe('payroll-specialist');
    for (const step of result.trace) expect(step.duration_ms).toBeGreaterThanOrEqual(0);
  });

  it('returns the full result shape', async () => {
    const { orchestrator } = buildTestOrchestrator();
    const result = await orchestrator.run(input('How do I change my direct deposit?'));
    expect(result).toMatchObject({
      category: 'Payroll',
      sentiment: 'Neutral',
      priority: 3,
      attemptCount: 1,
      escalated: false,
      escalationReason: null,
      engine: 'local',
    });
    expect(result.kbResults.length).toBeGreaterThan(0);
    expect(result.kbResults.length).toBeLessThanOrEqual(3);
    expect(result.kbResults[0]).toEqual(
      expect.objectContaining({
        id: 'direct-deposit',
        title: 'Changing your direct deposit',
        category: 'Payroll',
      }),
    );
    expect(result.response.length).toBeGreaterThan(0);
  });

  it('uses the escalation responder when a person must take over', async () => {
    const { orchestrator } = buildTestOrchestrator();
    const result = await orchestrator.run(input('I am being harassed by my supervisor'));
    expect(result.trace.at(-1)?.agent).toBe('escalation-responder');
  });

  it('sees knowledge-base changes made through the shared index at once', async () => {
    const { orchestrator, index } = buildTestOrchestrator();
    const before = await orchestrator.run(input('How does the bicycle commuting allowance work?'));
    expect(before.response).toMatch(/couldn't find an article/);
    index.upsert({
      id: 'bike',
      title: 'Bicycle commuting allowance',
      content: 'Employees who cycle to work receive a bicycle commuting allowance of $20 a month.',
      category: 'Benefits',
      tags: ['bicycle', 'commuting'],
    });
    const after = await orchestrator.run(input('How does the bicycle commuting allowance work?'));
    expect(after.response).toContain('Bicycle commuting allowance');
  });

  it('lets an answer generator rewrite the local answer, and records it in the trace', async () => {
    const seen: string[] = [];
    const generator: AnswerGenerator = {
      async generate(request) {
        seen.push(request.localAnswer);
        return { text: `LLM: ${request.articles[0]?.title}`, engine: 'llm' };
      },
    };
    const orchestrator = new Orchestrator({
      index: new KnowledgeIndex(testArticles),
      answerGenerator: generator,
    });
    const result = await orchestrator.run(input('When is payday?'));
    expect(result.engine).toBe('llm');
    expect(result.response).toBe('LLM: When payday is');
    expect(seen[0]).toContain('According to our article');
    expect(result.trace.at(-1)?.agent).toBe('answer-generator');
  });

  it('keeps the local answer when the generator fails, and never generates for escalations', async () => {
    let calls = 0;
    const failing: AnswerGenerator = {
      async generate() {
        calls++;
        throw new Error('provider down');
      },
    };
    const orchestrator = new Orchestrator({
      index: new KnowledgeIndex(testArticles),
      answerGenerator: failing,
    });
    const result = await orchestrator.run(input('When is payday?'));
    expect(result.engine).toBe('local');
    expect(result.response).toContain('According to our article');
    expect(calls).toBe(1);
    const escalated = await orchestrator.run(input('I want to talk to a human'));
    expect(escalated.escalated).toBe(true);
    expect(calls).toBe(1);
  });
});

describe('Orchestrator.categorize', () => {
  it('gives the category a full run gives, for every shipped article opening and for out-of-scope text', async () => {
    const { loadShippedArticles } = await import('../../bench/kb-fixture.js');
    const { createOrchestrator } = await import('../../src/modules/agents/orchestrator.js');
    const { orchestrator } = createOrchestrator(loadShippedArticles());
    const texts = [
      ...loadShippedArticles().map((a) => `${a.title}. ${a.content.slice(0, 400)}`),
      'what is the weather in Lisbon tomorrow',
      'ok thanks',
      'my manager yelled at me again and I am scared to go back',
    ];
    const input = (message: string) => ({
      message,
      conversationId: 'kb-import',
      history: [],
      previousQuestions: [],
      isVip: false,
    });
    const categories = new Set<string>();
    for (const text of texts) {
      const full = (await orchestrator.run(input(text))).category;
      expect(await orchestrator.categorize(input(text))).toBe(full);
      categories.add(full);
    }
    expect(categories.size).toBeGreaterThan(3);
  });
});
