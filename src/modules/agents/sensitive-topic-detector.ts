import { analyzeText } from '../nlp/analyze.js';
import type { Speller } from '../nlp/spelling.js';
import { type ConcernLabel, type ConcernModel, concernFeatures } from './concern-model.js';
import { withoutHarmlessUses } from './escalation/harmless-uses.js';
import { KIND_LABELS } from './escalation/kinds.js';
import { isPolicyQuestion } from './escalation/policy-question.js';
import { matchRules } from './escalation/rule-table.js';
import { NEGATIVE, POSITIVE } from './sentiment-cues.js';
import { sharedSentimentModel } from './sentiment-model.js';
import type { Agent, AnalyzedText, PipelineState } from './types.js';

/**
 * How sure the concern model must be before a message no rule caught is escalated. Chosen on
 * cross-validation of the training data (`npx tsx bench/concern-cv.ts`), never on an evaluation file.
 */
export const CONCERN_THRESHOLD = 0.7;

/**
 * A message of a few words gives the length-normalised model little evidence, and its score for one loaded
 * word runs high; without a rule such a message needs near-certainty.
 */
const SHORT_MESSAGE_WORDS = 6;
const SHORT_MESSAGE_THRESHOLD = 0.95;

/**
 * Where the tone model reads a message as calm (Neutral or Positive) the model's middling scores are
 * mostly ordinary questions with a loaded word. Wrongdoing and legal steps are usually reported
 * in a calm voice, so for those kinds a calm tone is no evidence against the report.
 */
const CALM_CONCERN_THRESHOLD = 0.8;
const CALMLY_REPORTED = new Set<ConcernLabel>(['fraud', 'legal']);

/** Treatment for the worse: good news can come with it, and then a message is no longer plainly happy. */
const ADVERSE =
  /\b(stopped (inviting|including|giving|calling|talking)|excluded|left (me )?out|removed|taken off|took (me|away)|demoted|denied|den(y|ies|ying)|cut (my|our)|fired|let go|passed (me )?over|ignor(es|ed|ing)|won'?t (let|give|allow)|refus(es|ed|ing)|replaced)\b/;

/** Whether a concern score escalates: past the threshold for its length, and past the calm one if calm. */
export function concernHolds(concern: number, threshold: number, calm: () => boolean): boolean {
  if (concern < threshold) return false;
  return concern >= CALM_CONCERN_THRESHOLD || !calm();
}

function readsCalm(message: string): boolean {
  const [positive, neutral, negative, angry] = sharedSentimentModel().probabilities(message);
  return Math.max(positive!, neutral!) >= Math.max(negative!, angry!);
}

const SEGMENT_BREAK = /[.!?;\n]+|\b(?:also|btw|by the way|another thing|separately|unrelated|oh and)\b/;
const MIN_SEGMENT_WORDS = 5;

/**
 * Finds what a person must handle: first the rule table (escalation/rules, what must never be missed),
 * then the trained concern model for the many other ways people describe the same situations. Sentiment,
 * the categorizer and the escalation check all read the result.
 */
export class SensitiveTopicDetector implements Agent {
  readonly name = 'sensitive-topic-detector';

  constructor(
    private readonly concerns?: ConcernModel,
    private readonly speller?: Speller,
  ) {}

  run(state: PipelineState): void {
    const folded = withoutHarmlessUses(state.text.raw);
    state.withoutHarmlessUses = folded;
    state.triggers = matchRules(folded).map((match) => ({
      kind: match.kind,
      label: KIND_LABELS[match.kind],
      matched: match.matched,
      byRule: true,
    }));
    if (state.triggers.length > 0 || !this.concerns) return;
    // A question about a policy names a subject without reporting one, whatever the model makes of its words.
    if (isPolicyQuestion(folded)) return;
    // Re-analyze only when harmless uses were actually removed.
    const text = folded === state.text.raw ? state.text : analyzeText(folded, this.speller);
    if (text.stems.length === 0) return;
    // A plainly happy message is not a report.
    if (POSITIVE.test(folded) && !NEGATIVE.test(folded) && !ADVERSE.test(folded)) return;
    const verdict = this.strongestVerdict(this.concerns, text, folded);
    if (verdict.concern < verdict.threshold) return;
    const kind = this.concerns.kindOf(verdict.features);
    const calm = () => !CALMLY_REPORTED.has(kind) && readsCalm(state.input.message);
    if (!concernHolds(verdict.concern, verdict.threshold, calm)) return;
    if (kind !== 'none')
      state.triggers.push({
        kind,
        label: KIND_LABELS[kind],
        matched: `described situation, model confidence ${verdict.concern.toFixed(2)}`,
        byRule: false,
      });
  }

  /**
   * Two topics in one message ("when is open enrollment? also my lead…") dilute a report with ordinary
   * words, so each sentence or "also/btw" part of some length is judged on its own too. Every part must
   * clear the threshold for its own length. Only the concern score is computed per part; the kind is
   * asked for once, for the part acted on.
   */
  private strongestVerdict(concerns: ConcernModel, text: AnalyzedText, folded: string): Verdict {
    let best = judged(concerns, concernFeatures(text), folded);
    const parts = folded
      .split(SEGMENT_BREAK)
      .filter((part) => part && part.split(' ').length >= MIN_SEGMENT_WORDS);
    if (parts.length >= 2)
      for (const part of parts) {
        const verdict = judged(concerns, concernFeatures(analyzeText(part, this.speller)), part);
        if (verdict.concern - verdict.threshold > best.concern - best.threshold) best = verdict;
      }
    return best;
  }
}

interface Verdict {
  features: string[];
  concern: number;
  /** The confidence the model needs for a text of this length. */
  threshold: number;
}

function judged(concerns: ConcernModel, features: string[], text: string): Verdict {
  const short = text.trim().split(/\s+/).length < SHORT_MESSAGE_WORDS;
  const threshold = short ? SHORT_MESSAGE_THRESHOLD : CONCERN_THRESHOLD;
  return { features, concern: concerns.concernOf(features), threshold };
}
