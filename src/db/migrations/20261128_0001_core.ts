import type { Kysely } from 'kysely';

// Migrations take Kysely<any>: they describe the schema as it was at that point, not the current types.
// biome-ignore lint/suspicious/noExplicitAny: see above
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('users')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('is_vip', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('conversations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('sentiment', 'text', (c) => c.notNull())
    .addColumn('priority', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('escalated', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('escalation_reason', 'text')
    .addColumn('attempt_count', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('escalated_at', 'bigint')
    .addColumn('assigned_to', 'text')
    .addColumn('assigned_at', 'bigint')
    .addColumn('resolved_at', 'bigint')
    .addColumn('resolved_by', 'text')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('conversations_user_idx')
    .on('conversations')
    .columns(['user_id', 'updated_at'])
    .execute();
  await db.schema
    .createIndex('conversations_queue_idx')
    .on('conversations')
    .columns(['status', 'priority'])
    .execute();
  await db.schema.createIndex('conversations_created_idx').on('conversations').column('created_at').execute();

  await db.schema
    .createTable('messages')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('conversation_id', 'text', (c) =>
      c.notNull().references('conversations.id').onDelete('cascade'),
    )
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('content', 'text', (c) => c.notNull())
    .addColumn('category', 'text')
    .addColumn('sentiment', 'text')
    .addColumn('priority', 'integer')
    .addColumn('escalated', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('escalation_reason', 'text')
    .addColumn('attempt_count', 'integer')
    .addColumn('processing_time', 'double precision')
    .addColumn('kb_hit_count', 'integer')
    .addColumn('kb_results', 'text')
    .addColumn('agent_trace', 'text')
    .addColumn('engine', 'text')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('messages_conversation_idx')
    .on('messages')
    .columns(['conversation_id', 'created_at'])
    .execute();
  await db.schema
    .createIndex('messages_role_created_idx')
    .on('messages')
    .columns(['role', 'created_at'])
    .execute();

  await db.schema
    .createTable('kb_articles')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('content', 'text', (c) => c.notNull())
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('tags', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('kb_articles_category_idx').on('kb_articles').column('category').execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropTable('kb_articles').execute();
  await db.schema.dropTable('messages').execute();
  await db.schema.dropTable('conversations').execute();
  await db.schema.dropTable('users').execute();
}
