import { randomUUID } from 'node:crypto';
import { type Kysely, type Selectable, sql, type Updateable } from 'kysely';
import type { Dialect } from '../../db/create-db.js';
import type { Database } from '../../db/schema.js';
import type {
  DeliveryStatus,
  WebhookAttemptsTable,
  WebhookDeliveriesTable,
  WebhooksTable,
} from './webhooks.tables.js';

/** All SQL of the webhooks module. Portable between SQLite and PostgreSQL except where the claim says so. */

export type WebhookRow = Selectable<WebhooksTable>;
export type DeliveryRow = Selectable<WebhookDeliveriesTable>;
export type AttemptRow = Selectable<WebhookAttemptsTable>;
type Db = Kysely<Database>;

// ---- webhooks -------------------------------------------------------------------------------------------

export async function countWebhooks(db: Db): Promise<number> {
  const row = await db
    .selectFrom('webhooks')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

export async function insertWebhook(db: Db, row: WebhookRow): Promise<void> {
  await db.insertInto('webhooks').values(row).execute();
}

export async function findWebhook(db: Db, id: string): Promise<WebhookRow | undefined> {
  return db.selectFrom('webhooks').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findWebhooks(db: Db, ids: string[]): Promise<WebhookRow[]> {
  if (ids.length === 0) return [];
  return db.selectFrom('webhooks').selectAll().where('id', 'in', ids).execute();
}

export async function listWebhooks(
  db: Db,
  page: { skip: number; limit: number; isActive?: boolean },
): Promise<{ rows: WebhookRow[]; total: number }> {
  let query = db.selectFrom('webhooks');
  if (page.isActive !== undefined) query = query.where('is_active', '=', page.isActive ? 1 : 0);
  const [rows, count] = await Promise.all([
    query
      .selectAll()
      .orderBy('created_at', 'desc')
      .orderBy('id')
      .offset(page.skip)
      .limit(page.limit)
      .execute(),
    query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst(),
  ]);
  return { rows, total: Number(count?.n ?? 0) };
}

export async function updateWebhook(db: Db, id: string, patch: Updateable<WebhooksTable>): Promise<boolean> {
  const result = await db.updateTable('webhooks').set(patch).where('id', '=', id).executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** Deletes the webhook and cancels what it still had to send; the delivery log stays for inspection. */
export async function deleteWebhook(db: Db, id: string, now: number): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const result = await trx.deleteFrom('webhooks').where('id', '=', id).executeTakeFirst();
    if (Number(result.numDeletedRows) === 0) return false;
    await trx
      .updateTable('webhook_deliveries')
      .set({ status: 'cancelled', lease_owner: null, lease_until: null, updated_at: now })
      .where('webhook_id', '=', id)
      .where('status', '=', 'pending')
      .execute();
    return true;
  });
}

/** Webhooks subscribed to an event type, active or paused (a paused one's deliveries wait). */
export async function subscribedWebhooks(
  db: Db,
  eventType: string,
): Promise<Pick<WebhookRow, 'id' | 'events' | 'filters'>[]> {
  const rows = await db
    .selectFrom('webhooks')
    .select(['id', 'events', 'filters'])
    .where('events', 'like', `%"${eventType}"%`)
    .execute();
  return rows.filter((row) => (JSON.parse(row.events) as string[]).includes(eventType));
}

// ---- deliveries (the outbox) ----------------------------------------------------------------------------

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

export async function listDeliveries(
  db: Db,
  webhookId: string,
  page: { skip: number; limit: number; status?: DeliveryStatus; event?: string },
): Promise<{ rows: DeliveryRow[]; total: number }> {
  let query = db.selectFrom('webhook_deliveries').where('webhook_id', '=', webhookId);
  if (page.status) query = query.where('status', '=', page.status);
  if (page.event) query = query.where('event_type', '=', page.event);
  const [rows, count] = await Promise.all([
    query
      .selectAll()
      .orderBy('created_at', 'desc')
      .orderBy('id')
      .offset(page.skip)
      .limit(page.limit)
      .execute(),
    query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst(),
  ]);
  return { rows, total: Number(count?.n ?? 0) };
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

export interface ClaimOptions {
  owner: string;
  now: number;
  /** The lease is each webhook's attempt timeout plus this margin. */
  leaseMarginMs: number;
  limit: number;
  /** At most this many rows of one webhook per claim, so one backlog cannot fill a worker. */
  perWebhook: number;
  excludeWebhookIds: string[];
}

/**
 * Claims due deliveries of active webhooks by setting a lease. On PostgreSQL the candidate rows are locked
 * with FOR UPDATE SKIP LOCKED so concurrent workers take different rows without waiting; SQLite runs one
 * writer at a time, so the single UPDATE … WHERE id IN (…) is already atomic. The UPDATE re-checks the lease
 * condition, so a row another worker claimed in between is never taken twice.
 */
export async function claimDue(db: Db, dialect: Dialect, o: ClaimOptions): Promise<DeliveryRow[]> {
  const leaseFree = sql<boolean>`(lease_until is null or lease_until <= ${o.now})`;
  let oldest = db
    .selectFrom('webhook_deliveries')
    .select(['id', 'webhook_id', 'next_attempt_at'])
    .where('status', '=', 'pending')
    .where('next_attempt_at', '<=', o.now)
    .where(leaseFree)
    .where('webhook_id', 'in', db.selectFrom('webhooks').select('id').where('is_active', '=', 1));
  if (o.excludeWebhookIds.length > 0) oldest = oldest.where('webhook_id', 'not in', o.excludeWebhookIds);
  const ranked = db
    .selectFrom(
      oldest
        .orderBy('next_attempt_at')
        .limit(Math.max(o.limit * 8, 256))
        .as('due'),
    )
    .select([
      'due.id',
      sql<number>`row_number() over (partition by due.webhook_id order by due.next_attempt_at)`.as('rank'),
    ]);
  let candidates = db
    .selectFrom('webhook_deliveries')
    .select('id')
    .where('id', 'in', db.selectFrom(ranked.as('r')).select('r.id').where('r.rank', '<=', o.perWebhook))
    .orderBy('next_attempt_at')
    .limit(o.limit);
  if (dialect === 'postgres') candidates = candidates.forUpdate().skipLocked();
  return db
    .updateTable('webhook_deliveries')
    .set((eb) => ({
      lease_owner: o.owner,
      lease_until: eb
        .selectFrom('webhooks')
        .select(sql<number>`cast(${o.now + o.leaseMarginMs} as bigint) + timeout_seconds * 1000`.as('until'))
        .whereRef('webhooks.id', '=', 'webhook_deliveries.webhook_id'),
      updated_at: o.now,
    }))
    .where('id', 'in', candidates)
    .where('status', '=', 'pending')
    .where(leaseFree)
    .returningAll()
    .execute();
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

/** Logs one attempt and applies its consequences to the delivery and the webhook, in one transaction. */
export async function recordAttempt(db: Db, r: AttemptRecord): Promise<void> {
  const d = r.delivery;
  const final = r.outcome !== 'retry';
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('webhook_attempts')
      .values({
        id: randomUUID(),
        delivery_id: d.id,
        webhook_id: d.webhook_id,
        attempt_number: d.attempt_count + 1,
        started_at: r.startedAt,
        duration_ms: r.durationMs,
        status_code: r.statusCode,
        success: r.outcome === 'success' ? 1 : 0,
        error: r.error,
      })
      .execute();
    await trx
      .updateTable('webhook_deliveries')
      .set({
        status: r.outcome === 'retry' ? 'pending' : r.outcome,
        attempt_count: d.attempt_count + 1,
        round_attempt: d.round_attempt + 1,
        next_attempt_at: r.nextAttemptAt ?? d.next_attempt_at,
        lease_owner: null,
        lease_until: null,
        status_code: r.statusCode,
        response_body: r.responseBody,
        error_message: r.error,
        delivered_at: r.outcome === 'success' ? r.finishedAt : d.delivered_at,
        updated_at: r.finishedAt,
      })
      .where('id', '=', d.id)
      .where('lease_owner', '=', r.owner)
      .where('status', '=', 'pending')
      .execute();
    const failed = r.outcome === 'failed' ? 1 : 0;
    await trx
      .updateTable('webhooks')
      .set((eb) => ({
        response_ms_total: eb('response_ms_total', '+', r.durationMs),
        response_count: eb('response_count', '+', 1),
        ...(final && {
          delivery_count: eb('delivery_count', '+', 1),
          failure_count: eb('failure_count', '+', failed),
          consecutive_failures: failed ? eb('consecutive_failures', '+', 1) : 0,
          last_delivery_at: r.finishedAt,
          ...(failed && { last_failure_at: r.finishedAt }),
        }),
        ...(r.deactivateReason && {
          is_active: 0,
          paused_reason: r.deactivateReason,
          updated_at: r.finishedAt,
        }),
      }))
      .where('id', '=', d.webhook_id)
      .execute();
    if (failed) {
      await trx
        .updateTable('webhooks')
        .set({
          is_active: 0,
          paused_reason: `paused automatically: the last ${r.pauseAfter} deliveries all failed (last error: ${r.error ?? 'unknown'})`,
          updated_at: r.finishedAt,
        })
        .where('id', '=', d.webhook_id)
        .where('is_active', '=', 1)
        .where('consecutive_failures', '>=', r.pauseAfter)
        .execute();
    }
  });
}

/** Removes finished deliveries (and their attempts) older than the retention window. */
export async function pruneFinished(db: Db, before: number): Promise<number> {
  const result = await db
    .deleteFrom('webhook_deliveries')
    .where('status', 'in', ['success', 'failed', 'cancelled'])
    .where('updated_at', '<', before)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
