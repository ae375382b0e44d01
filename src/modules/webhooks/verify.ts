import { createHmac, timingSafeEqual } from 'node:crypto';
import { PUBLIC_KEY_PREFIX, verifyEd25519 } from './ed25519.js';
import { legacySignature, standardKey } from './sign.js';

/**
 * Receiver-side verification of a delivery from this platform, for integrators writing Node receivers.
 * Pass the raw body exactly as received (before any JSON parsing), the request headers and your secret — or,
 * for a webhook signed with Ed25519, its public key (whpk_…), which accepts `v1a` signatures only.
 * With a secret it accepts a request when either scheme verifies:
 * - Standard Webhooks (webhook-id / webhook-timestamp / webhook-signature), with a timestamp within
 *   `toleranceSeconds` of now to stop replays;
 * - the original headers: X-Webhook-Signature, or X-Webhook-Signature-Next during a secret rotation.
 */

export type HeaderBag =
  | Record<string, string | string[] | undefined>
  | { get(name: string): string | null | undefined };

export interface VerifyOptions {
  /** Maximum clock difference for the Standard Webhooks timestamp. Default 300 s; 0 disables the check. */
  toleranceSeconds?: number;
  /** Epoch milliseconds, for tests. */
  now?: number;
}

export type VerifyResult =
  | { valid: true; scheme: 'standard-webhooks' | 'x-webhook-signature'; eventId: string | null }
  | { valid: false; reason: string };

function header(headers: HeaderBag, name: string): string | undefined {
  if (typeof (headers as { get?: unknown }).get === 'function') {
    return (headers as { get(name: string): string | null | undefined }).get(name) ?? undefined;
  }
  const bag = headers as Record<string, string | string[] | undefined>;
  const key = Object.keys(bag).find((k) => k.toLowerCase() === name);
  const value = key === undefined ? undefined : bag[key];
  return Array.isArray(value) ? value[0] : value;
}

function safeEqual(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

export function verifyWebhook(
  rawBody: string | Buffer,
  headers: HeaderBag,
  secret: string,
  options: VerifyOptions = {},
): VerifyResult {
  const body = typeof rawBody === 'string' ? rawBody : rawBody.toString('utf8');
  const id = header(headers, 'webhook-id');
  const timestamp = header(headers, 'webhook-timestamp');
  const signatures = header(headers, 'webhook-signature');
  if (secret.startsWith(PUBLIC_KEY_PREFIX)) {
    if (!id || !timestamp || !signatures) return { valid: false, reason: 'webhook-* headers are missing' };
    const stale = staleTimestamp(timestamp, options);
    if (stale) return { valid: false, reason: stale };
    for (const candidate of signatures.split(' ')) {
      const [version, value] = candidate.split(',', 2);
      if (version === 'v1a' && value !== undefined && verifyEd25519(secret, id, timestamp, body, value)) {
        return { valid: true, scheme: 'standard-webhooks', eventId: id };
      }
    }
    return { valid: false, reason: 'no v1a signature matches this public key' };
  }
  if (id && timestamp && signatures) {
    const stale = staleTimestamp(timestamp, options);
    if (stale) return { valid: false, reason: stale };
    const expected = createHmac('sha256', standardKey(secret))
      .update(`${id}.${timestamp}.${body}`, 'utf8')
      .digest('base64');
    for (const candidate of signatures.split(' ')) {
      const [version, value] = candidate.split(',', 2);
      if (version === 'v1' && value !== undefined && safeEqual(value, expected)) {
        return { valid: true, scheme: 'standard-webhooks', eventId: id };
      }
    }
  }
  const legacy = legacySignature(secret, body);
  for (const name of ['x-webhook-signature', 'x-webhook-signature-next']) {
    const value = header(headers, name);
    if (value && safeEqual(value.toLowerCase(), legacy)) {
      return { valid: true, scheme: 'x-webhook-signature', eventId: id ?? null };
    }
  }
  return { valid: false, reason: 'no signature matches this secret' };
}

/** Why a webhook-timestamp is refused (not a number, or too far from now), or null when it is acceptable. */
function staleTimestamp(timestamp: string, options: VerifyOptions): string | null {
  if (!/^\d+$/.test(timestamp)) return 'webhook-timestamp is not a number';
  const tolerance = options.toleranceSeconds ?? 300;
  const now = (options.now ?? Date.now()) / 1000;
  if (tolerance > 0 && Math.abs(now - Number(timestamp)) > tolerance) {
    return 'webhook-timestamp is outside the tolerance';
  }
  return null;
}
