import type { ConversationStatus } from '../../db/core-tables.js';
import type { CaseStatus } from './cases.repository.js';

/** The short reference an employee can quote on the phone: HR-1042. */
export const caseReference = (caseNumber: number | null): string | null =>
  caseNumber === null ? null : `HR-${caseNumber}`;

const CASE_STATUS: Partial<Record<ConversationStatus, CaseStatus>> = {
  Escalated: 'open',
  Assigned: 'assigned',
  WaitingOnEmployee: 'waiting_on_employee',
  Resolved: 'resolved',
};

/** The case status of a conversation that needed a person; null for one the assistant answered alone. */
export function caseStatus(status: ConversationStatus, escalatedAt: number | null): CaseStatus | null {
  if (escalatedAt === null) return null;
  return CASE_STATUS[status] ?? null;
}
