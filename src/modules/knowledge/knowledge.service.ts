import { randomUUID } from 'node:crypto';
import type { Clock } from '../../clock.js';
import type { Db } from '../../db/create-db.js';
import { notFound } from '../../errors.js';
import { KnowledgeRepository } from './knowledge.repository.js';
import type { ArticleFields, StoredArticle } from './knowledge.types.js';
import type { KnowledgeIndex } from './retrieval-index.js';

/**
 * Knowledge-base use cases. Every write goes to the database first and then to the in-memory retrieval index,
 * so an edit is used by the very next question.
 */
export class KnowledgeService {
  private readonly repository: KnowledgeRepository;

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    readonly index: KnowledgeIndex,
  ) {
    this.repository = new KnowledgeRepository(db.kysely);
  }

  async page(skip: number, limit: number, category?: string) {
    const [articles, total] = await Promise.all([
      this.repository.page(skip, limit, category),
      this.repository.count(category),
    ]);
    return { articles, total };
  }

  async get(id: string): Promise<StoredArticle> {
    const article = await this.repository.get(id);
    if (!article) throw notFound('Article');
    return article;
  }

  async create(fields: ArticleFields): Promise<StoredArticle> {
    const article = await this.repository.insert(randomUUID(), normalize(fields), this.clock.now());
    this.index.upsert(article);
    return article;
  }

  async update(id: string, changes: Partial<ArticleFields>): Promise<StoredArticle> {
    const current = await this.get(id);
    const fields = normalize({ ...current, ...changes });
    const now = this.clock.now();
    await this.repository.update(id, fields, now);
    const updated = { ...current, ...fields, updated_at: now };
    this.index.upsert(updated);
    return updated;
  }

  async delete(id: string): Promise<void> {
    if (!(await this.repository.delete(id))) throw notFound('Article');
    this.index.remove(id);
  }

  /** Adds new articles and updates those whose title already exists; returns how many of each. */
  async import(articles: ArticleFields[]): Promise<{ created: number; updated: number }> {
    let created = 0;
    let updated = 0;
    for (const fields of articles) {
      const existing = await this.repository.findByTitle(fields.title.trim());
      if (existing) {
        await this.update(existing.id, fields);
        updated++;
      } else {
        await this.create(fields);
        created++;
      }
    }
    return { created, updated };
  }

  async isEmpty(): Promise<boolean> {
    return (await this.repository.count()) === 0;
  }

  all(): Promise<StoredArticle[]> {
    return this.repository.all();
  }
}

function normalize(fields: ArticleFields): ArticleFields {
  const tags = [...new Set(fields.tags.map((t) => t.trim().toLowerCase()).filter(Boolean))];
  return { title: fields.title.trim(), content: fields.content.trim(), category: fields.category, tags };
}
