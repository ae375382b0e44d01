import { expect, it } from 'vitest';
import { publishEvent } from '../../src/modules/webhooks/publish.js';
import { describeEachDatabase } from '../helpers/databases.js';
import { useDeliveryRig } from './harness.js';

const USER = 'payroll-sync';
const PASSWORD = 'p@ss:w0rd-7c1e9a';

/**
 * Credentials in a webhook URL (http://user:pass@host/…) are sent as HTTP Basic authentication and never shown:
 * not in the API's answers, the audit trail or the delivery log.
 */
describeEachDatabase('credentials in webhook URLs', (kind) => {
  const rig = useDeliveryRig(kind);

  const withCredentials = () =>
    rig.receiver.url.replace(
      'http://',
      `http://${encodeURIComponent(USER)}:${encodeURIComponent(PASSWORD)}@`,
    );
  const basic = `Basic ${Buffer.from(`${USER}:${PASSWORD}`).toString('base64')}`;

  const expectHidden = (text: string) => {
    expect(text).not.toContain(encodeURIComponent(PASSWORD));
    expect(text).not.toContain(PASSWORD);
    expect(text).not.toContain(Buffer.from(`${USER}:${PASSWORD}`).toString('base64'));
  };

  it('sends them as Basic authentication to the path of the URL, on events and on the test endpoint', async () => {
    const created = await rig.h.createWebhook({ url: withCredentials() });
    expectHidden(JSON.stringify(created));
    expect(created.url).toBe(rig.receiver.url.replace('http://', 'http://****:****@'));

    const test = await rig.h.api('POST', `/api/v1/webhooks/${created.id}/test`);
    expect(test.json().success).toBe(true);
    await publishEvent(rig.h.db.kysely, rig.h.clock, { type: 'query.created', data: { query_id: 'q1' } });
    expect(await rig.worker.runOnce()).toBe(1);

    expect(rig.receiver.received).toHaveLength(2);
    for (const request of rig.receiver.received) {
      expect(request.headers.authorization).toBe(basic);
      expect(request.path).toBe('/hook');
    }
  });

  it('hides them in the list, the webhook, the audit trail and the delivery log', async () => {
    const created = await rig.h.createWebhook({ url: withCredentials() });
    await rig.h.api('PUT', `/api/v1/webhooks/${created.id}`, { url: withCredentials(), description: 'x' });
    await rig.h.api('POST', `/api/v1/webhooks/${created.id}/test`);
    const shown = await Promise.all([
      rig.h.api('GET', '/api/v1/webhooks'),
      rig.h.api('GET', `/api/v1/webhooks/${created.id}`),
      rig.h.api('GET', '/api/v1/audit?limit=100'),
      rig.h.api('GET', `/api/v1/webhooks/${created.id}/deliveries`),
    ]);
    for (const res of shown) {
      expect(res.statusCode).toBe(200);
      expectHidden(res.body);
    }
    expect(shown[2]?.body).toContain('webhook.create');
  });

  it('keeps them when the masked URL is sent back unchanged, and refuses the mask for another host', async () => {
    const created = await rig.h.createWebhook({ url: withCredentials() });
    const masked = created.url as string;
    const kept = await rig.h.api('PUT', `/api/v1/webhooks/${created.id}`, {
      url: masked,
      description: 'edited',
    });
    expect(kept.statusCode).toBe(200);
    expect(kept.json().url).toBe(masked);
    await rig.h.api('POST', `/api/v1/webhooks/${created.id}/test`);
    expect(rig.receiver.received.at(-1)?.headers.authorization).toBe(basic);

    const moved = await rig.h.api('PUT', `/api/v1/webhooks/${created.id}`, {
      url: masked.replace('127.0.0.1', 'localhost'),
    });
    expect(moved.statusCode).toBe(422);
    expect(moved.json().error.message).toMatch(/credentials/);
  });

  it('a URL without credentials sends no Authorization header', async () => {
    const created = await rig.h.createWebhook({ url: rig.receiver.url });
    expect(created.url).toBe(rig.receiver.url);
    await rig.h.api('POST', `/api/v1/webhooks/${created.id}/test`);
    expect(rig.receiver.received[0]?.headers.authorization).toBeUndefined();
  });
});
