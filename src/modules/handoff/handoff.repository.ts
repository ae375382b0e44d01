import type { Insertable, Kysely, Selectable, Updateable } from 'kysely';
import type { ConversationStatus, ConversationsTable, MessagesTable } from '../../db/core-tables.js';
import { countRows, offsetPage } from '../../db/pagination.js';
import type { Database } from '../../db/schema.js';
import type { FeedbackTable } from './handoff.tables.js';

export type HandoffConversationRow = Selectable<ConversationsTable> & { is_vip: number | null };
export type TranscriptRow = Pick<
  Selectable<MessagesTable>,
  'id' | 'conversation_id' | 'role' | 'content' | 'kb_results' | 'created_at'
>;
export type FeedbackRow = Selectable<FeedbackTable>;

/** Which conversations each queue view lists. */
export type QueueStatus = 'open' | 'assigned' | 'waiting_on_employee' | 'resolved';

const statusFor: Record<QueueStatus, ConversationStatus> = {
  open: 'Escalated',
  assigned: 'Assigned',
  waiting_on_employee: 'WaitingOnEmployee',
  resolved: 'Resolved',
};

/** All SQL of the escalation queue, assignment, resolution and feedback. Pass a transaction to make writes atomic. */
export class HandoffRepository {
  constructor(private readonly db: Kysely<Database>) {}

  private conversationsWithVip() {
    return this.db
      .selectFrom('conversations')
      .leftJoin('users', 'users.id', 'conversations.user_id')
      .selectAll('conversations')
      .select('users.is_vip');
  }

  getConversation(id: string): Promise<HandoffConversationRow | undefined> {
    return this.conversationsWithVip().where('conversations.id', '=', id).executeTakeFirst();
  }

  /**
   * One page of the queue. Waiting cases: highest priority first, then the longest waiting. Resolved cases:
   * the most recently resolved first (what a team lead reviews). Only conversations that were escalated count.
   */
  async queue(status: QueueStatus, skip: number, limit: number) {
    const base = this.db
      .selectFrom('conversations')
      .where('conversations.status', '=', statusFor[status])
      .where('conversations.escalated_at', 'is not', null);
    let page = base
      .leftJoin('users', 'users.id', 'conversations.user_id')
      .selectAll('conversations')
      .select('users.is_vip');
    page =
      status === 'resolved'
        ? page.orderBy('conversations.resolved_at', 'desc')
        : page.orderBy('conversations.priority', 'desc').orderBy('conversations.escalated_at', 'asc');
    const [rows, total] = await Promise.all([
      offsetPage(page.orderBy('conversations.id'), { skip, limit }).execute(),
      countRows(base),
    ]);
    return { rows: rows as HandoffConversationRow[], total };
  }

  /** The messages of several conversations at once, oldest first within each. */
  transcripts(conversationIds: string[]): Promise<TranscriptRow[]> {
    if (conversationIds.length === 0) return Promise.resolve([]);
    return this.db
      .selectFrom('messages')
      .select(['id', 'conversation_id', 'role', 'content', 'kb_results', 'created_at'])
      .where('conversation_id', 'in', conversationIds)
      .orderBy('conversation_id')
      .orderBy('created_at')
      .orderBy('id')
      .execute();
  }

  /**
   * Applies a case change only if the case is still in the status it was read in, so two people acting on the
   * same case at once never overwrite each other's change unseen. Returns whether a row changed.
   */
  async updateCase(
    id: string,
    from: ConversationStatus,
    changes: Updateable<ConversationsTable>,
  ): Promise<boolean> {
    const result = await this.db
      .updateTable('conversations')
      .set(changes)
      .where('id', '=', id)
      .where('status', '=', from)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  /** Marks a conversation Resolved if it is still in one of `from`; returns whether a row changed. */
  async resolve(
    id: string,
    from: ConversationStatus[],
    resolvedBy: string,
    now: number,
    byAgent: boolean,
  ): Promise<boolean> {
    const result = await this.db
      .updateTable('conversations')
      .set((eb) => ({
        status: 'Resolved',
        resolved_at: now,
        resolved_by: resolvedBy,
        updated_at: now,
        // HR's closing answer is also a message to the employee: it counts as a first response and is unread.
        ...(byAgent
          ? {
              last_agent_message_at: now,
              first_response_at: eb.fn.coalesce('first_response_at', eb.val(now)),
            }
          : {}),
      }))
      .where('id', '=', id)
      .where('status', 'in', from)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  async insertMessage(row: Insertable<MessagesTable>): Promise<void> {
    await this.db.insertInto('messages').values(row).execute();
  }

  getFeedback(conversationId: string, userId: string): Promise<FeedbackRow | undefined> {
    return this.db
      .selectFrom('feedback')
      .selectAll()
      .where('conversation_id', '=', conversationId)
      .where('user_id', '=', userId)
      .executeTakeFirst();
  }

  /** Stores an employee's rating of a conversation; a second one replaces the first (keeping its id). */
  async upsertFeedback(row: Insertable<FeedbackTable>): Promise<FeedbackRow> {
    await this.db
      .insertInto('feedback')
      .values(row)
      .onConflict((oc) =>
        oc.columns(['conversation_id', 'user_id']).doUpdateSet({
          rating: row.rating,
          comment: row.comment ?? null,
          updated_at: row.updated_at,
        }),
      )
      .execute();
    const stored = await this.getFeedback(row.conversation_id, row.user_id);
    if (!stored) throw new Error('feedback row vanished after upsert');
    return stored;
  }
}
