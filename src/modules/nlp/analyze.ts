import { isEnglishWord } from './english-words.js';
import { GLOSSARY, PHRASES } from './glossary.js';
import { type ForeignLanguage, TERMS } from './glossary-terms.js';
import { guessLanguage } from './language.js';
import { normalizeText, splitElisions, tokenize } from './normalize.js';
import type { Speller } from './spelling.js';
import { stem } from './stem.js';
import { STOP_WORDS } from './stopwords.js';
import type { AnalyzedText } from './types.js';

/** The English words the glossary translates into. */
const ENGLISH_HR_WORDS: ReadonlySet<string> = new Set(GLOSSARY.values());

/** Shorter words are too often function words or ambiguous to be matched by their stem alone. */
const MIN_STEM_MATCH_LENGTH = 4;

/**
 * The knowledge base's terms and the glossary's words by their stem in each language, so an inflected form
 * ("reembolsaron", "enfermedades", "Beurteilungen") reaches the entry written for its base form. The glossary
 * does not say which language a word is from, so its words are stemmed in each language (after the terms table,
 * which does). Built for a language when its first word needs it: stemming every term in three languages took
 * ~0.3 s of the server's start-up, and an English-only deployment never needs it.
 */
const termsByStem: Partial<Record<ForeignLanguage, ReadonlyMap<string, string>>> = {};

function termsByStemIn(language: ForeignLanguage): ReadonlyMap<string, string> {
  const built = termsByStem[language];
  if (built) return built;
  const out = new Map<string, string>();
  for (const [word, english] of [...TERMS[language], ...GLOSSARY]) {
    if (STOP_WORDS.has(word)) continue;
    const key = stem(word, language);
    if (key.length >= MIN_STEM_MATCH_LENGTH && !out.has(key)) out.set(key, english);
  }
  termsByStem[language] = out;
  return out;
}

/** A foreign word's English: the hand-written glossary first, then the terms table, by word and then by stem. */
function translate(token: string, language: AnalyzedText['language']): string | undefined {
  const known = GLOSSARY.get(token);
  if (known !== undefined || language === 'en') return known;
  const exact = TERMS[language].get(token);
  if (exact !== undefined) return exact;
  if (token.length < MIN_STEM_MATCH_LENGTH || STOP_WORDS.has(token)) return undefined;
  const byStem = termsByStemIn(language).get(stem(token, language));
  if (byStem !== undefined) return byStem;
  // The stemmers do not always reduce a plural and its singular alike ("enfermedades" / "enfermedad"): the
  // singular is tried as written.
  for (const ending of PLURAL_ENDINGS[language])
    if (token.endsWith(ending) && token.length - ending.length >= MIN_STEM_MATCH_LENGTH) {
      const singular = token.slice(0, -ending.length);
      const found = GLOSSARY.get(singular) ?? TERMS[language].get(singular);
      if (found !== undefined) return found;
    }
  return undefined;
}

const PLURAL_ENDINGS: Readonly<Record<ForeignLanguage, readonly string[]>> = {
  es: ['es', 's'],
  fr: ['x', 's'],
  de: ['en', 'n', 'e', 's'],
};

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
      translate(token, language) ?? (language !== 'en' && ENGLISH_HR_WORDS.has(token) ? token : undefined);
    if (translated !== undefined) {
      // A row may stand for two English words ("arrêt" → "sick leave").
      for (const word of translated.split(' ')) {
        words.push(word);
        stems.push(stem(word));
      }
      continue;
    }
    // German compounds ("arbeitsvertrag", "betriebsrente"): the known word they end with carries the meaning.
    const head = language === 'de' ? compoundHead(token) : undefined;
    if (head !== undefined) {
      words.push(token);
      stems.push(stem(token, language), ...head.split(' ').map((word) => stem(word)));
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
    const translated = GLOSSARY.get(token.slice(i)) ?? TERMS.de.get(token.slice(i));
    if (translated !== undefined) return translated;
  }
  return undefined;
}

/** Content words of a text without stemming, for building spelling vocabularies. */
export function contentWords(raw: string): string[] {
  return tokenize(normalizeText(raw)).filter((token) => !STOP_WORDS.has(token));
}
