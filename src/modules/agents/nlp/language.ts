import type { Language } from '../types.js';
import { LANGUAGE_MARKERS } from './stopwords.js';

/** A cheap guess from function-word counts; ties and unknowns fall back to English. */
export function guessLanguage(tokens: readonly string[]): Language {
  let best: Language = 'en';
  let bestCount = 0;
  for (const language of ['en', 'es', 'fr', 'de'] as const) {
    const markers = LANGUAGE_MARKERS[language];
    let count = 0;
    for (const token of tokens) if (markers.has(token)) count++;
    if (count > bestCount) {
      best = language;
      bestCount = count;
    }
  }
  return best;
}
