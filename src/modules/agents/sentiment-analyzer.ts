import { SentimentAnalyzer as LexiconAnalyzer } from 'natural/lib/natural/sentiment/index.js';
import { tokenize } from './nlp/normalize.js';
import {
  ACRONYMS,
  ANGER_POINTS,
  DOMAIN_NEUTRAL,
  NEGATION_BEFORE_POSITIVE,
  NEGATIVE,
  PAY_PROBLEM,
  POSITIVE,
  STRONG_ANGER,
} from './sentiment-cues.js';
import type { Agent, PipelineState, Sentiment } from './types.js';

const english = new LexiconAnalyzer('English', undefined, 'afinn');
const spanish = new LexiconAnalyzer('Spanish', undefined, 'afinn');

/** Reads the tone of a message; the lexicon is the fallback, the cues decide the clear cases. */
export function classifySentiment(
  message: string,
  folded: string,
  language: string,
  raisesConcern = false,
  unstripped = folded,
): Sentiment {
  if (STRONG_ANGER.test(folded)) return 'Angry';
  // Idioms like "killed it" are stripped for the escalation rules but are positive here.
  const positive = POSITIVE.test(unstripped);
  const shouted = shoutedWords(message);
  let anger = shouted >= 4 ? 3 : shouted >= 3 ? 2 : shouted >= 1 ? 1 : 0;
  for (const pattern of ANGER_POINTS) {
    // Exclamation marks read as excitement, not anger, in an otherwise happy message.
    if (positive && pattern === ANGER_POINTS[0]) continue;
    if (pattern.test(folded)) anger++;
  }
  const negative =
    raisesConcern ||
    NEGATIVE.test(folded) ||
    PAY_PROBLEM.test(folded) ||
    NEGATION_BEFORE_POSITIVE.test(folded);
  if (anger >= 2 && (negative || anger >= 3)) return 'Angry';
  if (negative || anger >= 2) return 'Negative';
  if (positive) return 'Positive';
  const lexical = lexiconScore(folded, language);
  if (lexical <= -3) return 'Negative';
  if (lexical >= 4 && !isQuestion(folded)) return 'Positive';
  return 'Neutral';
}

function lexiconScore(folded: string, language: string): number {
  const tokens = tokenize(folded).filter((token) => !DOMAIN_NEUTRAL.has(token));
  if (tokens.length === 0) return 0;
  const analyzer = language === 'es' ? spanish : english;
  return analyzer.getSentiment(tokens) * tokens.length;
}

function isQuestion(folded: string): boolean {
  return (
    folded.includes('?') ||
    /^\s*(how|what|when|where|who|why|which|can|could|do|does|is|are|will|should)\b/.test(folded)
  );
}

function shoutedWords(message: string): number {
  let count = 0;
  for (const match of message.matchAll(/\b[A-Z][A-Z'-]{3,}\b/g)) if (!ACRONYMS.has(match[0])) count++;
  return count;
}

/** Priority from the rules of the product: base 3, Negative +2, Angry +3, repeat +2, VIP +2, clamped 1..10. */
export function computePriority(sentiment: Sentiment, attemptCount: number, isVip: boolean): number {
  let priority = 3;
  if (sentiment === 'Negative') priority += 2;
  if (sentiment === 'Angry') priority += 3;
  if (attemptCount >= 2) priority += 2;
  if (isVip) priority += 2;
  return Math.min(10, Math.max(1, priority));
}

export class SentimentAgent implements Agent {
  readonly name = 'sentiment-analyzer';

  run(state: PipelineState): void {
    const folded = state.withoutInnocentPhrases;
    // Reporting mistreatment, danger or distress is negative even when worded calmly.
    const raisesConcern = state.triggers.some((trigger) => trigger.kind !== 'human');
    state.sentiment = classifySentiment(
      state.input.message,
      folded,
      state.text.language,
      raisesConcern,
      state.text.raw,
    );
    state.priority = computePriority(state.sentiment, state.attemptCount, state.input.isVip);
  }
}
