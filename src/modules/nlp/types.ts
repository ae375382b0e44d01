/** The language of a message: English, or one of the languages the answers are framed in. */
export type Language = 'en' | 'es' | 'fr' | 'de';

/** A message after analysis, as every agent and the retrieval read it. */
export interface AnalyzedText {
  language: Language;
  /** Lower-cased, accent-folded message with punctuation kept: what the rule-based agents match against. */
  raw: string;
  /** The words after typo correction and foreign-word mapping, space-separated (no punctuation). */
  normalized: string;
  /** Content-word stems (stop words removed, foreign words mapped to English where known). */
  stems: string[];
}
