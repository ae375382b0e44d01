import { sql } from 'kysely';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../helpers/databases.js';
import { WebhookHarness } from './harness.js';

/**
 * Every webhook change commits with its audit entry or not at all: with the audit table unwritable the change
 * is refused with a 500 and nothing of it remains; with the audit table back, the same change commits with
 * exactly one entry.
 */
describeEachDatabase('webhook changes and their audit entries commit together', (kind) => {
  let h: WebhookHarness;
  beforeAll(async () => {
    h = await WebhookHarness.start(kind);
  });
  afterEach(async () => {
    await auditWritable(true);
    await h.reset();
  });
  afterAll(async () => h.close());

  let broken = false;
  async function auditWritable(writable: boolean): Promise<void> {
    if (writable === !broken) return;
    const [from, to] = writable ? ['audit_log_off', 'audit_log'] : ['audit_log', 'audit_log_off'];
    await sql`alter table ${sql.table(from)} rename to ${sql.table(to)}`.execute(h.db.kysely);
    broken = !writable;
  }

  const row = (id: string) =>
    h.db.kysely.selectFrom('webhooks').selectAll().where('id', '=', id).executeTakeFirst();
  const entries = async (action: string, id: string) =>
    (
      await h.db.kysely
        .selectFrom('audit_log')
        .select('id')
        .where('action', '=', action)
        .where('target_id', '=', id)
        .execute()
    ).length;

  async function whileAuditFails(method: 'POST' | 'PUT' | 'DELETE' | 'GET', url: string, body?: object) {
    await auditWritable(false);
    const res = await h.api(method, url, body);
    await auditWritable(true);
    expect(res.statusCode, res.body).toBe(500);
    return res;
  }

  it('create', async () => {
    await whileAuditFails('POST', '/api/v1/webhooks', {
      url: 'http://127.0.0.1:9/a',
      events: ['query.created'],
    });
    expect(await h.db.kysely.selectFrom('webhooks').select('id').execute()).toHaveLength(0);
    const created = await h.createWebhook({ url: 'http://127.0.0.1:9/a' });
    expect(await entries('webhook.create', created.id)).toBe(1);
  });

  it('update', async () => {
    const { id } = await h.createWebhook({ url: 'http://127.0.0.1:9/a', description: 'before' });
    await whileAuditFails('PUT', `/api/v1/webhooks/${id}`, { description: 'after', is_active: false });
    expect((await row(id))?.description).toBe('before');
    expect((await row(id))?.is_active).toBe(1);
    expect((await h.api('PUT', `/api/v1/webhooks/${id}`, { description: 'after' })).statusCode).toBe(200);
    expect(await entries('webhook.update', id)).toBe(1);
  });

  it('delete', async () => {
    const { id } = await h.createWebhook({ url: 'http://127.0.0.1:9/a' });
    await whileAuditFails('DELETE', `/api/v1/webhooks/${id}`);
    expect(await row(id)).toBeDefined();
    expect((await h.api('DELETE', `/api/v1/webhooks/${id}`)).statusCode).toBe(204);
    expect(await entries('webhook.delete', id)).toBe(1);
  });

  it('rotate secret', async () => {
    const { id, secret_key } = await h.createWebhook({ url: 'http://127.0.0.1:9/a' });
    const res = await whileAuditFails('POST', `/api/v1/webhooks/${id}/rotate-secret`, {});
    expect(res.body).not.toContain('whsec_');
    expect((await row(id))?.secret).toBe(secret_key);
    expect((await row(id))?.previous_secret).toBeNull();
    expect((await h.api('POST', `/api/v1/webhooks/${id}/rotate-secret`, {})).statusCode).toBe(200);
    expect(await entries('webhook.rotate_secret', id)).toBe(1);
  });

  it('reveal secret', async () => {
    const { id } = await h.createWebhook({ url: 'http://127.0.0.1:9/a' });
    const res = await whileAuditFails('GET', `/api/v1/webhooks/${id}/secret`);
    expect(res.body).not.toContain('whsec_');
    expect((await h.api('GET', `/api/v1/webhooks/${id}/secret`)).statusCode).toBe(200);
    expect(await entries('webhook.reveal_secret', id)).toBe(1);
  });

  it('bulk: nothing of the batch is applied', async () => {
    const a = await h.createWebhook({ url: 'http://127.0.0.1:9/a' });
    const b = await h.createWebhook({ url: 'http://127.0.0.1:9/b' });
    await whileAuditFails('POST', '/api/v1/webhooks/bulk', { action: 'deactivate', ids: [a.id, b.id] });
    expect((await row(a.id))?.is_active).toBe(1);
    expect((await row(b.id))?.is_active).toBe(1);
    await whileAuditFails('POST', '/api/v1/webhooks/bulk', { action: 'delete', ids: [a.id, b.id] });
    expect(await row(a.id)).toBeDefined();
    expect(await row(b.id)).toBeDefined();
    const done = await h.api('POST', '/api/v1/webhooks/bulk', { action: 'delete', ids: [a.id, b.id] });
    expect(done.statusCode).toBe(200);
    expect(await entries('webhook.delete', a.id)).toBe(1);
    expect(await entries('webhook.delete', b.id)).toBe(1);
  });
});
