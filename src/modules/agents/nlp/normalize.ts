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
      .replace(/\b([wi])\s*-\s*([2479])\b/g, '$1$2')
      .replace(/\bpto\b/g, 'pto')
      // "harming my self": the reflexive written as two words hides it from every rule and model feature
      .replace(/\b(my|your|him|her|it|our|them) (self|selves)\b/g, '$1$2')
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
