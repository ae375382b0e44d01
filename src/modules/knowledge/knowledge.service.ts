import { randomUUID } from 'node:crypto';
import type { Clock } from '../../clock.js';
import type { Db } from '../../db/create-db.js';
import { conflict, notFound } from '../../errors.js';
import { recordAudit } from '../audit/audit.js';
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
    const normalized = normalize(fields);
    await this.assertTitleFree(normalized.title);
    const article = await this.repository.insert(randomUUID(), normalized, this.clock.now());
    await recordAudit(
      this.db,
      {
        action: 'kb.create',
        target_type: 'kb_article',
        target_id: article.id,
        details: { title: article.title },
      },
      this.clock,
    );
    this.index.upsert(article);
    return article;
  }

  async update(id: string, changes: Partial<ArticleFields>): Promise<StoredArticle> {
    const current = await this.get(id);
    const fields = normalize({ ...current, ...changes });
    if (fields.title !== current.title) await this.assertTitleFree(fields.title);
    const now = this.clock.now();
    await this.repository.update(id, fields, now);
    await recordAudit(
      this.db,
      {
        action: 'kb.update',
        target_type: 'kb_article',
        target_id: id,
        details: { fields: Object.keys(changes) },
      },
      this.clock,
    );
    const updated = { ...current, ...fields, updated_at: now };
    this.index.upsert(updated);
    return updated;
  }

  async delete(id: string): Promise<void> {
    if (!(await this.repository.delete(id))) throw notFound('Article');
    await recordAudit(this.db, { action: 'kb.delete', target_type: 'kb_article', target_id: id }, this.clock);
    this.index.remove(id);
  }

  /**
   * Adds new articles and updates those whose title already exists, all in one transaction: an import (or the
   * first-start seed racing another replica's) lands whole or not at all. Returns how many of each.
   */
  async import(articles: ArticleFields[]): Promise<{ created: number; updated: number }> {
    const now = this.clock.now();
    const changed: StoredArticle[] = [];
    let created = 0;
    await this.db.kysely.transaction().execute(async (trx) => {
      const repository = new KnowledgeRepository(trx);
      for (const fields of articles.map(normalize)) {
        const existing = await repository.findByTitle(fields.title);
        if (existing) {
          await repository.update(existing.id, fields, now);
          changed.push({ ...existing, ...fields, updated_at: now });
        } else {
          changed.push(await repository.insert(randomUUID(), fields, now));
          created++;
        }
      }
    });
    for (const article of changed) this.index.upsert(article);
    return { created, updated: changed.length - created };
  }

  private async assertTitleFree(title: string): Promise<void> {
    if (await this.repository.findByTitle(title))
      throw conflict(`An article titled "${title}" already exists`);
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
