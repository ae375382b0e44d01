import type { Kysely } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations describe the schema as it was, not the current types
type AnyDb = Kysely<any>;

/**
 * Why each case went to a person (crisis, harassment, fraud, angry…), stored with the conversation and the
 * question, so the queue can show it and a change of VIP flag can recompute the priority from it. Cases
 * escalated before this migration keep a null kind.
 */
export async function up(db: AnyDb): Promise<void> {
  await db.schema.alterTable('conversations').addColumn('escalation_kind', 'text').execute();
  await db.schema.alterTable('messages').addColumn('escalation_kind', 'text').execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.alterTable('messages').dropColumn('escalation_kind').execute();
  await db.schema.alterTable('conversations').dropColumn('escalation_kind').execute();
}
