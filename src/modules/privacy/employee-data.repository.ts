import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';

/** Put where a delivery's body was: the event id and type stay in the log, what it said about the person does not. */
export const ERASED_PAYLOAD = '{"erased":true}';
const BATCH = 200;

/** All SQL that finds and erases what is stored about one employee. */
export class EmployeeDataRepository {
  constructor(private readonly db: Kysely<Database>) {}

  user(userId: string) {
    return this.db.selectFrom('users').selectAll().where('id', '=', userId).executeTakeFirst();
  }

  conversations(userId: string) {
    return this.db
      .selectFrom('conversations')
      .selectAll()
      .where('user_id', '=', userId)
      .orderBy('created_at')
      .execute();
  }

  async messages(conversationIds: string[]) {
    if (conversationIds.length === 0) return [];
    return this.db
      .selectFrom('messages')
      .selectAll()
      .where('conversation_id', 'in', conversationIds)
      .orderBy('created_at')
      .orderBy('id')
      .execute();
  }

  async feedback(userId: string, conversationIds: string[]) {
    return this.db
      .selectFrom('feedback')
      .selectAll()
      .where((eb) =>
        conversationIds.length > 0
          ? eb.or([eb('user_id', '=', userId), eb('conversation_id', 'in', conversationIds)])
          : eb('user_id', '=', userId),
      )
      .execute();
  }

  /**
   * Outbox rows whose event names the employee or one of their conversations. Payloads are canonical JSON, so a
   * LIKE finds candidates and parsing confirms them (an id's "_" would otherwise match any character).
   */
  async deliveries(userId: string, conversationIds: string[]) {
    const needles = [
      `"user_id":${JSON.stringify(userId)}`,
      ...conversationIds.map((id) => `"query_id":"${id}"`),
    ];
    const found = new Map<
      string,
      {
        id: string;
        webhook_id: string;
        event_type: string;
        status: string;
        payload: string;
        created_at: number;
      }
    >();
    for (let i = 0; i < needles.length; i += BATCH) {
      const rows = await this.db
        .selectFrom('webhook_deliveries')
        .select(['id', 'webhook_id', 'event_type', 'status', 'payload', 'created_at'])
        .where((eb) =>
          eb.or(needles.slice(i, i + BATCH).map((needle) => eb('payload', 'like', `%${needle}%`))),
        )
        .execute();
      for (const row of rows) found.set(row.id, row);
    }
    const ids = new Set(conversationIds);
    return [...found.values()].filter((row) => {
      try {
        const data = (JSON.parse(row.payload) as { data?: { user_id?: unknown; query_id?: unknown } }).data;
        return data?.user_id === userId || (typeof data?.query_id === 'string' && ids.has(data.query_id));
      } catch {
        return false;
      }
    });
  }

  async eraseDeliveryPayloads(ids: string[], now: number): Promise<void> {
    for (let i = 0; i < ids.length; i += BATCH) {
      const batch = ids.slice(i, i + BATCH);
      // A pending delivery would otherwise still go out; it is cancelled along with its content.
      await this.db
        .updateTable('webhook_deliveries')
        .set({ status: 'cancelled', payload: ERASED_PAYLOAD, updated_at: now })
        .where('id', 'in', batch)
        .where('status', '=', 'pending')
        .execute();
      await this.db
        .updateTable('webhook_deliveries')
        .set({ payload: ERASED_PAYLOAD })
        .where('id', 'in', batch)
        .execute();
    }
  }

  /** Deletes conversations with their messages and feedback; returns the counts. */
  async deleteConversations(conversationIds: string[]) {
    const counts = { conversations: 0, messages: 0, feedback: 0 };
    for (let i = 0; i < conversationIds.length; i += BATCH) {
      const batch = conversationIds.slice(i, i + BATCH);
      const feedback = await this.db
        .deleteFrom('feedback')
        .where('conversation_id', 'in', batch)
        .executeTakeFirst();
      const messages = await this.db
        .deleteFrom('messages')
        .where('conversation_id', 'in', batch)
        .executeTakeFirst();
      const conversations = await this.db
        .deleteFrom('conversations')
        .where('id', 'in', batch)
        .executeTakeFirst();
      counts.feedback += Number(feedback.numDeletedRows);
      counts.messages += Number(messages.numDeletedRows);
      counts.conversations += Number(conversations.numDeletedRows);
    }
    return counts;
  }

  async deleteUser(userId: string) {
    const feedback = await this.db.deleteFrom('feedback').where('user_id', '=', userId).executeTakeFirst();
    const user = await this.db.deleteFrom('users').where('id', '=', userId).executeTakeFirst();
    return { feedback: Number(feedback.numDeletedRows), user: Number(user.numDeletedRows) };
  }

  /** Resolved conversations last changed before `before`, oldest first. */
  async expiredConversationIds(before: number, limit: number): Promise<string[]> {
    const rows = await this.db
      .selectFrom('conversations')
      .select('id')
      .where('status', '=', 'Resolved')
      .where('updated_at', '<', before)
      .orderBy('updated_at')
      .limit(limit)
      .execute();
    return rows.map((r) => r.id);
  }
}
