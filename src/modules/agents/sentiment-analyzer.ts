import { isReport } from './escalation/kinds.js';
import { rawPriority } from './escalation/priority.js';
import { NEGATIVE, POSITIVE, STRONG_ANGER } from './sentiment-cues.js';
import { SENTIMENTS, sentimentFeatures, sharedSentimentModel } from './sentiment-model.js';
import type { Agent, PipelineState, Sentiment } from './types.js';

/** How sure the model must be to call a message that reports a concern Angry rather than Negative. */
const CONFIDENT_ANGER_IN_REPORT = 0.6;

/** Below this probability an Angry reading needs visible anger in the text. */
const TENTATIVE_ANGER = 0.6;
const ANGER_EVIDENCE = /^(shout:|p:!!|p:\?\?|p:\?!|emo:angry|cue:anger|cue:point|lex:--)/;
const showsAnger = (message: string): boolean =>
  sentimentFeatures(message).some((feature) => ANGER_EVIDENCE.test(feature));

/**
 * Reads the tone of a message. A classifier trained on data/training/sentiment decides; the strongest
 * hand-written cues override it where they have proved reliable, and a reported concern (mistreatment,
 * danger, distress) makes a calm-sounding message Negative.
 */
export function classifySentiment(
  message: string,
  folded: string,
  raisesConcern = false,
  unstripped = folded,
): Sentiment {
  if (STRONG_ANGER.test(folded)) return 'Angry';
  const probabilities = sharedSentimentModel().probabilities(message);
  let best = 0;
  for (let i = 1; i < probabilities.length; i++) if (probabilities[i]! > probabilities[best]!) best = i;
  let sentiment = SENTIMENTS[best]!;
  // The model can call a calm question Angry from its words alone ("how come my pay changes from one
  // payslip to the next"); a tentative Angry reading with no sign of anger in the text (shouting, !!, ??, insults,
  // ultimatums, a strongly negative lexicon score) falls back to the next most likely tone.
  if (sentiment === 'Angry' && probabilities[best]! < TENTATIVE_ANGER && !showsAnger(message)) {
    let second = best === 0 ? 1 : 0;
    for (let i = 0; i < probabilities.length; i++)
      if (i !== best && probabilities[i]! > probabilities[second]!) second = i;
    sentiment = SENTIMENTS[second]!;
  }
  // Good news often comes as an idiom or a single word ("I killed it on sales", "thrilled to say") in an
  // otherwise plain question, which the model alone reads as Neutral.
  if (sentiment === 'Neutral' && !raisesConcern && POSITIVE.test(unstripped) && !NEGATIVE.test(unstripped))
    return 'Positive';
  if (!raisesConcern) return sentiment;
  if (sentiment === 'Neutral' || sentiment === 'Positive') return 'Negative';
  // A report of mistreatment reads as angry to the model by its words alone ("screamed", "threatened");
  // unless the model is sure, it is distress. The report escalates either way.
  if (sentiment === 'Angry' && probabilities[best]! < CONFIDENT_ANGER_IN_REPORT) return 'Negative';
  return sentiment;
}

/** Priority before escalation: base 3, Negative +2, Angry +3, repeat +2, VIP +2, clamped 1..10. */
export function computePriority(sentiment: Sentiment, attemptCount: number, isVip: boolean): number {
  return rawPriority({ sentiment, attemptCount, isVip });
}

export class SentimentAgent implements Agent {
  readonly name = 'sentiment-analyzer';

  constructor() {
    // Train at start-up (shared by every pipeline), not on the first employee's message.
    sharedSentimentModel();
  }

  run(state: PipelineState): void {
    const folded = state.withoutHarmlessUses;
    // Reporting mistreatment, danger or distress is negative even when worded calmly.
    const raisesConcern = state.triggers.some((trigger) => isReport(trigger.kind));
    state.sentiment = classifySentiment(state.input.message, folded, raisesConcern, state.text.raw);
    state.priority = computePriority(state.sentiment, state.attemptCount, state.input.isVip);
  }
}
