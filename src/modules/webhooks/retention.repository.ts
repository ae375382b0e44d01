import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { DeliveryStatus } from './webhooks.tables.js';

/** SQL of the delivery-log retention: find and delete finished deliveries (with their attempts) in small batches. */

type Db = Kysely<Database>;

export const FINISHED_STATUSES: readonly DeliveryStatus[] = ['success', 'failed', 'cancelled'];

/**
 * Up to `limit` finished deliveries last touched before `before`. No ORDER BY: any old rows will do, and
 * without it the (status, updated_at) index answers with a bounded range scan instead of a sort.
 */
export async function oldFinishedDeliveryIds(db: Db, before: number, limit: number): Promise<string[]> {
  const rows = await db
    .selectFrom('webhook_deliveries')
    .select('id')
    .where('status', 'in', FINISHED_STATUSES)
    .where('updated_at', '<', before)
    .limit(limit)
    .execute();
  return rows.map((row) => row.id);
}

/**
 * Deletes those of `ids` that are still finished and old (a redelivery may have put one back in the queue
 * since it was selected), attempts first, in one short transaction.
 */
export async function deleteFinishedDeliveries(
  db: Db,
  ids: string[],
  before: number,
): Promise<{ deliveries: number; attempts: number }> {
  if (ids.length === 0) return { deliveries: 0, attempts: 0 };
  return db.transaction().execute(async (trx) => {
    const stillOld = trx
      .selectFrom('webhook_deliveries')
      .select('id')
      .where('id', 'in', ids)
      .where('status', 'in', FINISHED_STATUSES)
      .where('updated_at', '<', before);
    const attempts = await trx
      .deleteFrom('webhook_attempts')
      .where('delivery_id', 'in', stillOld)
      .executeTakeFirst();
    const deliveries = await trx
      .deleteFrom('webhook_deliveries')
      .where('id', 'in', ids)
      .where('status', 'in', FINISHED_STATUSES)
      .where('updated_at', '<', before)
      .executeTakeFirst();
    return { deliveries: Number(deliveries.numDeletedRows), attempts: Number(attempts.numDeletedRows) };
  });
}
