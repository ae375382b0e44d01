import { expect, it } from 'vitest';
import { verifyWebhook } from '../../src/modules/webhooks/verify.js';
import { describeEachDatabase } from '../helpers/databases.js';
import { useDeliveryRig } from './harness.js';

/** Per-webhook headers reach the receiver with every attempt; the ones that would break a request are refused. */
describeEachDatabase('per-webhook headers', (kind) => {
  const rig = useDeliveryRig(kind);

  it('sends them with the signature intact, shows them masked, and keeps a masked value on edit', async () => {
    const w = await rig.h.createWebhook({
      url: rig.receiver.url,
      headers: { 'X-Api-Key': 'key-8f2c61', 'X-Tenant': 'acme' },
    });
    expect(w.headers).toEqual({ 'x-api-key': '****', 'x-tenant': '****' });
    expect(JSON.stringify(w)).not.toContain('key-8f2c61');
    await rig.h.api('POST', `/api/v1/webhooks/${w.id}/test`);
    const [first] = rig.receiver.received;
    expect(first?.headers['x-api-key']).toBe('key-8f2c61');
    expect(first?.headers['x-tenant']).toBe('acme');
    expect(verifyWebhook(first?.body ?? '', first?.headers ?? {}, w.secret_key).valid).toBe(true);

    const edited = await rig.h.api('PUT', `/api/v1/webhooks/${w.id}`, {
      headers: { 'X-Api-Key': '****', 'X-Tenant': 'beta' },
    });
    expect(edited.statusCode).toBe(200);
    await rig.h.api('POST', `/api/v1/webhooks/${w.id}/test`);
    expect(rig.receiver.received[1]?.headers['x-api-key']).toBe('key-8f2c61');
    expect(rig.receiver.received[1]?.headers['x-tenant']).toBe('beta');

    const audit = (await rig.h.api('GET', `/api/v1/audit?target_id=${w.id}`)).body;
    expect(audit).not.toContain('key-8f2c61');

    await rig.h.api('PUT', `/api/v1/webhooks/${w.id}`, { headers: null });
    await rig.h.api('POST', `/api/v1/webhooks/${w.id}/test`);
    expect(rig.receiver.received[2]?.headers['x-api-key']).toBeUndefined();
  });

  const refused: [string, Record<string, string>, string?][] = [
    ['a hop-by-hop header', { Connection: 'close' }],
    ['Transfer-Encoding', { 'Transfer-Encoding': 'chunked' }],
    ['Host', { Host: 'evil.example' }],
    ['Content-Type', { 'Content-Type': 'text/plain' }],
    ['Content-Length', { 'content-length': '1' }],
    ['a Standard Webhooks signature header', { 'webhook-signature': 'v1,abc' }],
    ['an original signature header', { 'X-Webhook-Signature': 'abc' }],
    ['a name that is not a token', { 'Bad Name': 'x' }],
    ['a value with a line break', { 'X-Note': 'a\r\nX-Injected: 1' }],
    ['the same name twice', { 'X-A': '1', 'x-a': '2' }],
    ['a mask for a header never stored', { 'X-New': '****' }],
    ['21 headers', Object.fromEntries(Array.from({ length: 21 }, (_, i) => [`X-H${i}`, 'v']))],
    ['Authorization next to URL credentials', { Authorization: 'Bearer t' }, 'http://u:p@'],
  ];

  it.each(refused)('refuses %s with 4xx and stores nothing', async (_name, headers, credentials) => {
    const url = credentials ? rig.receiver.url.replace('http://', credentials) : rig.receiver.url;
    const res = await rig.h.api('POST', '/api/v1/webhooks', { url, events: ['query.created'], headers });
    expect([400, 422]).toContain(res.statusCode);
    expect(res.json().error.code).toBeDefined();
    expect(await rig.h.db.kysely.selectFrom('webhooks').select('id').execute()).toHaveLength(0);
  });
});
