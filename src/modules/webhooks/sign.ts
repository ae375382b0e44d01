import { createHmac, randomBytes } from 'node:crypto';

/**
 * Both signature schemes, computed over the exact request body.
 *
 * 1. The original system's headers: X-Webhook-Signature = hex HMAC-SHA256(body) keyed by the whole secret string.
 * 2. Standard Webhooks: webhook-signature = "v1," + base64 HMAC-SHA256("{id}.{seconds}.{body}") keyed by the
 *    base64-decoded part of the secret after "whsec_".
 *
 * During a rotation's grace period the Standard Webhooks header carries both signatures (new first,
 * space-separated), which its receivers already accept. The original header has room for one value, and old
 * receivers compare it exactly, so it keeps the OLD secret's signature until the grace period ends;
 * X-Webhook-Signature-Next carries the new secret's signature for receivers that have already switched.
 */

export const SECRET_PREFIX = 'whsec_';
export const USER_AGENT = 'HR-Intelligence-Webhooks/1.0';

export function generateSecret(): string {
  return SECRET_PREFIX + randomBytes(32).toString('base64');
}

/** The key of the Standard Webhooks scheme. A secret without the prefix is taken as base64 as well. */
export function standardKey(secret: string): Buffer {
  const encoded = secret.startsWith(SECRET_PREFIX) ? secret.slice(SECRET_PREFIX.length) : secret;
  return Buffer.from(encoded, 'base64');
}

export function legacySignature(secret: string, body: string): string {
  return createHmac('sha256', secret).update(body, 'utf8').digest('hex');
}

export function standardSignature(secret: string, eventId: string, seconds: number, body: string): string {
  const mac = createHmac('sha256', standardKey(secret)).update(`${eventId}.${seconds}.${body}`, 'utf8');
  return `v1,${mac.digest('base64')}`;
}

export interface SigningSecrets {
  current: string;
  /** The secret before the last rotation, while its grace period lasts. */
  previous?: string | null;
}

export interface SignInput {
  body: string;
  eventId: string;
  webhookId: string;
  /** Send time, epoch milliseconds. */
  now: number;
  secrets: SigningSecrets;
}

export function signatureHeaders({
  body,
  eventId,
  webhookId,
  now,
  secrets,
}: SignInput): Record<string, string> {
  const seconds = Math.floor(now / 1000);
  const previous = secrets.previous ?? null;
  const standard = [standardSignature(secrets.current, eventId, seconds, body)];
  if (previous) standard.push(standardSignature(previous, eventId, seconds, body));
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    'user-agent': USER_AGENT,
    'x-webhook-id': webhookId,
    'x-webhook-timestamp': new Date(seconds * 1000).toISOString(),
    'x-webhook-signature': legacySignature(previous ?? secrets.current, body),
    'webhook-id': eventId,
    'webhook-timestamp': String(seconds),
    'webhook-signature': standard.join(' '),
  };
  if (previous) headers['x-webhook-signature-next'] = legacySignature(secrets.current, body);
  return headers;
}

/** How secrets appear in list and get responses: enough to recognise, not enough to use. */
export function maskSecret(secret: string): string {
  return `${SECRET_PREFIX}…${secret.slice(-4)}`;
}
