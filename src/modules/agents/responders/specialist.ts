import type { Agent, Category, PipelineState } from '../types.js';
import { pickSentences } from './sentences.js';

export interface SpecialistProfile {
  name: string;
  category: Category;
  /** Concrete steps that apply to most questions of this category. */
  nextSteps: string[];
  /** Who can answer when the knowledge base cannot. */
  fallbackContact: string;
}

/** Answers from the retrieved articles, naming the article, or says plainly that none applies. */
export class SpecialistResponder implements Agent {
  readonly name: string;

  constructor(private readonly profile: SpecialistProfile) {
    this.name = profile.name;
  }

  run(state: PipelineState): void {
    state.response = composeAnswer(state, this.profile);
    state.engine = 'local';
  }
}

export function composeAnswer(state: PipelineState, profile: SpecialistProfile): string {
  const [main, second] = state.relevantHits;
  if (!main) {
    return [
      "I couldn't find an article in our knowledge base that answers this, and I'd rather not guess at company policy.",
      `${profile.fallbackContact} If you'd like, reply "talk to a person" and I'll pass your question to the HR team.`,
    ].join(' ');
  }
  const excerpt = pickSentences(main.content, state.text.stems).join(' ');
  const parts = [`According to our article "${main.title}": ${excerpt}`];
  parts.push(`Next steps: ${profile.nextSteps.join(' ')}`);
  if (second && second.id !== main.id) parts.push(`See also "${second.title}".`);
  return parts.join('\n\n');
}
