import { Webhook } from 'standardwebhooks';
import { describe, expect, it } from 'vitest';
import {
  generateSecret,
  legacySignature,
  maskSecret,
  signatureHeaders,
  standardSignature,
} from '../../src/modules/webhooks/sign.js';
import { verifyWebhook } from '../../src/modules/webhooks/verify.js';

// The test vector published with the Standard Webhooks specification.
const vector = {
  secret: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
  id: 'msg_p5jXN8AQM9LWM0D4loKWxJek',
  timestamp: 1614265330,
  body: '{"test": 2432232314}',
  signature: 'v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=',
};

describe('signing', () => {
  it('reproduces the Standard Webhooks test vector', () => {
    expect(standardSignature(vector.secret, vector.id, vector.timestamp, vector.body)).toBe(vector.signature);
    const headers = {
      'webhook-id': vector.id,
      'webhook-timestamp': String(vector.timestamp),
      'webhook-signature': vector.signature,
    };
    expect(
      verifyWebhook(vector.body, headers, vector.secret, { now: vector.timestamp * 1000 }),
    ).toMatchObject({
      valid: true,
      scheme: 'standard-webhooks',
    });
  });

  it('generates whsec_ secrets of 32 random bytes, unique, and masks them', () => {
    const a = generateSecret();
    expect(a).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    expect(Buffer.from(a.slice(6), 'base64')).toHaveLength(32);
    expect(generateSecret()).not.toBe(a);
    expect(maskSecret(a)).toBe(`whsec_…${a.slice(-4)}`);
  });

  it('produces headers both the standardwebhooks package and verifyWebhook accept', () => {
    const secret = generateSecret();
    const body = '{"data":{"q":"\\u00e9"},"event":"webhook.test","id":"evt_1"}';
    const now = Date.now();
    const headers = signatureHeaders({
      body,
      eventId: 'evt_1',
      webhookId: 'w1',
      now,
      secrets: { current: secret },
    });
    expect(new Webhook(secret).verify(body, headers)).toEqual(JSON.parse(body));
    expect(headers['x-webhook-signature']).toBe(legacySignature(secret, body));
    expect(headers['x-webhook-signature-next']).toBeUndefined();
    expect(verifyWebhook(body, headers, secret).valid).toBe(true);
    expect(verifyWebhook(`${body} `, headers, secret).valid).toBe(false);
    expect(verifyWebhook(body, headers, generateSecret()).valid).toBe(false);
  });

  it('during rotation both secrets verify in both schemes', () => {
    const [oldSecret, newSecret] = [generateSecret(), generateSecret()];
    const body = '{"a":1}';
    const headers = signatureHeaders({
      body,
      eventId: 'evt_2',
      webhookId: 'w1',
      now: Date.now(),
      secrets: { current: newSecret, previous: oldSecret },
    });
    expect(headers['webhook-signature']?.split(' ')).toHaveLength(2);
    for (const secret of [oldSecret, newSecret]) {
      expect(new Webhook(secret).verify(body, headers)).toEqual({ a: 1 });
      expect(verifyWebhook(body, headers, secret).valid).toBe(true);
    }
    // Receivers from the original guide compare X-Webhook-Signature exactly: it stays on the old secret.
    expect(headers['x-webhook-signature']).toBe(legacySignature(oldSecret, body));
    expect(headers['x-webhook-signature-next']).toBe(legacySignature(newSecret, body));
  });

  it('rejects stale Standard Webhooks timestamps (replays)', () => {
    const secret = generateSecret();
    const then = Date.now() - 10 * 60 * 1000;
    const headers = signatureHeaders({
      body: '{}',
      eventId: 'e',
      webhookId: 'w',
      now: then,
      secrets: { current: secret },
    });
    const { 'x-webhook-signature': _legacy, ...standardOnly } = headers;
    expect(verifyWebhook('{}', standardOnly, secret)).toMatchObject({ valid: false });
  });
});
