import { createRequire } from 'node:module';
import type { Language } from './types.js';

/**
 * The four stemmers' own files: all of `natural` costs ~0.7 s at start-up, and even its stemmers index loads
 * thirteen languages' stemmers and the Indonesian dictionary (~8 MB of the server's memory) to use four.
 */
const require = createRequire(import.meta.url);
const load = (file: string) =>
  require(`natural/lib/natural/stemmers/${file}.js`) as { stem(word: string): string };
const stemmers: Record<Language, { stem(word: string): string }> = {
  en: load('porter_stemmer'),
  es: load('porter_stemmer_es'),
  fr: load('porter_stemmer_fr'),
  de: load('porter_stemmer_de'),
};

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
