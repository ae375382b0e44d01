import { findTriggers } from './escalation-rules.js';
import type { Agent, PipelineState } from './types.js';

/** Finds subjects a person must handle; sentiment and the escalation check both read the result. */
export class SensitiveTopicDetector implements Agent {
  readonly name = 'sensitive-topic-detector';

  run(state: PipelineState): void {
    state.triggers = findTriggers(state.text.raw);
  }
}
