import { describe, expect, it } from 'vitest';
import { withoutHarmlessUses } from '../../src/modules/agents/escalation/harmless-uses.js';
import { CONCERN_THRESHOLD, concernHolds } from '../../src/modules/agents/sensitive-topic-detector.js';
import { trainedModelFor } from '../../src/modules/agents/training-data.js';
import { analyzeText } from '../../src/modules/nlp/analyze.js';
import { normalizeText } from '../../src/modules/nlp/normalize.js';
import { buildTestOrchestrator, input, testArticles } from './fixtures.js';

const model = trainedModelFor(testArticles);
const classify = (message: string) =>
  model.concerns.classify(analyzeText(withoutHarmlessUses(normalizeText(message)), model.speller));

describe('concern model', () => {
  it('sees no concern in ordinary HR questions', () => {
    for (const message of [
      'When is payday?',
      'How do I add my spouse to my plan?',
      'Can I carry over PTO?',
    ]) {
      expect(classify(message).concern).toBeLessThan(0.7);
    }
  });

  it('recognises described incidents it was trained on, with their kind', () => {
    const verdict = classify('he cornered me in the supply room and tried to kiss me');
    expect(verdict.label).toBe('harassment');
    expect(verdict.concern).toBeGreaterThan(0.7);
  });
});

describe('sensitive-topic detector with the concern model', () => {
  const { orchestrator } = buildTestOrchestrator();
  const run = (message: string) => orchestrator.run(input(message));

  it('does not escalate a lone ambiguous word in a harmless question', async () => {
    for (const message of [
      'the video shoot for the benefits page moved to Tuesday, do I still need the release form',
      'can I take a half day for my small claims court date about my landlord',
    ])
      expect((await run(message)).escalated).toBe(false);
  });

  it('escalates a described incident that avoids the textbook words', async () => {
    const result = await run(
      'my shift lead keeps leaving notes on my windshield about how I looked that day',
    );
    expect(result.escalated).toBe(true);
  });

  it('judges each part of a two-topic message on its own', async () => {
    const result = await run(
      'how do I download last year\'s W-2. also my supervisor told me I should "watch myself" after I spoke up in the meeting',
    );
    expect(result.escalated).toBe(true);
  });

  it('keeps the ambiguous word when the rest of the message reads like trouble', async () => {
    expect((await run('a man in the lobby said he has a gun and is looking for my manager')).escalated).toBe(
      true,
    );
  });
});

describe('a calm-sounding message needs a surer concern model', () => {
  const calm = () => true;
  const upset = () => false;
  it('escalates a middling score only when the tone is not calm', () => {
    expect(concernHolds(0.75, CONCERN_THRESHOLD, upset)).toBe(true);
    expect(concernHolds(0.75, CONCERN_THRESHOLD, calm)).toBe(false);
  });
  it('escalates a sure score whatever the tone, and never one under the threshold', () => {
    expect(concernHolds(0.9, CONCERN_THRESHOLD, calm)).toBe(true);
    expect(concernHolds(0.6, CONCERN_THRESHOLD, upset)).toBe(false);
  });
  it('does not read the tone when the score decides alone', () => {
    const never = () => {
      throw new Error('tone read');
    };
    expect(concernHolds(0.95, CONCERN_THRESHOLD, never)).toBe(true);
    expect(concernHolds(0.5, CONCERN_THRESHOLD, never)).toBe(false);
  });
});
