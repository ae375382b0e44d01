import type { KnowledgeIndex } from '../knowledge/retrieval-index.js';
import { cueExpansion } from './nlp/features.js';
import type { Agent, PipelineState } from './types.js';

const FOLLOW_UP_MAX_STEMS = 4;

/** Finds the top articles, preferring the predicted category; short follow-ups borrow the previous turn's words. */
export class Retriever implements Agent {
  readonly name = 'kb-retriever';

  constructor(private readonly index: KnowledgeIndex) {}

  run(state: PipelineState): void {
    let stems = state.text.stems;
    if (state.previousUserText && stems.length <= FOLLOW_UP_MAX_STEMS)
      stems = [...stems, ...state.previousUserText.stems];
    const outcome = this.index.searchStems(stems, {
      category: state.category,
      limit: 3,
      hints: cueExpansion(state.text),
    });
    state.kbResults = outcome.hits;
    state.relevantHits = outcome.relevant;
  }
}
