import { LANGUAGE_MARKERS } from './stopwords.js';
import type { Language } from './types.js';

/**
 * Words only one language uses among the four, so a French question with "de" and "la" in it is not taken for
 * Spanish ("combien de jours de congé") and a Spanish one with "de" is not taken for French.
 */
const DISTINCTIVE: Partial<Record<Language, ReadonlySet<string>>> = {
  fr: new Set(
    (
      'voudrais vers combien quel quelle quels quelles vous nous dans sur du au aux cette ou de jours jour ' +
      'dois peux puis ai mon ma mes quoi conge conges pourquoi qui faut il avons avez sont peut etre ' +
      'notre nos votre vos chez'
    ).split(' '),
  ),
  es: new Set(
    (
      'cuantos cuantas cuanto cuanta dias tengo hay del al se necesito puedo cual quien hacer si tenemos ' +
      'tienen nuestro nuestra porque tambien estan puede pueden debo'
    ).split(' '),
  ),
  de: new Set(
    (
      'wieviel viele tage bekomme ich brauche muss darf wer welche bis gibt es wird werden wurde bei uns ' +
      'unser unsere unseren zum zur nach noch schon auch oder aber wenn dass soll sollte konnen'
    ).split(' '),
  ),
};

/** A cheap guess from function-word counts; ties and unknowns fall back to English. */
export function guessLanguage(tokens: readonly string[]): Language {
  let best: Language = 'en';
  let bestCount = 0;
  for (const language of ['en', 'es', 'fr', 'de'] as const) {
    const markers = LANGUAGE_MARKERS[language];
    const extra = DISTINCTIVE[language];
    let count = 0;
    for (const token of tokens) if (markers.has(token) || extra?.has(token)) count++;
    if (count > bestCount) {
      best = language;
      bestCount = count;
    }
  }
  return best;
}
