import type { Kysely } from 'kysely';
import type { Clock } from '../../clock.js';
import type { Database } from '../../db/schema.js';
import { EmployeeDataRepository } from './employee-data.repository.js';

const DAY_MS = 24 * 60 * 60 * 1000;
const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export interface ConversationPruneResult {
  conversations: number;
  messages: number;
  feedback: number;
  batches: number;
}

/**
 * CONVERSATION_RETENTION_DAYS: resolved conversations whose last change is older than that are erased with their
 * messages and feedback, a small batch per transaction (default 100) with a pause in between, so the questions
 * being answered meanwhile never wait long for the database. Open cases are never touched, however old.
 */
export async function pruneConversations(
  deps: { db: Kysely<Database>; clock: Clock },
  settings: {
    retentionDays: number;
    batchSize?: number;
    maxBatches?: number;
    pauseMs?: number;
    signal?: AbortSignal;
  },
): Promise<ConversationPruneResult> {
  const batchSize = settings.batchSize ?? 100;
  const maxBatches = settings.maxBatches ?? 500;
  const before = deps.clock.now() - settings.retentionDays * DAY_MS;
  const result = { conversations: 0, messages: 0, feedback: 0, batches: 0 };
  while (result.batches < maxBatches && !settings.signal?.aborted) {
    const removed = await deps.db.transaction().execute(async (trx) => {
      const repository = new EmployeeDataRepository(trx);
      const ids = await repository.expiredConversationIds(before, batchSize);
      return { found: ids.length, ...(await repository.deleteConversations(ids)) };
    });
    if (removed.found === 0) break;
    result.batches++;
    result.conversations += removed.conversations;
    result.messages += removed.messages;
    result.feedback += removed.feedback;
    if (removed.found < batchSize) break;
    await pause(settings.pauseMs ?? 20);
  }
  return result;
}

/** Runs pruneConversations hourly on an unref'd timer, beside the delivery worker (first run within 5 minutes). */
export class ConversationRetention {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<unknown> | null = null;
  private readonly abort = new AbortController();

  constructor(
    private readonly deps: {
      db: Kysely<Database>;
      clock: Clock;
      log: { info(o: object, m: string): void; error(o: object, m: string): void };
    },
    private readonly retentionDays: number,
    private readonly intervalMs = 60 * 60 * 1000,
  ) {}

  start(): void {
    this.schedule(Math.floor(Math.random() * 5 * 60 * 1000));
  }

  private schedule(delayMs: number): void {
    this.timer = setTimeout(() => {
      this.running = pruneConversations(this.deps, {
        retentionDays: this.retentionDays,
        signal: this.abort.signal,
      })
        .then((result) => {
          if (result.conversations > 0)
            this.deps.log.info(result, 'erased conversations past their retention');
        })
        .catch((error: unknown) => this.deps.log.error({ err: error }, 'conversation retention failed'))
        .finally(() => {
          this.running = null;
          if (!this.abort.signal.aborted) this.schedule(this.intervalMs);
        });
    }, delayMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    this.abort.abort();
    if (this.timer) clearTimeout(this.timer);
    await this.running;
  }
}
