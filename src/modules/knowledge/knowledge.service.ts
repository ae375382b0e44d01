import { randomUUID } from 'node:crypto';
import type { Clock } from '../../clock.js';
import type { Db } from '../../db/create-db.js';
import { conflict, notFound } from '../../errors.js';
import { currentAuditActor, recordAudit } from '../audit/audit.js';
import { type ArticleListFilter, KnowledgeRepository } from './knowledge.repository.js';
import type {
  ArticleFields,
  ArticleStatus,
  ArticleVersion,
  Category,
  StoredArticle,
} from './knowledge.types.js';
import type { KnowledgeIndex } from './retrieval-index.js';

export type ImportAction = 'created' | 'updated' | 'unchanged';

export interface ImportedArticle {
  id: string | null;
  title: string;
  category: string;
  action: ImportAction;
  version: number;
}

/**
 * An article an earlier import of the same file created that the file no longer has: kept as it is unless the
 * import was asked to unpublish such articles (a draft keeps its history and can be published again).
 */
export interface MissingArticle {
  id: string;
  title: string;
  status: ArticleStatus;
  version: number;
  action: 'kept' | 'unpublished';
}

export interface ImportOptions {
  source?: string | null;
  dryRun?: boolean;
  /** What to do with published articles from the same source that the file no longer has (default: keep). */
  missing?: 'keep' | 'unpublish';
  /** Documents carry no category or tags: an article already in the knowledge base keeps its own. */
  keepCategoryAndTags?: boolean;
  /** False only for the first-start seed of the shipped articles, which nobody did. */
  audit?: boolean;
}

/**
 * Knowledge-base use cases. Every change is one transaction with its version row and its audit entry, and
 * reaches the in-memory retrieval index after the commit, so an edit is used by the very next question.
 * Drafts are stored and versioned like any article but never indexed, so nobody is answered from them.
 */
export class KnowledgeService {
  private readonly repository: KnowledgeRepository;

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    readonly index: KnowledgeIndex,
    private readonly reviewIntervalDays = 365,
  ) {
    this.repository = new KnowledgeRepository(db.kysely);
  }

  /** Articles last reviewed (or, never reviewed, created) before this time are due for review. */
  reviewDueBefore(): number {
    return this.clock.now() - this.reviewIntervalDays * 24 * 60 * 60 * 1000;
  }

  async page(skip: number, limit: number, filter: ArticleListFilter = {}) {
    const [articles, total] = await Promise.all([
      this.repository.page(skip, limit, filter),
      this.repository.count(filter),
    ]);
    return { articles, total };
  }

  async get(id: string): Promise<StoredArticle> {
    const article = await this.repository.get(id);
    if (!article) throw notFound('Article');
    return article;
  }

  async versions(id: string): Promise<ArticleVersion[]> {
    await this.get(id);
    return this.repository.versions(id);
  }

  async create(fields: ArticleFields, options: { status?: ArticleStatus; owner?: string | null } = {}) {
    const normalized = normalize(fields);
    const now = this.clock.now();
    const article = await this.db.kysely.transaction().execute(async (trx) => {
      const repository = new KnowledgeRepository(trx);
      if (await repository.findByTitle(normalized.title)) throw titleTaken(normalized.title);
      const created = await repository.insert(randomUUID(), normalized, now, {
        status: options.status ?? 'published',
        owner: options.owner ?? null,
        source: null,
      });
      await repository.insertVersion(created, author(), now);
      await recordAudit(
        trx,
        {
          action: 'kb.create',
          target_type: 'kb_article',
          target_id: created.id,
          details: { title: created.title, status: created.status },
        },
        this.clock,
      );
      return created;
    });
    this.reindex(article);
    return article;
  }

  async update(
    id: string,
    changes: Partial<ArticleFields> & { status?: ArticleStatus; owner?: string | null },
  ): Promise<StoredArticle> {
    const now = this.clock.now();
    const updated = await this.db.kysely.transaction().execute(async (trx) => {
      const repository = new KnowledgeRepository(trx);
      const current = await repository.get(id);
      if (!current) throw notFound('Article');
      const fields = normalize({ ...current, ...changes });
      if (fields.title !== current.title && (await repository.findByTitle(fields.title)))
        throw titleTaken(fields.title);
      const next = {
        ...fields,
        status: changes.status ?? current.status,
        owner: changes.owner === undefined ? current.owner : changes.owner,
        source: current.source,
      };
      if (sameArticle(current, next)) return current;
      const saved = await repository.update(current, next, now);
      await repository.insertVersion(saved, author(), now);
      await recordAudit(
        trx,
        {
          action: changes.status === 'published' && current.status === 'draft' ? 'kb.publish' : 'kb.update',
          target_type: 'kb_article',
          target_id: id,
          details: { fields: Object.keys(changes), version: saved.version },
        },
        this.clock,
      );
      return saved;
    });
    this.reindex(updated);
    return updated;
  }

  publish(id: string): Promise<StoredArticle> {
    return this.update(id, { status: 'published' });
  }

  /** Records that someone checked the article is still right; it leaves the "due for review" list. */
  async review(id: string, owner?: string | null): Promise<StoredArticle> {
    const now = this.clock.now();
    return this.db.kysely.transaction().execute(async (trx) => {
      const repository = new KnowledgeRepository(trx);
      const current = await repository.get(id);
      if (!current) throw notFound('Article');
      const nextOwner = owner === undefined ? current.owner : owner;
      await repository.markReviewed(id, nextOwner, now);
      await recordAudit(
        trx,
        { action: 'kb.review', target_type: 'kb_article', target_id: id, details: { owner: nextOwner } },
        this.clock,
      );
      return { ...current, owner: nextOwner, reviewed_at: now };
    });
  }

  async delete(id: string): Promise<void> {
    await this.db.kysely.transaction().execute(async (trx) => {
      // Versions stay: an answer given from this article must still show the wording it quoted.
      if (!(await new KnowledgeRepository(trx).delete(id))) throw notFound('Article');
      await recordAudit(trx, { action: 'kb.delete', target_type: 'kb_article', target_id: id }, this.clock);
    });
    this.index.remove(id);
  }

  /**
   * Adds new articles and updates those whose title already exists, all in one transaction: an import (or the
   * first-start seed racing another replica's) lands whole or not at all. An article whose text did not change
   * is left alone (no new version), so re-importing an edited handbook touches only the edited sections.
   */
  async import(articles: ArticleFields[], options: ImportOptions = {}): Promise<ImportedArticle[]> {
    return (await this.importWithMissing(articles, options)).articles;
  }

  /**
   * `import`, and the articles an earlier import of the same source created that this one no longer has — so
   * HR is told which sections left the handbook and chooses what happens to them, rather than having
   * published answers disappear, or linger, silently.
   */
  async importWithMissing(
    articles: ArticleFields[],
    options: ImportOptions = {},
  ): Promise<{ articles: ImportedArticle[]; missing: MissingArticle[] }> {
    const now = this.clock.now();
    const normalized = articles.map(normalize);
    const source = options.source ?? null;
    const run = async (repository: KnowledgeRepository) => {
      const existing = await repository.byTitles(normalized.map((a) => a.title));
      const results: ImportedArticle[] = [];
      const changed: StoredArticle[] = [];
      for (const fields of normalized) {
        const current = existing.get(fields.title);
        if (!current) {
          const draft = { id: null, title: fields.title, category: fields.category, version: 1 };
          if (options.dryRun) {
            results.push({ ...draft, action: 'created' });
            continue;
          }
          const created = await repository.insert(randomUUID(), fields, now, {
            status: 'published',
            owner: null,
            source,
          });
          await repository.insertVersion(created, author(), now);
          existing.set(created.title, created);
          changed.push(created);
          results.push({ ...draft, id: created.id, action: 'created' });
          continue;
        }
        const next = {
          ...fields,
          ...(options.keepCategoryAndTags ? { category: current.category, tags: current.tags } : {}),
          status: current.status,
          owner: current.owner,
          source: source ?? current.source,
        };
        const base = { id: current.id, title: current.title, category: next.category };
        if (sameArticle(current, { ...next, source: current.source })) {
          results.push({ ...base, action: 'unchanged', version: current.version });
          continue;
        }
        if (options.dryRun) {
          results.push({ ...base, action: 'updated', version: current.version + 1 });
          continue;
        }
        const saved = await repository.update(current, next, now);
        await repository.insertVersion(saved, author(), now);
        existing.set(saved.title, saved);
        changed.push(saved);
        results.push({ ...base, action: 'updated', version: saved.version });
      }
      const missing: MissingArticle[] = [];
      const imported = new Set(normalized.map((a) => a.title));
      for (const article of source === null ? [] : await repository.bySource(source)) {
        if (imported.has(article.title)) continue;
        if (options.missing !== 'unpublish' || article.status !== 'published') {
          missing.push({ ...pick(article), action: 'kept' });
          continue;
        }
        if (options.dryRun) {
          missing.push({
            ...pick(article),
            status: 'draft',
            version: article.version + 1,
            action: 'unpublished',
          });
          continue;
        }
        const next = { ...article, status: 'draft' as const };
        const saved = await repository.update(article, next, now);
        await repository.insertVersion(saved, author(), now);
        changed.push(saved);
        missing.push({ ...pick(saved), action: 'unpublished' });
      }
      return { results, changed, missing };
    };
    if (options.dryRun) {
      const { results, missing } = await run(this.repository);
      return { articles: results, missing };
    }
    const { results, changed, missing } = await this.db.kysely.transaction().execute(async (trx) => {
      const outcome = await run(new KnowledgeRepository(trx));
      const count = (action: ImportAction) => outcome.results.filter((r) => r.action === action).length;
      if (outcome.changed.length > 0 && options.audit !== false)
        await recordAudit(
          trx,
          {
            action: 'kb.import',
            target_type: 'kb_article',
            target_id: null,
            details: {
              source,
              created: count('created'),
              updated: count('updated'),
              unchanged: count('unchanged'),
              unpublished: outcome.missing.filter((m) => m.action === 'unpublished').length,
            },
          },
          this.clock,
        );
      return outcome;
    });
    for (const article of changed) this.reindex(article);
    return { articles: results, missing };
  }

  async isEmpty(): Promise<boolean> {
    return (await this.repository.count()) === 0;
  }

  all(): Promise<StoredArticle[]> {
    return this.repository.all();
  }

  private reindex(article: StoredArticle): void {
    if (article.status === 'published') this.index.upsert(article);
    else this.index.remove(article.id);
  }
}

const author = () => currentAuditActor()?.actor ?? 'system';

const pick = ({ id, title, status, version }: StoredArticle) => ({ id, title, status, version });

const titleTaken = (title: string) => conflict(`An article titled "${title}" already exists`);

function normalize<T extends ArticleFields>(fields: T): ArticleFields {
  const tags = [...new Set(fields.tags.map((t) => t.trim().toLowerCase()).filter(Boolean))];
  return {
    title: fields.title.trim(),
    content: fields.content.trim(),
    category: fields.category as Category,
    tags,
  };
}

function sameArticle(
  current: StoredArticle,
  next: ArticleFields & { status: ArticleStatus; owner: string | null; source: string | null },
): boolean {
  return (
    current.title === next.title &&
    current.content === next.content &&
    current.category === next.category &&
    current.status === next.status &&
    current.owner === next.owner &&
    current.source === next.source &&
    current.tags.join('\u0000') === next.tags.join('\u0000')
  );
}
