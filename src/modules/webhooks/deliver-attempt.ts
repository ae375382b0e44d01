import type { Kysely } from 'kysely';
import type { Clock } from '../../clock.js';
import type { Database } from '../../db/schema.js';
import { recordDeliveryAttempt } from '../analytics/metrics.js';
import { parseHeaders } from './custom-headers.js';
import { type AttemptRecord, type DeliveryRow, recordAttempts } from './deliveries.repository.js';
import { decide, retrySchedule, scheduleOf } from './retry-policy.js';
import type { SendResult, WebhookSender } from './sender.js';
import { type SigningSecrets, signatureHeaders } from './sign.js';
import { outboundTarget } from './url-credentials.js';
import { announceStopped } from './webhook-stopped.js';
import type { WebhookRow } from './webhooks.repository.js';

/** Consecutive final failures after which a webhook is paused automatically. */
export const AUTO_PAUSE_AFTER = 50;

export interface AttemptDeps {
  db: Kysely<Database>;
  clock: Clock;
  sender: WebhookSender;
  /** Where the outcome goes; the worker batches these (see attempt-recorder.ts). Default: write it now. */
  record?: (record: AttemptRecord) => Promise<void>;
}

export interface AttemptResult {
  send: SendResult;
  outcome: 'success' | 'retry' | 'failed';
}

export const leaseMsFor = (webhook: Pick<WebhookRow, 'timeout_seconds'>): number =>
  webhook.timeout_seconds * 1000 + retrySchedule.leaseMarginMs;

/** What signs an attempt now: the HMAC secrets, or the Ed25519 private keys (the previous during its grace). */
export function secretsAt(webhook: WebhookRow, now: number): SigningSecrets {
  const inGrace = webhook.previous_secret_expires_at !== null && now < webhook.previous_secret_expires_at;
  if (webhook.signature_scheme === 'ed25519') {
    if (webhook.signing_key === null) throw new Error(`webhook ${webhook.id} has no Ed25519 signing key`);
    return {
      scheme: 'ed25519',
      current: webhook.signing_key,
      previous: inGrace ? webhook.previous_signing_key : null,
    };
  }
  return { current: webhook.secret, previous: inGrace ? webhook.previous_secret : null };
}

/**
 * One attempt of one claimed delivery: sign with the secrets valid now, send, decide with the retry policy and
 * record everything in one transaction. Shared by the worker and the test endpoint.
 */
export async function deliverAttempt(
  deps: AttemptDeps,
  delivery: DeliveryRow,
  webhook: WebhookRow,
  owner: string,
  schedule: readonly number[] = scheduleOf(webhook),
): Promise<AttemptResult> {
  const startedAt = deps.clock.now();
  const signed = signatureHeaders({
    body: delivery.payload,
    eventId: delivery.event_id,
    webhookId: webhook.id,
    now: startedAt,
    secrets: secretsAt(webhook, startedAt),
  });
  // Custom headers first: the signature and framing headers are written over them (they are refused anyway).
  const headers = { ...parseHeaders(webhook.headers), ...signed };
  const target = outboundTarget(webhook.url);
  if (target.authorization !== null) headers.authorization = target.authorization;
  const send = await deps.sender.send({
    url: target.url,
    headers,
    body: delivery.payload,
    timeoutMs: webhook.timeout_seconds * 1000,
  });
  const finishedAt = deps.clock.now();
  const decision = decide(
    { statusCode: send.statusCode, error: send.error, retryAfter: send.retryAfter },
    delivery.round_attempt + 1,
    schedule,
    finishedAt,
  );
  const outcome = decision.kind === 'success' ? 'success' : decision.kind === 'retry' ? 'retry' : 'failed';
  const error = decision.kind === 'success' ? null : decision.error;
  const record =
    deps.record ??
    ((r: AttemptRecord) =>
      recordAttempts(deps.db, [r], (trx, stopped) => announceStopped(trx, deps.clock, stopped)));
  await record({
    delivery,
    owner,
    startedAt,
    finishedAt,
    durationMs: send.durationMs,
    statusCode: send.statusCode,
    responseBody: send.responseBody,
    error,
    outcome,
    nextAttemptAt: decision.kind === 'retry' ? finishedAt + decision.delayMs : null,
    deactivateReason:
      decision.kind === 'deactivate'
        ? `deactivated: the endpoint answered 410 Gone at ${new Date(finishedAt).toISOString()}`
        : undefined,
    pauseAfter: AUTO_PAUSE_AFTER,
  });
  recordDeliveryAttempt(outcome, send.durationMs);
  return { send, outcome };
}
