import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { extractFeatures } from './nlp/features.js';
import { NaiveBayes, softmax } from './nlp/naive-bayes.js';
import type { AnalyzedText, EscalationKind } from './types.js';

export type ConcernLabel = EscalationKind | 'none';

const CONCERN_KINDS: readonly ConcernLabel[] = [
  'crisis',
  'safety',
  'harassment',
  'discrimination',
  'retaliation',
  'bullying',
  'fraud',
  'legal',
  'human',
  'none',
];

const NONE = CONCERN_KINDS.indexOf('none');
const NONE_BIAS = 2;

/**
 * A classifier for "a person must handle this", trained on described incidents (data/training/escalation)
 * against ordinary HR questions. It backs up the phrase rules, which cannot list every way people describe
 * mistreatment; the class prior keeps it conservative, since most messages are ordinary questions.
 */
export class ConcernModel {
  private readonly model: NaiveBayes<ConcernLabel>;

  constructor(examples: readonly { label: ConcernLabel; text: AnalyzedText }[]) {
    this.model = new NaiveBayes(
      CONCERN_KINDS,
      examples.map((example) => ({ label: example.label, features: extractFeatures(example.text) })),
      0.5,
    );
  }

  /**
   * The most likely concern and the probability that the message raises any concern at all. Class
   * priors are flattened (the 'none' class would otherwise dominate by sheer size) and `noneBias`
   * shifts the balance back towards ordinary questions.
   */
  classify(text: AnalyzedText, noneBias = NONE_BIAS): { label: ConcernLabel; concern: number } {
    const { scores } = this.model.score(extractFeatures(text));
    scores[NONE]! += noneBias;
    const probabilities = softmax(scores, 1);
    let best = 0;
    for (let i = 0; i < probabilities.length; i++)
      if (i !== NONE && probabilities[i]! > probabilities[best]!) best = i;
    return { label: CONCERN_KINDS[best]!, concern: 1 - probabilities[NONE]! };
  }
}

/** Reads data/training/escalation/<kind>.txt plus innocent.txt (labeled 'none'). */
export function readConcernExamples(directory: string): { label: ConcernLabel; text: string }[] {
  const folder = join(directory, 'escalation');
  if (!existsSync(folder)) return [];
  const examples: { label: ConcernLabel; text: string }[] = [];
  for (const file of readdirSync(folder)) {
    if (!file.endsWith('.txt')) continue;
    const name = file.replace(/\.txt$/, '');
    const label = (name === 'innocent' ? 'none' : name) as ConcernLabel;
    if (!CONCERN_KINDS.includes(label)) continue;
    for (const line of readFileSync(join(folder, file), 'utf8').split('\n')) {
      const text = line.trim();
      if (text.length > 0 && !text.startsWith('#')) examples.push({ label, text });
    }
  }
  return examples;
}
