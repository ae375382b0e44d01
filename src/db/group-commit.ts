import type { Kysely, Transaction } from 'kysely';
import type { Dialect } from './create-db.js';
import type { Database } from './schema.js';

export type TransactionWork = (trx: Transaction<Database>) => Promise<void>;

interface Pending {
  work: TransactionWork;
  resolve: () => void;
  reject: (error: unknown) => void;
}

/** Enough to absorb a burst; small enough that one batch's statements stay far below parameter limits. */
const MAX_BATCH = 32;

/**
 * Commits the writes of concurrent requests together. Each caller hands over the body of its transaction and
 * is answered once that body is committed, exactly as with its own transaction. While one commit is in flight,
 * new arrivals queue and go into the next transaction together, so under load a commit (and, on SQLite, the
 * single connection's turn) is shared by many requests, and when the server is quiet a lone request commits at
 * once. If a shared transaction fails, each body runs again alone, so one bad write fails only its own request.
 *
 * SQLite has one connection, so one batch at a time; PostgreSQL overlaps two, so a batch builds up while
 * another commits.
 */
export class GroupCommitter {
  private readonly queue: Pending[] = [];
  private committing = 0;
  private readonly concurrency: number;

  constructor(
    private readonly db: Kysely<Database>,
    dialect: Dialect,
  ) {
    this.concurrency = dialect === 'sqlite' ? 1 : 2;
  }

  run(work: TransactionWork): Promise<void> {
    return new Promise((resolve, reject) => {
      this.queue.push({ work, resolve, reject });
      if (this.committing < this.concurrency) void this.drain();
    });
  }

  private async drain(): Promise<void> {
    this.committing++;
    try {
      while (this.queue.length > 0) await this.commit(this.queue.splice(0, MAX_BATCH));
    } finally {
      this.committing--;
    }
  }

  private async commit(batch: Pending[]): Promise<void> {
    if (batch.length > 1) {
      try {
        await this.db.transaction().execute(async (trx) => {
          for (const item of batch) await item.work(trx);
        });
        for (const item of batch) item.resolve();
        return;
      } catch {
        // Rolled back as a whole: fall through and give every body its own transaction.
      }
    }
    for (const item of batch) {
      try {
        await this.db.transaction().execute(item.work);
        item.resolve();
      } catch (error) {
        item.reject(error);
      }
    }
  }
}
