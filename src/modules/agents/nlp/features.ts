import type { AnalyzedText } from '../types.js';

/**
 * Cue phrases for questions that avoid the obvious keyword ("when does money hit my account").
 * They become extra features, so the model learns their weight from the training data like any other.
 */
const CUES: readonly [RegExp, string][] = [
  [
    /\b(money|pay|paid|check|salary|deposit|wages?)\b.{0,30}\b(hit|land|show up|arrive|come in|go through|clear)/,
    'cue:pay-arrival',
  ],
  [/\b(hit|land|show up|arrive|come in)\b.{0,20}\b(my|the) (bank|account)\b/, 'cue:pay-arrival'],
  [/\b(w2|w4|1099|withholding|tax forms?)\b/, 'cue:tax-form'],
  [
    /\b(how (many|much)|balance of)\b.{0,25}\b(days|hours|vacation|pto|timeoff|dayoff)\b/,
    'cue:leave-balance',
  ],
  [
    /\b(can'?t|cannot|unable to|locked out|won'?t let me)\b.{0,30}\b(login|portal|password|account|access)\b/,
    'cue:access',
  ],
  [/\b(doctor|dentist|therapist|prescription|glasses|copay|deductible|coverage|covered)\b/, 'cue:coverage'],
  [/\b(apply|applied|applying|candidate|hiring manager|opening|posting|req)\b/, 'cue:hiring'],
  [/\b(manager|boss)\b.{0,30}\b(rating|feedback|review|goals?|evaluation)\b/, 'cue:appraisal'],
];

/** Words a cue stands for, so retrieval finds the article the question avoids naming. */
export const CUE_EXPANSIONS: Readonly<Record<string, readonly string[]>> = {
  'cue:pay-arrival': ['paydai', 'deposit', 'paid'],
  'cue:tax-form': ['tax', 'withhold'],
  'cue:leave-balance': ['pto', 'balanc', 'accrual'],
  'cue:access': ['password', 'login', 'reset'],
  'cue:coverage': ['cover', 'plan'],
};

/** The stems of the cue phrases present in a text. */
export function cueExpansion(text: AnalyzedText): string[] {
  const out: string[] = [];
  for (const [pattern, cue] of CUES) if (pattern.test(text.raw)) out.push(...(CUE_EXPANSIONS[cue] ?? []));
  return out;
}

/** Unigram stems, adjacent-stem bigrams and cue features. */
export function extractFeatures(text: AnalyzedText): string[] {
  const features = [...text.stems];
  for (let i = 1; i < text.stems.length; i++) features.push(`${text.stems[i - 1]}_${text.stems[i]}`);
  for (const [pattern, cue] of CUES) if (pattern.test(text.raw)) features.push(cue);
  return features;
}
