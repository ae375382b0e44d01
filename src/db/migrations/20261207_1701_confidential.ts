import type { Kysely } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations describe the schema as it was, not the current types
type AnyDb = Kysely<any>;

/**
 * Confidential cases (crisis, violence, harassment, discrimination, retaliation, fraud) are marked on the
 * conversation, so every reader can redact without re-deriving why; a webhook must opt in to their full text.
 */
export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .alterTable('conversations')
    .addColumn('confidential', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema
    .alterTable('webhooks')
    .addColumn('include_confidential', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.alterTable('webhooks').dropColumn('include_confidential').execute();
  await db.schema.alterTable('conversations').dropColumn('confidential').execute();
}
