import { randomUUID } from 'node:crypto';
import type { Kysely, Selectable } from 'kysely';
import type { KbArticlesTable } from '../../db/core-tables.js';
import { offsetPage } from '../../db/pagination.js';
import type { Database } from '../../db/schema.js';
import type { KbArticleVersionsTable } from './knowledge.tables.js';
import type { ArticleFields, ArticleStatus, ArticleVersion, StoredArticle } from './knowledge.types.js';

type Row = Selectable<KbArticlesTable>;

function toArticle(row: Row): StoredArticle {
  return {
    id: row.id,
    title: row.title,
    content: row.content,
    category: row.category as StoredArticle['category'],
    tags: JSON.parse(row.tags) as string[],
    created_at: Number(row.created_at),
    updated_at: Number(row.updated_at),
    version: Number(row.version),
    status: row.status as ArticleStatus,
    owner: row.owner,
    reviewed_at: row.reviewed_at === null ? null : Number(row.reviewed_at),
    source: row.source,
  };
}

function toVersion(row: Selectable<KbArticleVersionsTable>): ArticleVersion {
  return {
    article_id: row.article_id,
    version: Number(row.version),
    title: row.title,
    content: row.content,
    category: row.category,
    tags: JSON.parse(row.tags) as string[],
    status: row.status as ArticleStatus,
    author: row.author,
    source: row.source,
    created_at: Number(row.created_at),
  };
}

export interface ArticleListFilter {
  category?: string;
  /** Published articles unless asked otherwise. */
  status?: ArticleStatus | 'all';
  /** Only articles never reviewed or last reviewed before this time. */
  reviewedBefore?: number;
}

/** All SQL for knowledge-base articles and their versions. */
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

  private filtered(filter: ArticleListFilter) {
    let query = this.db.selectFrom('kb_articles');
    if (filter.category) query = query.where('category', '=', filter.category);
    const status = filter.status ?? 'published';
    if (status !== 'all') query = query.where('status', '=', status);
    if (filter.reviewedBefore !== undefined) {
      const before = filter.reviewedBefore;
      query = query.where((eb) =>
        eb.or([
          eb('reviewed_at', '<', before),
          eb.and([eb('reviewed_at', 'is', null), eb('created_at', '<', before)]),
        ]),
      );
    }
    return query;
  }

  async count(filter: ArticleListFilter = { status: 'all' }): Promise<number> {
    const row = await this.filtered(filter)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
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

  async page(skip: number, limit: number, filter: ArticleListFilter = {}): Promise<StoredArticle[]> {
    const ordered = this.filtered(filter).selectAll().orderBy('category').orderBy('title').orderBy('id');
    const rows = await offsetPage(ordered, { skip, limit }).execute();
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

  /** The articles an import of this file wrote (their `source`), to find the sections a new version dropped. */
  async bySource(source: string): Promise<StoredArticle[]> {
    const rows = await this.db
      .selectFrom('kb_articles')
      .selectAll()
      .where('source', '=', source)
      .orderBy('title')
      .execute();
    return rows.map(toArticle);
  }

  /** Titles → articles, for an import that compares many sections at once. */
  async byTitles(titles: string[]): Promise<Map<string, StoredArticle>> {
    const found = new Map<string, StoredArticle>();
    // Chunks keep the IN list within every engine's parameter limit.
    for (let i = 0; i < titles.length; i += 500) {
      const rows = await this.db
        .selectFrom('kb_articles')
        .selectAll()
        .where('title', 'in', titles.slice(i, i + 500))
        .execute();
      for (const row of rows) found.set(row.title, toArticle(row));
    }
    return found;
  }

  async insert(
    id: string,
    fields: ArticleFields,
    now: number,
    extra: { status: ArticleStatus; owner: string | null; source: string | null },
  ): Promise<StoredArticle> {
    const row: Row = {
      id,
      ...fields,
      tags: JSON.stringify(fields.tags),
      created_at: now,
      updated_at: now,
      version: 1,
      status: extra.status,
      owner: extra.owner,
      reviewed_at: null,
      source: extra.source,
    };
    await this.db.insertInto('kb_articles').values(row).execute();
    return toArticle(row);
  }

  /** Writes the article's new state with the next version number. */
  async update(
    current: StoredArticle,
    changes: ArticleFields & { status: ArticleStatus; owner: string | null; source: string | null },
    now: number,
  ): Promise<StoredArticle> {
    const next = { ...current, ...changes, updated_at: now, version: current.version + 1 };
    await this.db
      .updateTable('kb_articles')
      .set({
        title: next.title,
        content: next.content,
        category: next.category,
        tags: JSON.stringify(next.tags),
        status: next.status,
        owner: next.owner,
        source: next.source,
        updated_at: now,
        version: next.version,
      })
      .where('id', '=', current.id)
      .execute();
    return next;
  }

  async markReviewed(id: string, owner: string | null, now: number): Promise<void> {
    await this.db.updateTable('kb_articles').set({ reviewed_at: now, owner }).where('id', '=', id).execute();
  }

  async delete(id: string): Promise<boolean> {
    const result = await this.db.deleteFrom('kb_articles').where('id', '=', id).executeTakeFirst();
    return Number(result.numDeletedRows) > 0;
  }

  async insertVersion(article: StoredArticle, author: string, now: number): Promise<void> {
    await this.db
      .insertInto('kb_article_versions')
      .values({
        id: randomUUID(),
        article_id: article.id,
        version: article.version,
        title: article.title,
        content: article.content,
        category: article.category,
        tags: JSON.stringify(article.tags),
        status: article.status,
        author,
        source: article.source,
        created_at: now,
      })
      .execute();
  }

  async versions(articleId: string): Promise<ArticleVersion[]> {
    const rows = await this.db
      .selectFrom('kb_article_versions')
      .selectAll()
      .where('article_id', '=', articleId)
      .orderBy('version', 'desc')
      .execute();
    return rows.map(toVersion);
  }
}
