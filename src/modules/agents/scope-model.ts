import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { extractFeatures } from '../nlp/features.js';
import { readLabeledLines } from '../nlp/labeled-lines.js';
import { LogisticModel, type LogisticSnapshot } from '../nlp/logistic.js';
import { restore } from '../nlp/snapshot.js';
import { concernFeatures } from './concern-model.js';
import type { AnalyzedText } from './types.js';

/** A training line of the scope model: out of scope (not about work or HR) or not. */
export interface ScopeExample {
  outOfScope: boolean;
  text: string;
}

/**
 * data/training/scope/out.txt (messages not about work or HR) and in.txt (HR questions in their words:
 * office closures for snow, business-trip bookings, the stock purchase plan). The in-scope side also takes
 * every category and escalation line, supplied by the caller.
 */
export function readScopeExamples(directory: string): ScopeExample[] {
  const folder = join(directory, 'scope');
  if (!existsSync(folder)) return [];
  return readLabeledLines(folder, (name) => (name === 'out' ? true : name === 'in' ? false : undefined)).map(
    ({ label, text }) => ({ outOfScope: label, text }),
  );
}

export interface ScopeSnapshot {
  /** Stems of the HR lines that are clearly more at home there than in the out-of-scope lines, newline-joined. */
  hrStems: string;
  /** Every stem of the training lines, newline-joined. */
  seenStems: string;
  model: LogisticSnapshot;
}

/** How much more often (relative to its class size) a stem must occur in HR lines to count as an HR word. */
const HR_WORD_RATIO = 3;
const HR_WORD_MIN_COUNT = 2;

/**
 * "Is this message about work or HR at all?" A bag of logistic regressions over the concern model's features
 * (stems, stem bigrams and character 4-grams, which carry typos and other languages) plus how much of the
 * message is HR vocabulary and how much is words no training line ever used: the out-of-scope class is open
 * (any subject in the world), so what generalises is the absence of HR words, not the presence of weather
 * words. Trained on the out-of-scope lines against every HR training line, classes balanced; the threshold
 * (OUT_OF_SCOPE_THRESHOLD) sets the trade-off.
 */
export class ScopeModel {
  private readonly vocabulary: Vocabularies;
  private readonly model: LogisticModel;

  private readonly grams: boolean;

  constructor(
    examples: readonly { outOfScope: boolean; text: AnalyzedText }[],
    { grams = true, rate = 4, l2 = 1e-3, bagSize = 3, epochs = 20 } = {},
  ) {
    this.grams = grams;
    this.vocabulary = vocabularies(examples);
    // A training line's own words are always "seen" and its class's words always typical of it; measured that
    // way the coverage features would be perfect in training and useless after. Each line's coverage is
    // measured against the vocabularies of the other folds instead, as a new message's would be.
    const featured: { features: string[]; positive: boolean }[] = [];
    for (let fold = 0; fold < COVERAGE_FOLDS; fold++) {
      const others = vocabularies(examples.filter((_, i) => i % COVERAGE_FOLDS !== fold));
      examples.forEach((example, i) => {
        if (i % COVERAGE_FOLDS === fold)
          featured.push({ features: this.features(example.text, others), positive: example.outOfScope });
      });
    }
    this.model = new LogisticModel(featured, { normalize: true, rate, l2, seed: 11, bagSize, epochs });
  }

  /** The probability that the message is not about work or HR. */
  outOfScope(text: AnalyzedText): number {
    return this.model.probability(this.features(text, this.vocabulary));
  }

  private features(text: AnalyzedText, vocabulary: Vocabularies): string[] {
    const features = this.grams ? concernFeatures(text) : extractFeatures(text);
    const stems = new Set(text.stems);
    let hrWords = 0;
    let unseen = 0;
    for (const stem of stems) {
      if (vocabulary.hrStems.has(stem)) hrWords++;
      if (!vocabulary.seenStems.has(stem)) unseen++;
    }
    // Per language: in Spanish, French or German many words of an HR question are unknown too, so unknown words
    // say less there. Weighted like several features, so the coverage is not drowned by a long message's 4-grams.
    const lang = text.language;
    for (let copy = 0; copy < COVERAGE_WEIGHT; copy++) {
      features.push(
        `hr${copy}:${lang}:${Math.min(hrWords, 3)}`,
        `unseen${copy}:${lang}:${Math.min(unseen, 3)}`,
      );
      if (stems.size > 0)
        features.push(
          `hr-share${copy}:${lang}:${Math.round((4 * hrWords) / stems.size)}`,
          `unseen-share${copy}:${lang}:${Math.round((4 * unseen) / stems.size)}`,
        );
    }
    return features;
  }

  toSnapshot(): ScopeSnapshot {
    return {
      hrStems: [...this.vocabulary.hrStems].join('\n'),
      seenStems: [...this.vocabulary.seenStems].join('\n'),
      model: this.model.toSnapshot(),
    };
  }

  static fromSnapshot(snapshot: ScopeSnapshot): ScopeModel {
    const set = (joined: string) => new Set(joined.length === 0 ? [] : joined.split('\n'));
    return restore(ScopeModel.prototype, {
      vocabulary: { hrStems: set(snapshot.hrStems), seenStems: set(snapshot.seenStems) },
      model: LogisticModel.fromSnapshot(snapshot.model),
    });
  }
}

const COVERAGE_WEIGHT = 4;
const COVERAGE_FOLDS = 5;

interface Vocabularies {
  hrStems: ReadonlySet<string>;
  seenStems: ReadonlySet<string>;
}

/**
 * The stems of all lines, and the HR words among them: stems at least HR_WORD_RATIO times more common (relative
 * to class size) in the HR lines than in the out-of-scope lines.
 */
function vocabularies(examples: readonly { outOfScope: boolean; text: AnalyzedText }[]): Vocabularies {
  const hr = new Map<string, number>();
  const out = new Map<string, number>();
  let hrLines = 0;
  let outLines = 0;
  for (const example of examples) {
    const counts = example.outOfScope ? out : hr;
    if (example.outOfScope) outLines++;
    else hrLines++;
    for (const stem of new Set(example.text.stems)) counts.set(stem, (counts.get(stem) ?? 0) + 1);
  }
  const hrStems = new Set<string>();
  for (const [stem, count] of hr)
    if (
      count >= HR_WORD_MIN_COUNT &&
      count / Math.max(hrLines, 1) > (HR_WORD_RATIO * (out.get(stem) ?? 0)) / Math.max(outLines, 1)
    )
      hrStems.add(stem);
  return { hrStems, seenStems: new Set([...hr.keys(), ...out.keys()]) };
}
