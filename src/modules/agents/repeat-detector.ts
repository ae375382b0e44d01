import { analyzeText } from '../nlp/analyze.js';
import type { Speller } from '../nlp/spelling.js';
import type { Agent, PipelineState } from './types.js';

/** Two questions whose content stems overlap this much (Dice coefficient) are "the same question". */
export const SAME_QUESTION_SIMILARITY = 0.6;
const MAX_COMPARED = 50;
const CACHE_LIMIT = 5_000;

export function questionSimilarity(a: readonly string[], b: readonly string[]): number {
  const left = new Set(a);
  const right = new Set(b);
  if (left.size === 0 || right.size === 0) return 0;
  let shared = 0;
  for (const stem of left) if (right.has(stem)) shared++;
  return (2 * shared) / (left.size + right.size);
}

/** Counts how often this employee already asked essentially the same thing. */
export class RepeatDetector implements Agent {
  readonly name = 'repeat-detector';

  // Earlier questions come back on every turn of an employee, so their stems are memoized.
  private readonly stemCache = new Map<string, string[]>();

  constructor(private readonly speller: Speller) {}

  private stemsOf(question: string): string[] {
    let stems = this.stemCache.get(question);
    if (stems === undefined) {
      stems = analyzeText(question, this.speller).stems;
      if (this.stemCache.size >= CACHE_LIMIT) this.stemCache.clear();
      this.stemCache.set(question, stems);
    }
    return stems;
  }

  run(state: PipelineState): void {
    let repeats = 0;
    const stems = state.text.stems;
    const previous = state.input.previousQuestions;
    for (let i = 0; i < previous.length && i < MAX_COMPARED; i++) {
      const other = this.stemsOf(previous[i]!);
      if (questionSimilarity(stems, other) >= SAME_QUESTION_SIMILARITY) repeats++;
    }
    state.attemptCount = 1 + repeats;
  }
}
