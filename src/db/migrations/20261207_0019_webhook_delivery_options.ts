import type { Kysely } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations describe the schema as it was, not the current types
type AnyDb = Kysely<any>;

/**
 * Per-webhook delivery options: the retry schedule (JSON array of waits in seconds; null keeps the doubling
 * policy of max_attempts that rows written before had), extra request headers (JSON object), and the signature
 * scheme with the Ed25519 signing keys it needs (the previous one signs too during a rotation's grace period).
 */
export async function up(db: AnyDb): Promise<void> {
  const columns: [string, 'text', boolean][] = [
    ['retry_schedule', 'text', false],
    ['headers', 'text', false],
    ['signature_scheme', 'text', true],
    ['signing_key', 'text', false],
    ['previous_signing_key', 'text', false],
  ];
  for (const [name, type, required] of columns) {
    await db.schema
      .alterTable('webhooks')
      .addColumn(name, type, (c) => (required ? c.notNull().defaultTo('hmac') : c))
      .execute();
  }
}

export async function down(db: AnyDb): Promise<void> {
  for (const name of [
    'previous_signing_key',
    'signing_key',
    'signature_scheme',
    'headers',
    'retry_schedule',
  ]) {
    await db.schema.alterTable('webhooks').dropColumn(name).execute();
  }
}
