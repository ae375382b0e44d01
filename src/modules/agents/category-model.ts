import { categoryFeatures, characterGrams } from '../nlp/features.js';
import { NaiveBayes, type NaiveBayesSnapshot, softmax } from '../nlp/naive-bayes.js';
import { restore } from '../nlp/snapshot.js';
import { SoftmaxRegression, type SoftmaxSnapshot } from '../nlp/softmax-regression.js';
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
/**
 * Share of the discriminative model (softmax regression) in the blend. The two models err on different
 * messages; in 5-fold cross-validation over the training lines (bench/category-cv.ts) the blend beats
 * either alone. The regression also reads character 4-grams, which naive Bayes cannot use well (its
 * independence assumption over-counts overlapping grams): with them, and 12 passes instead of 6, the
 * model alone went from 87.3% to 90.6% in cross-validation, most on wording the training lines never use
 * (typos, inflections, German compounds); shares 0.3 / 0.5 / 0.7 scored 89.1% / 90.6% / 90.4%.
 */
const REGRESSION_SHARE = 0.5;
const REGRESSION_EPOCHS = 12;

export interface CategorySnapshot {
  regressionShare: number;
  naiveBayes: NaiveBayesSnapshot;
  /** With its own vocabulary: it also reads character 4-grams. */
  regression?: SoftmaxSnapshot;
}

/** The trained text classifier behind the categorizer agent. */
export class CategoryModel {
  private readonly model: NaiveBayes<Category>;
  private readonly regression?: SoftmaxRegression<Category>;
  private readonly regressionShare: number;

  constructor(
    examples: readonly { category: Category; text: AnalyzedText; weight?: number }[],
    { regressionShare = REGRESSION_SHARE }: { regressionShare?: number } = {},
  ) {
    const featured = examples.map((example) => ({
      label: example.category,
      features: categoryFeatures(example.text),
      weight: example.weight,
    }));
    this.model = new NaiveBayes(CATEGORIES, featured, SMOOTHING);
    this.regressionShare = regressionShare;
    if (regressionShare > 0)
      this.regression = new SoftmaxRegression(
        CATEGORIES,
        featured.map((example, i) => ({
          ...example,
          features: [...example.features, ...characterGrams(examples[i]!.text)],
        })),
        { epochs: REGRESSION_EPOCHS },
      );
  }

  toSnapshot(): CategorySnapshot {
    const regression = this.regression?.toSnapshot();
    return {
      regressionShare: this.regressionShare,
      naiveBayes: this.model.toSnapshot(),
      ...(regression ? { regression } : {}),
    };
  }

  static fromSnapshot(snapshot: CategorySnapshot): CategoryModel {
    const model = NaiveBayes.fromSnapshot(CATEGORIES, snapshot.naiveBayes);
    return restore(CategoryModel.prototype, {
      model,
      regressionShare: snapshot.regressionShare,
      regression: snapshot.regression && SoftmaxRegression.fromSnapshot(CATEGORIES, snapshot.regression),
    });
  }

  predict(text: AnalyzedText): CategoryPrediction {
    // Class-normalised scores, so a category does not win merely by having more training lines.
    const features = categoryFeatures(text, (feature) => this.model.knows(feature));
    const { scores, known } = this.model.classScores(features);
    if (known === 0) {
      const probabilities = new Float64Array(CATEGORIES.length).fill(1 / CATEGORIES.length);
      return { category: 'General', confidence: 1 / CATEGORIES.length, probabilities, knownFeatures: 0 };
    }
    let probabilities = softmax(scores, TEMPERATURE);
    if (this.regression) {
      const share = this.regressionShare;
      const discriminative = this.regression.probabilities([...features, ...characterGrams(text)]);
      probabilities = probabilities.map((p, i) => (1 - share) * p + share * discriminative[i]!);
    }
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
