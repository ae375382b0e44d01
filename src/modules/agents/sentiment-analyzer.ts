import { SentimentAnalyzer as LexiconAnalyzer } from 'natural/lib/natural/sentiment/index.js';
import { stripInnocentPhrases } from './escalation-rules.js';
import { tokenize } from './nlp/normalize.js';
import {
  ACRONYMS,
  ANGER_POINTS,
  DOMAIN_NEUTRAL,
  NEGATION_BEFORE_POSITIVE,
  NEGATIVE,
  POSITIVE,
  STRONG_ANGER,
} from './sentiment-cues.js';
import type { Agent, PipelineState, Sentiment } from './types.js';

const english = new LexiconAnalyzer('English', undefined, 'afinn');
const spanish = new LexiconAnalyzer('Spanish', undefined, 'afinn');

/** Reads the tone of a message; the lexicon is the fallback, the cues decide the clear cases. */
export function classifySentiment(message: string, folded: string, language: string): Sentiment {
  if (STRONG_ANGER.test(folded)) return 'Angry';
  let anger = shoutedWords(message) >= 2 ? 1 : 0;
  for (const pattern of ANGER_POINTS) if (pattern.test(folded)) anger++;
  const negative = NEGATIVE.test(folded) || NEGATION_BEFORE_POSITIVE.test(folded);
  if (anger >= 2 && (negative || anger >= 3)) return 'Angry';
  if (negative || anger >= 2) return 'Negative';
  if (POSITIVE.test(folded)) return 'Positive';
  const lexical = lexiconScore(folded, language);
  if (lexical <= -3) return 'Negative';
  if (lexical >= 3 && !folded.includes('?')) return 'Positive';
  return 'Neutral';
}

function lexiconScore(folded: string, language: string): number {
  const tokens = tokenize(folded).filter((token) => !DOMAIN_NEUTRAL.has(token));
  if (tokens.length === 0) return 0;
  const analyzer = language === 'es' ? spanish : english;
  return analyzer.getSentiment(tokens) * tokens.length;
}

function shoutedWords(message: string): number {
  let count = 0;
  for (const match of message.matchAll(/\b[A-Z][A-Z'-]{2,}\b/g)) if (!ACRONYMS.has(match[0])) count++;
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
    const folded = stripInnocentPhrases(state.text.raw);
    state.sentiment = classifySentiment(state.input.message, folded, state.text.language);
    state.priority = computePriority(state.sentiment, state.attemptCount, state.input.isVip);
  }
}
