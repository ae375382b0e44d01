import { randomUUID } from 'node:crypto';
import os from 'node:os';
import type { FastifyBaseLogger } from 'fastify';
import type { Clock } from '../../clock.js';
import type { Db } from '../../db/create-db.js';
import { AttemptRecorder } from './attempt-recorder.js';
import { type AttemptDeps, deliverAttempt, leaseMsFor } from './deliver-attempt.js';
import {
  claimDue,
  type DeliveryRow,
  type OnStopped,
  releaseClaims,
  renewLease,
} from './deliveries.repository.js';
import { RateLimiter } from './rate-limiter.js';
import { retrySchedule } from './retry-policy.js';
import type { WebhookSender } from './sender.js';
import { announceStopped } from './webhook-stopped.js';
import { activeWebhookIds, findWebhooks, type WebhookRow } from './webhooks.repository.js';
import { registerWorker } from './worker-registry.js';

export interface WorkerOptions {
  /** Idle poll interval. */
  pollIntervalMs?: number;
  /** Requests in flight at once in this process. */
  concurrency?: number;
  /** Requests in flight at once to one webhook, so one slow endpoint cannot take every slot. */
  perWebhookConcurrency?: number;
  id?: string;
}

export interface WorkerDeps {
  db: Db;
  clock: Clock;
  sender: WebhookSender;
  log: Pick<FastifyBaseLogger, 'error' | 'info' | 'warn'>;
  /** Embedded in the API: true while API requests saturate the process; deliveries then slow down. */
  underPressure?: () => boolean;
}

// After a nudge the outbox row may not be committed yet: poll quickly a few times before settling back.
const BURST_DELAYS_MS = [1, 2, 4, 8, 16, 32, 64, 128];
/** Active webhooks looked at per claim (the rest on the next claims, round-robin). */
const WEBHOOKS_PER_CLAIM = 50;
/** Unless a backlog is being drained, claims are at least this far apart, however often work is signalled. */
const MIN_CLAIM_GAP_MS = 5;
/** Under API pressure: one small claim per this interval, so deliveries take a small share of the process. */
const PRESSURE_CLAIM_GAP_MS = 100;
const PRESSURE_CLAIM_ROWS = 16;

/**
 * The delivery worker. It claims due deliveries with a lease (a claim takes up to two rounds of a webhook's
 * in-flight cap, so at high rates one claim serves many attempts), keeps them in a per-webhook queue, sends
 * up to `perWebhookConcurrency` at once per webhook and `concurrency` overall, and hands every outcome to
 * the group-committing recorder. Several workers (processes or machines) can share one database; the lease
 * guarantees that an attempt is made by one of them only.
 */
export class DeliveryWorker {
  readonly id: string;
  private readonly poll: number;
  private readonly concurrency: number;
  private readonly perWebhook: number;
  private readonly limiter: RateLimiter;
  private readonly attemptDeps: AttemptDeps;
  private readonly recorder: AttemptRecorder;
  private readonly inFlight = new Set<Promise<void>>();
  private readonly active = new Map<string, number>();
  private readonly queued = new Map<string, DeliveryRow[]>();
  private readonly webhooks = new Map<string, WebhookRow>();
  private running = false;
  private loopDone: Promise<void> | null = null;
  private wake: (() => void) | null = null;
  private roomWaiters: (() => void)[] = [];
  private burstStep = -1;
  private backlogLikely = false;
  private attempted = 0;
  private cursor: string | null = null;
  private claimTurn = 0;
  /** A nudge arrived while a claim was running: its rows may have committed after that claim looked. */
  private nudgedDuringClaim = false;
  private lastClaimAt = 0;
  private unregister: (() => void) | null = null;

  constructor(
    private readonly deps: WorkerDeps,
    options: WorkerOptions = {},
  ) {
    this.id = options.id ?? `${os.hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
    this.poll = options.pollIntervalMs ?? 200;
    this.concurrency = options.concurrency ?? 64;
    this.perWebhook = options.perWebhookConcurrency ?? 8;
    this.limiter = new RateLimiter(deps.clock);
    const onStopped: OnStopped = (trx, stopped) => announceStopped(trx, deps.clock, stopped);
    this.recorder = new AttemptRecorder(deps.db.kysely, onStopped, (error, records) =>
      deps.log.error(
        { err: error, deliveries: records.map((r) => r.delivery.id) },
        'webhook worker: recording attempts failed',
      ),
    );
    this.attemptDeps = {
      db: deps.db.kysely,
      clock: deps.clock,
      sender: deps.sender,
      record: this.recorder.enqueue,
    };
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.unregister = registerWorker(this);
    this.loopDone = this.loop();
  }

  /** Stops claiming, lets in-flight attempts finish and record, and gives back claimed but unsent deliveries. */
  async stop(): Promise<void> {
    if (!this.running) return;
    this.running = false;
    this.unregister?.();
    this.wake?.();
    await this.loopDone;
    await this.releaseQueued();
    await this.settle();
  }

  /** New outbox rows exist (or are about to commit): look now and keep looking quickly for a moment. */
  nudge(): void {
    // A nudge during a burst restarts it and one during a claim is remembered: either way the rows it announces
    // (perhaps committed just after the last claim looked) get the quick polls. Claims stay MIN_CLAIM_GAP_MS apart.
    this.burstStep = 0;
    this.nudgedDuringClaim = true;
    this.wake?.();
  }

  /** Delivers everything due now and waits for the attempts to be recorded; returns how many were attempted. */
  async runOnce(): Promise<number> {
    const before = this.attempted;
    // Bounded: each round claims or waits for room, so this is far more rounds than any test needs.
    for (let round = 0; round < 1_000_000; round++) {
      const claimed = await this.claim();
      await this.dispatch();
      if (claimed === 0 && this.inFlight.size === 0 && this.queuedCount() === 0) break;
      if (!this.backlogLikely || claimed === 0) await this.roomFreed();
    }
    await this.settle();
    return this.attempted - before;
  }

  get inFlightCount(): number {
    return this.inFlight.size;
  }

  private async settle(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.allSettled([...this.inFlight]);
    await this.recorder.idle();
  }

  private async loop(): Promise<void> {
    while (this.running) {
      let claimed = 0;
      const pressed = this.deps.underPressure?.() ?? false;
      const gap = pressed ? PRESSURE_CLAIM_GAP_MS : this.backlogLikely ? 0 : MIN_CLAIM_GAP_MS;
      const sinceLast = performance.now() - this.lastClaimAt;
      if (sinceLast < gap) await new Promise((resolve) => setTimeout(resolve, gap - sinceLast));
      this.nudgedDuringClaim = false;
      try {
        claimed = await this.claim();
        await this.dispatch();
      } catch (error) {
        this.deps.log.error({ err: error }, 'webhook worker: claim failed');
      }
      if (!this.running) break;
      if (claimed > 0) {
        this.burstStep = this.nudgedDuringClaim ? 0 : -1;
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
      const done = () => {
        clearTimeout(timer);
        this.wake = null;
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.wake = done;
    });
  }

  private local(webhookId: string): number {
    return (this.active.get(webhookId) ?? 0) + (this.queued.get(webhookId)?.length ?? 0);
  }

  private queuedCount(): number {
    let n = 0;
    for (const list of this.queued.values()) n += list.length;
    return n;
  }

  /**
   * Claims for active webhooks with room in this worker (at most one in-flight round queued locally), visiting
   * the active webhooks WEBHOOKS_PER_CLAIM at a time in id order; returns how many rows were claimed.
   */
  private async claim(): Promise<number> {
    let room = 2 * this.concurrency - this.inFlight.size - this.queuedCount();
    // Under pressure claims stay small. Rows already queued locally do not count against it: they wait for
    // their own webhook's slots, and counting them let slow endpoints' queues stop every other claim.
    if (this.deps.underPressure?.()) room = Math.min(room, PRESSURE_CLAIM_ROWS);
    this.lastClaimAt = performance.now();
    const page = await activeWebhookIds(this.deps.db.kysely, this.cursor, WEBHOOKS_PER_CLAIM);
    this.cursor = page.length === WEBHOOKS_PER_CLAIM ? (page[page.length - 1] as string) : null;
    const quotas = this.fairQuotas(page, room);
    const claimed = await claimDue(this.deps.db.kysely, this.deps.db.dialect, {
      owner: this.id,
      now: this.deps.clock.now(),
      leaseMarginMs: retrySchedule.leaseMarginMs,
      quotas,
    });
    const perWebhook = new Map<string, number>();
    for (const d of claimed) perWebhook.set(d.webhook_id, (perWebhook.get(d.webhook_id) ?? 0) + 1);
    // More may be due at once when a webhook filled its quota, or when more webhooks are left to visit.
    this.backlogLikely = this.cursor !== null || quotas.some((q) => perWebhook.get(q.webhookId) === q.limit);
    if (claimed.length > 0) await this.refreshWebhooks([...perWebhook.keys()]);
    for (const delivery of claimed) {
      const list = this.queued.get(delivery.webhook_id) ?? [];
      list.push(delivery);
      this.queued.set(delivery.webhook_id, list);
    }
    if (!this.running && this.loopDone !== null) await this.releaseQueued();
    return claimed.length;
  }

  /**
   * Shares a claim's room among the webhooks with room of their own. Each gets an equal share (at least one
   * row), so a webhook earlier in id order can no longer take the whole room, whether or not it has rows due;
   * when there are more webhooks than rows, the starting webhook rotates from claim to claim so each gets turns.
   * (Reserving the room in id order let the first webhooks, say ones with only retries waiting, take every
   * claim while a fast endpoint later in the order waited.)
   */
  private fairQuotas(page: string[], room: number): { webhookId: string; limit: number }[] {
    const open = page.filter((id) => this.local(id) <= this.perWebhook);
    // With the room used up (slow endpoints' rows in flight and queued), a webhook with nothing here still gets
    // one row per claim, as dispatch() still starts its first attempt: nobody's backlog blocks its first event.
    if (room <= 0)
      return open.filter((id) => this.local(id) === 0).map((webhookId) => ({ webhookId, limit: 1 }));
    if (open.length === 0) return [];
    const share = Math.max(1, Math.floor(room / open.length));
    const offset = this.claimTurn++ % open.length;
    const quotas: { webhookId: string; limit: number }[] = [];
    for (let i = 0; i < open.length && room > 0; i++) {
      const webhookId = open[(offset + i) % open.length] as string;
      const limit = Math.min(room, share, 2 * this.perWebhook - this.local(webhookId));
      quotas.push({ webhookId, limit });
      room -= limit;
    }
    return quotas;
  }

  /** Starts queued deliveries within the caps and rate limits; returns how many started. */
  private async dispatch(): Promise<number> {
    if (this.queued.size === 0) return 0;
    const webhooks = this.webhooks;
    const now = this.deps.clock.now();
    let started = 0;
    for (const [webhookId, list] of this.queued) {
      const webhook = webhooks.get(webhookId);
      if (!webhook) {
        this.queued.delete(webhookId);
        await releaseClaims(
          this.deps.db.kysely,
          this.id,
          list.map((d) => d.id),
        );
        continue;
      }
      while (list.length > 0) {
        const running = this.active.get(webhookId) ?? 0;
        if (running >= this.perWebhook) break;
        // The overall cap never stops a webhook's first attempt: endpoints that hold every request (slow,
        // timing out) could otherwise fill all slots and make every other endpoint wait for them. The excess
        // is bounded by the number of webhooks (MAX_WEBHOOKS).
        if (this.inFlight.size >= this.concurrency && running > 0) break;
        const wait = this.limiter.take(webhookId, webhook.rate_limit_per_second);
        if (wait > 0) {
          // Over the rate: give the rest back, due when the next token is.
          const rest = list.splice(0);
          await releaseClaims(
            this.deps.db.kysely,
            this.id,
            rest.map((d) => d.id),
            now + wait,
          );
          break;
        }
        const delivery = list.shift() as DeliveryRow;
        const leaseMs = leaseMsFor(webhook);
        // A row that waited in the queue gets its lease extended before it goes out, so it cannot expire mid-attempt.
        if ((delivery.lease_until ?? 0) - now < leaseMs - retrySchedule.leaseMarginMs / 2) {
          if (!(await renewLease(this.deps.db.kysely, this.id, delivery.id, now + leaseMs))) continue;
        }
        started++;
        this.track(webhook, delivery);
      }
      if (list.length === 0) this.queued.delete(webhookId);
    }
    return started;
  }

  private track(webhook: WebhookRow, delivery: DeliveryRow): void {
    this.attempted++;
    this.active.set(webhook.id, (this.active.get(webhook.id) ?? 0) + 1);
    const tracked = deliverAttempt(this.attemptDeps, delivery, webhook, this.id)
      .then(
        () => undefined,
        (error: unknown) =>
          this.deps.log.error({ err: error, delivery: delivery.id }, 'webhook attempt failed'),
      )
      .finally(() => {
        this.inFlight.delete(tracked);
        const left = (this.active.get(webhook.id) ?? 1) - 1;
        if (left <= 0) this.active.delete(webhook.id);
        else this.active.set(webhook.id, left);
        void this.dispatch().catch((error: unknown) =>
          this.deps.log.error({ err: error }, 'webhook worker: dispatch failed'),
        );
        if (this.local(webhook.id) <= this.perWebhook || this.inFlight.size === 0) this.signalRoom();
      });
    this.inFlight.add(tracked);
  }

  /**
   * Webhook rows as they are when their deliveries are claimed (URL, secrets, limits): read once per claim, not
   * per attempt. Rows of webhooks deleted meanwhile disappear, and their queued deliveries are given back.
   */
  private async refreshWebhooks(ids: string[]): Promise<void> {
    const rows = await findWebhooks(this.deps.db.kysely, ids);
    for (const id of ids) this.webhooks.delete(id);
    for (const row of rows) this.webhooks.set(row.id, row);
  }

  private async releaseQueued(): Promise<void> {
    const ids = [...this.queued.values()].flat().map((d) => d.id);
    this.queued.clear();
    await releaseClaims(this.deps.db.kysely, this.id, ids);
  }

  /** Resolves when a finished attempt made room worth a claim (or nothing is in flight any more). */
  private roomFreed(): Promise<void> {
    if (this.inFlight.size === 0) return Promise.resolve();
    return new Promise((resolve) => this.roomWaiters.push(resolve));
  }

  private signalRoom(): void {
    const waiters = this.roomWaiters;
    this.roomWaiters = [];
    for (const resolve of waiters) resolve();
    this.wake?.();
  }
}
