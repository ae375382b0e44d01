import { describe, expect, it } from 'vitest';
import { readCategoryExamples } from '../../src/modules/agents/training-data.js';
import { analyzeText } from '../../src/modules/nlp/analyze.js';

/** Stems shared by two lines, over the stems of either (1 = the same content words). */
function overlap(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  let shared = 0;
  for (const stem of a) if (b.has(stem)) shared++;
  return shared / (a.size + b.size - shared);
}

describe('category training lines', () => {
  const examples = readCategoryExamples().map((example) => ({
    ...example,
    stems: new Set(analyzeText(example.text).stems),
  }));

  it('never label the same question (or nearly the same) with two categories', () => {
    const conflicts: string[] = [];
    for (let i = 0; i < examples.length; i++)
      for (let j = i + 1; j < examples.length; j++) {
        const a = examples[i]!;
        const b = examples[j]!;
        if (a.category === b.category || a.stems.size === 0 || b.stems.size === 0) continue;
        if (overlap(a.stems, b.stems) >= 0.7)
          conflicts.push(`${a.category}: "${a.text}" / ${b.category}: "${b.text}"`);
      }
    expect(conflicts).toEqual([]);
  });
});
