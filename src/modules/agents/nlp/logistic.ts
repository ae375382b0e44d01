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
}

export class LogisticModel {
  private readonly index = new Map<string, number>();
  private readonly weights: Float64Array;
  private readonly normalize: boolean;
  private bias = 0;

  constructor(
    examples: readonly { features: readonly string[]; positive: boolean }[],
    { epochs = 30, rate = 0.05, l2 = 1e-4, seed = 7, normalize = false }: LogisticOptions = {},
  ) {
    this.normalize = normalize;
    // Features become integer ids once, so the training passes touch only typed arrays.
    const encoded = examples.map((example) => {
      const ids = new Set<number>();
      for (const feature of example.features) {
        let id = this.index.get(feature);
        if (id === undefined) {
          id = this.index.size;
          this.index.set(feature, id);
        }
        ids.add(id);
      }
      return Int32Array.from(ids);
    });
    this.weights = new Float64Array(this.index.size);
    const positives = examples.filter((example) => example.positive).length;
    // Balance the classes so the threshold, not the class sizes, sets the trade-off.
    const positiveWeight = positives === 0 ? 1 : (examples.length - positives) / positives;
    const order = examples.map((_, i) => i);
    let state = seed;
    for (let epoch = 0; epoch < epochs; epoch++) {
      for (let i = order.length - 1; i > 0; i--) {
        state = (state * 1103515245 + 12345) % 2147483648;
        const j = state % (i + 1);
        [order[i], order[j]] = [order[j]!, order[i]!];
      }
      const step = rate / (1 + 0.2 * epoch);
      for (const position of order) {
        const ids = encoded[position]!;
        const positive = examples[position]!.positive;
        const value = this.featureValue(ids.length);
        let sum = this.bias;
        for (const id of ids) sum += this.weights[id]! * value;
        const error = (positive ? 1 : 0) - 1 / (1 + Math.exp(-sum));
        const gradient = step * error * (positive ? positiveWeight : 1);
        this.bias += gradient;
        for (const id of ids) this.weights[id] = this.weights[id]! * (1 - step * l2) + gradient * value;
      }
    }
  }

  /** Log-odds of the positive class. */
  score(features: readonly string[]): number {
    const distinct = new Set(features);
    let known = 0;
    let sum = 0;
    for (const feature of distinct) {
      const id = this.index.get(feature);
      if (id !== undefined) {
        sum += this.weights[id]!;
        known++;
      }
    }
    // Features never seen in training carry no weight, so they do not dilute the score either.
    return this.bias + sum * this.featureValue(known);
  }

  /** P(positive | features). */
  probability(features: readonly string[]): number {
    return 1 / (1 + Math.exp(-this.score(features)));
  }

  private featureValue(count: number): number {
    return this.normalize && count > 0 ? 1 / Math.sqrt(Math.max(count, 20)) : 1;
  }
}
