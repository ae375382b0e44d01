import { decodeFloats, decodeVocabulary, encodeFloats, encodeVocabulary, restore } from './snapshot.js';
import { encodeFeatures, shuffleInPlace } from './training-support.js';

export interface SoftmaxSnapshot {
  /** Left out when the snapshot's owner stores it once for several models with the same features. */
  vocabulary?: string;
  weights: string;
  bias: string;
}

export interface SoftmaxOptions {
  epochs?: number;
  rate?: number;
  l2?: number;
  seed?: number;
}

/**
 * Multinomial logistic (softmax) regression over sparse binary features, trained by a few passes of SGD.
 * It weighs features discriminatively — a word shared by two categories gets little weight in either —
 * where naive Bayes counts every word as independent evidence, so the two make different mistakes and
 * their blend beats both. Each message's features are scaled to unit length, so long messages do not add
 * up to over-confident scores.
 */
export class SoftmaxRegression<Label extends string> {
  /** Feature → row of `weights` (models trained on the same examples share one). */
  readonly index = new Map<string, number>();
  /** Row-major: feature id × label. */
  private readonly weights: Float32Array | Float64Array;
  private readonly bias: Float32Array | Float64Array;
  readonly labels: readonly Label[];

  constructor(
    labels: readonly Label[],
    examples: readonly { label: Label; features: readonly string[]; weight?: number }[],
    { epochs = 6, rate = 1, l2 = 1e-6, seed = 7 }: SoftmaxOptions = {},
  ) {
    this.labels = labels;
    const k = labels.length;
    const usable = examples.filter((example) => labels.includes(example.label));
    const encoded = usable.map((example) => encodeFeatures(this.index, example.features));
    const targets = usable.map((example) => labels.indexOf(example.label));
    const exampleWeights = usable.map((example) => example.weight ?? 1);
    const weights = new Float64Array(this.index.size * k);
    const bias = new Float64Array(k);
    this.weights = weights;
    this.bias = bias;
    const order = usable.map((_, i) => i);
    const scores = new Float64Array(k);
    const gradients = new Float64Array(k);
    let state = seed;
    for (let epoch = 0; epoch < epochs; epoch++) {
      state = shuffleInPlace(order, state);
      const step = rate / (1 + 0.2 * epoch);
      const shrink = 1 - step * l2;
      for (const position of order) {
        const ids = encoded[position]!;
        const value = featureValue(ids.length);
        this.raw(ids, value, scores);
        softmaxInPlace(scores);
        const target = targets[position]!;
        const scale = step * exampleWeights[position]!;
        for (let label = 0; label < k; label++) {
          gradients[label] = scale * ((label === target ? 1 : 0) - scores[label]!);
          bias[label]! += gradients[label]!;
        }
        for (let i = 0; i < ids.length; i++) {
          const row = ids[i]! * k;
          for (let label = 0; label < k; label++)
            weights[row + label] = weights[row + label]! * shrink + gradients[label]! * value;
        }
      }
    }
  }

  toSnapshot(): SoftmaxSnapshot {
    return {
      vocabulary: encodeVocabulary(this.index.keys()),
      weights: encodeFloats(this.weights),
      bias: encodeFloats(this.bias),
    };
  }

  static fromSnapshot<Label extends string>(
    labels: readonly Label[],
    snapshot: SoftmaxSnapshot,
    index: Map<string, number> = decodeVocabulary(snapshot.vocabulary ?? ''),
  ): SoftmaxRegression<Label> {
    return restore(SoftmaxRegression.prototype as SoftmaxRegression<Label>, {
      labels,
      index,
      weights: decodeFloats(snapshot.weights),
      bias: decodeFloats(snapshot.bias),
    });
  }

  /** Class probabilities for a message's features (unknown features are ignored). */
  probabilities(features: readonly string[]): Float64Array {
    const ids: number[] = [];
    for (const feature of new Set(features)) {
      const id = this.index.get(feature);
      if (id !== undefined) ids.push(id);
    }
    const scores = new Float64Array(this.labels.length);
    this.raw(ids, featureValue(ids.length), scores);
    softmaxInPlace(scores);
    return scores;
  }

  private raw(ids: ArrayLike<number>, value: number, out: Float64Array): void {
    const k = this.labels.length;
    const { weights } = this;
    out.fill(0);
    for (let i = 0; i < ids.length; i++) {
      const row = ids[i]! * k;
      for (let label = 0; label < k; label++) out[label]! += weights[row + label]!;
    }
    for (let label = 0; label < k; label++) out[label] = this.bias[label]! + out[label]! * value;
  }
}

const featureValue = (count: number): number => 1 / Math.sqrt(Math.max(count, 1));

/** Turns scores into probabilities, in place. */
function softmaxInPlace(scores: Float64Array): void {
  let max = Number.NEGATIVE_INFINITY;
  for (const s of scores) if (s > max) max = s;
  let sum = 0;
  for (let i = 0; i < scores.length; i++) {
    scores[i] = Math.exp(scores[i]! - max);
    sum += scores[i]!;
  }
  for (let i = 0; i < scores.length; i++) scores[i]! /= sum;
}
