import type { AnalyzedText } from './types.js';

/**
 * Cue phrases for questions that avoid the obvious keyword ("when will the cash show up in my bank").
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

/**
 * Character 4-grams of the whole normalized message, spaces included: they carry typos, inflections and
 * compounds the stemmer and the speller miss, and short phrases across word boundaries.
 */
export function characterGrams(text: AnalyzedText): string[] {
  const whole = ` ${text.normalized} `;
  const grams: string[] = [];
  for (let i = 0; i + 4 <= whole.length; i++) grams.push(`#${whole.slice(i, i + 4)}`);
  return grams;
}

/** Unigram stems, adjacent-stem bigrams and cue features. */
export function extractFeatures(text: AnalyzedText): string[] {
  const features = [...text.stems];
  for (let i = 1; i < text.stems.length; i++) features.push(`${text.stems[i - 1]}_${text.stems[i]}`);
  for (const [pattern, cue] of CUES) if (pattern.test(text.raw)) features.push(cue);
  return features;
}

/**
 * Stems of how a message is said rather than what it is about: asking for a person, urgency, anger,
 * threats of lawyers, complaints about the assistant. "I want a real person about my paycheck, fix it
 * NOW" is a Payroll question; only a message made of nothing else ("let me talk to a human") is General.
 */
const CONVERSATIONAL = new Set(
  (
    'speak talk person human real actual bot chatbot robot autom automat somebodi nobodi fix now asap ' +
    'urgent immedi joke ridicul unaccept useless compet incompet serious seriou attornei lawyer lawsuit ' +
    'sue su answer repli respond respons frustrat angri upset annoi furiou again alreadi still anymor ever ' +
    'scare worri afraid nervou'
  ).split(' '),
);

const isConversational = (feature: string): boolean => {
  if (CONVERSATIONAL.has(feature)) return true;
  const joint = feature.indexOf('_');
  return (
    joint > 0 && (CONVERSATIONAL.has(feature.slice(0, joint)) || CONVERSATIONAL.has(feature.slice(joint + 1)))
  );
};

/**
 * The features without the conversational ones, when something else is left (`counts` says which
 * features may stand alone: at prediction time, the ones the model knows).
 */
export function topicalFeatures(
  features: readonly string[],
  counts: (feature: string) => boolean = () => true,
): string[] {
  const topical = features.filter((feature) => !isConversational(feature));
  return topical.some(counts) ? topical : [...features];
}

/** Cues that only the categorizer uses (the concern model keeps to extractFeatures). */
const CATEGORY_CUES: readonly [RegExp, string][] = [
  [
    /\b(am i|are we|is (it|that|this)|are (they|you))( \w+)? (allowed|ok|okay|permitted|acceptable|fine|a problem)\b|\b(allowed to|not allowed|prohibited|forbidden|banned|against the rules|rules? (on|for|about|around))\b/,
    'cue:permission',
  ],
];

/** Features of the category model: extractFeatures plus the category cues, conversational ones set aside. */
export function categoryFeatures(text: AnalyzedText, counts?: (feature: string) => boolean): string[] {
  const features = extractFeatures(text);
  for (const [pattern, cue] of CATEGORY_CUES) if (pattern.test(text.raw)) features.push(cue);
  return topicalFeatures(features, counts);
}
