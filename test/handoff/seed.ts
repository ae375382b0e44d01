import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { ConversationStatus } from '../../src/db/core-tables.js';
import type { Database } from '../../src/db/schema.js';

export interface SeedTurn {
  question: string;
  at: number;
  /** Articles shown with the answer; none marks a knowledge gap. */
  articles?: { title: string; category: string; score: number }[];
  processingTime?: number;
  escalated?: boolean;
  reason?: string | null;
  category?: string;
  sentiment?: string;
}

export interface SeedConversation {
  id?: string;
  userId: string;
  isVip?: boolean;
  category?: string;
  sentiment?: string;
  priority?: number;
  status?: ConversationStatus;
  reason?: string | null;
  attemptCount?: number;
  escalatedAt?: number | null;
  assignedTo?: string | null;
  resolvedAt?: number | null;
  resolvedBy?: string | null;
  turns: SeedTurn[];
}

/**
 * Writes a conversation as the query service would have stored it, with the timestamps the test chooses, so
 * queue order and analytics can be checked against hand-computed values.
 */
export async function seedConversation(db: Kysely<Database>, seed: SeedConversation): Promise<string> {
  const id = seed.id ?? randomUUID();
  const first = seed.turns[0]?.at ?? 0;
  const last = seed.turns[seed.turns.length - 1]?.at ?? first;
  const status = seed.status ?? (seed.escalatedAt ? 'Escalated' : 'Answered');
  await db
    .insertInto('users')
    .values({ id: seed.userId, is_vip: seed.isVip ? 1 : 0, created_at: first, updated_at: first })
    .onConflict((oc) => oc.column('id').doUpdateSet({ is_vip: seed.isVip ? 1 : 0 }))
    .execute();
  await db
    .insertInto('conversations')
    .values({
      id,
      user_id: seed.userId,
      category: seed.category ?? 'General',
      sentiment: seed.sentiment ?? 'Neutral',
      priority: seed.priority ?? 3,
      status,
      escalated: seed.escalatedAt ? 1 : 0,
      escalation_reason: seed.reason ?? null,
      attempt_count: seed.attemptCount ?? 1,
      escalated_at: seed.escalatedAt ?? null,
      assigned_to: seed.assignedTo ?? null,
      assigned_at: seed.assignedTo ? last : null,
      resolved_at: seed.resolvedAt ?? null,
      resolved_by: seed.resolvedBy ?? null,
      created_at: first,
      updated_at: seed.resolvedAt ?? last,
    })
    .execute();
  for (const turn of seed.turns) {
    const escalated = turn.escalated ?? Boolean(seed.escalatedAt);
    await db
      .insertInto('messages')
      .values([
        {
          id: randomUUID(),
          conversation_id: id,
          role: 'user',
          content: turn.question,
          category: turn.category ?? seed.category ?? 'General',
          sentiment: turn.sentiment ?? seed.sentiment ?? 'Neutral',
          priority: seed.priority ?? 3,
          escalated: escalated ? 1 : 0,
          escalation_reason: escalated ? (turn.reason ?? seed.reason ?? null) : null,
          attempt_count: seed.attemptCount ?? 1,
          processing_time: turn.processingTime ?? 0.002,
          kb_hit_count: turn.articles?.length ?? 0,
          created_at: turn.at,
        },
        {
          id: randomUUID(),
          conversation_id: id,
          role: 'assistant',
          content: `Answer to: ${turn.question}`,
          escalated: escalated ? 1 : 0,
          kb_results: JSON.stringify(
            (turn.articles ?? []).map((a) => ({ ...a, content: `${a.title} body`, id: randomUUID() })),
          ),
          agent_trace: '[]',
          engine: 'local',
          created_at: turn.at + 1,
        },
      ])
      .execute();
  }
  return id;
}
