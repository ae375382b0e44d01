import { extractFeatures } from './nlp/features.js';
import { NaiveBayes, softmax } from './nlp/naive-bayes.js';
import { type AnalyzedText, CATEGORIES, type Category } from './types.js';

export interface CategoryPrediction {
  category: Category;
  confidence: number;
  probabilities: Float64Array; // aligned with CATEGORIES
  knownFeatures: number;
}

/**
 * Light smoothing: with class-normalised scores a larger alpha pulls every category towards the same
 * probability for rare words, and rare words (typo fixes, foreign terms, cue phrases) often decide.
 */
const SMOOTHING = 0.15;
/** Naive Bayes scores are famously over-confident; the temperature softens them before blending. */
const TEMPERATURE = 2;

/** The trained text classifier behind the categorizer agent. */
export class CategoryModel {
  private readonly model: NaiveBayes<Category>;

  constructor(examples: readonly { category: Category; text: AnalyzedText; weight?: number }[]) {
    this.model = new NaiveBayes(
      CATEGORIES,
      examples.map((example) => ({
        label: example.category,
        features: extractFeatures(example.text),
        weight: example.weight,
      })),
      SMOOTHING,
    );
  }

  predict(text: AnalyzedText): CategoryPrediction {
    // Class-normalised scores, so a category does not win merely by having more training lines.
    const { scores, known } = this.model.classScores(extractFeatures(text));
    if (known === 0) {
      const probabilities = new Float64Array(CATEGORIES.length).fill(1 / CATEGORIES.length);
      return { category: 'General', confidence: 1 / CATEGORIES.length, probabilities, knownFeatures: 0 };
    }
    const probabilities = softmax(scores, TEMPERATURE);
    let best = 0;
    for (let i = 1; i < probabilities.length; i++) if (probabilities[i]! > probabilities[best]!) best = i;
    return {
      category: CATEGORIES[best]!,
      confidence: probabilities[best]!,
      probabilities,
      knownFeatures: known,
    };
  }
}
