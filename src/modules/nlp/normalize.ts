/** Lower-case, fold accents (ß → ss), unify apostrophes and the spellings of common HR tokens. */
export function normalizeText(raw: string): string {
  return (
    raw
      .toLowerCase()
      .replace(/ß/g, 'ss')
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[’‘`´]/g, "'")
      .replace(/\b401\s*\(\s*k\s*\)|\b401\s*k\b/g, '401k')
      .replace(/\b([wi])(?:\s*-\s*)?([2479])(?:s\b|\b)/g, '$1$2')
      .replace(/\bpto\b/g, 'pto')
      // "harming my self": the reflexive written as two words hides it from the rules; "my self-harm" and
      // "my self assessment" are compounds and stay apart
      .replace(
        /\b(my|your|him|her|it|our|them) (self|selves)\b(?![-\w]|\s+(harm|injur\w*|assess\w*|eval\w*|review|service|care|esteem|defen[cs]e|development|study|learning))/g,
        '$1$2',
      )
      .replace(/(.)\1{2,}/g, '$1$1')
  );
}

/** Splits normalized text into word tokens; apostrophes inside words are dropped ("don't" → "dont"). */
export function tokenize(normalized: string): string[] {
  const out: string[] = [];
  for (const match of normalized.replace(/'/g, '').matchAll(/[a-z0-9]+/g)) out.push(match[0]);
  return out;
}

/** French elision: "l'équipe", "d'offre", "m'absenter" are two words, not one (for the topic features). */
export function splitElisions(normalized: string): string {
  return normalized.replace(/\b(qu|[cdjlmnst])'(?=[a-z])/g, '$1 ');
}
