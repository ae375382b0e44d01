import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { OidcProvider, type OidcSettings } from '../../src/modules/identity/oidc-provider.js';
import { adminHeaders, createTestApp, type TestApp } from '../helpers/app.js';
import { API_AUDIENCE, OidcTestProvider, oidcEnv, unsignedToken } from './oidc-harness.js';

const people = {
  alice: { email: 'alice@example.com', roles: [] },
  bob: { email: 'bob@example.com', roles: ['some_other_group'] },
  hank: { email: 'hank@example.com', roles: ['hr_agent'] },
  cora: { email: 'cora@example.com', roles: ['hr_confidential'] },
};

let provider: OidcTestProvider;
let t: TestApp;
const tokens = {} as Record<keyof typeof people, string>;
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

beforeAll(async () => {
  provider = await OidcTestProvider.start(people, ['http://127.0.0.1:1/auth/callback']);
  t = await createTestApp('sqlite', oidcEnv(provider.issuer));
  for (const id of Object.keys(people) as (keyof typeof people)[]) tokens[id] = await provider.tokenFor(id);
});
afterAll(async () => {
  await t?.close();
  await provider?.close();
});

const ask = (token: string | undefined, payload: object) =>
  t.app.inject({ method: 'POST', url: '/api/v1/query', headers: token ? bearer(token) : {}, payload });

describe('employees signed in through the provider', () => {
  it('must sign in to ask, and ask as the person their token names', async () => {
    const anonymous = await ask(undefined, { message: 'When is payday?' });
    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.json().error.code).toBe('UNAUTHORIZED');

    const res = await ask(tokens.alice, { message: 'When is payday?' });
    expect(res.statusCode).toBe(200);
    const owner = await t.db.kysely
      .selectFrom('conversations')
      .select('user_id')
      .where('id', '=', res.json().conversation_id)
      .executeTakeFirstOrThrow();
    expect(owner.user_id).toBe('alice@example.com');

    expect(
      (await ask(tokens.alice, { message: 'And bonus?', user_id: 'alice@example.com' })).statusCode,
    ).toBe(200);
    const impersonating = await ask(tokens.alice, { message: 'When is payday?', user_id: 'bob@example.com' });
    expect(impersonating.statusCode).toBe(403);
    expect(impersonating.json().error.code).toBe('FORBIDDEN');
  });

  it("sees only their own conversations; another employee's look missing", async () => {
    const mine = (await ask(tokens.alice, { message: 'How many vacation days do I have?' })).json()
      .conversation_id;
    const read = (token: string) =>
      t.app.inject({ method: 'GET', url: `/api/v1/conversations/${mine}`, headers: bearer(token) });
    expect((await read(tokens.alice)).statusCode).toBe(200);
    expect((await read(tokens.bob)).statusCode).toBe(404);
    expect((await ask(tokens.bob, { message: 'more', conversation_id: mine })).statusCode).toBe(404);
    const rate = await t.app.inject({
      method: 'POST',
      url: '/api/v1/feedback',
      headers: bearer(tokens.bob),
      payload: { conversation_id: mine, rating: 1 },
    });
    expect(rate.statusCode).toBe(404);
    const close = await t.app.inject({
      method: 'POST',
      url: `/api/v1/conversations/${mine}/resolve`,
      headers: bearer(tokens.bob),
      payload: {},
    });
    expect(close.statusCode).toBe(404);

    const rated = await t.app.inject({
      method: 'POST',
      url: '/api/v1/feedback',
      headers: bearer(tokens.alice),
      payload: { conversation_id: mine, rating: 5 },
    });
    expect(rated.statusCode).toBe(201);
    const closed = await t.app.inject({
      method: 'POST',
      url: `/api/v1/conversations/${mine}/resolve`,
      headers: bearer(tokens.alice),
      payload: {},
    });
    expect(closed.statusCode).toBe(200);

    const list = await t.app.inject({
      method: 'GET',
      url: '/api/v1/me/conversations',
      headers: bearer(tokens.alice),
    });
    expect(list.statusCode).toBe(200);
    const owners = new Set(list.json().conversations.map((c: { user_id: string }) => c.user_id));
    expect([...owners]).toEqual(['alice@example.com']);
    expect(list.json().conversations.map((c: { id: string }) => c.id)).toContain(mine);
    const bobs = await t.app.inject({
      method: 'GET',
      url: '/api/v1/me/conversations',
      headers: bearer(tokens.bob),
    });
    expect(bobs.json().conversations).toEqual([]);
  });

  it('gets no staff permission from provider groups that are not roles here', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: '/api/v1/escalations',
      headers: bearer(tokens.bob),
    });
    expect(res.statusCode).toBe(403);
    const me = (await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: bearer(tokens.bob) })).json();
    expect(me).toMatchObject({
      auth_mode: 'oidc',
      authenticated: true,
      name: 'oidc:bob bob@example.com',
      user_id: 'bob@example.com',
      roles: [],
      permissions: [],
    });
  });
});

describe('HR staff signed in through the provider', () => {
  it('get what their role allows, and the audit log names them', async () => {
    const conversation = (
      await ask(tokens.alice, { message: 'I want to talk to a person about my contract' })
    ).json().conversation_id;
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/v1/escalations', headers: bearer(tokens.hank) }))
        .statusCode,
    ).toBe(200);
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/v1/webhooks', headers: bearer(tokens.hank) }))
        .statusCode,
    ).toBe(403);
    expect(
      (
        await t.app.inject({
          method: 'GET',
          url: `/api/v1/conversations/${conversation}`,
          headers: bearer(tokens.hank),
        })
      ).statusCode,
    ).toBe(200);
    const article = await t.app.inject({
      method: 'POST',
      url: '/api/v1/kb',
      headers: bearer(tokens.hank),
      payload: {
        title: 'Parking permits',
        content: 'Renew the permit each January at the front desk.',
        category: 'Policy',
      },
    });
    expect(article.statusCode).toBe(201);
    const entry = await t.db.kysely
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'kb.create')
      .executeTakeFirstOrThrow();
    expect(entry.actor).toBe('oidc:hank hank@example.com');
  });

  it('keeps the bootstrap key and personal tokens working beside the provider', async () => {
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/v1/tokens',
      headers: adminHeaders,
      payload: { name: 'reporting', role: 'auditor' },
    });
    expect(created.statusCode).toBe(201);
    const audit = await t.app.inject({
      method: 'GET',
      url: '/api/v1/audit',
      headers: bearer(created.json().token),
    });
    expect(audit.statusCode).toBe(200);
  });
});

describe('tokens the API must refuse', () => {
  const now = () => Math.floor(Date.now() / 1000);
  const claims = () => ({
    iss: provider.issuer,
    aud: API_AUDIENCE,
    sub: 'alice',
    email: 'alice@example.com',
    iat: now(),
    exp: now() + 600,
  });

  it('accepts a well-formed token signed by the provider (the control for the cases below)', async () => {
    expect((await ask(await provider.sign(claims()), { message: 'When is payday?' })).statusCode).toBe(200);
  });

  it.each([
    ['expired', async () => provider.sign({ ...claims(), iat: now() - 7200, exp: now() - 3600 })],
    ['from another issuer', async () => provider.sign({ ...claims(), iss: 'https://evil.example.com' })],
    [
      'for another audience (a real token for another API)',
      async () => provider.tokenFor('alice', 'api://payroll'),
    ],
    ['with a signature from another key', async () => provider.sign(claims(), { foreignKey: true })],
    ['unsigned (alg: none)', async () => unsignedToken(claims())],
    [
      'with a tampered payload',
      async () => {
        const [header, , signature] = (await provider.sign(claims())).split('.');
        const payload = Buffer.from(JSON.stringify({ ...claims(), email: 'ceo@example.com' })).toString(
          'base64url',
        );
        return `${header}.${payload}.${signature}`;
      },
    ],
    ['without the user claim', async () => provider.sign({ ...claims(), email: undefined })],
  ])('refuses a token %s with 401 in the error shape', async (_label, make) => {
    const res = await ask(await make(), { message: 'When is payday?' });
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('UNAUTHORIZED');
    expect(res.json().error.request_id).toBeTruthy();
    expect(res.headers['www-authenticate']).toMatch(/^Bearer/);
  });
});

describe('signing keys', () => {
  it('follows a key rotation at the provider', async () => {
    const first = await OidcTestProvider.start(people, []);
    const port = first.port;
    const settings = loadConfig(oidcEnv(first.issuer)).auth as { oidc: OidcSettings };
    const verifier = new OidcProvider(settings.oidc, 0);
    try {
      expect((await verifier.verifyAccessToken(await first.tokenFor('alice'))).userId).toBe(
        'alice@example.com',
      );
    } finally {
      await first.close();
    }
    // Same issuer, new signing key: the token names a key id the verifier has not seen, so it fetches the set again.
    const second = await OidcTestProvider.start(people, [], { port, key: await OidcTestProvider.newKey() });
    try {
      expect((await verifier.verifyAccessToken(await second.tokenFor('hank'))).roles).toEqual(['hr_agent']);
    } finally {
      await second.close();
    }
  });
});

describe('rate limits', () => {
  it('count per person signed in through the provider, not per address or per access token', async () => {
    const limited = await createTestApp('sqlite', {
      ...oidcEnv(provider.issuer),
      RATE_LIMIT_PER_MINUTE: '3',
    });
    try {
      const me = (token: string) =>
        limited.app.inject({
          method: 'GET',
          url: '/api/v1/me',
          remoteAddress: '10.4.0.1',
          headers: bearer(token),
        });
      // Two access tokens of one person (a refresh, a second device) draw on the same budget.
      const aliceAgain = await provider.tokenFor('alice');
      expect(aliceAgain).not.toBe(tokens.alice);
      for (const token of [tokens.alice, aliceAgain, tokens.alice])
        expect((await me(token)).statusCode).toBe(200);
      const refused = await me(aliceAgain);
      expect(refused.statusCode).toBe(429);
      expect(refused.json().error.code).toBe('RATE_LIMITED');
      // A colleague calling from the same address has a budget of their own.
      for (let i = 0; i < 3; i++) expect((await me(tokens.hank)).statusCode).toBe(200);
    } finally {
      await limited.close();
    }
  });
});
