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
    if (probabilities === current.probabilities && current.knownFeatures === 0) {
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
