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
 * is answered once that body is committed, exactly as with its own transaction. A commit starts at the end of the
 * current turn of the event loop (setImmediate), so every request whose body was handed over in that turn shares
 * it, and while one commit is in flight new arrivals queue and go into the next transaction together. Under load
 * a commit (and, on SQLite, the single connection's turn) is thus shared by many requests; a lone request waits
 * only for the rest of its turn. If a shared transaction fails, each body runs again alone, so one bad write
 * fails only its own request.
 *
 * Why wait for the end of the turn: better-sqlite3 is synchronous, so a transaction started at once begins and
 * commits inside the microtasks of the request that started it, before the server reads the next request from
 * its sockets — nothing ever queued behind it, and every question paid for its own commit (measured: 6,299
 * commits for 6,298 questions at 10 concurrent clients).
 *
 * SQLite has one connection, so one batch at a time; PostgreSQL overlaps two, so a batch builds up while
 * another commits.
 */
export class GroupCommitter {
  private readonly queue: Pending[] = [];
  private committing = 0;
  private scheduled = false;
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
      if (this.committing < this.concurrency && !this.scheduled) {
        // One pending start at a time: later arrivals in this turn join the batch it will take.
        this.scheduled = true;
        setImmediate(() => {
          this.scheduled = false;
          void this.drain();
        });
      }
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
