import type { Kysely } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations describe the schema as it was, not the current types
type AnyDb = Kysely<any>;

/**
 * Indexes for a delivery log of a million rows and more (plans in docs/scaling.md):
 * - the claim: each webhook's oldest due rows, one short range scan per webhook whatever the backlog
 *   (created if missing: for a while 0002 created it, so some databases already have it);
 * - retention: finished rows older than the window, found by a range scan instead of a pass over every
 *   finished row;
 * - the delivery-log page filtered by status (GET /webhooks/{id}/deliveries?status=failed): page and total
 *   from the index, rather than walking all of a webhook's deliveries to find the few failed ones.
 */
export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createIndex('webhook_deliveries_claim_idx')
    .ifNotExists()
    .on('webhook_deliveries')
    .columns(['status', 'webhook_id', 'next_attempt_at'])
    .execute();
  await db.schema
    .createIndex('webhook_deliveries_retention_idx')
    .on('webhook_deliveries')
    .columns(['status', 'updated_at'])
    .execute();
  await db.schema
    .createIndex('webhook_deliveries_log_status_idx')
    .on('webhook_deliveries')
    .columns(['webhook_id', 'status', 'created_at'])
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropIndex('webhook_deliveries_log_status_idx').execute();
  await db.schema.dropIndex('webhook_deliveries_retention_idx').execute();
  await db.schema.dropIndex('webhook_deliveries_claim_idx').execute();
}
