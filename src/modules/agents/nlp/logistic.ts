/**
 * Binary logistic regression over sparse string features, trained by plain SGD with L2 shrinkage.
 * Unlike naive Bayes it does not let a big class win on frequent words, so it gives a usable
 * probability when one class (ordinary questions) is five times larger than the other.
 */
export class LogisticModel {
  private readonly weights = new Map<string, number>();
  private bias = 0;

  constructor(
    examples: readonly { features: readonly string[]; positive: boolean }[],
    { epochs = 20, rate = 0.05, l2 = 1e-4 } = {},
  ) {
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
      const step = rate / (1 + epoch);
      for (const index of order) {
        const example = examples[index]!;
        const features = [...new Set(example.features)];
        const error = (example.positive ? 1 : 0) - this.probability(features);
        const gradient = step * error * (example.positive ? positiveWeight : 1);
        this.bias += gradient;
        for (const feature of features) {
          const weight = this.weights.get(feature) ?? 0;
          this.weights.set(feature, weight * (1 - step * l2) + gradient);
        }
      }
    }
  }

  /** P(positive | features). */
  probability(features: readonly string[]): number {
    let sum = this.bias;
    for (const feature of new Set(features)) sum += this.weights.get(feature) ?? 0;
    return 1 / (1 + Math.exp(-sum));
  }
}
