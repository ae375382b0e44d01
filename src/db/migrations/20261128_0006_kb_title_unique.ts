import type { Kysely } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations describe the schema as it was, not the current types
type AnyDb = Kysely<any>;

/**
 * Article titles are unique: imports match existing articles by title, and two replicas seeding an empty
 * knowledge base at the same moment must not both insert the shipped articles.
 */
export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createIndex('kb_articles_title_unique')
    .on('kb_articles')
    .column('title')
    .unique()
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropIndex('kb_articles_title_unique').execute();
}
