import { toIso, toIsoOrNull } from '../../clock.js';
import { maskedHeaders } from './custom-headers.js';
import type { AttemptRow, DeliveryRow } from './deliveries.repository.js';
import { scheduleOf } from './retry-policy.js';
import { maskSecret } from './sign.js';
import { redactUrl } from './url-credentials.js';
import { parseFilters, type WebhookFilters } from './webhook-filters.js';
import type { WebhookRow } from './webhooks.repository.js';
import type { DeliveryStatus } from './webhooks.tables.js';

/** Rows to API shapes (snake_case, ISO 8601 times), in one place for every route. */

export interface WebhookView {
  id: string;
  url: string;
  events: string[];
  description: string | null;
  secret_key: string;
  signature_scheme: 'hmac' | 'ed25519';
  public_key: string | null;
  is_active: boolean;
  paused_reason: string | null;
  max_attempts: number;
  retry_schedule: number[];
  timeout_seconds: number;
  rate_limit_per_second: number | null;
  filters: WebhookFilters | null;
  headers: Record<string, string>;
  include_confidential: boolean;
  delivery_count: number;
  failure_count: number;
  success_rate: number | null;
  avg_response_ms: number | null;
  last_delivery_at: string | null;
  last_failure_at: string | null;
  previous_secret_expires_at: string | null;
  created_at: string;
  updated_at: string;
}

export function webhookView(
  row: WebhookRow,
  options: { revealSecret?: boolean; now?: number } = {},
): WebhookView {
  const delivered = row.delivery_count;
  const expires = row.previous_secret_expires_at;
  return {
    id: row.id,
    url: redactUrl(row.url),
    events: JSON.parse(row.events) as string[],
    description: row.description,
    secret_key: options.revealSecret ? row.secret : maskSecret(row.secret),
    signature_scheme: row.signature_scheme,
    public_key: row.signature_scheme === 'ed25519' ? row.secret : null,
    is_active: row.is_active === 1,
    paused_reason: row.is_active === 1 ? null : row.paused_reason,
    max_attempts: scheduleOf(row).length + 1,
    retry_schedule: scheduleOf(row),
    timeout_seconds: row.timeout_seconds,
    rate_limit_per_second: row.rate_limit_per_second,
    filters: parseFilters(row.filters),
    headers: maskedHeaders(row.headers),
    include_confidential: row.include_confidential === 1,
    delivery_count: delivered,
    failure_count: row.failure_count,
    success_rate:
      delivered > 0 ? Math.round(((delivered - row.failure_count) / delivered) * 10_000) / 10_000 : null,
    avg_response_ms: row.response_count > 0 ? Math.round(row.response_ms_total / row.response_count) : null,
    last_delivery_at: toIsoOrNull(row.last_delivery_at),
    last_failure_at: toIsoOrNull(row.last_failure_at),
    previous_secret_expires_at:
      expires !== null && expires > (options.now ?? Date.now()) ? toIso(expires) : null,
    created_at: toIso(row.created_at),
    updated_at: toIso(row.updated_at),
  };
}

export interface AttemptView {
  attempt_number: number;
  attempted_at: string;
  status_code: number | null;
  duration_ms: number;
  success: boolean;
  error: string | null;
}

export interface DeliveryView {
  id: string;
  webhook_id: string;
  event_type: string;
  event_id: string;
  payload: unknown;
  status: DeliveryStatus;
  status_code: number | null;
  response_body: string | null;
  error_message: string | null;
  attempt_count: number;
  next_retry_at: string | null;
  created_at: string;
  delivered_at: string | null;
  attempts: AttemptView[];
}

export function deliveryView(row: DeliveryRow, attempts: AttemptRow[]): DeliveryView {
  return {
    id: row.id,
    webhook_id: row.webhook_id,
    event_type: row.event_type,
    event_id: row.event_id,
    payload: JSON.parse(row.payload),
    status: row.status,
    status_code: row.status_code,
    response_body: row.response_body,
    error_message: row.error_message,
    attempt_count: row.attempt_count,
    next_retry_at: row.status === 'pending' && row.attempt_count > 0 ? toIso(row.next_attempt_at) : null,
    created_at: toIso(row.created_at),
    delivered_at: toIsoOrNull(row.delivered_at),
    attempts: attempts
      .filter((a) => a.delivery_id === row.id)
      .map((a) => ({
        attempt_number: a.attempt_number,
        attempted_at: toIso(a.started_at),
        status_code: a.status_code,
        duration_ms: a.duration_ms,
        success: a.success === 1,
        error: a.error,
      })),
  };
}
