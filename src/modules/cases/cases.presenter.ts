import { toIso, toIsoOrNull } from '../../clock.js';
import type { HandoffConversationRow } from '../handoff/handoff.repository.js';
import { summarizeQuestions } from '../handoff/summary.js';
import { caseReference, caseStatus } from './case-reference.js';
import type { CannedRepliesTable, CaseNotesTable } from './cases.tables.js';
import { nextDueAt, type SlaPolicy, slaStanding, slaState } from './sla.js';

/** The case fields every view of an escalated conversation carries: reference, case status and targets. */
export function presentCaseFields(row: HandoffConversationRow, policy: SlaPolicy, now: number) {
  const due = nextDueAt(policy, row);
  return {
    case_reference: caseReference(row.case_number),
    case_status: caseStatus(row.status, row.escalated_at),
    sla: slaState(policy, row, now),
    sla_standing: slaStanding(policy, row, now),
    next_due_at: due === null ? null : toIso(due),
    first_response_at: toIsoOrNull(row.first_response_at),
    last_agent_message_at: toIsoOrNull(row.last_agent_message_at),
  };
}

/** One line of the compact case list: no transcript, only what sorting and choosing a case needs. */
export function presentCaseSummary(
  row: HandoffConversationRow,
  questions: string[],
  policy: SlaPolicy,
  now: number,
) {
  const since = row.escalated_at ?? row.created_at;
  return {
    conversation_id: row.id,
    ...presentCaseFields(row, policy, now),
    user_id: row.user_id as string | null,
    confidential: row.confidential === 1,
    is_vip: row.is_vip === 1,
    status: row.status,
    category: row.category,
    sentiment: row.sentiment,
    priority: row.priority,
    escalation_reason: row.escalation_reason,
    summary: summarizeQuestions(questions),
    question_count: questions.length,
    assigned_to: row.assigned_to,
    waiting_seconds: Math.max(0, Math.round(((row.resolved_at ?? now) - since) / 1000)),
    escalated_at: toIsoOrNull(row.escalated_at),
    resolved_at: toIsoOrNull(row.resolved_at),
    updated_at: toIso(row.updated_at),
  };
}

export function presentNote(row: CaseNotesTable) {
  return {
    id: row.id,
    conversation_id: row.conversation_id,
    author: row.author,
    content: row.content,
    created_at: toIso(row.created_at),
  };
}

export function presentCannedReply(row: CannedRepliesTable) {
  return {
    id: row.id,
    title: row.title,
    body: row.body,
    created_at: toIso(row.created_at),
    updated_at: toIso(row.updated_at),
  };
}
