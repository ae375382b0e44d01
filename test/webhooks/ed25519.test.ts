import { createPublicKey, verify } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ed25519Signature, generateSigningKeyPair, publicKeyOf } from '../../src/modules/webhooks/ed25519.js';
import { publishEvent } from '../../src/modules/webhooks/publish.js';
import { signatureHeaders } from '../../src/modules/webhooks/sign.js';
import { verifyWebhook } from '../../src/modules/webhooks/verify.js';
import { describeEachDatabase } from '../helpers/databases.js';
import { useDeliveryRig } from './harness.js';
import { pythonVerifyEd25519 } from './python-ed25519.js';

/** Verification written from the specification with node:crypto alone (a JWK import), not with our helpers. */
function nodeVerifies(body: string, headers: Record<string, string>, publicKey: string): boolean {
  const key = createPublicKey({
    key: { kty: 'OKP', crv: 'Ed25519', x: Buffer.from(publicKey.slice(5), 'base64').toString('base64url') },
    format: 'jwk',
  });
  const message = Buffer.from(`${headers['webhook-id']}.${headers['webhook-timestamp']}.${body}`);
  return (headers['webhook-signature'] ?? '')
    .split(' ')
    .some((s) => s.startsWith('v1a,') && verify(null, message, key, Buffer.from(s.slice(4), 'base64')));
}

describe('Ed25519 keys and v1a signatures', () => {
  it('generates whsk_/whpk_ keys of the specification sizes; the public key is derivable from the private', () => {
    const pair = generateSigningKeyPair();
    expect(pair.publicKey).toMatch(/^whpk_[A-Za-z0-9+/]{43}=$/);
    expect(Buffer.from(pair.privateKey.slice(5), 'base64')).toHaveLength(64);
    expect(publicKeyOf(pair.privateKey)).toBe(pair.publicKey);
    expect(generateSigningKeyPair().publicKey).not.toBe(pair.publicKey);
  });

  it('signs only with v1a (no HMAC header), and verifies with the public key only', () => {
    const pair = generateSigningKeyPair();
    const body = '{"a":1}';
    const now = Date.now();
    const headers = signatureHeaders({
      body,
      eventId: 'evt_1',
      webhookId: 'w',
      now,
      secrets: { scheme: 'ed25519', current: pair.privateKey },
    });
    expect(headers['webhook-signature']).toMatch(/^v1a,[A-Za-z0-9+/]{86}==$/);
    expect(headers['x-webhook-signature']).toBeUndefined();
    expect(nodeVerifies(body, headers, pair.publicKey)).toBe(true);
    expect(verifyWebhook(body, headers, pair.publicKey)).toMatchObject({ valid: true, eventId: 'evt_1' });
    expect(verifyWebhook(`${body} `, headers, pair.publicKey).valid).toBe(false);
    expect(verifyWebhook(body, headers, generateSigningKeyPair().publicKey).valid).toBe(false);
    const old: Record<string, string> = {
      ...headers,
      'webhook-timestamp': String(Math.floor(now / 1000) - 600),
    };
    old['webhook-signature'] = ed25519Signature(
      pair.privateKey,
      'evt_1',
      Number(old['webhook-timestamp']),
      body,
    );
    expect(verifyWebhook(body, old, pair.publicKey)).toMatchObject({ valid: false, reason: /tolerance/ });
  });
});

describeEachDatabase('Ed25519 webhooks end to end', (kind) => {
  const rig = useDeliveryRig(kind);

  const publish = () =>
    publishEvent(rig.h.db.kysely, rig.h.clock, {
      type: 'query.created',
      data: {
        query_id: 'c0ffee00-0000-4000-8000-000000000001',
        message_id: 'c0ffee00-0000-4000-8000-000000000002',
        user_id: 'u1',
        category: 'Payroll',
        sentiment: 'Neutral',
        priority: 3,
        query: 'Quand arrive la paie ? 給料',
        metadata: { processing_time: 0.01, confidence: 0.9 },
      },
      category: 'Payroll',
      priority: 3,
    });

  it('shows the public key, never the private key, and signs deliveries that node:crypto and Python verify', async () => {
    const w = await rig.h.createWebhook({ url: rig.receiver.url, signature_scheme: 'ed25519' });
    expect(w.signature_scheme).toBe('ed25519');
    expect(w.public_key).toMatch(/^whpk_/);
    expect(w.secret_key).toBe(w.public_key);
    const row = await rig.h.db.kysely
      .selectFrom('webhooks')
      .selectAll()
      .where('id', '=', w.id)
      .executeTakeFirst();
    const privateKey = row?.signing_key ?? '';
    expect(privateKey).toMatch(/^whsk_/);
    expect(publicKeyOf(privateKey)).toBe(w.public_key);
    const responses = [
      JSON.stringify(w),
      (await rig.h.api('GET', `/api/v1/webhooks/${w.id}`)).body,
      (await rig.h.api('GET', '/api/v1/webhooks')).body,
      (await rig.h.api('GET', `/api/v1/webhooks/${w.id}/secret`)).body,
    ];
    for (const text of responses) {
      expect(text).not.toContain('whsk_');
      expect(text).not.toContain(privateKey.slice(5, 30));
      expect(text).toContain(w.public_key as string);
    }

    await publish();
    expect(await rig.worker.runOnce()).toBe(1);
    const [request] = rig.receiver.received;
    if (!request) throw new Error('nothing received');
    const headers = request.headers as Record<string, string>;
    expect(headers['x-webhook-signature']).toBeUndefined();
    expect(headers['x-webhook-id']).toBe(w.id);
    expect(nodeVerifies(request.body, headers, w.public_key as string)).toBe(true);
    expect(verifyWebhook(request.body, headers, w.public_key as string).valid).toBe(true);
    const other = generateSigningKeyPair().publicKey;
    expect(
      pythonVerifyEd25519([
        { body: request.body, headers, public_key: w.public_key as string },
        { body: request.body, headers, public_key: other },
        { body: request.body.replace('Payroll', 'Benefits'), headers, public_key: w.public_key as string },
      ]),
    ).toEqual([true, false, false]);
  });

  it('rotates the key pair: both keys verify during the grace period, only the new one afterwards', async () => {
    const w = await rig.h.createWebhook({ url: rig.receiver.url, signature_scheme: 'ed25519' });
    const res = await rig.h.api('POST', `/api/v1/webhooks/${w.id}/rotate-secret`, {
      grace_period_seconds: 600,
    });
    expect(res.statusCode).toBe(200);
    const rotated = res.json() as { secret_key: string; previous_secret_expires_at: string };
    expect(rotated.secret_key).toMatch(/^whpk_/);
    expect(rotated.secret_key).not.toBe(w.public_key);
    expect(res.body).not.toContain('whsk_');
    expect((await rig.h.api('GET', `/api/v1/webhooks/${w.id}`)).json()).toMatchObject({
      public_key: rotated.secret_key,
      signature_scheme: 'ed25519',
    });

    await publish();
    await rig.worker.runOnce();
    const during = rig.receiver.received[0];
    if (!during) throw new Error('nothing received');
    const headers = during.headers as Record<string, string>;
    expect(headers['webhook-signature']?.split(' ')).toHaveLength(2);
    for (const key of [w.public_key as string, rotated.secret_key]) {
      expect(nodeVerifies(during.body, headers, key)).toBe(true);
    }

    rig.h.clock.advance(601_000);
    await publish();
    await rig.worker.runOnce();
    const after = rig.receiver.received[1];
    if (!after) throw new Error('nothing received');
    const afterHeaders = after.headers as Record<string, string>;
    expect(afterHeaders['webhook-signature']?.split(' ')).toHaveLength(1);
    expect(nodeVerifies(after.body, afterHeaders, rotated.secret_key)).toBe(true);
    expect(nodeVerifies(after.body, afterHeaders, w.public_key as string)).toBe(false);
  });

  it('refuses an unknown scheme with 422 and writes nothing; HMAC stays the default', async () => {
    const bad = await rig.h.api('POST', '/api/v1/webhooks', {
      url: rig.receiver.url,
      events: ['query.created'],
      signature_scheme: 'rsa',
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().error.code).toBeTruthy();
    const changed = await rig.h.api('POST', '/api/v1/webhooks', {
      url: rig.receiver.url,
      events: ['query.created'],
    });
    expect(changed.json()).toMatchObject({ signature_scheme: 'hmac', public_key: null });
    const list = (await rig.h.api('GET', '/api/v1/webhooks')).json();
    expect(list.total).toBe(1);
  });
});
