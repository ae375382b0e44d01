import { expect, it } from 'vitest';
import { publishEvent } from '../../src/modules/webhooks/publish.js';
import { describeEachDatabase } from '../helpers/databases.js';
import { useDeliveryRig } from './harness.js';

const HOUR = 3_600_000;

/** POST /{id}/recover sends again what failed in a window, with the same event ids. */
describeEachDatabase('recovering failed deliveries since a time', (kind) => {
  const rig = useDeliveryRig(kind);

  const publish = (n: number) =>
    publishEvent(rig.h.db.kysely, rig.h.clock, { type: 'query.created', data: { query_id: `q${n}` } });

  it('re-sends the failed deliveries of the window only, as new attempts with the same webhook-id', async () => {
    rig.receiver.respond = () => ({ status: 500 });
    const w = await rig.h.createWebhook({ url: rig.receiver.url, retry_schedule: [] });
    const start = rig.h.clock.now();
    for (let n = 0; n < 3; n++) {
      await publish(n);
      expect(await rig.worker.runOnce()).toBe(1);
      rig.h.clock.advance(HOUR);
    }
    const firstIds = rig.receiver.received.map((r) => r.headers['webhook-id']);
    rig.receiver.respond = () => ({ status: 200 });

    const res = await rig.h.api('POST', `/api/v1/webhooks/${w.id}/recover`, {
      since: new Date(start + HOUR / 2).toISOString(),
      until: new Date(start + 2.5 * HOUR).toISOString(),
    });
    expect(res.statusCode).toBe(202);
    expect(res.json()).toEqual({ queued: 2 });
    expect(await rig.worker.runOnce()).toBe(2);
    const again = rig.receiver.received.slice(3).map((r) => r.headers['webhook-id']);
    expect(again.sort()).toEqual(firstIds.slice(1).sort());

    const { logs } = await rig.h.logs(w.id);
    const byEvent = new Map(logs.map((l) => [l.event_id, l]));
    expect(byEvent.get(firstIds[0] as string)).toMatchObject({ status: 'failed', attempt_count: 1 });
    expect(byEvent.get(firstIds[1] as string)).toMatchObject({ status: 'success', attempt_count: 2 });

    // Nothing failed is left in the window: a second recovery queues nothing; without until it runs to now.
    const rest = await rig.h.api('POST', `/api/v1/webhooks/${w.id}/recover`, {
      since: new Date(start).toISOString(),
    });
    expect(rest.json()).toEqual({ queued: 1 });
    const entries = (await rig.h.api('GET', `/api/v1/audit?action=webhook.recover&target_id=${w.id}`)).json()
      .entries;
    expect(entries).toHaveLength(2);
  });

  it('refuses a window that ends before it starts, a future start, a bad date and an unknown webhook', async () => {
    const w = await rig.h.createWebhook({ url: rig.receiver.url });
    const now = rig.h.clock.now();
    const at = (ms: number) => new Date(ms).toISOString();
    const bad = [
      { since: at(now - HOUR), until: at(now - 2 * HOUR) },
      { since: at(now + HOUR) },
      { since: 'yesterday' },
      {},
    ];
    for (const body of bad) {
      const res = await rig.h.api('POST', `/api/v1/webhooks/${w.id}/recover`, body);
      expect([400, 422]).toContain(res.statusCode);
      expect(res.json().error.code).toBeDefined();
    }
    const missing = await rig.h.api('POST', '/api/v1/webhooks/00000000-0000-4000-8000-000000000000/recover', {
      since: at(now - HOUR),
    });
    expect(missing.statusCode).toBe(404);
  });
});
