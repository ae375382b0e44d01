import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { adminHeaders } from '../helpers/app.js';
import { describeEachDatabase } from '../helpers/databases.js';
import { WebhookHarness } from './harness.js';
import { Receiver } from './receiver.js';

function expectError(res: { statusCode: number; json(): unknown }, status: number | number[]) {
  expect(Array.isArray(status) ? status : [status]).toContain(res.statusCode);
  const body = res.json() as { error: { code: string; message: string; request_id: string }; detail: string };
  expect(body.error.message.length).toBeGreaterThan(0);
  expect(body.error.request_id.length).toBeGreaterThan(0);
  expect(body.detail).toBe(body.error.message);
}

const missing = '00000000-0000-4000-8000-000000000000';

describeEachDatabase('webhook management API', (kind) => {
  let h: WebhookHarness;
  let receiver: Receiver;
  beforeAll(async () => {
    h = await WebhookHarness.start(kind, { MAX_WEBHOOKS: '5' });
    receiver = await Receiver.start();
  });
  afterEach(async () => h.reset());
  afterAll(async () => {
    await receiver.close();
    await h.close();
  });

  const count = async () => ((await h.api('GET', '/api/v1/webhooks')).json() as { total: number }).total;

  it('creates a webhook (201) with its full secret once, then shows it masked', async () => {
    const res = await h.api('POST', '/api/v1/webhooks', {
      url: receiver.url,
      events: ['query.created'],
      description: 'ticketing',
      filters: { min_priority: 7, categories: ['Payroll'] },
    });
    expect(res.statusCode).toBe(201);
    const created = res.json();
    expect(created).toMatchObject({
      url: receiver.url,
      events: ['query.created'],
      description: 'ticketing',
      is_active: true,
      delivery_count: 0,
      failure_count: 0,
      max_attempts: 8,
      retry_schedule: [5, 300, 1800, 7200, 18_000, 36_000, 36_000],
      timeout_seconds: 10,
      last_delivery_at: null,
      last_failure_at: null,
      filters: { min_priority: 7, categories: ['Payroll'] },
    });
    expect(created.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(created.secret_key).toMatch(/^whsec_[A-Za-z0-9+/=]{44}$/);

    const got = (await h.api('GET', `/api/v1/webhooks/${created.id}`)).json();
    expect(got.secret_key).toBe(`whsec_…${created.secret_key.slice(-4)}`);
    expect(got).toMatchObject({ success_rate: null, avg_response_ms: null });
    const listed = (await h.api('GET', '/api/v1/webhooks')).json();
    expect(listed.webhooks[0].secret_key).not.toBe(created.secret_key);
    const secret = (await h.api('GET', `/api/v1/webhooks/${created.id}/secret`)).json();
    expect(secret.secret_key).toBe(created.secret_key);
  });

  it('lists with skip, limit and is_active', async () => {
    const a = await h.createWebhook({ url: receiver.url });
    await h.createWebhook({ url: receiver.url });
    await h.api('PUT', `/api/v1/webhooks/${a.id}`, { is_active: false });
    const page = (await h.api('GET', '/api/v1/webhooks?skip=1&limit=1')).json();
    expect(page).toMatchObject({ total: 2, skip: 1, limit: 1 });
    expect(page.webhooks).toHaveLength(1);
    const inactive = (await h.api('GET', '/api/v1/webhooks?is_active=false')).json();
    expect(inactive.webhooks.map((w: { id: string }) => w.id)).toEqual([a.id]);
  });

  it('updates partially and 404s on unknown ids', async () => {
    const w = await h.createWebhook({ url: receiver.url });
    const res = await h.api('PUT', `/api/v1/webhooks/${w.id}`, {
      max_attempts: 5,
      events: ['query.resolved'],
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ max_attempts: 5, events: ['query.resolved'], url: receiver.url });
    // max_attempts alone asks for the original doubling waits; an unchanged one keeps the schedule.
    expect(res.json().retry_schedule).toEqual([1, 2, 4, 8]);
    const original = await h.api('PUT', `/api/v1/webhooks/${w.id}`, { retry_schedule: [1, 2] });
    expect(original.json()).toMatchObject({ max_attempts: 3, retry_schedule: [1, 2] });
    const custom = await h.api('PUT', `/api/v1/webhooks/${w.id}`, { retry_schedule: [0, 60, 86_400] });
    expect(custom.json()).toMatchObject({ max_attempts: 4, retry_schedule: [0, 60, 86_400] });
    const same = await h.api('PUT', `/api/v1/webhooks/${w.id}`, { max_attempts: 4, description: 'kept' });
    expect(same.json()).toMatchObject({ max_attempts: 4, retry_schedule: [0, 60, 86_400] });
    expectError(await h.api('PUT', `/api/v1/webhooks/${missing}`, { max_attempts: 2 }), 404);
    expectError(await h.api('GET', `/api/v1/webhooks/${missing}`), 404);
    expectError(await h.api('DELETE', `/api/v1/webhooks/${missing}`), 404);
    expectError(await h.api('POST', `/api/v1/webhooks/${missing}/test`), 404);
    expectError(await h.api('GET', `/api/v1/webhooks/${missing}/deliveries`), 404);
    expectError(await h.api('POST', `/api/v1/webhooks/${w.id}/deliveries/${missing}/retry`), 404);
  });

  it('deletes with 204', async () => {
    const w = await h.createWebhook({ url: receiver.url });
    const res = await h.api('DELETE', `/api/v1/webhooks/${w.id}`);
    expect(res.statusCode).toBe(204);
    expect(res.body).toBe('');
    expectError(await h.api('GET', `/api/v1/webhooks/${w.id}`), 404);
  });

  const badBodies: [string, Record<string, unknown>][] = [
    ['a malformed URL', { url: 'not a url', events: ['query.created'] }],
    ['an ftp:// URL', { url: 'ftp://example.com/x', events: ['query.created'] }],
    ['a file: URL', { url: 'file:///etc/passwd', events: ['query.created'] }],
    ['an unknown event', { url: 'https://example.com/h', events: ['query.deleted'] }],
    ['no events', { url: 'https://example.com/h', events: [] }],
    ['max_attempts 0', { url: 'https://example.com/h', events: ['query.created'], max_attempts: 0 }],
    ['max_attempts 22', { url: 'https://example.com/h', events: ['query.created'], max_attempts: 22 }],
    [
      '21 retry waits',
      { url: 'https://example.com/h', events: ['query.created'], retry_schedule: Array(21).fill(1) },
    ],
    [
      'a wait over 24 h',
      { url: 'https://example.com/h', events: ['query.created'], retry_schedule: [5, 86_401] },
    ],
    ['a negative wait', { url: 'https://example.com/h', events: ['query.created'], retry_schedule: [-1] }],
    [
      'max_attempts contradicting retry_schedule',
      { url: 'https://example.com/h', events: ['query.created'], retry_schedule: [1, 2], max_attempts: 5 },
    ],
    ['timeout_seconds 31', { url: 'https://example.com/h', events: ['query.created'], timeout_seconds: 31 }],
    [
      'min_priority 11',
      { url: 'https://example.com/h', events: ['query.created'], filters: { min_priority: 11 } },
    ],
    ['an unknown field', { url: 'https://example.com/h', events: ['query.created'], secret_key: 'mine' }],
    ['a missing url', { events: ['query.created'] }],
    ['a string as events', { url: 'https://example.com/h', events: 'query.created' }],
  ];

  it.each(badBodies)('rejects %s with 4xx and stores nothing', async (_label, body) => {
    expectError(await h.api('POST', '/api/v1/webhooks', body), [400, 422]);
    expect(await count()).toBe(0);
  });

  it('rejects invalid JSON, bad UUIDs, bad queries and bad updates', async () => {
    const res = await h.app.inject({
      method: 'POST',
      url: '/api/v1/webhooks',
      headers: { ...adminHeaders, 'content-type': 'application/json' },
      payload: '{"url":',
    });
    expectError(res, 400);
    expectError(await h.api('GET', '/api/v1/webhooks/not-a-uuid'), 422);
    expectError(await h.api('GET', '/api/v1/webhooks?limit=0'), 422);
    expectError(await h.api('GET', '/api/v1/webhooks?skip=-1'), 422);
    const w = await h.createWebhook({ url: receiver.url });
    expectError(await h.api('GET', `/api/v1/webhooks/${w.id}/deliveries?status=lost`), 422);
    expectError(await h.api('GET', `/api/v1/webhooks/${w.id}/deliveries?event=nope`), 422);
    expectError(await h.api('PUT', `/api/v1/webhooks/${w.id}`, {}), 422);
    expectError(await h.api('PUT', `/api/v1/webhooks/${w.id}`, { url: 'ftp://x.example/' }), 422);
    expectError(await h.api('PUT', `/api/v1/webhooks/${w.id}`, { is_active: 'maybe' }), 422);
    expectError(
      await h.api('POST', `/api/v1/webhooks/${w.id}/rotate-secret`, { grace_period_seconds: -1 }),
      422,
    );
    expectError(await h.api('POST', '/api/v1/webhooks/bulk', { action: 'explode', ids: [w.id] }), 422);
    expectError(await h.api('POST', '/api/v1/webhooks/bulk', { action: 'delete', ids: ['x'] }), 422);
    expect((await h.api('GET', `/api/v1/webhooks/${w.id}`)).json().url).toBe(receiver.url);
    expect(await count()).toBe(1);
  });

  it('requires the admin key on every route', async () => {
    const w = await h.createWebhook({ url: receiver.url });
    for (const [method, url] of [
      ['GET', '/api/v1/webhooks'],
      ['POST', '/api/v1/webhooks'],
      ['GET', `/api/v1/webhooks/${w.id}`],
      ['GET', `/api/v1/webhooks/${w.id}/secret`],
      ['DELETE', `/api/v1/webhooks/${w.id}`],
      ['POST', `/api/v1/webhooks/${w.id}/rotate-secret`],
    ] as const) {
      const res = await h.app.inject({ method, url, payload: method === 'POST' ? {} : undefined });
      expectError(res, 401);
    }
    expect(await count()).toBe(1);
  });

  it('enforces MAX_WEBHOOKS with a clear 409', async () => {
    for (let i = 0; i < 5; i++) await h.createWebhook({ url: receiver.url });
    const res = await h.api('POST', '/api/v1/webhooks', { url: receiver.url, events: ['query.created'] });
    expectError(res, 409);
    expect(res.json().error.message).toContain('MAX_WEBHOOKS');
    expect(await count()).toBe(5);
  });

  it('bulk activates, deactivates and deletes with per-id results', async () => {
    const a = await h.createWebhook({ url: receiver.url });
    const b = await h.createWebhook({ url: receiver.url });
    const off = await h.api('POST', '/api/v1/webhooks/bulk', {
      action: 'deactivate',
      ids: [a.id, b.id, missing],
    });
    expect(off.statusCode).toBe(200);
    expect(off.json().results).toEqual([
      { id: a.id, status: 'ok' },
      { id: b.id, status: 'ok' },
      { id: missing, status: 'not_found' },
    ]);
    expect((await h.api('GET', '/api/v1/webhooks?is_active=false')).json().total).toBe(2);
    await h.api('POST', '/api/v1/webhooks/bulk', { action: 'activate', ids: [a.id] });
    expect((await h.api('GET', `/api/v1/webhooks/${a.id}`)).json().is_active).toBe(true);
    await h.api('POST', '/api/v1/webhooks/bulk', { action: 'delete', ids: [a.id, b.id] });
    expect(await count()).toBe(0);
  });

  it('rotates the secret and reports when the previous one expires', async () => {
    const w = await h.createWebhook({ url: receiver.url });
    const res = await h.api('POST', `/api/v1/webhooks/${w.id}/rotate-secret`, { grace_period_seconds: 3600 });
    expect(res.statusCode).toBe(200);
    const rotated = res.json();
    expect(rotated.secret_key).not.toBe(w.secret_key);
    expect(Date.parse(rotated.previous_secret_expires_at)).toBe(h.clock.now() + 3_600_000);
    const got = (await h.api('GET', `/api/v1/webhooks/${w.id}`)).json();
    expect(got.previous_secret_expires_at).toBe(rotated.previous_secret_expires_at);
    expect(got.secret_key).toBe(`whsec_…${rotated.secret_key.slice(-4)}`);
  });

  it('publishes the routes in the OpenAPI document', async () => {
    const doc = (await h.app.inject({ method: 'GET', url: '/openapi.json' })).json();
    for (const path of [
      '/api/v1/webhooks/',
      '/api/v1/webhooks/{id}',
      '/api/v1/webhooks/{id}/test',
      '/api/v1/webhooks/{id}/deliveries',
      '/api/v1/webhooks/{id}/deliveries/{delivery_id}/retry',
      '/api/v1/webhooks/{id}/rotate-secret',
      '/api/v1/webhooks/{id}/secret',
      '/api/v1/webhooks/bulk',
    ]) {
      expect(Object.keys(doc.paths)).toContain(path);
    }
  });
});

describe('SSRF guard at registration (private URLs not allowed)', () => {
  let h: WebhookHarness;
  beforeAll(async () => {
    h = await WebhookHarness.start('sqlite', { WEBHOOK_ALLOW_PRIVATE_URLS: 'false' });
  });
  afterAll(async () => h.close());

  it.each([
    'http://127.0.0.1:8080/hook',
    'http://2130706433/',
    'http://[::ffff:127.0.0.1]/',
    'http://localhost/',
    'http://169.254.169.254/',
    'http://10.0.0.1/',
    'http://[fd00::1]/',
  ])('rejects %s with 422 and stores nothing', async (url) => {
    const res = await h.api('POST', '/api/v1/webhooks', { url, events: ['query.created'] });
    expectError(res, 422);
    expect((await h.api('GET', '/api/v1/webhooks')).json().total).toBe(0);
  });

  it('accepts a public address', async () => {
    const res = await h.api('POST', '/api/v1/webhooks', {
      url: 'https://93.184.216.34/hook',
      events: ['query.created'],
    });
    expect(res.statusCode).toBe(201);
  });
});
