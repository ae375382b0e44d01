import type { Kysely } from 'kysely';
import type { Clock } from '../../clock.js';
import type { Database } from '../../db/schema.js';
import { deleteFinishedDeliveries, oldFinishedDeliveryIds } from './retention.repository.js';

/**
 * Delivery-log retention: finished deliveries (success, failed, cancelled) and their attempts older than
 * DELIVERY_LOG_RETENTION_DAYS are deleted in small batches, each its own short transaction, with a pause in
 * between. Pending deliveries are never touched, and no batch holds locks long enough to delay a claim.
 */

const DAY_MS = 24 * 60 * 60 * 1000;

export interface RetentionSettings {
  retentionDays: number;
  /** Rows per DELETE; small so each transaction stays short (default 500). */
  batchSize?: number;
  /** Upper bound of batches per run, so one run cannot go on for long (default 200, i.e. 100,000 rows). */
  maxBatches?: number;
  /** Pause between batches, leaving the database to the deliveries (default 20 ms). */
  pauseMs?: number;
  /** Ends the run between two batches (shutdown). */
  signal?: AbortSignal;
}

export interface PruneResult {
  deliveries: number;
  attempts: number;
  batches: number;
  /** True when maxBatches stopped the run with old rows possibly left; the next run continues. */
  truncated: boolean;
}

export interface RetentionDeps {
  db: Kysely<Database>;
  clock: Clock;
}

const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** One pass: deletes what is older than the retention window, batch by batch. */
export async function pruneDeliveryLog(
  deps: RetentionDeps,
  settings: RetentionSettings,
): Promise<PruneResult> {
  const batchSize = settings.batchSize ?? 500;
  const maxBatches = settings.maxBatches ?? 200;
  const pauseMs = settings.pauseMs ?? 20;
  const before = deps.clock.now() - settings.retentionDays * DAY_MS;
  const result: PruneResult = { deliveries: 0, attempts: 0, batches: 0, truncated: false };
  while (result.batches < maxBatches) {
    if (settings.signal?.aborted) return result;
    const ids = await oldFinishedDeliveryIds(deps.db, before, batchSize);
    if (ids.length === 0) return result;
    const removed = await deleteFinishedDeliveries(deps.db, ids, before);
    result.batches++;
    result.deliveries += removed.deliveries;
    result.attempts += removed.attempts;
    if (ids.length < batchSize) return result;
    await pause(pauseMs);
  }
  result.truncated = true;
  return result;
}

export interface RetentionLog {
  info(object: object, message: string): void;
  error(object: object, message: string): void;
}

export interface RetentionScheduleOptions extends RetentionSettings {
  /** Time between runs (default one hour). */
  intervalMs?: number;
  /**
   * Delay before the first run (default: random within the first 5 minutes), so that several workers
   * started together do not all prune at the same moment.
   */
  firstRunDelayMs?: number;
}

/**
 * Runs pruneDeliveryLog periodically on its own timer, apart from the delivery loop, so a long prune never
 * holds up claims. Timers are unref'd: retention alone never keeps a process alive.
 */
export class DeliveryLogRetention {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<unknown> | null = null;
  private stopped = true;
  private abort = new AbortController();

  constructor(
    private readonly deps: RetentionDeps & { log: RetentionLog },
    private readonly options: RetentionScheduleOptions,
  ) {}

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.abort = new AbortController();
    this.schedule(this.options.firstRunDelayMs ?? Math.floor(Math.random() * 5 * 60 * 1000));
  }

  /** Cancels the next run and waits for a run in progress, which ends after its current batch. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.abort.abort();
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.running;
  }

  /** One run now; the result is logged when anything was removed. */
  async runOnce(): Promise<PruneResult> {
    const run = pruneDeliveryLog(this.deps, { ...this.options, signal: this.abort.signal });
    this.running = run.catch(() => undefined);
    const result = await run;
    if (result.deliveries > 0)
      this.deps.log.info({ ...result }, 'webhook delivery log: pruned old deliveries');
    return result;
  }

  private schedule(delayMs: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      this.runOnce()
        .catch((error: unknown) => this.deps.log.error({ err: error }, 'webhook delivery log: prune failed'))
        .finally(() => this.schedule(this.options.intervalMs ?? 60 * 60 * 1000));
    }, delayMs);
    this.timer.unref();
  }
}
