import type { Kysely, Selectable, Updateable } from 'kysely';
import { countRows, offsetPage } from '../../db/pagination.js';
import type { Database } from '../../db/schema.js';
import type { WebhooksTable } from './webhooks.tables.js';

/** All SQL of the webhooks table (portable). The outbox lives in deliveries.repository.ts. */

export type WebhookRow = Selectable<WebhooksTable>;
type Db = Kysely<Database>;

// ---- webhooks -------------------------------------------------------------------------------------------

export async function countWebhooks(db: Db): Promise<number> {
  const row = await db
    .selectFrom('webhooks')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** What a caller chooses for a new webhook; everything else starts from zero (counters) or null (history). */
export type NewWebhook = Pick<
  WebhookRow,
  | 'id'
  | 'url'
  | 'events'
  | 'description'
  | 'secret'
  | 'max_attempts'
  | 'timeout_seconds'
  | 'rate_limit_per_second'
  | 'filters'
  | 'retry_schedule'
  | 'headers'
  | 'signature_scheme'
  | 'signing_key'
> & { include_confidential?: number };

/** A complete, active webhook row with fresh statistics. */
export function newWebhookRow(fields: NewWebhook, now: number): WebhookRow {
  return {
    ...fields,
    include_confidential: fields.include_confidential ?? 0,
    previous_secret: null,
    previous_secret_expires_at: null,
    previous_signing_key: null,
    is_active: 1,
    paused_reason: null,
    delivery_count: 0,
    failure_count: 0,
    consecutive_failures: 0,
    response_ms_total: 0,
    response_count: 0,
    last_delivery_at: null,
    last_failure_at: null,
    created_at: now,
    updated_at: now,
  };
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
  const [rows, total] = await Promise.all([
    offsetPage(query.selectAll().orderBy('created_at', 'desc').orderBy('id'), page).execute(),
    countRows(query),
  ]);
  return { rows, total };
}

export async function updateWebhook(db: Db, id: string, patch: Updateable<WebhooksTable>): Promise<boolean> {
  const result = await db.updateTable('webhooks').set(patch).where('id', '=', id).executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/**
 * Deletes the webhook and cancels what it still had to send; the delivery log stays for inspection. Two
 * statements: call it inside the caller's transaction.
 */
export async function deleteWebhook(db: Db, id: string, now: number): Promise<boolean> {
  const result = await db.deleteFrom('webhooks').where('id', '=', id).executeTakeFirst();
  if (Number(result.numDeletedRows) === 0) return false;
  await db
    .updateTable('webhook_deliveries')
    .set({ status: 'cancelled', lease_owner: null, lease_until: null, updated_at: now })
    .where('webhook_id', '=', id)
    .where('status', '=', 'pending')
    .execute();
  return true;
}

/** Active webhook ids in id order after `cursor` (a page of the round-robin the worker claims through). */
export async function activeWebhookIds(db: Db, cursor: string | null, limit: number): Promise<string[]> {
  let query = db.selectFrom('webhooks').select('id').where('is_active', '=', 1);
  if (cursor !== null) query = query.where('id', '>', cursor);
  const rows = await query.orderBy('id').limit(limit).execute();
  return rows.map((row) => row.id);
}

/** Webhooks subscribed to an event type, active or paused (a paused one's deliveries wait). */
export async function subscribedWebhooks(
  db: Db,
  eventType: string,
): Promise<Pick<WebhookRow, 'id' | 'events' | 'filters' | 'include_confidential'>[]> {
  const rows = await db
    .selectFrom('webhooks')
    .select(['id', 'events', 'filters', 'include_confidential'])
    .where('events', 'like', `%"${eventType}"%`)
    .execute();
  return rows.filter((row) => (JSON.parse(row.events) as string[]).includes(eventType));
}

// Outbox writes moved to deliveries.repository.ts; re-exported for callers that imported them from here.
export { insertDeliveries } from './deliveries.repository.js';
