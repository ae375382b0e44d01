import type { ArticleMatcher } from '../knowledge/article-matcher.js';
import type { KnowledgeIndex } from '../knowledge/retrieval-index.js';
import { cueExpansion } from '../nlp/features.js';
import type { Agent, PipelineState } from './types.js';

const FOLLOW_UP_MAX_STEMS = 4;

/**
 * Finds the top articles by their words (BM25) and by the learned matcher, preferring the predicted category;
 * short follow-ups borrow the previous turn's words.
 */
export class Retriever implements Agent {
  readonly name = 'kb-retriever';

  /** Built once, so the index can remember per matcher which articles it knows. */
  private readonly knows: ((title: string) => boolean) | undefined;
  private readonly vocabulary: ((title: string) => ReadonlySet<string> | undefined) | undefined;

  constructor(
    private readonly index: KnowledgeIndex,
    private readonly matcher?: ArticleMatcher,
  ) {
    this.knows = matcher && ((title) => matcher.vocabulary(title) !== undefined);
    this.vocabulary = matcher && ((title) => matcher.vocabulary(title));
  }

  run(state: PipelineState): void {
    // No article is about the weather or a recipe; a loosely matching one must not be passed off as the answer.
    if (state.outOfScope) return;
    let stems = state.text.stems;
    if (state.previousUserText && stems.length <= FOLLOW_UP_MAX_STEMS)
      stems = [...stems, ...state.previousUserText.stems];
    const hints = cueExpansion(state.text);
    const followUp = state.previousUserText !== null && state.text.stems.length <= FOLLOW_UP_MAX_STEMS;
    const asked = followUp ? { ...state.text, stems } : state.text;
    const matched = this.matcher?.probabilities(asked);
    const similar = this.matcher?.similarities(asked);
    const outcome = this.index.searchStems(stems, {
      category: state.category,
      limit: 3,
      hints,
      matched,
      similar,
      vocabulary: this.vocabulary,
      knows: this.knows,
      language: state.text.language,
    });
    state.searchStems = [...new Set([...stems, ...hints])];
    state.hintStems = hints.filter((stem) => !stems.includes(stem));
    state.kbResults = outcome.hits;
    state.relevantHits = outcome.relevant;
  }
}
