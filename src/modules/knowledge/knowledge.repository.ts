import type { Kysely, Selectable } from 'kysely';
import type { KbArticlesTable } from '../../db/core-tables.js';
import type { Database } from '../../db/schema.js';
import type { ArticleFields, StoredArticle } from './knowledge.types.js';

type Row = Selectable<KbArticlesTable>;

function toArticle(row: Row): StoredArticle {
  return {
    id: row.id,
    title: row.title,
    content: row.content,
    category: row.category as StoredArticle['category'],
    tags: JSON.parse(row.tags) as string[],
    created_at: row.created_at,
    updated_at: row.updated_at,
  };
}

/** All SQL for knowledge-base articles. */
export class KnowledgeRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async all(): Promise<StoredArticle[]> {
    const rows = await this.db
      .selectFrom('kb_articles')
      .selectAll()
      .orderBy('created_at')
      .orderBy('id')
      .execute();
    return rows.map(toArticle);
  }

  async count(category?: string): Promise<number> {
    let query = this.db.selectFrom('kb_articles').select((eb) => eb.fn.countAll<number>().as('n'));
    if (category) query = query.where('category', '=', category);
    const row = await query.executeTakeFirstOrThrow();
    return Number(row.n);
  }

  /** Changes whenever an article is added, edited or deleted (by this process or another). */
  async version(): Promise<{ count: number; lastUpdate: number }> {
    const row = await this.db
      .selectFrom('kb_articles')
      .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.max('updated_at').as('last')])
      .executeTakeFirstOrThrow();
    return { count: Number(row.n), lastUpdate: Number(row.last ?? 0) };
  }

  async page(skip: number, limit: number, category?: string): Promise<StoredArticle[]> {
    let query = this.db.selectFrom('kb_articles').selectAll();
    if (category) query = query.where('category', '=', category);
    const rows = await query
      .orderBy('category')
      .orderBy('title')
      .orderBy('id')
      .offset(skip)
      .limit(limit)
      .execute();
    return rows.map(toArticle);
  }

  async get(id: string): Promise<StoredArticle | undefined> {
    const row = await this.db.selectFrom('kb_articles').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? toArticle(row) : undefined;
  }

  async findByTitle(title: string): Promise<StoredArticle | undefined> {
    const row = await this.db
      .selectFrom('kb_articles')
      .selectAll()
      .where('title', '=', title)
      .executeTakeFirst();
    return row ? toArticle(row) : undefined;
  }

  async insert(id: string, fields: ArticleFields, now: number): Promise<StoredArticle> {
    const row: Row = { id, ...fields, tags: JSON.stringify(fields.tags), created_at: now, updated_at: now };
    await this.db.insertInto('kb_articles').values(row).execute();
    return toArticle(row);
  }

  async update(id: string, fields: ArticleFields, now: number): Promise<void> {
    await this.db
      .updateTable('kb_articles')
      .set({ ...fields, tags: JSON.stringify(fields.tags), updated_at: now })
      .where('id', '=', id)
      .execute();
  }

  async delete(id: string): Promise<boolean> {
    const result = await this.db.deleteFrom('kb_articles').where('id', '=', id).executeTakeFirst();
    return Number(result.numDeletedRows) > 0;
  }
}
