import type { Kysely } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations describe the schema as it was, not the current types
type AnyDb = Kysely<any>;

/**
 * The HR agent's workspace: a short case number per escalated conversation (HR-1001…), the moments that drive
 * response-time targets and the employee's unread marker, internal notes, canned replies and the employee's
 * e-mail address for notifications.
 */
export async function up(db: AnyDb): Promise<void> {
  await db.schema.alterTable('conversations').addColumn('case_number', 'integer').execute();
  await db.schema.alterTable('conversations').addColumn('first_response_at', 'bigint').execute();
  await db.schema.alterTable('conversations').addColumn('last_agent_message_at', 'bigint').execute();
  await db.schema.alterTable('conversations').addColumn('employee_seen_at', 'bigint').execute();
  await db.schema
    .createIndex('conversations_case_number_unique')
    .unique()
    .on('conversations')
    .column('case_number')
    .execute();
  await db.schema.alterTable('users').addColumn('email', 'text').execute();

  // One row per named sequence; incremented inside the escalating transaction (a row lock on PostgreSQL), so
  // two escalations at the same moment never share a number.
  await db.schema
    .createTable('counters')
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('value', 'bigint', (c) => c.notNull())
    .execute();
  await db.insertInto('counters').values({ name: 'case_number', value: 1000 }).execute();

  await db.schema
    .createTable('case_notes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('conversation_id', 'text', (c) =>
      c.notNull().references('conversations.id').onDelete('cascade'),
    )
    .addColumn('author', 'text', (c) => c.notNull())
    .addColumn('content', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('case_notes_conversation_idx')
    .on('case_notes')
    .columns(['conversation_id', 'created_at'])
    .execute();

  await db.schema
    .createTable('canned_replies')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('title', 'text', (c) => c.notNull().unique())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropTable('canned_replies').execute();
  await db.schema.dropTable('case_notes').execute();
  await db.schema.dropTable('counters').execute();
  await db.schema.alterTable('users').dropColumn('email').execute();
  await db.schema.dropIndex('conversations_case_number_unique').execute();
  for (const column of ['employee_seen_at', 'last_agent_message_at', 'first_response_at', 'case_number']) {
    await db.schema.alterTable('conversations').dropColumn(column).execute();
  }
}
