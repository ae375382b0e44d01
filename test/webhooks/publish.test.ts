import type { KyselyPlugin, PluginTransformQueryArgs, PluginTransformResultArgs } from 'kysely';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { publishEvent } from '../../src/modules/webhooks/publish.js';
import { describeEachDatabase } from '../helpers/databases.js';
import { WebhookHarness } from './harness.js';

/** Counts the statements that read the webhooks table. */
class WebhookReads implements KyselyPlugin {
  count = 0;
  transformQuery(args: PluginTransformQueryArgs) {
    if (args.node.kind === 'SelectQueryNode' && JSON.stringify(args.node.from).includes('"webhooks"'))
      this.count++;
    return args.node;
  }
  async transformResult(args: PluginTransformResultArgs) {
    return args.result;
  }
}

// publishEvent reads the subscribed webhooks once per transaction (the group committer publishes many questions'
// events in one); these check that the shared read changes nothing a caller can see.
describeEachDatabase('publishing events', (kind) => {
  let h: WebhookHarness;
  beforeAll(async () => {
    h = await WebhookHarness.start(kind);
  });
  afterEach(async () => h.reset());
  afterAll(async () => h.close());

  const pending = async (webhookId: string) => (await h.logs(webhookId, '?status=pending')).total;

  it('several events in one transaction each reach every subscriber whose filters match', async () => {
    const all = await h.createWebhook({ url: 'http://127.0.0.1:9/all' });
    const urgent = await h.createWebhook({ url: 'http://127.0.0.1:9/urgent', filters: { min_priority: 8 } });
    const escalations = await h.createWebhook({ url: 'http://127.0.0.1:9/esc', events: ['query.escalated'] });
    const written = await h.db.kysely
      .transaction()
      .execute(async (trx) => [
        await publishEvent(trx, h.clock, { type: 'query.created', data: { n: 1 }, priority: 3 }),
        await publishEvent(trx, h.clock, { type: 'query.created', data: { n: 2 }, priority: 9 }),
        await publishEvent(trx, h.clock, { type: 'query.escalated', data: { n: 3 }, priority: 9 }),
        await publishEvent(trx, h.clock, { type: 'query.created', data: { n: 4 }, priority: 5 }),
      ]);
    expect(written).toEqual([1, 2, 3, 1]);
    expect(await pending(all.id)).toBe(4);
    expect(await pending(urgent.id)).toBe(2);
    expect(await pending(escalations.id)).toBe(1);
  });

  it('reads the webhooks once per transaction and event type', async () => {
    await h.createWebhook({ url: 'http://127.0.0.1:9/all' });
    const reads = new WebhookReads();
    await h.db.kysely.transaction().execute(async (transaction) => {
      const trx = transaction.withPlugin(reads);
      for (const n of [1, 2, 3]) await publishEvent(trx, h.clock, { type: 'query.created', data: { n } });
      await publishEvent(trx, h.clock, { type: 'query.escalated', data: {} });
    });
    expect(reads.count).toBe(2);
  });

  it('a webhook created after a transaction gets the events of the next one', async () => {
    const first = await h.createWebhook({ url: 'http://127.0.0.1:9/first' });
    await h.db.kysely
      .transaction()
      .execute((trx) => publishEvent(trx, h.clock, { type: 'query.created', data: {}, priority: 5 }));
    const second = await h.createWebhook({ url: 'http://127.0.0.1:9/second' });
    await h.db.kysely
      .transaction()
      .execute((trx) => publishEvent(trx, h.clock, { type: 'query.created', data: {}, priority: 5 }));
    expect(await pending(first.id)).toBe(2);
    expect(await pending(second.id)).toBe(1);
  });

  it('outside a transaction every call reads the webhooks afresh', async () => {
    const first = await h.createWebhook({ url: 'http://127.0.0.1:9/first' });
    expect(await publishEvent(h.db.kysely, h.clock, { type: 'query.created', data: {} })).toBe(1);
    await h.createWebhook({ url: 'http://127.0.0.1:9/second' });
    expect(await publishEvent(h.db.kysely, h.clock, { type: 'query.created', data: {} })).toBe(2);
    expect(await pending(first.id)).toBe(2);
  });
});
