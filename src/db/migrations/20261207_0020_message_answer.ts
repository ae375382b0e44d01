import type { Kysely } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations describe the schema as it was, not the current types
type AnyDb = Kysely<any>;

/**
 * Provenance: each answer keeps what it rested on — its outcome and the articles it quoted, each with the
 * version quoted — so HR can see, later and after edits, which wording an employee was shown.
 */
export async function up(db: AnyDb): Promise<void> {
  await db.schema.alterTable('messages').addColumn('answer', 'text').execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.alterTable('messages').dropColumn('answer').execute();
}
