import { analyzeText } from '../nlp/analyze.js';
import type { Speller } from '../nlp/spelling.js';
import type { Agent, PipelineState } from './types.js';

/** Normalizes and stems the message (and the previous user turn) once, for every later agent. */
export class TextAnalyzer implements Agent {
  readonly name = 'text-analyzer';

  constructor(private readonly speller: Speller) {}

  run(state: PipelineState): void {
    state.text = analyzeText(state.input.message, this.speller);
    for (let i = state.input.history.length - 1; i >= 0; i--) {
      const turn = state.input.history[i]!;
      if (turn.role === 'user') {
        state.previousUserText = analyzeText(turn.content, this.speller);
        break;
      }
    }
  }
}
