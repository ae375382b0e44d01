import type { ConcernKind, Language } from '../types.js';
import { isPolicyQuestion } from './policy-question.js';
import type { KindRules } from './rule.js';
import { crisis } from './rules/crisis.js';
import { discrimination } from './rules/discrimination.js';
import { fraud } from './rules/fraud.js';
import { harassment } from './rules/harassment.js';
import { humanRequest } from './rules/human-request.js';
import { legal } from './rules/legal.js';
import { retaliation } from './rules/retaliation.js';
import { safety } from './rules/safety.js';
import { violence } from './rules/violence.js';

/** The rule table, most urgent kind first (a message raising several is escalated for the first). */
export const RULE_TABLE: readonly KindRules[] = [
  crisis,
  violence,
  harassment,
  discrimination,
  retaliation,
  safety,
  fraud,
  legal,
  humanRequest,
];

const LANGUAGES: readonly Language[] = ['en', 'es', 'fr', 'de'];

export interface RuleMatch {
  kind: ConcernKind;
  matched: string;
}

/**
 * Every kind the rules find, most urgent first, on a folded message with harmless uses removed. All four
 * languages' rules run on every message: the language guess is unreliable on a short message, and a rule
 * written for one language does not fire on another's words.
 */
export function matchRules(folded: string): RuleMatch[] {
  const policyQuestion = isPolicyQuestion(folded);
  const found: RuleMatch[] = [];
  for (const table of RULE_TABLE) {
    if (policyQuestion && table.namedInPolicyQuestions) continue;
    const hit = firstMatch(table, folded);
    if (hit !== undefined) found.push({ kind: table.kind, matched: hit });
  }
  return found;
}

function firstMatch(table: KindRules, folded: string): string | undefined {
  for (const language of LANGUAGES)
    for (const rule of table.rules[language]) {
      const match = rule.pattern.exec(folded);
      if (match) return match[0];
    }
  return undefined;
}
