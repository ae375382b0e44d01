import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES, type Role } from '../../src/modules/identity/roles.js';
import { seedConversation } from '../handoff/seed.js';
import { adminHeaders, createTestApp, type TestApp } from '../helpers/app.js';
import { multipartBody } from '../knowledge/handbook-fixtures.js';
import { Receiver } from '../webhooks/receiver.js';

/**
 * Every staff route × every role: a role holding the route's permission gets a 2xx, any other role a 403 in
 * the error shape. Each route has a sample request below; a new staff route without one fails the test, so the
 * matrix cannot silently fall behind the routes.
 */

interface Sample {
  url: string;
  payload?: object | Buffer;
  headers?: Record<string, string>;
}

let t: TestApp;
let receiver: Receiver;
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
const tokens = {} as Record<Role, string>;
let sequence = 0;

async function asAdmin(method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', url: string, payload?: object) {
  const res = await t.app.inject({ method, url, headers: adminHeaders, ...(payload ? { payload } : {}) });
  if (res.statusCode >= 300) throw new Error(`fixture ${method} ${url}: ${res.statusCode} ${res.body}`);
  return res.statusCode === 204 ? null : res.json();
}

const newArticle = async () =>
  (
    await asAdmin('POST', '/api/v1/kb', {
      title: `Matrix article ${++sequence}`,
      content: 'How the parking permit is renewed each year.',
      category: 'Policy',
    })
  ).id as string;

const newWebhook = async () =>
  (await asAdmin('POST', '/api/v1/webhooks', { url: receiver.url, events: ['query.created'] })).id as string;

const newCannedReply = async () =>
  (await asAdmin('POST', '/api/v1/canned-replies', { title: `Matrix canned ${++sequence}`, body: 'Hello.' }))
    .id as string;

const escalatedConversation = () =>
  seedConversation(t.db.kysely, {
    userId: 'matrix-employee',
    priority: 6,
    escalatedAt: Date.now() - 60_000,
    reason: 'asked for a person',
    turns: [{ question: 'Can someone call me about my contract?', at: Date.now() - 60_000 }],
  });

async function delivery(): Promise<Sample> {
  const webhook = await newWebhook();
  await asAdmin('POST', '/api/v1/query', { message: 'When is payday?', user_id: 'matrix-employee' });
  const { logs } = await asAdmin('GET', `/api/v1/webhooks/${webhook}/deliveries`);
  return { url: `/api/v1/webhooks/${webhook}/deliveries/${logs[0].id}/retry` };
}

const samples: Record<string, () => Promise<Sample>> = {
  'GET /api/v1/audit': async () => ({ url: '/api/v1/audit' }),
  'GET /api/v1/analytics/summary': async () => ({ url: '/api/v1/analytics/summary' }),
  'GET /api/v1/analytics/timeseries': async () => ({ url: '/api/v1/analytics/timeseries' }),
  'POST /api/v1/kb': async () => ({
    url: '/api/v1/kb',
    payload: {
      title: `Matrix new ${++sequence}`,
      content: 'Bike lockers are by gate two.',
      category: 'General',
    },
  }),
  'PUT /api/v1/kb/:id': async () => ({
    url: `/api/v1/kb/${await newArticle()}`,
    payload: { category: 'General' },
  }),
  'DELETE /api/v1/kb/:id': async () => ({ url: `/api/v1/kb/${await newArticle()}` }),
  'POST /api/v1/kb/import': async () => {
    const { payload, headers } = multipartBody('matrix.md', '# Matrix\n\nLockers are emptied on Fridays.');
    return { url: '/api/v1/kb/import?dry_run=true', payload, headers };
  },
  'GET /api/v1/kb/:id/versions': async () => ({ url: `/api/v1/kb/${await newArticle()}/versions` }),
  'POST /api/v1/kb/:id/publish': async () => {
    const draft = await asAdmin('POST', '/api/v1/kb', {
      title: `Matrix draft ${++sequence}`,
      content: 'Drafted guidance on locker renewals.',
      category: 'Policy',
      status: 'draft',
    });
    return { url: `/api/v1/kb/${draft.id}/publish` };
  },
  'POST /api/v1/kb/:id/review': async () => ({ url: `/api/v1/kb/${await newArticle()}/review`, payload: {} }),
  'GET /api/v1/analytics/knowledge-gaps': async () => ({ url: '/api/v1/analytics/knowledge-gaps' }),
  'GET /api/v1/escalations': async () => ({ url: '/api/v1/escalations' }),
  'POST /api/v1/conversations/:id/assign': async () => ({
    url: `/api/v1/conversations/${await escalatedConversation()}/assign`,
    payload: { agent: 'Dana' },
  }),
  'GET /api/v1/users/:user_id/conversations': async () => ({
    url: '/api/v1/users/matrix-employee/conversations',
  }),
  'GET /api/v1/users': async () => ({ url: '/api/v1/users?q=matrix' }),
  'GET /api/v1/users/:user_id': async () => ({ url: '/api/v1/users/matrix-employee' }),
  'GET /api/v1/users/:user_id/export': async () => ({ url: '/api/v1/users/matrix-employee/export' }),
  'DELETE /api/v1/users/:user_id': async () => {
    await seedConversation(t.db.kysely, {
      userId: `leaver-${++sequence}`,
      turns: [{ question: 'Where is my last payslip?', at: Date.now() }],
    });
    return { url: `/api/v1/users/leaver-${sequence}` };
  },
  'PUT /api/v1/users/:user_id': async () => ({
    url: '/api/v1/users/matrix-employee',
    payload: { is_vip: false },
  }),
  'POST /api/v1/tokens': async () => ({
    url: '/api/v1/tokens',
    payload: { name: `matrix ${++sequence}`, role: 'auditor' },
  }),
  'GET /api/v1/tokens': async () => ({ url: '/api/v1/tokens' }),
  'DELETE /api/v1/tokens/:id': async () => {
    const created = await asAdmin('POST', '/api/v1/tokens', {
      name: `doomed ${++sequence}`,
      role: 'auditor',
    });
    return { url: `/api/v1/tokens/${created.id}` };
  },
  'POST /api/v1/webhooks/': async () => ({
    url: '/api/v1/webhooks',
    payload: { url: receiver.url, events: ['query.created'] },
  }),
  'GET /api/v1/webhooks/': async () => ({ url: '/api/v1/webhooks' }),
  'POST /api/v1/webhooks/bulk': async () => ({
    url: '/api/v1/webhooks/bulk',
    payload: { action: 'deactivate', ids: [await newWebhook()] },
  }),
  'GET /api/v1/webhooks/event-types': async () => ({ url: '/api/v1/webhooks/event-types' }),
  'POST /api/v1/webhooks/:id/recover': async () => ({
    url: `/api/v1/webhooks/${await newWebhook()}/recover`,
    payload: { since: new Date(Date.now() - 3_600_000).toISOString() },
  }),
  'GET /api/v1/webhooks/:id': async () => ({ url: `/api/v1/webhooks/${await newWebhook()}` }),
  'GET /api/v1/webhooks/:id/secret': async () => ({ url: `/api/v1/webhooks/${await newWebhook()}/secret` }),
  'PUT /api/v1/webhooks/:id': async () => ({
    url: `/api/v1/webhooks/${await newWebhook()}`,
    payload: { description: 'renamed' },
  }),
  'DELETE /api/v1/webhooks/:id': async () => ({ url: `/api/v1/webhooks/${await newWebhook()}` }),
  'POST /api/v1/webhooks/:id/test': async () => ({ url: `/api/v1/webhooks/${await newWebhook()}/test` }),
  'POST /api/v1/webhooks/:id/rotate-secret': async () => ({
    url: `/api/v1/webhooks/${await newWebhook()}/rotate-secret`,
    payload: {},
  }),
  'GET /api/v1/webhooks/:id/deliveries': async () => ({
    url: `/api/v1/webhooks/${await newWebhook()}/deliveries`,
  }),
  'POST /api/v1/webhooks/:id/deliveries/:delivery_id/retry': delivery,
  'GET /api/v1/cases': async () => ({ url: '/api/v1/cases?view=all' }),
  'GET /api/v1/cases/:id': async () => ({ url: `/api/v1/cases/${await escalatedConversation()}` }),
  'POST /api/v1/conversations/:id/reply': async () => ({
    url: `/api/v1/conversations/${await escalatedConversation()}/reply`,
    payload: { message: 'Which dates?' },
  }),
  'POST /api/v1/conversations/:id/reopen': async () => {
    const id = await escalatedConversation();
    await asAdmin('POST', `/api/v1/conversations/${id}/resolve`, { response: 'Done.', resolved_by: 'Dana' });
    return { url: `/api/v1/conversations/${id}/reopen` };
  },
  'GET /api/v1/conversations/:id/notes': async () => ({
    url: `/api/v1/conversations/${await escalatedConversation()}/notes`,
  }),
  'POST /api/v1/conversations/:id/notes': async () => ({
    url: `/api/v1/conversations/${await escalatedConversation()}/notes`,
    payload: { content: 'Called the manager.' },
  }),
  'GET /api/v1/canned-replies': async () => ({ url: '/api/v1/canned-replies' }),
  'POST /api/v1/canned-replies': async () => ({
    url: '/api/v1/canned-replies',
    payload: { title: `Matrix reply ${++sequence}`, body: 'Thanks, we are on it.' },
  }),
  'PATCH /api/v1/canned-replies/:id': async () => ({
    url: `/api/v1/canned-replies/${await newCannedReply()}`,
    payload: { body: 'Changed.' },
  }),
  'DELETE /api/v1/canned-replies/:id': async () => ({
    url: `/api/v1/canned-replies/${await newCannedReply()}`,
  }),
};

const sampleFor = (method: string, url: string) =>
  samples[`${method === 'HEAD' ? 'GET' : method} ${url}`] ??
  samples[`${method === 'HEAD' ? 'GET' : method} ${url}/`];

beforeAll(async () => {
  receiver = await Receiver.start();
  t = await createTestApp('sqlite');
  await escalatedConversation();
  for (const role of ROLES) {
    tokens[role] = (await asAdmin('POST', '/api/v1/tokens', { name: `matrix-${role}`, role })).token;
  }
});
afterAll(async () => {
  await t?.close();
  await receiver?.close();
});

const staffRoutes = () =>
  t.app.routeAccess.filter((route) => route.access !== 'public' && route.access !== 'employee');

it('has a sample request for every staff route', () => {
  const missing = staffRoutes()
    .filter((route) => !sampleFor(route.method, route.url))
    .map((route) => `${route.method} ${route.url}`);
  expect(missing).toEqual([]);
  expect(staffRoutes().length).toBeGreaterThan(25);
});

describe('every staff route × every role', () => {
  it.each(ROLES)('%s gets 2xx where its role allows and 403 elsewhere', async (role) => {
    const outcomes: string[] = [];
    for (const route of staffRoutes()) {
      const sample = await sampleFor(route.method, route.url)!();
      const res = await t.app.inject({
        method: route.method as 'GET',
        url: sample.url,
        headers: { ...sample.headers, ...bearer(tokens[role]) },
        ...(sample.payload ? { payload: sample.payload } : {}),
      });
      const me = (
        await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: bearer(tokens[role]) })
      ).json();
      const allowed = (me.permissions as string[]).includes(route.access);
      const ok = allowed ? res.statusCode >= 200 && res.statusCode < 300 : res.statusCode === 403;
      if (!ok)
        outcomes.push(
          `${route.method} ${route.url} (${route.access}): ${res.statusCode} ${res.body.slice(0, 160)}`,
        );
      if (!allowed && route.method !== 'HEAD') expect(res.json().error.code).toBe('FORBIDDEN');
    }
    expect(outcomes).toEqual([]);
  });

  it('answers 401 to a caller with no credentials on every staff route', async () => {
    for (const route of staffRoutes()) {
      const sample = await sampleFor(route.method, route.url)!();
      const res = await t.app.inject({
        method: route.method as 'GET',
        url: sample.url,
        ...(sample.headers ? { headers: sample.headers } : {}),
        ...(sample.payload ? { payload: sample.payload } : {}),
      });
      expect(res.statusCode, `${route.method} ${route.url}`).toBe(401);
    }
  });
});

it('grants each role exactly what the policy says', async () => {
  const permissions = async (role: Role) =>
    (await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: bearer(tokens[role]) })).json()
      .permissions;
  expect(await permissions('auditor')).toEqual(['audit:read', 'analytics:read']);
  expect(await permissions('hr_agent')).toEqual([
    'escalations:read',
    'conversations:read',
    'conversations:manage',
    'kb:write',
  ]);
  expect(await permissions('hr_confidential')).toContain('confidential:read');
  expect(await permissions('hr_agent')).not.toContain('confidential:read');
  expect((await permissions('hr_admin')).length).toBe(10);
});
