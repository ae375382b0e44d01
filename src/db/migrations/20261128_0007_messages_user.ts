import { type Kysely, sql } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations describe the schema as it was, not the current types
type AnyDb = Kysely<any>;

/**
 * Each question carries its employee's id, so "this employee's recent questions" (the repeat rule, read on every
 * question) is one index range instead of a scan of every recent question in the company.
 */
export async function up(db: AnyDb): Promise<void> {
  await db.schema.alterTable('messages').addColumn('user_id', 'text').execute();
  await sql`update messages set user_id = (select c.user_id from conversations c where c.id = messages.conversation_id)`.execute(
    db,
  );
  await db.schema
    .createIndex('messages_user_questions_idx')
    .on('messages')
    .columns(['user_id', 'role', 'created_at'])
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropIndex('messages_user_questions_idx').execute();
  await db.schema.alterTable('messages').dropColumn('user_id').execute();
}
