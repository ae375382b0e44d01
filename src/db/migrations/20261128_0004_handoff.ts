import type { Kysely } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations describe the schema as it was, not the current types
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('feedback')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('conversation_id', 'text', (c) =>
      c.notNull().references('conversations.id').onDelete('cascade'),
    )
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('rating', 'integer', (c) => c.notNull())
    .addColumn('comment', 'text')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    // A second rating from the same employee replaces the first (upsert on this pair).
    .addUniqueConstraint('feedback_conversation_user_unique', ['conversation_id', 'user_id'])
    .execute();
  // Analytics read ratings by the time they were (last) given.
  await db.schema
    .createIndex('feedback_updated_idx')
    .on('feedback')
    .columns(['updated_at', 'rating'])
    .execute();

  // Covering indexes for the analytics. Category and sentiment come before the time so the grouped figures are
  // read in index order, one seek per (category, sentiment) pair over the period, with nothing to sort.
  await db.schema
    .createIndex('messages_distribution_idx')
    .on('messages')
    .columns(['role', 'category', 'sentiment', 'created_at', 'escalated', 'processing_time'])
    .execute();
  await db.schema
    .createIndex('messages_escalation_reason_idx')
    .on('messages')
    .columns(['role', 'escalated', 'created_at', 'escalation_reason'])
    .execute();
  await db.schema
    .createIndex('messages_kb_gap_idx')
    .on('messages')
    .columns(['role', 'kb_hit_count', 'created_at'])
    .execute();
  await db.schema
    .createIndex('conversations_resolution_idx')
    .on('conversations')
    .columns(['created_at', 'escalated', 'resolved_at'])
    .execute();
  await db.schema
    .createIndex('conversations_resolved_idx')
    .on('conversations')
    .columns(['resolved_at', 'escalated_at'])
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropIndex('conversations_resolved_idx').execute();
  await db.schema.dropIndex('conversations_resolution_idx').execute();
  await db.schema.dropIndex('messages_kb_gap_idx').execute();
  await db.schema.dropIndex('messages_escalation_reason_idx').execute();
  await db.schema.dropIndex('messages_distribution_idx').execute();
  await db.schema.dropTable('feedback').execute();
}
