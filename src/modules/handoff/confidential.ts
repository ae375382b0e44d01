import type { EscalationKind } from '../agents/types.js';

/**
 * Escalations whose text stays with the people cleared to read it (the hr_confidential and hr_admin roles), the
 * way HR case systems restrict employee-relations cases.
 */
export const CONFIDENTIAL_KINDS: ReadonlySet<EscalationKind> = new Set<EscalationKind>([
  'crisis',
  'violence',
  'harassment',
  'discrimination',
  'retaliation',
  'fraud',
]);

/** The confidential kind an answer was escalated for (metadata.escalation_kind), or null. */
export function confidentialKind(result: {
  escalated: boolean;
  escalationKind: EscalationKind | null;
}): EscalationKind | null {
  const kind = result.escalationKind;
  return result.escalated && kind !== null && CONFIDENTIAL_KINDS.has(kind) ? kind : null;
}
