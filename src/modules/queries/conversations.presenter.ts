import { toIso, toIsoOrNull } from '../../clock.js';
import { isEscalationKind } from '../agents/escalation/kinds.js';
import type { AnswerSummary, EscalationKind } from '../agents/types.js';
import { caseReference, caseStatus } from '../cases/case-reference.js';
import type { ConversationRow, MessageRow, UserRow } from './queries.repository.js';

/** HR has written since the employee last opened the conversation. */
export const isUnread = (row: ConversationRow): boolean =>
  row.last_agent_message_at !== null && (row.employee_seen_at ?? 0) < row.last_agent_message_at;

export function presentConversation(row: ConversationRow, messageCount?: number) {
  return {
    id: row.id,
    conversation_id: row.id,
    user_id: row.user_id as string | null,
    category: row.category,
    sentiment: row.sentiment,
    priority: row.priority,
    status: row.status,
    case_status: caseStatus(row.status, row.escalated_at),
    case_reference: caseReference(row.case_number),
    unread: isUnread(row),
    last_agent_message_at: toIsoOrNull(row.last_agent_message_at),
    escalated: row.escalated === 1,
    escalation_reason: row.escalation_reason,
    escalation_kind: kindOrNull(row.escalation_kind),
    attempt_count: row.attempt_count,
    assigned_to: row.assigned_to,
    resolved_by: row.resolved_by,
    created_at: toIso(row.created_at),
    updated_at: toIso(row.updated_at),
    escalated_at: toIsoOrNull(row.escalated_at),
    resolved_at: toIsoOrNull(row.resolved_at),
    confidential: row.confidential === 1,
    ...(messageCount === undefined ? {} : { message_count: messageCount }),
  };
}

export function presentMessage(row: MessageRow) {
  return {
    id: row.id,
    role: row.role,
    content: row.content,
    timestamp: toIso(row.created_at),
    category: row.category,
    sentiment: row.sentiment,
    priority: row.priority,
    escalated: row.escalated === 1,
    escalation_reason: row.escalation_reason,
    escalation_kind: kindOrNull(row.escalation_kind),
    kb_results: row.kb_results === null ? null : (JSON.parse(row.kb_results) as unknown[]),
    answer: row.answer ? (JSON.parse(row.answer) as AnswerSummary) : null,
    engine: row.engine,
  };
}

export function presentUser(row: UserRow) {
  return {
    user_id: row.id,
    is_vip: row.is_vip === 1,
    email: row.email,
    created_at: toIso(row.created_at),
    updated_at: toIso(row.updated_at),
  };
}

/** A stored kind as the API types it (rows written before kinds existed, or with an unknown value, are null). */
export const kindOrNull = (value: string | null): EscalationKind | null =>
  isEscalationKind(value) ? value : null;
