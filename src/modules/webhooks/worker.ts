import { randomUUID } from 'node:crypto';
import os from 'node:os';
import type { FastifyBaseLogger } from 'fastify';
import type { Clock } from '../../clock.js';
import type { Db } from '../../db/create-db.js';
import { type AttemptDeps, deliverAttempt } from './deliver-attempt.js';
import { RateLimiter } from './rate-limiter.js';
import { retrySchedule } from './retry-policy.js';
import type { WebhookSender } from './sender.js';
import {
  claimDue,
  findWebhooks,
  pruneFinished,
  releaseClaims,
  type WebhookRow,
} from './webhooks.repository.js';
import { registerWorker } from './worker-registry.js';

export interface WorkerOptions {
  /** Idle poll interval. */
  pollIntervalMs?: number;
  /** Attempts in flight at once in this process. */
  concurrency?: number;
  /** Soft cap of attempts in flight per webhook, so one slow endpoint cannot take every slot. */
  perWebhookConcurrency?: number;
  /** Finished deliveries older than this are pruned (hourly). */
  retentionDays?: number;
  id?: string;
}

export interface WorkerDeps {
  db: Db;
  clock: Clock;
  sender: WebhookSender;
  log: Pick<FastifyBaseLogger, 'error' | 'info' | 'warn'>;
}

// After a nudge the outbox row may not be committed yet: poll quickly a few times before settling back.
const BURST_DELAYS_MS = [1, 2, 4, 8, 16, 32, 64, 128];
const PRUNE_EVERY_MS = 60 * 60 * 1000;

/**
 * The delivery worker: claims due deliveries with a lease, sends each in parallel (bounded), records every
 * attempt. Several workers (processes or machines) can share one database; the claim guarantees that an
 * attempt is made by one of them only.
 */
export class DeliveryWorker {
  readonly id: string;
  private readonly poll: number;
  private readonly concurrency: number;
  private readonly perWebhook: number;
  private readonly retentionMs: number;
  private readonly limiter: RateLimiter;
  private readonly inFlight = new Set<Promise<void>>();
  private readonly perWebhookInFlight = new Map<string, number>();
  private running = false;
  private loopDone: Promise<void> | null = null;
  private wake: (() => void) | null = null;
  private burstStep = -1;
  private backlogLikely = false;
  private lastPrune = 0;
  private unregister: (() => void) | null = null;
  private readonly attemptDeps: AttemptDeps;

  constructor(
    private readonly deps: WorkerDeps,
    options: WorkerOptions = {},
  ) {
    this.id = options.id ?? `${os.hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
    this.poll = options.pollIntervalMs ?? 200;
    this.concurrency = options.concurrency ?? 64;
    this.perWebhook = options.perWebhookConcurrency ?? 8;
    this.retentionMs = (options.retentionDays ?? 30) * 24 * 60 * 60 * 1000;
    this.limiter = new RateLimiter(deps.clock);
    this.attemptDeps = { db: deps.db.kysely, clock: deps.clock, sender: deps.sender };
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.unregister = registerWorker(this);
    this.loopDone = this.loop();
  }

  /** Stops claiming, lets in-flight attempts finish and record, and gives back anything claimed but unsent. */
  async stop(): Promise<void> {
    if (!this.running) return;
    this.running = false;
    this.unregister?.();
    this.wake?.();
    await this.loopDone;
    await Promise.allSettled([...this.inFlight]);
  }

  /** New outbox rows exist (or are about to commit): look now and keep looking quickly for a moment. */
  nudge(): void {
    this.burstStep = 0;
    this.wake?.();
  }

  /** Delivers everything due now and waits for the attempts to finish; returns how many were attempted. */
  async runOnce(): Promise<number> {
    let total = 0;
    for (let round = 0; round < 1000; round++) {
      const started = await this.pump();
      total += started;
      if (started === 0 && this.inFlight.size === 0) break;
      if (started === 0) await Promise.race(this.inFlight);
    }
    await Promise.allSettled([...this.inFlight]);
    return total;
  }

  get inFlightCount(): number {
    return this.inFlight.size;
  }

  private async loop(): Promise<void> {
    while (this.running) {
      let started = 0;
      try {
        started = await this.pump();
        await this.pruneIfDue();
      } catch (error) {
        this.deps.log.error({ err: error }, 'webhook worker: claim failed');
      }
      if (!this.running) break;
      if (started > 0) {
        this.burstStep = -1;
        if (this.backlogLikely) continue;
      }
      await this.sleep(this.nextDelay());
    }
  }

  private nextDelay(): number {
    if (this.burstStep < 0) return this.poll;
    const delay = BURST_DELAYS_MS[this.burstStep];
    if (delay === undefined) {
      this.burstStep = -1;
      return this.poll;
    }
    this.burstStep++;
    return delay;
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      const self = this;
      function done() {
        clearTimeout(timer);
        self.wake = null;
        resolve();
      }
      this.wake = done;
    });
  }

  /** Claims what this worker has room for and starts the attempts; returns how many started. */
  private async pump(): Promise<number> {
    const free = this.concurrency - this.inFlight.size;
    if (free <= 0) {
      this.backlogLikely = true;
      return 0;
    }
    const saturated = [...this.perWebhookInFlight].filter(([, n]) => n >= this.perWebhook).map(([id]) => id);
    const now = this.deps.clock.now();
    const limit = Math.min(free, 32);
    const claimed = await claimDue(this.deps.db.kysely, this.deps.db.dialect, {
      owner: this.id,
      now,
      leaseMarginMs: retrySchedule.leaseMarginMs,
      limit,
      perWebhook: this.perWebhook,
      excludeWebhookIds: saturated,
    });
    this.backlogLikely = claimed.length >= limit || saturated.length > 0;
    if (claimed.length === 0) return 0;
    if (!this.running && this.loopDone !== null) {
      await releaseClaims(
        this.deps.db.kysely,
        this.id,
        claimed.map((d) => d.id),
      );
      return 0;
    }
    const webhooks = new Map<string, WebhookRow>(
      (await findWebhooks(this.deps.db.kysely, [...new Set(claimed.map((d) => d.webhook_id))])).map((w) => [
        w.id,
        w,
      ]),
    );
    const deferred = new Map<number, string[]>();
    let started = 0;
    for (const delivery of claimed) {
      const webhook = webhooks.get(delivery.webhook_id);
      const wait = webhook ? this.limiter.take(webhook.id, webhook.rate_limit_per_second) : 0;
      if (!webhook || wait > 0) {
        const dueAt = now + wait;
        deferred.set(dueAt, [...(deferred.get(dueAt) ?? []), delivery.id]);
        continue;
      }
      started++;
      this.track(
        webhook.id,
        deliverAttempt(this.attemptDeps, delivery, webhook, this.id).then(
          () => undefined,
          (error: unknown) =>
            this.deps.log.error({ err: error, delivery: delivery.id }, 'webhook attempt failed'),
        ),
      );
    }
    for (const [dueAt, ids] of deferred) await releaseClaims(this.deps.db.kysely, this.id, ids, dueAt);
    return started;
  }

  private track(webhookId: string, attempt: Promise<void>): void {
    this.perWebhookInFlight.set(webhookId, (this.perWebhookInFlight.get(webhookId) ?? 0) + 1);
    const tracked = attempt.finally(() => {
      this.inFlight.delete(tracked);
      const left = (this.perWebhookInFlight.get(webhookId) ?? 1) - 1;
      if (left <= 0) this.perWebhookInFlight.delete(webhookId);
      else this.perWebhookInFlight.set(webhookId, left);
      if (this.backlogLikely) this.wake?.();
    });
    this.inFlight.add(tracked);
  }

  private async pruneIfDue(): Promise<void> {
    const now = this.deps.clock.now();
    if (now - this.lastPrune < PRUNE_EVERY_MS) return;
    this.lastPrune = now;
    const removed = await pruneFinished(this.deps.db.kysely, now - this.retentionMs);
    if (removed > 0) this.deps.log.info({ removed }, 'webhook worker: pruned old delivery logs');
  }
}
