import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import { ManualClock } from '../../src/clock.js';
import { adminHeaders, createTestApp, TEST_ADMIN_KEY, type TestApp } from '../helpers/app.js';
import { describeEachDatabase } from '../helpers/databases.js';

const T0 = Date.UTC(2026, 5, 1, 12, 0, 0);
const HOUR = 3_600_000;

describeEachDatabase('personal API tokens', (kind) => {
  let t: TestApp;
  const clock = new ManualClock(T0);
  const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
  const create = (payload: object, headers: Record<string, string> = adminHeaders) =>
    t.app.inject({ method: 'POST', url: '/api/v1/tokens', headers, payload });
  const escalations = (token: string) =>
    t.app.inject({ method: 'GET', url: '/api/v1/escalations', headers: bearer(token) });

  beforeAll(async () => {
    t = await createTestApp(kind, {}, { clock });
  });
  afterAll(async () => t.close());
  beforeEach(async () => {
    clock.set(T0);
    await t.db.kysely.deleteFrom('api_tokens').execute();
    await t.db.kysely.deleteFrom('audit_log').execute();
  });

  it('issues a token once, keeps only its hash, and lists it without the secret', async () => {
    const res = await create({ name: 'Dana Reyes', role: 'hr_agent' });
    expect(res.statusCode).toBe(201);
    const created = res.json();
    expect(created.token).toMatch(/^hrt_[A-Za-z0-9_-]{43}$/);
    expect(created).toMatchObject({
      name: 'Dana Reyes',
      role: 'hr_agent',
      status: 'active',
      created_by: 'token:bootstrap',
    });
    expect(created.token.startsWith(created.prefix)).toBe(true);

    const list = await t.app.inject({ method: 'GET', url: '/api/v1/tokens', headers: adminHeaders });
    expect(list.statusCode).toBe(200);
    expect(list.json().tokens).toHaveLength(1);
    expect(list.body).not.toContain(created.token);
    expect(list.json().tokens[0]).not.toHaveProperty('token');

    const stored = await t.db.kysely.selectFrom('api_tokens').selectAll().execute();
    expect(JSON.stringify(stored)).not.toContain(created.token);
    const audit = await t.db.kysely.selectFrom('audit_log').selectAll().execute();
    expect(audit.map((a) => [a.action, a.actor])).toEqual([['token.create', 'token:bootstrap']]);
    expect(JSON.stringify(audit)).not.toContain(created.token);

    expect((await escalations(created.token)).statusCode).toBe(200);
  });

  it('stops a revoked token with the very next request', async () => {
    const { id, token } = (await create({ name: 'integration', role: 'hr_agent' })).json();
    expect((await escalations(token)).statusCode).toBe(200);
    const revoked = await t.app.inject({
      method: 'DELETE',
      url: `/api/v1/tokens/${id}`,
      headers: adminHeaders,
    });
    expect(revoked.statusCode).toBe(204);
    const after = await escalations(token);
    expect(after.statusCode).toBe(401);
    expect(after.json().error).toMatchObject({ code: 'UNAUTHORIZED' });
    expect(after.headers['www-authenticate']).toMatch(/^Bearer/);
    const listed = (
      await t.app.inject({ method: 'GET', url: '/api/v1/tokens', headers: adminHeaders })
    ).json();
    expect(listed.tokens[0].status).toBe('revoked');
    const unknown = await t.app.inject({
      method: 'DELETE',
      url: '/api/v1/tokens/00000000-0000-4000-8000-000000000000',
      headers: adminHeaders,
    });
    expect(unknown.statusCode).toBe(404);
  });

  it('stops working when it expires', async () => {
    const expiresAt = new Date(T0 + HOUR).toISOString();
    const { token } = (await create({ name: 'short-lived', role: 'auditor', expires_at: expiresAt })).json();
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/v1/audit', headers: bearer(token) })).statusCode,
    ).toBe(200);
    clock.set(T0 + HOUR + 1);
    const expired = await t.app.inject({ method: 'GET', url: '/api/v1/audit', headers: bearer(token) });
    expect(expired.statusCode).toBe(401);
    const listed = (
      await t.app.inject({ method: 'GET', url: '/api/v1/tokens', headers: adminHeaders })
    ).json();
    expect(listed.tokens[0].status).toBe('expired');
  });

  it('refuses bad requests in the error shape and writes nothing', async () => {
    const cases: [object, number][] = [
      [{ name: 'x', role: 'superuser' }, 422],
      [{ name: '', role: 'hr_agent' }, 422],
      [{ name: 'x', role: 'hr_agent', expires_at: 'tomorrow' }, 422],
      [{ name: 'x', role: 'hr_agent', expires_at: new Date(T0 - 1000).toISOString() }, 422],
      [{ name: 'bootstrap', role: 'hr_admin' }, 409],
      [{ name: 'x', role: 'hr_agent', extra: true }, 422],
    ];
    for (const [payload, status] of cases) {
      const res = await create(payload);
      expect(res.statusCode, JSON.stringify(payload)).toBe(status);
      expect(res.json().error.request_id).toBeTruthy();
    }
    expect(await t.db.kysely.selectFrom('api_tokens').selectAll().execute()).toEqual([]);
    await create({ name: 'twice', role: 'hr_agent' });
    expect((await create({ name: 'twice', role: 'auditor' })).statusCode).toBe(409);
  });

  it('lets only hr_admin manage tokens, and names the token in the audit log', async () => {
    const agent = (await create({ name: 'agent-sam', role: 'hr_agent' })).json().token;
    const denied = await create({ name: 'escalate-myself', role: 'hr_admin' }, bearer(agent));
    expect(denied.statusCode).toBe(403);
    expect(denied.json().error.code).toBe('FORBIDDEN');
    const admin = (await create({ name: 'admin-ana', role: 'hr_admin' })).json().token;
    expect((await create({ name: 'made-by-ana', role: 'auditor' }, bearer(admin))).statusCode).toBe(201);
    const audit = await t.db.kysely
      .selectFrom('audit_log')
      .select(['action', 'actor'])
      .orderBy('created_at')
      .orderBy('actor')
      .execute();
    expect(audit).toContainEqual({ action: 'token.create', actor: 'token:admin-ana' });
  });

  it('answers 401 in the error shape to unknown, malformed and foreign credentials, even on employee routes', async () => {
    for (const authorization of [
      'Bearer hrt_not-a-real-token',
      'Bearer wrong-key-wrong-key-wrong',
      // A JWT means nothing in the open mode: there is no provider to check it against.
      'Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.',
    ]) {
      for (const [method, url, payload] of [
        ['GET', '/api/v1/escalations', undefined],
        ['POST', '/api/v1/query', { message: 'When is payday?' }],
      ] as const) {
        const res = await t.app.inject({
          method,
          url,
          headers: { authorization },
          ...(payload ? { payload } : {}),
        });
        expect(res.statusCode, `${authorization} ${url}`).toBe(401);
        expect(res.json().error.code).toBe('UNAUTHORIZED');
        expect(res.body).not.toContain(TEST_ADMIN_KEY);
      }
    }
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/v1/stats', headers: { authorization: 'Bearer nope' } }))
        .statusCode,
    ).toBe(200);
  });
});
