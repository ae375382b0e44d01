import { afterAll, beforeAll, expect, it } from 'vitest';
import { seedConversation } from '../handoff/seed.js';
import { adminHeaders, createTestApp, TEST_ADMIN_KEY, type TestApp } from '../helpers/app.js';
import { describeEachDatabase } from '../helpers/databases.js';

const ADDRESS = '203.0.113.9';

interface Entry {
  action: string;
  actor: string;
  ip: string;
  target_type: string;
  target_id: string | null;
  request_id: string | null;
  details: Record<string, unknown> | null;
}

/** Every administrative change leaves exactly one entry naming the key, the address and the request. */
describeEachDatabase('audit entries for administrative actions', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(kind);
  });
  afterAll(async () => t.close());

  const admin = (method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, payload?: unknown) =>
    t.app.inject({
      method,
      url,
      headers: { ...adminHeaders, 'x-request-id': `audit-${method}-${url.length}` },
      remoteAddress: ADDRESS,
      payload: payload as never,
    });

  async function entriesFor(action: string): Promise<Entry[]> {
    const res = await admin('GET', `/api/v1/audit?action=${action}&limit=100`);
    expect(res.statusCode).toBe(200);
    return res.json().entries;
  }

  async function expectOne(action: string, targetType: string, targetId: string | null): Promise<Entry> {
    const entries = (await entriesFor(action)).filter((e) => e.target_id === targetId);
    expect(entries, `${action} on ${targetId}`).toHaveLength(1);
    const entry = entries[0]!;
    // The admin key acts as the hr_admin token named "bootstrap".
    expect(entry.actor).toBe('token:bootstrap');
    expect(entry.ip).toBe(ADDRESS);
    expect(entry.target_type).toBe(targetType);
    expect(entry.request_id).toMatch(/^audit-/);
    expect(JSON.stringify(entry)).not.toContain(TEST_ADMIN_KEY);
    return entry;
  }

  it('webhooks: create, update, reveal secret, rotate, bulk, delete', async () => {
    const created = await admin('POST', '/api/v1/webhooks', {
      url: 'http://127.0.0.1:9/a',
      events: ['query.created'],
    });
    expect(created.statusCode).toBe(201);
    const id = created.json().id as string;
    const secret = created.json().secret_key as string;
    await expectOne('webhook.create', 'webhook', id);

    expect((await admin('PUT', `/api/v1/webhooks/${id}`, { description: 'payroll sync' })).statusCode).toBe(
      200,
    );
    await expectOne('webhook.update', 'webhook', id);

    expect((await admin('GET', `/api/v1/webhooks/${id}/secret`)).statusCode).toBe(200);
    await expectOne('webhook.reveal_secret', 'webhook', id);

    const rotated = await admin('POST', `/api/v1/webhooks/${id}/rotate-secret`, {});
    expect(rotated.statusCode).toBe(200);
    const rotation = await expectOne('webhook.rotate_secret', 'webhook', id);
    expect(JSON.stringify(rotation)).not.toContain(secret);
    expect(JSON.stringify(rotation)).not.toContain(rotated.json().secret_key);

    expect(
      (await admin('POST', '/api/v1/webhooks/bulk', { action: 'deactivate', ids: [id] })).statusCode,
    ).toBe(200);
    await expectOne('webhook.deactivate', 'webhook', id);

    expect((await admin('DELETE', `/api/v1/webhooks/${id}`)).statusCode).toBe(204);
    await expectOne('webhook.delete', 'webhook', id);
  });

  it('knowledge base: create, update, delete', async () => {
    const created = await admin('POST', '/api/v1/kb', {
      title: 'Audit test article',
      content: 'How audits work.',
      category: 'Policy',
      tags: [],
    });
    expect(created.statusCode).toBe(201);
    const id = created.json().id as string;
    await expectOne('kb.create', 'kb_article', id);
    expect((await admin('PUT', `/api/v1/kb/${id}`, { title: 'Audit test article v2' })).statusCode).toBe(200);
    await expectOne('kb.update', 'kb_article', id);
    expect((await admin('DELETE', `/api/v1/kb/${id}`)).statusCode).toBe(204);
    await expectOne('kb.delete', 'kb_article', id);
  });

  it('VIP changes', async () => {
    expect((await admin('PUT', '/api/v1/users/audit-vip-user', { is_vip: true })).statusCode).toBe(200);
    const entry = await expectOne('user.vip', 'user', 'audit-vip-user');
    expect(entry.details).toMatchObject({ is_vip: true });
  });

  it('escalations: assign and resolve', async () => {
    const id = await seedConversation(t.db.kysely, {
      userId: 'audit-escalated',
      priority: 8,
      category: 'Policy',
      sentiment: 'Negative',
      reason: 'needs a person',
      escalatedAt: Date.now(),
      turns: [{ question: 'I need to talk to someone', at: Date.now() }],
    });
    expect((await admin('POST', `/api/v1/conversations/${id}/assign`, { agent: 'Dana' })).statusCode).toBe(
      200,
    );
    const assigned = await expectOne('escalation.assign', 'conversation', id);
    expect(assigned.details).toMatchObject({ agent: 'Dana' });
    const resolved = await admin('POST', `/api/v1/conversations/${id}/resolve`, {
      response: 'Dana here: let us talk tomorrow.',
      resolved_by: 'Dana',
    });
    expect(resolved.statusCode).toBe(200);
    await expectOne('escalation.resolve', 'conversation', id);
  });

  it('rejected changes leave no entry', async () => {
    const before = (await admin('GET', '/api/v1/audit')).json().total;
    expect(
      (await admin('PUT', '/api/v1/webhooks/00000000-0000-4000-8000-000000000000', { description: 'x' }))
        .statusCode,
    ).toBe(404);
    expect(
      (await admin('POST', '/api/v1/webhooks', { url: 'not a url', events: ['query.created'] })).statusCode,
    ).toBe(422);
    expect(
      (await t.app.inject({ method: 'POST', url: '/api/v1/kb', payload: { title: 'x' } })).statusCode,
    ).toBe(401);
    expect((await admin('GET', '/api/v1/audit')).json().total).toBe(before);
  });
});
