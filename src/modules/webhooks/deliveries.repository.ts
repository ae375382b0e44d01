import { randomUUID } from 'node:crypto';
import { type Kysely, type Selectable, sql, type Updateable } from 'kysely';
import type { Dialect } from '../../db/create-db.js';
import { countRows, type LogPage, logPage } from '../../db/pagination.js';
import type { Database } from '../../db/schema.js';
import type { DeliveryStatus, WebhookAttemptsTable, WebhookDeliveriesTable } from './webhooks.tables.js';

/**
 * All SQL of the outbox: deliveries, their claims and their attempts. Portable between SQLite and PostgreSQL
 * except the claim's row locking, switched on the dialect here.
 */

export type DeliveryRow = Selectable<WebhookDeliveriesTable>;
export type AttemptRow = Selectable<WebhookAttemptsTable>;
type Db = Kysely<Database>;

export interface NewDelivery {
  webhookId: string;
  eventId: string;
  eventType: string;
  body: string;
  /** Set when the creator attempts it itself right away (the test endpoint), so no worker claims it. */
  leaseOwner?: string;
  leaseUntil?: number;
}

export async function insertDeliveries(db: Db, rows: NewDelivery[], now: number): Promise<string[]> {
  const values = rows.map((row) => ({
    id: randomUUID(),
    webhook_id: row.webhookId,
    event_id: row.eventId,
    event_type: row.eventType,
    payload: row.body,
    status: 'pending' as const,
    attempt_count: 0,
    round_attempt: 0,
    next_attempt_at: now,
    lease_owner: row.leaseOwner ?? null,
    lease_until: row.leaseUntil ?? null,
    status_code: null,
    response_body: null,
    error_message: null,
    created_at: now,
    updated_at: now,
    delivered_at: null,
  }));
  await db.insertInto('webhook_deliveries').values(values).execute();
  return values.map((v) => v.id);
}

export async function findDelivery(db: Db, webhookId: string, id: string): Promise<DeliveryRow | undefined> {
  return db
    .selectFrom('webhook_deliveries')
    .selectAll()
    .where('id', '=', id)
    .where('webhook_id', '=', webhookId)
    .executeTakeFirst();
}

/** A webhook's delivery log, newest first, by offset or by cursor (src/db/pagination.ts). */
export async function listDeliveries(
  db: Db,
  webhookId: string,
  page: LogPage & { status?: DeliveryStatus | undefined; event?: string | undefined },
): Promise<{ rows: DeliveryRow[]; total: number; nextCursor: string | null }> {
  let query = db.selectFrom('webhook_deliveries').where('webhook_id', '=', webhookId);
  if (page.status) query = query.where('status', '=', page.status);
  if (page.event) query = query.where('event_type', '=', page.event);
  const [{ rows, nextCursor }, total] = await Promise.all([
    logPage(query.selectAll(), page),
    countRows(query),
  ]);
  return { rows, total, nextCursor };
}

export async function attemptsOf(db: Db, deliveryIds: string[]): Promise<AttemptRow[]> {
  if (deliveryIds.length === 0) return [];
  return db
    .selectFrom('webhook_attempts')
    .selectAll()
    .where('delivery_id', 'in', deliveryIds)
    .orderBy('attempt_number')
    .execute();
}

/** Puts a delivery back in the queue, due now, with a fresh round of attempts; same event id and body. */
export async function requeueDelivery(db: Db, id: string, now: number): Promise<boolean> {
  const result = await db
    .updateTable('webhook_deliveries')
    .set({ status: 'pending', round_attempt: 0, next_attempt_at: now, updated_at: now })
    .where('id', '=', id)
    .where((eb) => eb.or([eb('status', '!=', 'pending'), eb('lease_owner', 'is', null)]))
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/**
 * Puts back in the queue every failed delivery of a webhook created in [from, to): due now, a fresh round of
 * attempts, same event id and body, so receivers can tell a recovered event from a new one. Returns how many.
 */
export async function requeueFailed(db: Db, webhookId: string, from: number, to: number, now: number) {
  const result = await db
    .updateTable('webhook_deliveries')
    .set({
      status: 'pending',
      round_attempt: 0,
      next_attempt_at: now,
      lease_owner: null,
      lease_until: null,
      updated_at: now,
    })
    .where('webhook_id', '=', webhookId)
    .where('status', '=', 'failed')
    .where('created_at', '>=', from)
    .where('created_at', '<', to)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

export interface ClaimOptions {
  owner: string;
  now: number;
  /** The lease is each webhook's attempt timeout plus this margin. */
  leaseMarginMs: number;
  /** Webhooks to claim for (active ones with room in the worker), each with how many rows at most. */
  quotas: { webhookId: string; limit: number }[];
}

/**
 * Claims due deliveries by setting a lease: for each webhook asked, its oldest due rows up to its quota. Each
 * webhook is one short range scan of the (status, webhook_id, next_attempt_at) index, so the cost follows the
 * number of webhooks and rows claimed, never the size of a backlog, and a webhook with a huge backlog cannot
 * hide the rows of the others. On PostgreSQL the candidate rows are locked with FOR UPDATE SKIP LOCKED, so
 * concurrent workers take different rows without waiting, and the UPDATE re-checks the lease on the row version
 * it locked; SQLite runs one writer at a time, so its single UPDATE … WHERE id IN (…) is already atomic.
 */
export async function claimDue(db: Db, dialect: Dialect, o: ClaimOptions): Promise<DeliveryRow[]> {
  if (o.quotas.length === 0) return [];
  const leaseFree = sql<boolean>`(lease_until is null or lease_until <= ${o.now})`;
  const branches = o.quotas.map(({ webhookId, limit }, index) =>
    db
      .selectFrom(
        db
          .selectFrom('webhook_deliveries')
          .select('id')
          .where('status', '=', 'pending')
          .where('webhook_id', '=', webhookId)
          .where('next_attempt_at', '<=', o.now)
          .where(leaseFree)
          .orderBy('next_attempt_at')
          .limit(limit)
          .as(`w${index}`),
      )
      .select(`w${index}.id`),
  );
  const union = branches
    .slice(1)
    .reduce((all, branch) => all.unionAll(branch), branches[0] as (typeof branches)[0]);
  const candidates =
    dialect === 'postgres'
      ? db.selectFrom('webhook_deliveries').select('id').where('id', 'in', union).forUpdate().skipLocked()
      : union;
  let claim = db
    .updateTable('webhook_deliveries')
    .set((eb) => ({
      lease_owner: o.owner,
      lease_until: eb
        .selectFrom('webhooks')
        .select(sql<number>`cast(${o.now + o.leaseMarginMs} as bigint) + timeout_seconds * 1000`.as('until'))
        .whereRef('webhooks.id', '=', 'webhook_deliveries.webhook_id'),
    }))
    .where('id', 'in', candidates);
  // PostgreSQL re-evaluates these on the row version it locked; SQLite runs the statement alone, and without
  // them its planner looks the ids up by primary key instead of scanning every pending row.
  if (dialect === 'postgres') claim = claim.where('status', '=', 'pending').where(leaseFree);
  return claim.returningAll().execute();
}

/** Extends this owner's lease on a delivery about to be attempted; false when the lease was lost. */
export async function renewLease(db: Db, owner: string, id: string, until: number): Promise<boolean> {
  const result = await db
    .updateTable('webhook_deliveries')
    .set({ lease_until: until })
    .where('id', '=', id)
    .where('lease_owner', '=', owner)
    .where('status', '=', 'pending')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** Gives a claimed delivery back unattempted (rate limit, shutdown), due again at `dueAt`. */
export async function releaseClaims(db: Db, owner: string, ids: string[], dueAt?: number): Promise<void> {
  if (ids.length === 0) return;
  const patch: Updateable<WebhookDeliveriesTable> = { lease_owner: null, lease_until: null };
  if (dueAt !== undefined) patch.next_attempt_at = dueAt;
  await db
    .updateTable('webhook_deliveries')
    .set(patch)
    .where('id', 'in', ids)
    .where('lease_owner', '=', owner)
    .where('status', '=', 'pending')
    .execute();
}

export interface AttemptRecord {
  delivery: DeliveryRow;
  owner: string;
  startedAt: number;
  finishedAt: number;
  durationMs: number;
  statusCode: number | null;
  responseBody: string | null;
  error: string | null;
  outcome: 'success' | 'retry' | 'failed';
  nextAttemptAt: number | null;
  /** Set the webhook inactive with this reason (410 Gone). */
  deactivateReason?: string;
  /** Consecutive final failures after which the webhook pauses itself. */
  pauseAfter: number;
}

/** A webhook these attempts stopped: 410 Gone, or the automatic pause after too many final failures. */
export interface StoppedWebhook {
  id: string;
  url: string;
  reason: string;
  /** Final failures in a row when it stopped. */
  failures: number;
  at: number;
}

/** Runs inside the recording transaction for the webhooks it stopped (announcing them commits with the stop). */
export type OnStopped = (trx: Db, stopped: StoppedWebhook[]) => Promise<void>;

/**
 * Logs attempts and applies their consequences to deliveries and webhooks, all in one transaction: the worker
 * hands over whatever finished in the same moment, so the cost of a commit is shared (group commit).
 * A delivery is only updated while this owner still holds its lease.
 */
export async function recordAttempts(db: Db, records: AttemptRecord[], onStopped?: OnStopped): Promise<void> {
  if (records.length === 0) return;
  const stats = new Map<string, WebhookStats>();
  for (const r of records) accumulate(stats, r);
  await db.transaction().execute(async (trx) => {
    const stopped: StoppedWebhook[] = [];
    await trx
      .insertInto('webhook_attempts')
      .values(
        records.map((r) => ({
          id: randomUUID(),
          delivery_id: r.delivery.id,
          webhook_id: r.delivery.webhook_id,
          attempt_number: r.delivery.attempt_count + 1,
          started_at: r.startedAt,
          duration_ms: r.durationMs,
          status_code: r.statusCode,
          success: r.outcome === 'success' ? 1 : 0,
          error: r.error,
        })),
      )
      .execute();
    // Final outcomes that look alike (typically "200 ok") share one UPDATE; retries each carry their own time.
    for (const group of groupFinals(records)) {
      const first = group[0] as AttemptRecord;
      const finishedAt = Math.max(...group.map((r) => r.finishedAt));
      await trx
        .updateTable('webhook_deliveries')
        .set((eb) => ({
          status: first.outcome === 'success' ? 'success' : 'failed',
          attempt_count: eb('attempt_count', '+', 1),
          round_attempt: eb('round_attempt', '+', 1),
          lease_owner: null,
          lease_until: null,
          status_code: first.statusCode,
          response_body: first.responseBody,
          error_message: first.error,
          ...(first.outcome === 'success' && { delivered_at: finishedAt }),
          updated_at: finishedAt,
        }))
        .where(
          'id',
          'in',
          group.map((r) => r.delivery.id),
        )
        .where('lease_owner', '=', first.owner)
        .where('status', '=', 'pending')
        .execute();
    }
    for (const r of records.filter((record) => record.outcome === 'retry')) {
      await trx
        .updateTable('webhook_deliveries')
        .set((eb) => ({
          attempt_count: eb('attempt_count', '+', 1),
          round_attempt: eb('round_attempt', '+', 1),
          next_attempt_at: r.nextAttemptAt ?? r.finishedAt,
          lease_owner: null,
          lease_until: null,
          status_code: r.statusCode,
          response_body: r.responseBody,
          error_message: r.error,
          updated_at: r.finishedAt,
        }))
        .where('id', '=', r.delivery.id)
        .where('lease_owner', '=', r.owner)
        .where('status', '=', 'pending')
        .execute();
    }
    // Same lock order in every worker: concurrent batches touching the same webhooks would otherwise deadlock.
    for (const [webhookId, s] of [...stats].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
      await trx
        .updateTable('webhooks')
        .set((eb) => ({
          response_ms_total: eb('response_ms_total', '+', s.durationTotal),
          response_count: eb('response_count', '+', s.attempts),
          ...(s.finals > 0 && {
            delivery_count: eb('delivery_count', '+', s.finals),
            failure_count: eb('failure_count', '+', s.failures),
            consecutive_failures: s.sawSuccess
              ? s.failuresSinceSuccess
              : eb('consecutive_failures', '+', s.failures),
            last_delivery_at: s.lastFinalAt,
          }),
          ...(s.lastFailureAt !== null && { last_failure_at: s.lastFailureAt }),
        }))
        .where('id', '=', webhookId)
        .execute();
      const reason = s.deactivateReason
        ? s.deactivateReason
        : s.failuresSinceSuccess > 0
          ? `paused automatically: the last ${s.pauseAfter} deliveries all failed (last error: ${s.lastError ?? 'unknown'})`
          : null;
      if (reason === null) continue;
      let stop = trx
        .updateTable('webhooks')
        .set({ is_active: 0, paused_reason: reason, updated_at: s.lastFinalAt })
        .where('id', '=', webhookId)
        .where('is_active', '=', 1);
      if (!s.deactivateReason) stop = stop.where('consecutive_failures', '>=', s.pauseAfter);
      const result = await stop.returning(['id', 'url', 'consecutive_failures']).executeTakeFirst();
      if (result)
        stopped.push({
          id: result.id,
          url: result.url,
          reason,
          failures: result.consecutive_failures,
          at: s.lastFinalAt,
        });
    }
    if (stopped.length > 0 && onStopped) await onStopped(trx, stopped);
  });
}

function groupFinals(records: AttemptRecord[]): AttemptRecord[][] {
  const groups = new Map<string, AttemptRecord[]>();
  for (const r of records) {
    if (r.outcome === 'retry') continue;
    const key = JSON.stringify([r.outcome, r.owner, r.statusCode, r.responseBody, r.error]);
    groups.set(key, [...(groups.get(key) ?? []), r]);
  }
  return [...groups.values()];
}

interface WebhookStats {
  attempts: number;
  durationTotal: number;
  finals: number;
  failures: number;
  sawSuccess: boolean;
  failuresSinceSuccess: number;
  lastFinalAt: number;
  lastFailureAt: number | null;
  lastError: string | null;
  deactivateReason?: string;
  pauseAfter: number;
}

function accumulate(stats: Map<string, WebhookStats>, r: AttemptRecord): void {
  const s = stats.get(r.delivery.webhook_id) ?? {
    attempts: 0,
    durationTotal: 0,
    finals: 0,
    failures: 0,
    sawSuccess: false,
    failuresSinceSuccess: 0,
    lastFinalAt: r.finishedAt,
    lastFailureAt: null,
    lastError: null,
    pauseAfter: r.pauseAfter,
  };
  s.attempts++;
  s.durationTotal += r.durationMs;
  if (r.outcome !== 'retry') {
    s.finals++;
    s.lastFinalAt = Math.max(s.lastFinalAt, r.finishedAt);
  }
  if (r.outcome === 'success') {
    s.sawSuccess = true;
    s.failuresSinceSuccess = 0;
  } else if (r.outcome === 'failed') {
    s.failures++;
    s.failuresSinceSuccess++;
    s.lastFailureAt = r.finishedAt;
    s.lastError = r.error;
  }
  if (r.deactivateReason) s.deactivateReason = r.deactivateReason;
  stats.set(r.delivery.webhook_id, s);
}
