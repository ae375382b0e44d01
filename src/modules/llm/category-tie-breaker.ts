import { type Agent, CATEGORIES, type Category, type PipelineState } from '../agents/types.js';
import type { LlmProvider } from './llm-provider.js';
import { buildClassifyMessages, type CategoryCandidate } from './prompt.js';

/** Below this local confidence the categorizer's pick is considered a toss-up worth a second opinion. */
export const DEFAULT_TIE_CONFIDENCE = 0.55;

export interface TieBreakCandidate extends CategoryCandidate {
  category: Category;
}

/**
 * LLM_CLASSIFY: asks the model to choose when the local categorizer is unsure. As a pipeline step it runs
 * right after the categorizer; the local choice stands when it was confident enough, when the provider fails
 * and when the reply is not exactly one category.
 */
export class CategoryTieBreaker implements Agent {
  readonly name = 'llm-category-tie-break';

  constructor(
    private readonly provider: LlmProvider,
    private readonly threshold = DEFAULT_TIE_CONFIDENCE,
  ) {}

  needsTieBreak(confidence: number): boolean {
    return confidence < this.threshold;
  }

  async run(state: PipelineState): Promise<void> {
    const chosen = await this.breakTie(state.input.message, state.categoryConfidence, [
      { category: state.category, score: state.categoryConfidence },
    ]);
    if (chosen) state.category = chosen;
  }

  async breakTie(
    message: string,
    confidence: number,
    candidates: TieBreakCandidate[],
  ): Promise<Category | undefined> {
    if (!this.needsTieBreak(confidence)) return undefined;
    const result = await this.provider.call('classify', () =>
      buildClassifyMessages(message, candidates, CATEGORIES),
    );
    if (!result.ok) return undefined;
    return parseCategory(result.text);
  }
}

/** Accepts "Payroll", "payroll." or "Category: Leave Management", but nothing that names two categories. */
export function parseCategory(reply: string): Category | undefined {
  const letters = reply.toLowerCase().replace(/[^a-z]/g, '');
  const named = CATEGORIES.filter((category) => letters.includes(category.toLowerCase()));
  return named.length === 1 ? named[0] : undefined;
}
