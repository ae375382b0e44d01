import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { publishEvent } from '../../src/modules/webhooks/publish.js';
import type { DeliveryWorker } from '../../src/modules/webhooks/worker.js';
import { describeEachDatabase } from '../helpers/databases.js';
import { WebhookHarness } from './harness.js';
import { Receiver } from './receiver.js';

const USER = 'payroll-sync';
const PASSWORD = 'p@ss:w0rd-7c1e9a';

/**
 * Credentials in a webhook URL (http://user:pass@host/…) are sent as HTTP Basic authentication and never shown:
 * not in the API's answers, the audit trail or the delivery log.
 */
describeEachDatabase('credentials in webhook URLs', (kind) => {
  let h: WebhookHarness;
  let receiver: Receiver;
  let worker: DeliveryWorker;
  beforeAll(async () => {
    h = await WebhookHarness.start(kind);
    receiver = await Receiver.start();
    worker = h.worker();
  });
  afterEach(async () => {
    await h.reset();
    receiver.received.length = 0;
  });
  afterAll(async () => {
    await receiver.close();
    await h.close();
  });

  const withCredentials = () =>
    receiver.url.replace('http://', `http://${encodeURIComponent(USER)}:${encodeURIComponent(PASSWORD)}@`);
  const basic = `Basic ${Buffer.from(`${USER}:${PASSWORD}`).toString('base64')}`;

  const expectHidden = (text: string) => {
    expect(text).not.toContain(encodeURIComponent(PASSWORD));
    expect(text).not.toContain(PASSWORD);
    expect(text).not.toContain(Buffer.from(`${USER}:${PASSWORD}`).toString('base64'));
  };

  it('sends them as Basic authentication to the path of the URL, on events and on the test endpoint', async () => {
    const created = await h.createWebhook({ url: withCredentials() });
    expectHidden(JSON.stringify(created));
    expect(created.url).toBe(receiver.url.replace('http://', 'http://****:****@'));

    const test = await h.api('POST', `/api/v1/webhooks/${created.id}/test`);
    expect(test.json().success).toBe(true);
    await publishEvent(h.db.kysely, h.clock, { type: 'query.created', data: { query_id: 'q1' } });
    expect(await worker.runOnce()).toBe(1);

    expect(receiver.received).toHaveLength(2);
    for (const request of receiver.received) {
      expect(request.headers.authorization).toBe(basic);
      expect(request.path).toBe('/hook');
    }
  });

  it('hides them in the list, the webhook, the audit trail and the delivery log', async () => {
    const created = await h.createWebhook({ url: withCredentials() });
    await h.api('PUT', `/api/v1/webhooks/${created.id}`, { url: withCredentials(), description: 'x' });
    await h.api('POST', `/api/v1/webhooks/${created.id}/test`);
    const shown = await Promise.all([
      h.api('GET', '/api/v1/webhooks'),
      h.api('GET', `/api/v1/webhooks/${created.id}`),
      h.api('GET', '/api/v1/audit?limit=100'),
      h.api('GET', `/api/v1/webhooks/${created.id}/deliveries`),
    ]);
    for (const res of shown) {
      expect(res.statusCode).toBe(200);
      expectHidden(res.body);
    }
    expect(shown[2]?.body).toContain('webhook.create');
  });

  it('keeps them when the masked URL is sent back unchanged, and refuses the mask for another host', async () => {
    const created = await h.createWebhook({ url: withCredentials() });
    const masked = created.url as string;
    const kept = await h.api('PUT', `/api/v1/webhooks/${created.id}`, { url: masked, description: 'edited' });
    expect(kept.statusCode).toBe(200);
    expect(kept.json().url).toBe(masked);
    await h.api('POST', `/api/v1/webhooks/${created.id}/test`);
    expect(receiver.received.at(-1)?.headers.authorization).toBe(basic);

    const moved = await h.api('PUT', `/api/v1/webhooks/${created.id}`, {
      url: masked.replace('127.0.0.1', 'localhost'),
    });
    expect(moved.statusCode).toBe(422);
    expect(moved.json().error.message).toMatch(/credentials/);
  });

  it('a URL without credentials sends no Authorization header', async () => {
    const created = await h.createWebhook({ url: receiver.url });
    expect(created.url).toBe(receiver.url);
    await h.api('POST', `/api/v1/webhooks/${created.id}/test`);
    expect(receiver.received[0]?.headers.authorization).toBeUndefined();
  });
});
