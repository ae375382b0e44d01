import type { ConcernKind, Language } from '../types.js';

/**
 * One thing that must never be missed. Patterns run on the folded message (lower case, accents removed)
 * after harmless uses are taken out (harmless-uses.ts); each is one idea a reviewer can read at a glance.
 */
export interface Rule {
  pattern: RegExp;
  /** A message the rule catches (the tests check it escalates with this kind). */
  example: string;
  /** A message with the same words that is not a report (the tests check this kind is not raised). */
  counterExample: string;
}

/** The rules for one kind, one list per language: a foreign phrase never hides inside an English pattern. */
export interface KindRules {
  kind: ConcernKind;
  /**
   * Whether a question about the policy that merely names the subject ("how do I report fraud?") is kept
   * apart. Crisis, violence and a request for a person escalate however they are phrased.
   */
  namedInPolicyQuestions: boolean;
  rules: Record<Language, readonly Rule[]>;
}
