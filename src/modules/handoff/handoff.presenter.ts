import { toIso, toIsoOrNull } from '../../clock.js';
import { kindOrNull } from '../queries/conversations.presenter.js';
import type { HandoffConversationRow, TranscriptRow } from './handoff.repository.js';
import { summarizeQuestions } from './summary.js';

interface ShownArticle {
  title: string;
  category: string | null;
  score: number | null;
}

/** The articles the bot already showed, best score per title, so the agent doesn't send them again. */
export function articlesShown(messages: TranscriptRow[]): ShownArticle[] {
  const byTitle = new Map<string, ShownArticle>();
  for (const message of messages) {
    if (message.role !== 'assistant' || message.kb_results === null) continue;
    let hits: unknown;
    try {
      hits = JSON.parse(message.kb_results);
    } catch {
      continue;
    }
    if (!Array.isArray(hits)) continue;
    for (const hit of hits as Array<Record<string, unknown>>) {
      if (typeof hit?.title !== 'string') continue;
      const score = typeof hit.score === 'number' ? hit.score : null;
      const known = byTitle.get(hit.title);
      if (known && (known.score ?? -1) >= (score ?? -1)) continue;
      byTitle.set(hit.title, {
        title: hit.title,
        category: typeof hit.category === 'string' ? hit.category : null,
        score,
      });
    }
  }
  return [...byTitle.values()].sort((a, b) => (b.score ?? 0) - (a.score ?? 0));
}

/** Seconds the case has waited for a person: until now while open, until its resolution once resolved. */
function waitingSeconds(row: HandoffConversationRow, now: number): number {
  const since = row.escalated_at ?? row.created_at;
  const until = row.resolved_at ?? now;
  return Math.max(0, Math.round((until - since) / 1000));
}

/** Everything a person needs to take over an escalated conversation without asking the employee again. */
export function presentHandoffPackage(row: HandoffConversationRow, messages: TranscriptRow[], now: number) {
  return {
    conversation_id: row.id,
    user_id: row.user_id as string | null,
    is_vip: row.is_vip === 1,
    status: row.status,
    category: row.category,
    sentiment: row.sentiment,
    priority: row.priority,
    escalation_reason: row.escalation_reason,
    escalation_kind: kindOrNull(row.escalation_kind),
    confidential: row.confidential === 1,
    summary: summarizeQuestions(messages.filter((m) => m.role === 'user').map((m) => m.content)),
    transcript: messages.map((m) => ({
      id: m.id,
      role: m.role,
      content: m.content,
      timestamp: toIso(m.created_at),
    })),
    kb_articles: articlesShown(messages),
    attempt_count: row.attempt_count,
    waiting_seconds: waitingSeconds(row, now),
    escalated_at: toIsoOrNull(row.escalated_at),
    assigned_to: row.assigned_to,
    assigned_at: toIsoOrNull(row.assigned_at),
    resolved_at: toIsoOrNull(row.resolved_at),
    resolved_by: row.resolved_by,
    created_at: toIso(row.created_at),
  };
}

/** The fields a confidential case shows to staff who may not read it; text fields come out empty. */
interface ConfidentialRedactable {
  confidential: boolean;
  user_id: string | null;
  escalation_reason?: string | null;
  summary?: string;
  title?: string;
  transcript?: unknown[];
  kb_articles?: unknown[];
}

/**
 * A confidential case as staff without the confidential:read permission see it in a queue or list: that it
 * exists, how urgent it is and how long it has waited; not who reported it (the reporter's id names a person as
 * surely as their words do), nor its reason, summary, title, transcript or articles.
 */
export function withoutConfidentialText<T extends ConfidentialRedactable>(item: T): T {
  if (!item.confidential) return item;
  const redacted: T = {
    ...item,
    user_id: null,
    ...('escalation_reason' in item ? { escalation_reason: null } : {}),
    ...('summary' in item ? { summary: '' } : {}),
    ...('title' in item ? { title: '' } : {}),
    ...('transcript' in item ? { transcript: [] } : {}),
    ...('kb_articles' in item ? { kb_articles: [] } : {}),
  };
  return redacted;
}

/** The conversation's state after an assignment or resolution. */
export function presentCaseState(row: HandoffConversationRow) {
  return {
    conversation_id: row.id,
    user_id: row.user_id as string | null,
    status: row.status,
    category: row.category,
    priority: row.priority,
    escalation_reason: row.escalation_reason,
    escalation_kind: kindOrNull(row.escalation_kind),
    confidential: row.confidential === 1,
    assigned_to: row.assigned_to,
    assigned_at: toIsoOrNull(row.assigned_at),
    resolved_at: toIsoOrNull(row.resolved_at),
    resolved_by: row.resolved_by,
    updated_at: toIso(row.updated_at),
  };
}
