import { extractFeatures } from './nlp/features.js';
import { NaiveBayes, softmax } from './nlp/naive-bayes.js';
import { type AnalyzedText, CATEGORIES, type Category } from './types.js';

export interface CategoryPrediction {
  category: Category;
  confidence: number;
  probabilities: Float64Array; // aligned with CATEGORIES
  knownFeatures: number;
}

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
    );
  }

  predict(text: AnalyzedText): CategoryPrediction {
    const { scores, known } = this.model.score(extractFeatures(text));
    if (known === 0) {
      const probabilities = new Float64Array(CATEGORIES.length).fill(1 / CATEGORIES.length);
      return { category: 'General', confidence: 1 / CATEGORIES.length, probabilities, knownFeatures: 0 };
    }
    const probabilities = softmax(scores, 2);
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
