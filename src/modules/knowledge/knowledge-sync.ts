import type { FastifyBaseLogger } from 'fastify';
import type { KnowledgeRepository } from './knowledge.repository.js';
import type { KnowledgeIndex } from './retrieval-index.js';

/**
 * Keeps this process's retrieval index equal to the articles table. Edits made through this process reach the
 * index at once (KnowledgeService); this catches the others — another API replica, or `npm run kb:import` —
 * by comparing a cheap version (row count, latest update) every few seconds and applying only what changed.
 */
export class KnowledgeSync {
  private seen = { count: -1, lastUpdate: -1 };
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly repository: KnowledgeRepository,
    private readonly index: KnowledgeIndex,
    private readonly log: Pick<FastifyBaseLogger, 'warn'>,
  ) {}

  /** Brings the index up to date; returns whether anything changed. */
  async refresh(): Promise<boolean> {
    const version = await this.repository.version();
    if (version.count === this.seen.count && version.lastUpdate === this.seen.lastUpdate) return false;
    // Drafts are stored but never answered from.
    const articles = (await this.repository.all()).filter((a) => a.status === 'published');
    const current = new Set(articles.map((a) => a.id));
    for (const indexed of this.index.articles()) if (!current.has(indexed.id)) this.index.remove(indexed.id);
    // Every edit of an article stores a new version, so the version says whether the index holds the current
    // wording. (On a first start the seed has just indexed every article: indexing them all again here doubled
    // the start-up's indexing work.)
    for (const article of articles)
      if (this.index.article(article.id)?.version !== article.version) this.index.upsert(article);
    this.seen = version;
    return true;
  }

  start(intervalMs = 5000): void {
    this.timer = setInterval(() => {
      this.refresh().catch((error: unknown) =>
        this.log.warn({ err: error }, 'knowledge index refresh failed'),
      );
    }, intervalMs);
    this.timer.unref();
  }

  stop(): void {
    clearInterval(this.timer);
  }
}
