import { decodeFloats, decodeVocabulary, encodeFloats, encodeVocabulary, restore } from './snapshot.js';

export interface NaiveBayesSnapshot {
  vocabulary: string;
  logLikelihood: string;
  logPrior: string;
}

/**
 * Multinomial naive Bayes over binary features (a feature counts once per document), which is the
 * variant that holds up best on short texts. Training is one pass of counting: milliseconds at start-up.
 */
export class NaiveBayes<Label extends string> {
  /** Feature → row of `logLikelihood` (one flat array: tens of thousands of small arrays cost memory). */
  readonly index = new Map<string, number>();
  /** Row-major: feature id × label. */
  private readonly logLikelihood: Float32Array | Float64Array;
  private readonly logPrior: Float32Array | Float64Array;
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
    const k = labels.length;
    this.logLikelihood = new Float64Array(vocabulary * k);
    for (const [feature, row] of counts) {
      const at = this.index.size * k;
      this.index.set(feature, this.index.size);
      for (let li = 0; li < k; li++)
        this.logLikelihood[at + li] = Math.log((row[li]! + alpha) / (totals[li]! + alpha * vocabulary));
    }
  }

  toSnapshot(): NaiveBayesSnapshot {
    return {
      vocabulary: encodeVocabulary(this.index.keys()),
      logLikelihood: encodeFloats(this.logLikelihood),
      logPrior: encodeFloats(this.logPrior),
    };
  }

  static fromSnapshot<Label extends string>(
    labels: readonly Label[],
    snapshot: NaiveBayesSnapshot,
  ): NaiveBayes<Label> {
    return restore(NaiveBayes.prototype as NaiveBayes<Label>, {
      labels,
      index: decodeVocabulary(snapshot.vocabulary),
      logLikelihood: decodeFloats(snapshot.logLikelihood),
      logPrior: decodeFloats(snapshot.logPrior),
    });
  }

  knows(feature: string): boolean {
    return this.index.has(feature);
  }

  /** log P(c) + Σ log P(f|c) over the features the model knows. */
  logPosterior(features: readonly string[]): Float64Array {
    const scores = Float64Array.from(this.logPrior);
    this.addLogs(features, scores);
    return scores;
  }

  /**
   * Σ log P(f|c) over the known features (uniform prior), keeping each class's normalisation: a big
   * class does not win on common words just because it has more examples. (Dividing the normalisation
   * out would favour whichever category has the most training lines.)
   */
  classScores(features: readonly string[]): { scores: Float64Array; known: number } {
    const scores = new Float64Array(this.labels.length);
    const known = this.addLogs(features, scores);
    return { scores, known };
  }

  /** Adds each known feature's log-likelihoods to `scores`; returns how many features were known. */
  private addLogs(features: readonly string[], scores: Float64Array): number {
    const k = scores.length;
    let known = 0;
    for (const feature of new Set(features)) {
      const id = this.index.get(feature);
      if (id === undefined) continue;
      known++;
      for (let li = 0; li < k; li++) scores[li]! += this.logLikelihood[id * k + li]!;
    }
    return known;
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
