import { type Kysely, sql } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations describe the schema as it was, not the current types
type AnyDb = Kysely<any>;

/**
 * Article history and review: every change to an article keeps a numbered copy (who, when, from which file),
 * so HR can see the exact wording an employee was shown; drafts are prepared without being answered from;
 * each article has an owner and the date it was last reviewed.
 */
export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .alterTable('kb_articles')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema
    .alterTable('kb_articles')
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('published'))
    .execute();
  await db.schema.alterTable('kb_articles').addColumn('owner', 'text').execute();
  await db.schema.alterTable('kb_articles').addColumn('reviewed_at', 'bigint').execute();
  await db.schema.alterTable('kb_articles').addColumn('source', 'text').execute();
  await db.schema
    .createTable('kb_article_versions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('article_id', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('content', 'text', (c) => c.notNull())
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('tags', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('author', 'text', (c) => c.notNull())
    .addColumn('source', 'text')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('kb_article_versions_article_version')
    .on('kb_article_versions')
    .columns(['article_id', 'version'])
    .unique()
    .execute();
  // Articles that exist already get their first version, so every answer can name the wording it quoted.
  await sql`
    INSERT INTO kb_article_versions (id, article_id, version, title, content, category, tags, status, author, source, created_at)
    SELECT id || ':v1', id, 1, title, content, category, tags, 'published', 'system', NULL, updated_at FROM kb_articles
  `.execute(db);
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropTable('kb_article_versions').execute();
  for (const column of ['source', 'reviewed_at', 'owner', 'status', 'version'])
    await db.schema.alterTable('kb_articles').dropColumn(column).execute();
}
