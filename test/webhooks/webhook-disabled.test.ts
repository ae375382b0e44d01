import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { publishEvent } from '../../src/modules/webhooks/publish.js';
import type { DeliveryWorker } from '../../src/modules/webhooks/worker.js';
import { describeEachDatabase } from '../helpers/databases.js';
import { WebhookHarness } from './harness.js';
import { Receiver } from './receiver.js';

/** A webhook that stops on its own is announced: a webhook.disabled event to the others, and an audit entry. */
describeEachDatabase('webhook.disabled', (kind) => {
  let h: WebhookHarness;
  let failing: Receiver;
  let watcher: Receiver;
  let worker: DeliveryWorker;
  beforeAll(async () => {
    h = await WebhookHarness.start(kind);
    failing = await Receiver.start();
    watcher = await Receiver.start();
    worker = h.worker();
  });
  afterEach(async () => {
    await h.reset();
    failing.received.length = 0;
    watcher.received.length = 0;
  });
  afterAll(async () => {
    await failing.close();
    await watcher.close();
    await h.close();
  });

  const publish = () =>
    publishEvent(h.db.kysely, h.clock, { type: 'query.created', data: { query_id: 'q' } });
  const withPassword = (url: string) => url.replace('http://', 'http://ops:hunter2-secret@');

  async function auditOf(id: string) {
    const res = await h.api('GET', `/api/v1/audit?action=webhook.disabled&target_id=${id}`);
    return res.json().entries as { actor: string; details: Record<string, unknown> }[];
  }

  it('on 410 Gone: the other subscribers get the event, the stopped webhook does not, and the audit says why', async () => {
    failing.respond = () => ({ status: 410 });
    const gone = await h.createWebhook({
      url: withPassword(failing.url),
      events: ['query.created', 'webhook.disabled'],
    });
    await h.createWebhook({ url: watcher.url, events: ['webhook.disabled'] });
    await publish();
    await worker.runOnce();
    await worker.runOnce();
    expect(failing.received).toHaveLength(1);
    expect(watcher.received).toHaveLength(1);
    const event = watcher.bodies()[0] as { event: string; data: Record<string, unknown> };
    expect(event.event).toBe('webhook.disabled');
    expect(event.data).toMatchObject({
      webhook_id: gone.id,
      url: failing.url.replace('http://', 'http://****:****@'),
      reason: expect.stringMatching(/410 Gone/),
      failures: 1,
    });
    expect(Date.parse(event.data.disabled_at as string)).toBe(h.clock.now());
    expect(JSON.stringify(event)).not.toContain('hunter2');
    const [entry, ...more] = await auditOf(gone.id);
    expect(more).toHaveLength(0);
    expect(entry?.actor).toBe('system:delivery-worker');
    expect(entry?.details.reason).toMatch(/410 Gone/);
  });

  it('on the automatic pause after 50 final failures in a row', async () => {
    failing.respond = () => ({ status: 422 });
    const paused = await h.createWebhook({ url: failing.url, retry_schedule: [] });
    await h.createWebhook({ url: watcher.url, events: ['webhook.disabled'] });
    for (let i = 0; i < 50; i++) await publish();
    await worker.runOnce();
    await worker.runOnce();
    expect((await h.api('GET', `/api/v1/webhooks/${paused.id}`)).json().is_active).toBe(false);
    expect(watcher.bodies()).toHaveLength(1);
    expect(watcher.bodies()[0]).toMatchObject({
      event: 'webhook.disabled',
      data: { webhook_id: paused.id, failures: 50, reason: expect.stringMatching(/paused automatically/) },
    });
    expect(await auditOf(paused.id)).toHaveLength(1);
  });

  it('a webhook paused by hand is not announced', async () => {
    const w = await h.createWebhook({ url: failing.url });
    await h.createWebhook({ url: watcher.url, events: ['webhook.disabled'] });
    await h.api('PUT', `/api/v1/webhooks/${w.id}`, { is_active: false });
    await worker.runOnce();
    expect(watcher.received).toHaveLength(0);
  });
});
