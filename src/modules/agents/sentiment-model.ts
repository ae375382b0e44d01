import { join } from 'node:path';
import { afinnSum } from '../nlp/afinn.js';
import { readLabeledLines } from '../nlp/labeled-lines.js';
import { guessLanguage } from '../nlp/language.js';
import { normalizeText, tokenize } from '../nlp/normalize.js';
import { decodeVocabulary, restore } from '../nlp/snapshot.js';
import { type SoftmaxOptions, SoftmaxRegression, type SoftmaxSnapshot } from '../nlp/softmax-regression.js';
import { stem } from '../nlp/stem.js';
import { shippedModels } from './model-artifacts.js';
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
import { trainingDirectory } from './training-data.js';
import type { Language, Sentiment } from './types.js';

export const SENTIMENTS: readonly Sentiment[] = ['Positive', 'Neutral', 'Negative', 'Angry'];

export interface SentimentExample {
  sentiment: Sentiment;
  text: string;
}

/** One example per non-empty line of data/training/sentiment/<Sentiment>.txt (# starts a comment). */
export function readSentimentExamples(directory = trainingDirectory()): SentimentExample[] {
  return readLabeledLines(join(directory, 'sentiment'), (name) =>
    SENTIMENTS.includes(name as Sentiment) ? (name as Sentiment) : undefined,
  ).map(({ label, text }) => ({ sentiment: label, text }));
}

const POSITIVE_EMOJI = /(:-?\)|:-?D|;-?\)|<3|[😀😃😄😁😊🙂😍🥰🎉🥳🙌👍🙏❤💯✨😎🤩])/u;
const NEGATIVE_EMOJI = /(:-?\(|:'\(|:-?\/|[😞😢😭😟😔😕🙁☹😩😫😓])/u;
const ANGRY_EMOJI = /[😡😠🤬👎💢]/u;

/** Words in capitals that are not acronyms: shouting. */
export function shoutedWords(message: string): number {
  let count = 0;
  for (const match of message.matchAll(/\b[A-Z][A-Z'-]{2,}\b/g)) if (!ACRONYMS.has(match[0])) count++;
  return count;
}

/**
 * Features of a message for the sentiment model: every word's stem (function words included, since
 * "you", "again", "still", "why" and "not" carry tone), adjacent bigrams, and the shape of the text
 * (shouting, !!, ??, emoticons, length), the hand-written cues and a lexicon score bucket, so the model
 * weighs each signal by what the training data says.
 */
export function sentimentFeatures(message: string): string[] {
  const normalized = normalizeText(message);
  const tokens = tokenize(normalized);
  const language: Language = guessLanguage(tokens);
  const stems = tokens.map((token) => stem(token, language));
  const features: string[] = [];
  for (const s of stems) features.push(s);
  for (let i = 1; i < stems.length; i++) features.push(`${stems[i - 1]}_${stems[i]}`);
  if (stems.length > 0) features.push(`first:${stems[0]}`);

  const shouted = shoutedWords(message);
  if (shouted >= 1) features.push('shout:1');
  if (shouted >= 2) features.push('shout:2');
  if (shouted >= 4) features.push('shout:4');
  const letters = message.replace(/[^A-Za-z]/g, '');
  if (letters.length >= 8 && letters === letters.toUpperCase() && shouted >= 2) features.push('shout:all');
  if (/!{2,}/.test(message)) features.push('p:!!');
  else if (message.includes('!')) features.push('p:!');
  if (/\?{2,}/.test(message)) features.push('p:??');
  else if (message.includes('?')) features.push('p:?');
  if (/\?!|!\?/.test(message)) features.push('p:?!');
  if (/\.\s*[A-Za-z]+\.\s*[A-Za-z]+\./.test(message) && tokens.length <= 8) features.push('p:clipped');
  if (POSITIVE_EMOJI.test(message)) features.push('emo:pos');
  if (NEGATIVE_EMOJI.test(message)) features.push('emo:neg');
  if (ANGRY_EMOJI.test(message)) features.push('emo:angry');
  if (tokens.length <= 3) features.push('len:short');
  else if (tokens.length >= 30) features.push('len:long');

  if (STRONG_ANGER.test(normalized)) features.push('cue:anger');
  ANGER_POINTS.forEach((pattern, i) => {
    if (pattern.test(normalized)) features.push(`cue:point${i}`);
  });
  if (NEGATIVE.test(normalized)) features.push('cue:negative');
  if (PAY_PROBLEM.test(normalized)) features.push('cue:pay');
  if (POSITIVE.test(normalized)) features.push('cue:positive');
  if (NEGATION_BEFORE_POSITIVE.test(normalized)) features.push('cue:not-positive');
  const lexical = lexiconScore(tokens, language);
  if (lexical <= -4) features.push('lex:--');
  else if (lexical < 0) features.push('lex:-');
  else if (lexical >= 4) features.push('lex:++');
  else if (lexical > 0) features.push('lex:+');
  return features;
}

function lexiconScore(tokens: readonly string[], language: Language): number {
  return afinnSum(
    tokens.filter((token) => !DOMAIN_NEUTRAL.has(token)),
    language,
  );
}

/**
 * How often each tone turns up in real HR traffic (most messages are plain questions, few are angry), in
 * the order of SENTIMENTS. The training files hold far more emotional lines than real traffic does, so
 * the model's probabilities are re-weighted from the training mix to this one.
 */
const REAL_MIX = [0.1, 0.6, 0.2, 0.1];
/**
 * The re-weighting is applied at three quarters of its strength: the regularised model is already
 * cautious, and the full shift buried clear feelings ("thrilled", ":)") under the Neutral prior.
 */
const PRIOR_STRENGTH = 0.75;

export interface SentimentTraining extends SoftmaxOptions {
  /** Models trained in different orders whose probabilities are averaged (removes the SGD order noise). */
  bag?: number;
}

const TRAINING: SentimentTraining = { epochs: 12, rate: 1, l2: 1e-2, bag: 3 };

export interface SentimentSnapshot {
  priorShift: number[];
  vocabulary: string;
  /** The members index the same features in the same order; the vocabulary is stored once. */
  members: SoftmaxSnapshot[];
}

/** A bag of softmax regressions over sentimentFeatures(), trained on data/training/sentiment. */
export class SentimentModel {
  private readonly members: SoftmaxRegression<Sentiment>[] = [];
  private readonly priorShift: Float64Array;

  /** `realMix` null keeps the training mix (for cross-validation on the training lines). */
  constructor(
    examples: readonly SentimentExample[],
    realMix: readonly number[] | null = REAL_MIX,
    { bag = 1, seed = 7, ...options }: SentimentTraining = TRAINING,
  ) {
    this.priorShift = Float64Array.from(SENTIMENTS, (sentiment, i) => {
      const share = examples.filter((example) => example.sentiment === sentiment).length / examples.length;
      return realMix === null ? 1 : share > 0 ? (realMix[i]! / share) ** PRIOR_STRENGTH : 0;
    });
    const featured = examples.map((example) => ({
      label: example.sentiment,
      features: sentimentFeatures(example.text),
    }));
    for (let m = 0; m < bag; m++)
      this.members.push(new SoftmaxRegression(SENTIMENTS, featured, { ...options, seed: seed + 7919 * m }));
  }

  toSnapshot(): SentimentSnapshot {
    const members = this.members.map((member) => member.toSnapshot());
    const vocabulary = members[0]?.vocabulary ?? '';
    if (members.some((member) => member.vocabulary !== vocabulary))
      throw new Error('the sentiment models were expected to share one vocabulary');
    return {
      priorShift: [...this.priorShift].map(Math.fround),
      vocabulary,
      members: members.map((member) => ({ ...member, vocabulary: undefined })),
    };
  }

  static fromSnapshot(snapshot: SentimentSnapshot): SentimentModel {
    const index = decodeVocabulary(snapshot.vocabulary);
    return restore(SentimentModel.prototype, {
      priorShift: Float64Array.from(snapshot.priorShift),
      members: snapshot.members.map((member) => SoftmaxRegression.fromSnapshot(SENTIMENTS, member, index)),
      last: undefined,
    });
  }

  /** The last message read and its reading: the escalation detector and the sentiment agent ask in turn. */
  private last: { message: string; probabilities: Float64Array } | undefined;

  /** Probabilities in the order of SENTIMENTS, re-weighted to the real mix of tones. Do not modify. */
  probabilities(message: string): Float64Array {
    if (this.last?.message === message) return this.last.probabilities;
    const features = sentimentFeatures(message);
    const probabilities = new Float64Array(SENTIMENTS.length);
    for (const member of this.members) {
      const own = member.probabilities(features);
      for (let i = 0; i < own.length; i++) probabilities[i]! += own[i]!;
    }
    let sum = 0;
    for (let i = 0; i < probabilities.length; i++) {
      probabilities[i]! *= this.priorShift[i]!;
      sum += probabilities[i]!;
    }
    for (let i = 0; i < probabilities.length; i++) probabilities[i]! /= sum;
    this.last = { message, probabilities };
    return probabilities;
  }
}

/** The model over the shipped training data (loaded from its artifact with the others). */
export function sharedSentimentModel(): SentimentModel {
  return shippedModels().sentiment;
}
