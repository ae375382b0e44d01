import { describe, expect, it } from 'vitest';
import { questionSimilarity, SAME_QUESTION_SIMILARITY } from '../../src/modules/agents/repeat-detector.js';
import { analyzeText } from '../../src/modules/nlp/analyze.js';
import { buildTestOrchestrator, input } from './fixtures.js';

const { orchestrator } = buildTestOrchestrator();
const similar = (a: string, b: string) => questionSimilarity(analyzeText(a).stems, analyzeText(b).stems);

describe('repeat detector', () => {
  it('treats slight rewordings as the same question', () => {
    expect(similar('When is payday?', 'when is pay day??')).toBeGreaterThanOrEqual(SAME_QUESTION_SIMILARITY);
    expect(
      similar('How do I change my direct deposit?', 'how can I change direct deposit'),
    ).toBeGreaterThanOrEqual(SAME_QUESTION_SIMILARITY);
    expect(similar('How many vacation days do I have left?', 'vacation days left?')).toBeGreaterThanOrEqual(
      SAME_QUESTION_SIMILARITY,
    );
  });

  it('does not confuse different questions', () => {
    expect(similar('When is payday?', 'How do I add my spouse to my medical plan?')).toBeLessThan(
      SAME_QUESTION_SIMILARITY,
    );
    expect(
      similar('How many vacation days do I have left?', 'How do I change my direct deposit?'),
    ).toBeLessThan(SAME_QUESTION_SIMILARITY);
  });

  it('counts attempts from the earlier questions of the employee', async () => {
    const first = await orchestrator.run(input('How do I change my direct deposit?'));
    expect(first.attemptCount).toBe(1);
    const second = await orchestrator.run(
      input('How do I change my direct deposit?', {
        previousQuestions: ['how can I change direct deposit', 'When is the open enrollment deadline?'],
      }),
    );
    expect(second.attemptCount).toBe(2);
    expect(second.escalated).toBe(false);
  });

  it('escalates the third time the same question is asked', async () => {
    const third = await orchestrator.run(
      input('How do I change my direct deposit?', {
        previousQuestions: ['how can I change my direct deposit', 'change direct deposit how?'],
      }),
    );
    expect(third.attemptCount).toBe(3);
    expect(third.escalated).toBe(true);
    expect(third.escalationReason).toMatch(/3 times/);
  });
});
