import type { KnowledgeIndex } from '../knowledge/retrieval-index.js';
import type { CategoryModel } from './category-model.js';
import { type Agent, CATEGORIES, type PipelineState } from './types.js';

const FOLLOW_UP_OPENING =
  /^(and|also|plus|ok(ay)?,? and|what about|how about|what if|same for|and what|y |y si|et |und |what abt)\b/;

/** Picks the HR category; short ambiguous follow-ups lean on the previous user turn's category. */
export class Categorizer implements Agent {
  readonly name = 'categorizer';

  constructor(
    private readonly model: CategoryModel,
    private readonly index?: KnowledgeIndex,
  ) {}

  run(state: PipelineState): void {
    if (state.outOfScope) {
      // Not an HR topic at all: "anything else" is the honest category.
      state.category = 'General';
      state.categoryConfidence = 1;
      return;
    }
    if (!state.previousUserText && isAcknowledgement(state.text.raw)) {
      // "ok got it", "perfect, thanks" with no earlier question: nothing to file under a topic.
      state.category = 'General';
      state.categoryConfidence = 1;
      return;
    }
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
    if (this.index && current.knownFeatures > 0) probabilities = this.mixArticleVotes(state, probabilities);
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

  /**
   * The knowledge base is a second, independent opinion: the categories of the articles that best match
   * the question (closer to the top score = more weight) are blended in lightly.
   */
  private mixArticleVotes(state: PipelineState, probabilities: Float64Array): Float64Array {
    const hits = this.index!.searchStems(state.text.stems, { limit: 5 }).hits;
    const top = hits[0]?.score;
    if (!top) return probabilities;
    const votes = new Float64Array(CATEGORIES.length);
    for (const hit of hits) {
      const i = CATEGORIES.indexOf(hit.category);
      votes[i] = Math.max(votes[i]!, Math.exp((hit.score / top - 1) / ARTICLE_VOTE_SHARPNESS));
    }
    const total = votes.reduce((a, b) => a + b, 0);
    return probabilities.map(
      (p, i) => (1 - ARTICLE_VOTE_WEIGHT) * p + (ARTICLE_VOTE_WEIGHT * votes[i]!) / total,
    );
  }
}

/** Words of a reply that only acknowledges or thanks ("ok cool", "perfect, that's what I needed"). */
const ACKNOWLEDGEMENT = new Set(
  (
    'ok okay k kk cool great perfect thanks thank you thx ty got it understood much appreciated appreciate ' +
    'sounds good nice awesome alright all right sure yes yep yeah no nope that thats what i was looking for ' +
    'needed exactly super fine will do noted merci gracias danke vielen parfait vale perfecto genial'
  ).split(' '),
);

function isAcknowledgement(raw: string): boolean {
  const words = raw.replace(/'/g, '').match(/[a-z]+/g);
  return words !== null && words.length <= 8 && words.every((word) => ACKNOWLEDGEMENT.has(word));
}

const POLICY = CATEGORIES.indexOf('Policy');
/** How much the categories of the best-matching articles weigh against the trained model. */
const ARTICLE_VOTE_WEIGHT = 0.2;
const ARTICLE_VOTE_SHARPNESS = 0.3;
const GENERAL = CATEGORIES.indexOf('General');
/**
 * Reports of misconduct, which the label guide (docs/label-guide.md) files under Policy whatever else the
 * message names: pay, a review, a hiring decision. Violence is misconduct too (its article is a Policy one).
 * Legal steps and requests for a person keep the topic they are about.
 */
const MISCONDUCT = new Set<string>([
  'violence',
  'harassment',
  'discrimination',
  'retaliation',
  'safety',
  'fraud',
]);

/**
 * The label guide decides the category of an escalated report: a crisis is always General, a report of
 * misconduct is always Policy ("my manager rated me low because I'm pregnant" is about discrimination,
 * not about the review). A trigger here is what the case is escalated for, so the category and the
 * escalation kind agree.
 */
function applyTopicPriors(state: PipelineState, probabilities: Float64Array): Float64Array {
  const kinds = state.triggers.map((trigger) => trigger.kind);
  const target = kinds.includes('crisis')
    ? GENERAL
    : kinds.some((kind) => MISCONDUCT.has(kind))
      ? POLICY
      : -1;
  if (target < 0) return probabilities;
  return probabilities.map((_, i) => (i === target ? 1 : 0));
}
