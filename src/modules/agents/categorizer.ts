import type { CategoryModel } from './category-model.js';
import { type Agent, CATEGORIES, type PipelineState } from './types.js';

const FOLLOW_UP_OPENING =
  /^(and|also|plus|ok(ay)?,? and|what about|how about|what if|same for|and what|y |y si|et |und |what abt)\b/;

/** Picks the HR category; short ambiguous follow-ups lean on the previous user turn's category. */
export class Categorizer implements Agent {
  readonly name = 'categorizer';

  constructor(private readonly model: CategoryModel) {}

  run(state: PipelineState): void {
    const current = this.model.predict(state.text);
    let probabilities = current.probabilities;
    const previous = state.previousUserText;
    if (previous) {
      const explicitFollowUp = FOLLOW_UP_OPENING.test(state.text.raw.trim()) && state.text.stems.length <= 6;
      const vague = state.text.stems.length <= 3 && current.confidence < 0.6;
      if (explicitFollowUp || vague) {
        const before = this.model.predict(previous).probabilities;
        const weight = explicitFollowUp ? 0.6 : 0.5;
        probabilities = probabilities.map((p, i) => (1 - weight) * p + weight * before[i]!);
      }
    }
    probabilities = applyTopicPriors(state, probabilities);
    if (current.knownFeatures === 0 && probabilities === current.probabilities) {
      // Nothing recognisable and no context: "anything else" is the honest category.
      state.category = 'General';
      state.categoryConfidence = Math.round(current.confidence * 1000) / 1000;
      return;
    }
    let best = 0;
    for (let i = 1; i < probabilities.length; i++) if (probabilities[i]! > probabilities[best]!) best = i;
    state.category = CATEGORIES[best]!;
    state.categoryConfidence = Math.round(probabilities[best]! * 1000) / 1000;
  }
}

const POLICY = CATEGORIES.indexOf('Policy');
const GENERAL = CATEGORIES.indexOf('General');
const MISCONDUCT = new Set(['harassment', 'discrimination', 'retaliation', 'bullying', 'safety', 'fraud']);

/**
 * Reports of misconduct are Policy matters and personal crises are General ones, whatever other
 * subject words the message carries, unless the model is clearly sure of another category.
 */
function applyTopicPriors(state: PipelineState, probabilities: Float64Array): Float64Array {
  const kinds = state.triggers.map((trigger) => trigger.kind);
  let target = -1;
  if (kinds.includes('crisis')) target = GENERAL;
  else if (kinds.some((kind) => MISCONDUCT.has(kind))) target = POLICY;
  if (target < 0) return probabilities;
  const adjusted = probabilities.map((p, i) => (i === target ? p + TOPIC_PRIOR : p));
  const sum = adjusted.reduce((a, b) => a + b, 0);
  return adjusted.map((p) => p / sum);
}

const TOPIC_PRIOR = 0.5;
