import {
  PorterStemmer,
  PorterStemmerDe,
  PorterStemmerEs,
  PorterStemmerFr,
} from 'natural/lib/natural/stemmers/index.js';
import type { Language } from '../types.js';

// Imported from the stemmers sub-module: loading all of `natural` costs ~0.7 s at start-up.
const stemmers = {
  en: PorterStemmer,
  es: PorterStemmerEs,
  fr: PorterStemmerFr,
  de: PorterStemmerDe,
} as const;

const cache = new Map<string, string>();
const CACHE_LIMIT = 50_000;

/** Snowball/Porter stem, memoized because the same few thousand words come back constantly. */
export function stem(word: string, language: Language = 'en'): string {
  const key = language === 'en' ? word : `${language}:${word}`;
  const hit = cache.get(key);
  if (hit !== undefined) return hit;
  const result = stemmers[language].stem(word);
  if (cache.size < CACHE_LIMIT) cache.set(key, result);
  return result;
}
