import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { extractFeatures } from '../nlp/features.js';
import { readLabeledLines } from '../nlp/labeled-lines.js';
import { LogisticModel, type LogisticSnapshot } from '../nlp/logistic.js';
import { NaiveBayes, type NaiveBayesSnapshot } from '../nlp/naive-bayes.js';
import { restore } from '../nlp/snapshot.js';
import { CONCERN_KINDS as KINDS } from './escalation/kinds.js';
import type { AnalyzedText, ConcernKind } from './types.js';

export type ConcernLabel = ConcernKind | 'none';

const CONCERN_KINDS: readonly ConcernLabel[] = [...KINDS, 'none'];

const NONE = CONCERN_KINDS.indexOf('none');

/** Concern models averaged per verdict; five keep start-up training near one second. */
const BAG_SIZE = 5;

/**
 * Stems, stem bigrams and character 4-grams of the whole normalized message (spaces and small words
 * included). The 4-grams carry typos ("threatend"), inflections the stemmer misses and short phrases
 * ("d me", "to h"): in cross-validation they lift recall at 1% false alarms from 38% to 68%.
 */
export function concernFeatures(text: AnalyzedText): string[] {
  const features = extractFeatures(text);
  const whole = ` ${text.normalized} `;
  for (let i = 0; i + 4 <= whole.length; i++) features.push(`#${whole.slice(i, i + 4)}`);
  return features;
}

export interface ConcernSnapshot {
  kinds: NaiveBayesSnapshot;
  anyConcern: LogisticSnapshot;
}

/**
 * A classifier for "a person must handle this", trained on described incidents (data/training/escalation)
 * against ordinary HR questions. It is the main signal behind the rule table (escalation/rules), which cannot list every way people describe
 * mistreatment; the class prior keeps it conservative, since most messages are ordinary questions.
 */
export class ConcernModel {
  /** Which kind of concern, among the concern examples only. */
  private readonly kinds: NaiveBayes<ConcernLabel>;
  /** Whether there is a concern at all: all kinds pooled against ordinary questions. */
  private readonly anyConcern: LogisticModel;

  constructor(examples: readonly { label: ConcernLabel; text: AnalyzedText }[]) {
    const featured = examples.map((example) => ({
      label: example.label,
      features: concernFeatures(example.text),
    }));
    // Standard posterior with light smoothing: 75% right on held-out concerns (bench/concern-cv.ts).
    this.kinds = new NaiveBayes(
      CONCERN_KINDS,
      featured.filter((example) => example.label !== 'none'),
      0.1,
    );
    const pooled = featured.map((example) => ({
      features: example.features,
      positive: example.label !== 'none',
    }));
    // Unit-length features stop long messages from adding up to over-confident scores, and averaging
    // models trained in different orders removes the SGD order noise. In cross-validation together they
    // lift recall at 2% false alarms from 75% to 81% (at 1%: 64% to 70%).
    this.anyConcern = new LogisticModel(pooled, {
      normalize: true,
      rate: 6,
      l2: 1e-3,
      seed: 7,
      bagSize: BAG_SIZE,
    });
  }

  toSnapshot(): ConcernSnapshot {
    return { kinds: this.kinds.toSnapshot(), anyConcern: this.anyConcern.toSnapshot() };
  }

  static fromSnapshot(snapshot: ConcernSnapshot): ConcernModel {
    return restore(ConcernModel.prototype, {
      kinds: NaiveBayes.fromSnapshot(CONCERN_KINDS, snapshot.kinds),
      anyConcern: LogisticModel.fromSnapshot(snapshot.anyConcern),
    });
  }

  /** The most likely kind of concern and the probability that the message raises one at all. */
  classify(text: AnalyzedText): { label: ConcernLabel; concern: number } {
    const features = concernFeatures(text);
    return { label: this.kindOf(features), concern: this.concernOf(features) };
  }

  /** The probability that a message with these features (concernFeatures) raises a concern at all. */
  concernOf(features: readonly string[]): number {
    return this.anyConcern.probability(features);
  }

  /**
   * The most likely kind of concern. Costs more than concernOf (a score per kind), so the detector asks
   * only for the verdict it acts on.
   */
  kindOf(features: readonly string[]): ConcernLabel {
    const scores = this.kinds.logPosterior(features);
    let best = NONE === 0 ? 1 : 0;
    for (let i = 0; i < scores.length; i++) if (i !== NONE && scores[i]! > scores[best]!) best = i;
    return CONCERN_KINDS[best]!;
  }
}

/** Reads data/training/escalation/<kind>.txt plus innocent.txt (labeled 'none'). */
export function readConcernExamples(directory: string): { label: ConcernLabel; text: string }[] {
  const folder = join(directory, 'escalation');
  if (!existsSync(folder)) return [];
  return readLabeledLines(folder, (name) => {
    const label = (name === 'innocent' ? 'none' : name) as ConcernLabel;
    return CONCERN_KINDS.includes(label) ? label : undefined;
  });
}
