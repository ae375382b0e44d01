import { describe, expect, it } from 'vitest';
import { stripInnocentPhrases } from '../../src/modules/agents/escalation-rules.js';
import { analyzeText } from '../../src/modules/agents/nlp/analyze.js';
import { normalizeText } from '../../src/modules/agents/nlp/normalize.js';
import { trainedModelFor } from '../../src/modules/agents/training-data.js';
import { testArticles } from './fixtures.js';

const model = trainedModelFor(testArticles);
const classify = (message: string) =>
  model.concerns.classify(analyzeText(stripInnocentPhrases(normalizeText(message)), model.speller));

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
