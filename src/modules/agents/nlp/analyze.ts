import type { AnalyzedText } from '../types.js';
import { isEnglishWord } from './english-words.js';
import { GLOSSARY, PHRASES } from './glossary.js';
import { guessLanguage } from './language.js';
import { normalizeText, splitElisions, tokenize } from './normalize.js';
import type { Speller } from './spelling.js';
import { stem } from './stem.js';
import { STOP_WORDS } from './stopwords.js';

/** The English words the glossary translates into. */
const ENGLISH_HR_WORDS: ReadonlySet<string> = new Set(GLOSSARY.values());

/** Normalizes, guesses the language, corrects typos and stems content words — once per message. */
export function analyzeText(raw: string, speller?: Speller): AnalyzedText {
  let normalized = normalizeText(raw);
  for (const [pattern, replacement] of PHRASES) normalized = normalized.replace(pattern, replacement);
  const tokens = tokenize(splitElisions(normalized));
  const language = guessLanguage(tokens);
  const stems: string[] = [];
  const words: string[] = [];
  for (const token of tokens) {
    // A foreign phrase already rewritten to its English HR word ("día de pago" → "payday") keeps only the
    // English stem, as a glossary translation does.
    const translated =
      GLOSSARY.get(token) ?? (language !== 'en' && ENGLISH_HR_WORDS.has(token) ? token : undefined);
    if (translated !== undefined) {
      words.push(translated);
      stems.push(stem(translated));
      continue;
    }
    // German compounds ("arbeitsvertrag", "betriebsrente"): the known word they end with carries the meaning.
    const head = language === 'de' ? compoundHead(token) : undefined;
    if (head !== undefined) {
      words.push(token);
      stems.push(stem(token, language), stem(head));
      continue;
    }
    if (STOP_WORDS.has(token)) {
      words.push(token);
      continue;
    }
    if (language === 'en') {
      const corrected = speller ? speller.correct(token) : token;
      words.push(corrected);
      stems.push(stem(corrected));
    } else {
      words.push(token);
      const native = stem(token, language);
      stems.push(native);
      // English loanwords are common in HR messages ("jeans", "bonus", "email"): keep their English stem
      // too, but only for real English words, or every native word ("vais") would count twice.
      const english = stem(token);
      if (english !== native && isEnglishWord(token)) stems.push(english);
    }
  }
  return { language, normalized: words.join(' '), raw: normalized, stems };
}

/** The glossary translation of the longest known word (5+ letters) a German compound ends with. */
function compoundHead(token: string): string | undefined {
  for (let i = 2; i <= token.length - 5; i++) {
    const translated = GLOSSARY.get(token.slice(i));
    if (translated !== undefined) return translated;
  }
  return undefined;
}

/** Content words of a text without stemming, for building spelling vocabularies. */
export function contentWords(raw: string): string[] {
  return tokenize(normalizeText(raw)).filter((token) => !STOP_WORDS.has(token));
}
