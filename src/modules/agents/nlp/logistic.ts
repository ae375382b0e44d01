/**
 * Binary logistic regression over sparse string features, trained by plain SGD with L2 shrinkage.
 * Unlike naive Bayes it does not let a big class win on frequent words, so it gives a usable
 * probability when one class (ordinary questions) is five times larger than the other.
 */
export class LogisticModel {
  private readonly index = new Map<string, number>();
  private readonly weights: Float64Array;
  private bias = 0;

  constructor(
    examples: readonly { features: readonly string[]; positive: boolean }[],
    { epochs = 30, rate = 0.05, l2 = 1e-4 } = {},
  ) {
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
    let seed = 7;
    for (let epoch = 0; epoch < epochs; epoch++) {
      for (let i = order.length - 1; i > 0; i--) {
        seed = (seed * 1103515245 + 12345) % 2147483648;
        const j = seed % (i + 1);
        [order[i], order[j]] = [order[j]!, order[i]!];
      }
      const step = rate / (1 + 0.2 * epoch);
      for (const position of order) {
        const ids = encoded[position]!;
        const positive = examples[position]!.positive;
        let sum = this.bias;
        for (const id of ids) sum += this.weights[id]!;
        const error = (positive ? 1 : 0) - 1 / (1 + Math.exp(-sum));
        const gradient = step * error * (positive ? positiveWeight : 1);
        this.bias += gradient;
        for (const id of ids) this.weights[id] = this.weights[id]! * (1 - step * l2) + gradient;
      }
    }
  }

  /** P(positive | features). */
  probability(features: readonly string[]): number {
    let sum = this.bias;
    for (const feature of new Set(features)) {
      const id = this.index.get(feature);
      if (id !== undefined) sum += this.weights[id]!;
    }
    return 1 / (1 + Math.exp(-sum));
  }
}
