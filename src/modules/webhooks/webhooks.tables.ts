import type { ColumnType } from 'kysely';

/**
 * Row types of the webhook tables. Conventions as elsewhere: text UUID ids, epoch-millisecond BIGINT times,
 * INTEGER 0/1 booleans, JSON text for structured values.
 */
export interface WebhooksTable {
  id: string;
  url: string;
  /** JSON array of event types. */
  events: string;
  description: string | null;
  secret: string;
  /** The secret before the last rotation; still signs until previous_secret_expires_at. */
  previous_secret: string | null;
  previous_secret_expires_at: number | null;
  is_active: number;
  /** Why the webhook is inactive when the system paused it (410 Gone, too many failures). */
  paused_reason: string | null;
  max_attempts: number;
  timeout_seconds: number;
  rate_limit_per_second: number | null;
  /** JSON array of waits in seconds before each retry; null: doubling from 1 s up to max_attempts. */
  retry_schedule: string | null;
  /** JSON object of extra request headers, or null. */
  headers: string | null;
  signature_scheme: 'hmac' | 'ed25519';
  /** Ed25519 private key (whsk_ + base64 of seed‖public key) when signature_scheme is ed25519; never leaves the server. With ed25519, `secret` holds the public key (whpk_). */
  signing_key: string | null;
  /** The key before the last rotation; still signs until previous_secret_expires_at. */
  previous_signing_key: string | null;
  /** JSON { categories?: string[], min_priority?: number } or null. */
  filters: string | null;
  /** 1: events about confidential cases carry their full text (set at creation by an hr_admin, audited). */
  include_confidential: ColumnType<number, number | undefined, number>;
  /** Deliveries that reached a final outcome, and how many of those failed. */
  delivery_count: number;
  failure_count: number;
  /** Final failures since the last success; drives the automatic pause. */
  consecutive_failures: number;
  /** Sum and count of attempt durations, for avg_response_ms. */
  response_ms_total: number;
  response_count: number;
  last_delivery_at: number | null;
  last_failure_at: number | null;
  created_at: number;
  updated_at: number;
}

export type DeliveryStatus = 'pending' | 'success' | 'failed' | 'cancelled';

/** The outbox: one row per (event, webhook); the worker claims due rows with a lease. */
export interface WebhookDeliveriesTable {
  id: string;
  webhook_id: string;
  event_id: string;
  event_type: string;
  /** The exact request body (canonical JSON), sent byte for byte on every attempt. */
  payload: string;
  status: DeliveryStatus;
  /** Attempts over the delivery's life, and within the current round (a redelivery starts a new round). */
  attempt_count: number;
  round_attempt: number;
  next_attempt_at: number;
  lease_owner: string | null;
  lease_until: number | null;
  status_code: number | null;
  response_body: string | null;
  error_message: string | null;
  created_at: number;
  updated_at: number;
  delivered_at: number | null;
}

export interface WebhookAttemptsTable {
  id: string;
  delivery_id: string;
  webhook_id: string;
  attempt_number: number;
  started_at: number;
  duration_ms: number;
  status_code: number | null;
  success: number;
  error: string | null;
}

export interface WebhookTables {
  webhooks: WebhooksTable;
  webhook_deliveries: WebhookDeliveriesTable;
  webhook_attempts: WebhookAttemptsTable;
}
