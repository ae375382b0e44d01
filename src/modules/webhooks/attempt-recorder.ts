import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { type AttemptRecord, type OnStopped, recordAttempts } from './deliveries.repository.js';

/**
 * Group commit for attempt outcomes: what finishes while a write is pending (or in the same turn of the event
 * loop) is written together in the next transaction. The worker hands an outcome over and moves on to the next
 * request; the delivery stays leased until its outcome is stored, so no other worker can take it meanwhile,
 * and if the write fails the lease simply runs out and the delivery is attempted again (at least once).
 */
const GATHER_MS = 4;

export class AttemptRecorder {
  private queue: AttemptRecord[] = [];
  private flushing: Promise<void> | null = null;

  constructor(
    private readonly db: Kysely<Database>,
    private readonly onStopped: OnStopped,
    private readonly onError: (error: unknown, records: AttemptRecord[]) => void,
    private readonly maxBatch = 200,
  ) {}

  enqueue = (record: AttemptRecord): Promise<void> => {
    this.queue.push(record);
    this.flushing ??= this.flush();
    return Promise.resolve();
  };

  /** Resolves once everything handed over so far is stored (or has failed and been reported). */
  async idle(): Promise<void> {
    while (this.flushing) await this.flushing;
  }

  get pending(): number {
    return this.queue.length;
  }

  private async flush(): Promise<void> {
    // A short gather window: at high rates many outcomes share one commit; the receiver already has its
    // request, so only the log's update waits, and the lease keeps the delivery safe meanwhile.
    await new Promise((resolve) => setTimeout(resolve, GATHER_MS));
    while (this.queue.length > 0) {
      const batch = this.queue.splice(0, this.maxBatch);
      try {
        await recordAttempts(this.db, batch, this.onStopped);
      } catch (error) {
        this.onError(error, batch);
      }
    }
    this.flushing = null;
  }
}
