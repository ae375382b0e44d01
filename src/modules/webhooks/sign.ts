import { createHmac, randomBytes } from 'node:crypto';
import { ed25519Signature, PUBLIC_KEY_PREFIX } from './ed25519.js';

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
 *
 * A webhook with signature_scheme "ed25519" is signed with Standard Webhooks `v1a` only (see ed25519.ts): its
 * receiver holds a public key, and any HMAC (v1 or X-Webhook-Signature) would need a shared secret that lets
 * its holder forge requests, which is what choosing Ed25519 rules out. X-Webhook-Id and X-Webhook-Timestamp
 * are still sent.
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
  /** "hmac" (default): HMAC secrets (whsec_); "ed25519": private keys (whsk_). */
  scheme?: 'hmac' | 'ed25519';
  current: string;
  /** The secret (or key) before the last rotation, while its grace period lasts. */
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
  const asymmetric = secrets.scheme === 'ed25519';
  const signWith = (key: string) =>
    asymmetric
      ? ed25519Signature(key, eventId, seconds, body)
      : standardSignature(key, eventId, seconds, body);
  const standard = [signWith(secrets.current)];
  if (previous) standard.push(signWith(previous));
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    'user-agent': USER_AGENT,
    'x-webhook-id': webhookId,
    'x-webhook-timestamp': new Date(seconds * 1000).toISOString(),
    'webhook-id': eventId,
    'webhook-timestamp': String(seconds),
    'webhook-signature': standard.join(' '),
  };
  if (asymmetric) return headers;
  headers['x-webhook-signature'] = legacySignature(previous ?? secrets.current, body);
  if (previous) headers['x-webhook-signature-next'] = legacySignature(secrets.current, body);
  return headers;
}

/** How secrets appear in list and get responses: enough to recognise, not enough to use. */
export function maskSecret(secret: string): string {
  if (secret.startsWith(PUBLIC_KEY_PREFIX)) return secret; // an Ed25519 public key is not a secret
  return `${SECRET_PREFIX}…${secret.slice(-4)}`;
}
