import { decodeFloats, decodeVocabulary, encodeFloats, encodeVocabulary, restore } from './snapshot.js';
import { encodeFeatures, shuffleInPlace } from './training-support.js';

/**
 * Binary logistic regression over sparse string features, trained by plain SGD with L2 shrinkage.
 * Unlike naive Bayes it does not let a big class win on frequent words, so it gives a usable
 * probability when one class (ordinary questions) is five times larger than the other.
 */
export interface LogisticOptions {
  epochs?: number;
  rate?: number;
  l2?: number;
  /** Seed of the shuffling order; models with different seeds make up a bag. */
  seed?: number;
  /**
   * Scale each message's features to unit length (1/sqrt(count) each), so a long message does not
   * add up many small weights into an over-confident score.
   */
  normalize?: boolean;
  /** Models trained in different orders (seed, seed + 7919, …) whose log-odds are averaged. */
  bagSize?: number;
}

interface Member {
  weights: Float32Array | Float64Array;
  bias: number;
}

export interface LogisticSnapshot {
  vocabulary: string;
  normalize: boolean;
  members: { weights: string; bias: number }[];
}

/**
 * One model, or a bag of models trained in different orders (`bagSize`) whose log-odds are averaged to remove
 * the SGD order noise. Members share one feature index: it is the same for every order and is most of the
 * memory, so a bag costs one weight array per member, not one copy of the vocabulary.
 */
export class LogisticModel {
  private readonly index = new Map<string, number>();
  private readonly members: Member[] = [];
  private readonly normalize: boolean;

  constructor(
    examples: readonly { features: readonly string[]; positive: boolean }[],
    { epochs = 30, rate = 0.05, l2 = 1e-4, seed = 7, normalize = false, bagSize = 1 }: LogisticOptions = {},
  ) {
    this.normalize = normalize;
    const encoded = examples.map((example) => encodeFeatures(this.index, example.features));
    const labels = examples.map((example) => example.positive);
    for (let m = 0; m < bagSize; m++) {
      this.members.push(this.train(encoded, labels, { epochs, rate, l2, seed: seed + 7919 * m }));
    }
  }

  toSnapshot(): LogisticSnapshot {
    return {
      vocabulary: encodeVocabulary(this.index.keys()),
      normalize: this.normalize,
      members: this.members.map(({ weights, bias }) => ({
        weights: encodeFloats(weights),
        bias: Math.fround(bias),
      })),
    };
  }

  static fromSnapshot(snapshot: LogisticSnapshot): LogisticModel {
    return restore(LogisticModel.prototype, {
      index: decodeVocabulary(snapshot.vocabulary),
      normalize: snapshot.normalize,
      members: snapshot.members.map(({ weights, bias }) => ({ weights: decodeFloats(weights), bias })),
    });
  }

  private train(
    encoded: readonly Int32Array[],
    labels: readonly boolean[],
    { epochs, rate, l2, seed }: { epochs: number; rate: number; l2: number; seed: number },
  ): Member {
    const member = { weights: new Float64Array(this.index.size), bias: 0 };
    const { weights } = member;
    const positives = labels.filter(Boolean).length;
    // Balance the classes so the threshold, not the class sizes, sets the trade-off.
    const positiveWeight = positives === 0 ? 1 : (labels.length - positives) / positives;
    const order = labels.map((_, i) => i);
    let state = seed;
    for (let epoch = 0; epoch < epochs; epoch++) {
      state = shuffleInPlace(order, state);
      const step = rate / (1 + 0.2 * epoch);
      for (const position of order) {
        const ids = encoded[position]!;
        const positive = labels[position]!;
        const value = this.featureValue(ids.length);
        let sum = member.bias;
        for (const id of ids) sum += weights[id]! * value;
        const error = (positive ? 1 : 0) - 1 / (1 + Math.exp(-sum));
        const gradient = step * error * (positive ? positiveWeight : 1);
        member.bias += gradient;
        for (const id of ids) weights[id] = weights[id]! * (1 - step * l2) + gradient * value;
      }
    }
    return member;
  }

  /** Log-odds of the positive class (averaged over the bag). */
  score(features: readonly string[]): number {
    const ids: number[] = [];
    for (const feature of new Set(features)) {
      const id = this.index.get(feature);
      if (id !== undefined) ids.push(id);
    }
    // Features never seen in training carry no weight, so they do not dilute the score either.
    const value = this.featureValue(ids.length);
    let total = 0;
    for (const { weights, bias } of this.members) {
      let sum = 0;
      for (const id of ids) sum += weights[id]!;
      total += bias + sum * value;
    }
    return total / this.members.length;
  }

  /** P(positive | features). */
  probability(features: readonly string[]): number {
    return 1 / (1 + Math.exp(-this.score(features)));
  }

  private featureValue(count: number): number {
    return this.normalize && count > 0 ? 1 / Math.sqrt(Math.max(count, 20)) : 1;
  }
}
