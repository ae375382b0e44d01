import type { Insertable, Kysely, Selectable, Updateable } from 'kysely';
import type { ConversationsTable, MessagesTable, UsersTable } from '../../db/core-tables.js';
import { countRows, offsetPage } from '../../db/pagination.js';
import type { Database } from '../../db/schema.js';

export type UserRow = Selectable<UsersTable>;
export type ConversationRow = Selectable<ConversationsTable>;
export type MessageRow = Selectable<MessagesTable>;

/** All SQL for employees, their conversations and messages. Pass a transaction to make writes atomic. */
export class QueriesRepository {
  constructor(private readonly db: Kysely<Database>) {}

  getUser(id: string): Promise<UserRow | undefined> {
    return this.db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
  }

  /** Creates the employee on first contact; a no-op when they exist. */
  async ensureUser(id: string, now: number): Promise<void> {
    await this.db
      .insertInto('users')
      .values({ id, is_vip: 0, created_at: now, updated_at: now })
      .onConflict((oc) => oc.column('id').doNothing())
      .execute();
  }

  async setVip(id: string, isVip: boolean, now: number): Promise<void> {
    await this.updateUser(id, { isVip }, now);
  }

  /** Sets an employee's profile fields, creating the employee if HR sets them before their first question. */
  async updateUser(
    id: string,
    changes: { isVip?: boolean; email?: string | null },
    now: number,
  ): Promise<void> {
    await this.ensureUser(id, now);
    await this.db
      .updateTable('users')
      .set({
        ...(changes.isVip === undefined ? {} : { is_vip: changes.isVip ? 1 : 0 }),
        ...(changes.email === undefined ? {} : { email: changes.email }),
        updated_at: now,
      })
      .where('id', '=', id)
      .execute();
  }

  /** The employee's cases waiting for a person or being handled by one. */
  openCases(userId: string): Promise<ConversationRow[]> {
    return this.db
      .selectFrom('conversations')
      .selectAll()
      .where('user_id', '=', userId)
      .where('status', 'in', ['Escalated', 'Assigned'])
      .execute();
  }

  getConversation(id: string): Promise<ConversationRow | undefined> {
    return this.db.selectFrom('conversations').selectAll().where('id', '=', id).executeTakeFirst();
  }

  async insertConversation(row: Insertable<ConversationsTable>): Promise<void> {
    await this.db.insertInto('conversations').values(row).execute();
  }

  async updateConversation(id: string, changes: Updateable<ConversationsTable>): Promise<void> {
    await this.db.updateTable('conversations').set(changes).where('id', '=', id).execute();
  }

  async insertMessages(rows: Insertable<MessagesTable>[]): Promise<void> {
    await this.db.insertInto('messages').values(rows).execute();
  }

  messages(conversationId: string): Promise<MessageRow[]> {
    return this.db
      .selectFrom('messages')
      .selectAll()
      .where('conversation_id', '=', conversationId)
      .orderBy('created_at')
      .orderBy('id')
      .execute();
  }

  /** The employee's recent questions across all conversations, newest first (for repeat detection). */
  async recentQuestions(userId: string, since: number, limit: number): Promise<string[]> {
    const rows = await this.db
      .selectFrom('messages')
      .select('content')
      .where('user_id', '=', userId)
      .where('role', '=', 'user')
      .where('created_at', '>=', since)
      .orderBy('created_at', 'desc')
      .limit(limit)
      .execute();
    return rows.map((r) => r.content);
  }

  /** One employee's conversations, newest first; `includeConfidential` false leaves confidential cases out. */
  async userConversations(userId: string, skip: number, limit: number, includeConfidential: boolean) {
    const own = this.db
      .selectFrom('conversations')
      .where('user_id', '=', userId)
      .$if(!includeConfidential, (q) => q.where('confidential', '=', 0));
    const [rows, total] = await Promise.all([
      offsetPage(own.selectAll().orderBy('updated_at', 'desc').orderBy('id', 'desc'), {
        skip,
        limit,
      }).execute(),
      countRows(own),
    ]);
    return { rows, total };
  }

  conversationsByIds(ids: string[], userId?: string): Promise<ConversationRow[]> {
    let query = this.db.selectFrom('conversations').selectAll().where('id', 'in', ids);
    if (userId !== undefined) query = query.where('user_id', '=', userId);
    return query.orderBy('updated_at', 'desc').orderBy('id', 'desc').execute();
  }

  /** The first question of each conversation (a list's title line). */
  async firstQuestions(conversationIds: string[]): Promise<Map<string, string>> {
    if (conversationIds.length === 0) return new Map();
    const rows = await this.db
      .selectFrom('messages')
      .select(['conversation_id', 'content'])
      .where('conversation_id', 'in', conversationIds)
      .where('role', '=', 'user')
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .execute();
    // Newest first, so the last write per conversation is its first question.
    return new Map(rows.map((r) => [r.conversation_id, r.content]));
  }

  /** The employee opened the conversation: HR's messages up to now are read. */
  async markSeen(id: string, now: number): Promise<void> {
    await this.db.updateTable('conversations').set({ employee_seen_at: now }).where('id', '=', id).execute();
  }

  /** Message counts per conversation, for list views. */
  async messageCounts(conversationIds: string[]): Promise<Map<string, number>> {
    if (conversationIds.length === 0) return new Map();
    const rows = await this.db
      .selectFrom('messages')
      .select(['conversation_id', (eb) => eb.fn.countAll<number>().as('n')])
      .where('conversation_id', 'in', conversationIds)
      .groupBy('conversation_id')
      .execute();
    return new Map(rows.map((r) => [r.conversation_id, Number(r.n)]));
  }
}
