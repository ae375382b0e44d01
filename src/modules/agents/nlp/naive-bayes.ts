/**
 * Multinomial naive Bayes over binary features (a feature counts once per document), which is the
 * variant that holds up best on short texts. Training is one pass of counting: milliseconds at start-up.
 */
export class NaiveBayes<Label extends string> {
  // Plain arrays: tens of thousands of tiny typed arrays are slow to allocate at start-up.
  private readonly logLikelihood = new Map<string, number[]>();
  private readonly logPrior: Float64Array;
  readonly labels: readonly Label[];

  constructor(
    labels: readonly Label[],
    examples: readonly { label: Label; features: readonly string[]; weight?: number }[],
    alpha = 0.3,
  ) {
    this.labels = labels;
    const counts = new Map<string, number[]>();
    const totals = new Float64Array(labels.length);
    for (const example of examples) {
      const li = labels.indexOf(example.label);
      if (li < 0) continue;
      for (const feature of new Set(example.features)) {
        let row = counts.get(feature);
        if (!row) {
          row = new Array<number>(labels.length).fill(0);
          counts.set(feature, row);
        }
        const weight = example.weight ?? 1;
        row[li]! += weight;
        totals[li]! += weight;
      }
    }
    const documents = new Float64Array(labels.length);
    for (const example of examples) {
      const li = labels.indexOf(example.label);
      if (li >= 0) documents[li]! += example.weight ?? 1;
    }
    const documentTotal = documents.reduce((a, b) => a + b, 0);
    this.logPrior = documents.map((count) => Math.log((count + 1) / (documentTotal + labels.length)));
    const vocabulary = counts.size;
    for (const [feature, row] of counts) {
      const logs = new Array<number>(labels.length);
      for (let li = 0; li < labels.length; li++)
        logs[li] = Math.log((row[li]! + alpha) / (totals[li]! + alpha * vocabulary));
      this.logLikelihood.set(feature, logs);
    }
  }

  knows(feature: string): boolean {
    return this.logLikelihood.has(feature);
  }

  /** log P(c) + Σ log P(f|c) over the features the model knows. */
  logPosterior(features: readonly string[]): Float64Array {
    const scores = Float64Array.from(this.logPrior);
    for (const feature of new Set(features)) {
      const logs = this.logLikelihood.get(feature);
      if (!logs) continue;
      for (let li = 0; li < scores.length; li++) scores[li]! += logs[li]!;
    }
    return scores;
  }

  /**
   * Σ log P(f|c) over the known features (uniform prior), keeping each class's normalisation: a big
   * class does not win on common words just because it has more examples. (Dividing the normalisation
   * out would favour whichever category has the most training lines.)
   */
  classScores(features: readonly string[]): { scores: Float64Array; known: number } {
    const scores = new Float64Array(this.labels.length);
    let known = 0;
    for (const feature of new Set(features)) {
      const logs = this.logLikelihood.get(feature);
      if (!logs) continue;
      known++;
      for (let li = 0; li < scores.length; li++) scores[li]! += logs[li]!;
    }
    return { scores, known };
  }
}

/** Softmax with a temperature, because naive Bayes scores are famously over-confident. */
export function softmax(scores: Float64Array, temperature: number): Float64Array {
  let max = Number.NEGATIVE_INFINITY;
  for (const s of scores) if (s > max) max = s;
  const out = new Float64Array(scores.length);
  let sum = 0;
  for (let i = 0; i < scores.length; i++) {
    out[i] = Math.exp((scores[i]! - max) / temperature);
    sum += out[i]!;
  }
  for (let i = 0; i < out.length; i++) out[i]! /= sum;
  return out;
}
