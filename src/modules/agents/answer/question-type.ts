/**
 * What kind of fact a question asks for, read from its wording in English, Spanish, French or German
 * (on the lower-cased, accent-folded text). The answer extractor prefers sentences that carry that kind of fact.
 */
export type QuestionType = 'amount' | 'when' | 'where' | 'who' | 'rule' | 'other';

const PATTERNS: readonly [QuestionType, RegExp][] = [
  [
    'who',
    /\b(who|whom|which (team|person|department)|contact|phone|hotline|number to call|email address|quien|a quien|con quien|telefono|qui|a qui|telephone|numero|wer|wen|wem|an wen|ansprechpartner|telefonnummer)\b/,
  ],
  [
    'amount',
    /\b(how (many|much|long|often|far|big|high|low)|what (percent|percentage|rate|amount|portion|share|size)|how many days|max(imum)?|minimum|limit|cap|up to|frequency|amount|rate|percent|cost|price|cuant[oa]s?|cuanto tiempo|que porcentaje|combien|quel (montant|pourcentage)|wie (viel|viele|lange|oft|hoch)|wieviel)\b|\bpaid\s*\??$/,
  ],
  [
    'when',
    /\b(when|what (date|day|time|month)|which (date|day|month)|deadline|due|by when|until when|how soon|how early|how late|cutoff|cut-off|cuando|que dia|que fecha|fecha|plazo|hasta cuando|quand|quel jour|quelle date|date limite|delai|wann|bis wann|frist|welchem tag|stichtag)\b|\bdates?\s*\??$/,
  ],
  [
    'where',
    /\b(where|how (do|can|should|would) (i|we|you)|how to|what steps|steps|process|procedure|sign up|set ?up|enrol+|apply|request|submit|update|change|download|find|donde|como (puedo|se|hago|cambio)|comment|ou (est|trouver)|wo|wie (kann|mache|beantrage|melde|bekomme|andere))\b/,
  ],
  [
    'rule',
    /^(can|could|may|am|is|are|do|does|did|will|would|should|must|have to|puedo|se puede|tengo que|es|est-ce|puis-je|peut-on|dois-je|ai-je|darf|kann|muss|ist|sind|habe)\b|\b(allowed|permitted|eligible|required|mandatory|ok to|okay to|puedo|permitido|autorise|erlaubt|berechtigt)\b/,
  ],
];

export function questionType(raw: string): QuestionType {
  const text = raw.replace(/[¿¡]/g, '').trim();
  for (const [type, pattern] of PATTERNS) if (pattern.test(text)) return type;
  return 'other';
}

const NUMBER_WORDS =
  'one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|sixty|ninety|hundred|half|twice|once|double';
const UNITS =
  'days?|weeks?|months?|years?|hours?|minutes?|percent|times|paydays|pay periods?|business days|working days|calendar days|dollars';

/** Does a sentence carry the kind of fact a question type asks for? */
const FACT_PATTERNS: Record<Exclude<QuestionType, 'other'>, RegExp> = {
  amount: new RegExp(
    `\\$\\s?\\d|\\b(\\d+|${NUMBER_WORDS})\\s+to\\s+(\\d+|${NUMBER_WORDS})\\b|\\d+(\\.\\d+)?\\s?%|\\b(\\d+(\\.\\d+)?|${NUMBER_WORDS})\\b[\\w\\s-]{0,20}\\b(${UNITS})\\b|\\b(up to|at most|at least|maximum|limit|cap|per (year|month|pay period|week))\\b`,
    'i',
  ),
  when: new RegExp(
    `\\b(monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|may|june|july|august|september|october|november|december|a\\.m\\.|p\\.m\\.|deadline|within|before|after|by the|no later than|every|each (year|month|week)|annually|weekly|monthly|bi-weekly|first day|last day|same day|next (business )?day)\\b|\\b(\\d+|${NUMBER_WORDS})\\s+(business |working |calendar )?(days?|weeks?|months?)\\b`,
    'i',
  ),
  where:
    /\s>\s|\b(portal|under|go to|open|select|sign in|submit|request|click|choose|fill|form|website|app)\b/i,
  who: /\b(hr service desk|service desk|contact|call|email|manager|team|administrator|specialist|recruiter|partner|hotline|\d-\d{3}-\d{3}-\d{4})\b/i,
  rule: /\b(must|may|may not|can|cannot|can't|not|never|only|allowed|permitted|prohibited|required|eligible|entitled)\b/i,
};

/** 1 when the sentence carries the asked-for kind of fact, else 0. */
export function carriesFact(type: QuestionType, sentence: string): number {
  if (type === 'other') return 0;
  return FACT_PATTERNS[type].test(sentence) ? 1 : 0;
}

const NUMBER = new RegExp(`^(\\d+([.,]\\d+)?%?|\\$\\d[\\d,]*|${NUMBER_WORDS})$`, 'i');

/**
 * Whether the sentence counts the very thing asked about: a number followed within two words by a word whose
 * stem the question holds ("how many reviewers" → "four to eight reviewers").
 */
export function countsAskedThing(
  sentence: string,
  asked: ReadonlySet<string>,
  stemOf: (word: string) => string,
): boolean {
  const words = sentence
    .toLowerCase()
    .split(/[^a-z0-9$%.,]+/)
    .map((word) => word.replace(/[.,]$/, ''));
  for (let i = 0; i < words.length; i++) {
    if (!NUMBER.test(words[i]!)) continue;
    for (let j = i + 1; j <= i + 3 && j < words.length; j++) if (asked.has(stemOf(words[j]!))) return true;
  }
  return false;
}
