import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentSecurityPolicy, docsContentSecurityPolicy } from '../../src/http/security.js';
import { clientNetwork, keyFingerprint } from '../../src/modules/security/client-identity.js';
import { adminHeaders, createTestApp, type TestApp } from '../helpers/app.js';

function expectErrorShape(body: unknown, code: string): void {
  const parsed = body as { error: { code: string; message: string; request_id: string }; detail: string };
  expect(parsed.error.code).toBe(code);
  expect(parsed.error.message.length).toBeGreaterThan(0);
  expect(parsed.error.request_id.length).toBeGreaterThan(0);
  expect(parsed.detail).toBe(parsed.error.message);
}

describe('rate limiting', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp('sqlite', { RATE_LIMIT_PER_MINUTE: '3' });
  });
  afterAll(async () => t.close());

  it('answers 429 with Retry-After and the common error shape once a client passes its limit', async () => {
    const ip = '10.0.0.1';
    for (let i = 0; i < 3; i++) {
      const ok = await t.app.inject({ method: 'GET', url: '/health', remoteAddress: ip });
      expect(ok.statusCode).toBe(200);
      expect(ok.headers['x-ratelimit-remaining']).toBe(String(2 - i));
    }
    const limited = await t.app.inject({ method: 'GET', url: '/api/v1/health', remoteAddress: ip });
    expect(limited.statusCode).toBe(429);
    expectErrorShape(limited.json(), 'RATE_LIMITED');
    const retryAfter = Number(limited.headers['retry-after']);
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(limited.headers['x-request-id']).toBe(limited.json().error.request_id);
    // Security headers are on rejected responses too.
    expect(limited.headers['content-security-policy']).toBeDefined();
  });

  it('counts each address separately, IPv6 clients by their /64', async () => {
    for (let i = 0; i < 3; i++) {
      const res = await t.app.inject({
        method: 'GET',
        url: '/health',
        remoteAddress: `2001:db8:1:2::${i + 1}`,
      });
      expect(res.statusCode).toBe(200);
    }
    const sameNetwork = await t.app.inject({
      method: 'GET',
      url: '/health',
      remoteAddress: '2001:db8:1:2::ff',
    });
    expect(sameNetwork.statusCode).toBe(429);
    const other = await t.app.inject({ method: 'GET', url: '/health', remoteAddress: '10.0.0.2' });
    expect(other.statusCode).toBe(200);
  });

  it('gives the admin key its own bucket, while wrong keys count against the address (no free guessing)', async () => {
    const ip = '10.0.0.3';
    for (let i = 0; i < 3; i++) {
      const guess = await t.app.inject({
        method: 'GET',
        url: '/health',
        remoteAddress: ip,
        headers: { authorization: `Bearer wrong-key-${i}-0123456789` },
      });
      expect(guess.statusCode).toBe(200);
    }
    const fourthGuess = await t.app.inject({
      method: 'GET',
      url: '/health',
      remoteAddress: ip,
      headers: { authorization: 'Bearer wrong-key-4-0123456789' },
    });
    expect(fourthGuess.statusCode).toBe(429);
    const admin = await t.app.inject({
      method: 'GET',
      url: '/health',
      remoteAddress: ip,
      headers: adminHeaders,
    });
    expect(admin.statusCode).toBe(200);
  });

  it('gives each personal API token its own bucket, shared wherever the token is used from', async () => {
    const issue = async (name: string) =>
      (
        await t.app.inject({
          method: 'POST',
          url: '/api/v1/tokens',
          headers: adminHeaders,
          payload: { name, role: 'hr_agent' },
          remoteAddress: '10.9.9.9',
        })
      ).json().token as string;
    const first = await issue('queue-bot');
    const second = await issue('reporting-bot');
    const ip = '10.0.0.5';
    const call = (token: string, remoteAddress = ip) =>
      t.app.inject({
        method: 'GET',
        url: '/api/v1/escalations',
        remoteAddress,
        headers: { authorization: `Bearer ${token}` },
      });
    for (let i = 0; i < 3; i++) expect((await call(first)).statusCode).toBe(200);
    const limited = await call(first);
    expect(limited.statusCode).toBe(429);
    expectErrorShape(limited.json(), 'RATE_LIMITED');
    // Another token from the same address, and an anonymous caller there, each have their own budget.
    for (let i = 0; i < 3; i++) expect((await call(second)).statusCode).toBe(200);
    expect((await t.app.inject({ method: 'GET', url: '/health', remoteAddress: ip })).statusCode).toBe(200);
    // The limit follows the token, not the address: moving to another address does not reset it.
    expect((await call(first, '10.0.0.6')).statusCode).toBe(429);
    // Made-up tokens are not identities: they count against the address (401 until it is used up).
    const fresh = '10.0.0.7';
    for (let i = 0; i < 3; i++) expect((await call(`hrt_made-up-${i}`, fresh)).statusCode).toBe(401);
    expect((await call('hrt_made-up-4', fresh)).statusCode).toBe(429);
  });

  it('limits unknown routes as well', async () => {
    const ip = '10.0.0.4';
    for (let i = 0; i < 3; i++) {
      const res = await t.app.inject({ method: 'GET', url: '/nothing', remoteAddress: ip });
      expect(res.statusCode).toBe(404);
    }
    const limited = await t.app.inject({ method: 'GET', url: '/nothing', remoteAddress: ip });
    expect(limited.statusCode).toBe(429);
    expectErrorShape(limited.json(), 'RATE_LIMITED');
  });
});

describe('rate limiting off (RATE_LIMIT_PER_MINUTE=0)', () => {
  it('never answers 429', async () => {
    const t = await createTestApp('sqlite', { RATE_LIMIT_PER_MINUTE: '0' });
    try {
      for (let i = 0; i < 30; i++) {
        const res = await t.app.inject({ method: 'GET', url: '/health' });
        expect(res.statusCode).toBe(200);
        expect(res.headers['x-ratelimit-limit']).toBeUndefined();
      }
    } finally {
      await t.close();
    }
  });
});

describe('security headers', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp('sqlite');
  });
  afterAll(async () => t.close());

  it.each([
    ['/health', 200],
    ['/api/v1/health', 200],
    ['/docs/', 200],
    ['/redoc', 200],
    ['/openapi.json', 200],
    ['/', 200],
    ['/admin', 200],
    ['/api/v1/nothing', 404],
  ])('%s carries CSP, nosniff, frame and referrer headers', async (url, status) => {
    const res = await t.app.inject({ method: 'GET', url });
    expect(res.statusCode).toBe(status);
    const csp = res.headers['content-security-policy'] as string;
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain('unsafe-eval');
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-frame-options']).toBe('SAMEORIGIN');
    expect(res.headers['referrer-policy']).toBe('no-referrer');
    expect(res.headers['strict-transport-security']).toContain('max-age=');
    expect(res.headers['x-powered-by']).toBeUndefined();
  });

  it('loosens styles and workers for the documentation pages only, scripts nowhere', () => {
    expect(contentSecurityPolicy['style-src']).toEqual(["'self'"]);
    expect(contentSecurityPolicy['worker-src']).toEqual(["'self'"]);
    expect(docsContentSecurityPolicy['style-src']).toEqual(["'self'", "'unsafe-inline'"]);
    expect(docsContentSecurityPolicy['worker-src']).toEqual(["'self'", 'blob:']);
    expect(docsContentSecurityPolicy['script-src']).toEqual(["'self'"]);
  });

  it.each([
    ['/', false],
    ['/admin', false],
    ['/api/v1/health', false],
    ['/docs/', true],
    ['/redoc', true],
    ['/redoc/init.js', true],
  ])('%s allows inline styles: %s', async (url, loose) => {
    const csp = (await t.app.inject({ method: 'GET', url })).headers['content-security-policy'] as string;
    expect(csp.includes("'unsafe-inline'")).toBe(loose);
    expect(csp.includes('blob:')).toBe(loose);
  });

  it('pages contain no inline scripts the policy would block', async () => {
    for (const url of ['/', '/admin', '/docs/', '/redoc']) {
      const html = (await t.app.inject({ method: 'GET', url })).body;
      const inline = [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/gi)].filter(
        (m) => m[1]!.trim() !== '',
      );
      expect(inline, url).toEqual([]);
      expect(html, url).not.toMatch(/\son[a-z]+=["']/i);
    }
  });
});

describe('CORS', () => {
  it('is off by default: no CORS headers, whatever the origin', async () => {
    const t = await createTestApp('sqlite');
    try {
      const res = await t.app.inject({
        method: 'GET',
        url: '/api/v1/health',
        headers: { origin: 'https://evil.example' },
      });
      expect(res.headers['access-control-allow-origin']).toBeUndefined();
      const preflight = await t.app.inject({
        method: 'OPTIONS',
        url: '/api/v1/health',
        headers: { origin: 'https://evil.example', 'access-control-request-method': 'GET' },
      });
      expect(preflight.headers['access-control-allow-origin']).toBeUndefined();
    } finally {
      await t.close();
    }
  });

  it('allows exactly the configured origins, without credentials', async () => {
    const t = await createTestApp('sqlite', {
      CORS_ORIGINS: 'https://hr.example.com,https://intranet.example',
    });
    try {
      const allowed = await t.app.inject({
        method: 'GET',
        url: '/api/v1/health',
        headers: { origin: 'https://hr.example.com' },
      });
      expect(allowed.headers['access-control-allow-origin']).toBe('https://hr.example.com');
      expect(allowed.headers['access-control-allow-credentials']).toBeUndefined();
      expect(allowed.headers['access-control-expose-headers']).toContain('x-request-id');
      const preflight = await t.app.inject({
        method: 'OPTIONS',
        url: '/api/v1/query',
        headers: {
          origin: 'https://intranet.example',
          'access-control-request-method': 'POST',
          'access-control-request-headers': 'content-type,authorization',
        },
      });
      expect(preflight.statusCode).toBe(204);
      expect(preflight.headers['access-control-allow-origin']).toBe('https://intranet.example');
      expect(preflight.headers['access-control-allow-headers']).toContain('authorization');
      const denied = await t.app.inject({
        method: 'GET',
        url: '/api/v1/health',
        headers: { origin: 'https://evil.example' },
      });
      expect(denied.headers['access-control-allow-origin']).toBeUndefined();
    } finally {
      await t.close();
    }
  });

  it('never combines * with credentials', async () => {
    const t = await createTestApp('sqlite', { CORS_ORIGINS: '*' });
    try {
      const res = await t.app.inject({
        method: 'GET',
        url: '/api/v1/health',
        headers: { origin: 'https://anywhere.example' },
      });
      expect(res.headers['access-control-allow-origin']).toBe('*');
      expect(res.headers['access-control-allow-credentials']).toBeUndefined();
    } finally {
      await t.close();
    }
  });
});

describe('client identity', () => {
  it.each([
    ['10.1.2.3', '10.1.2.3'],
    ['::ffff:10.1.2.3', '10.1.2.3'],
    ['2001:db8:1:2:3:4:5:6', '2001:db8:1:2::/64'],
    ['2001:db8::1', '2001:db8:0:0::/64'],
    ['::1', '0:0:0:0::/64'],
    ['fe80::1%eth0', 'fe80:0:0:0::/64'],
  ])('%s → %s', (ip, expected) => expect(clientNetwork(ip)).toBe(expected));

  it('fingerprints keys without revealing them', () => {
    expect(keyFingerprint('test-admin-key-0123456789abcdef')).toMatch(/^[0-9a-f]{8}$/);
    expect(keyFingerprint('a')).not.toBe(keyFingerprint('b'));
  });
});

describe('router-level rejections', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp('sqlite');
  });
  afterAll(async () => t.close());

  it.each([
    ['/api/v1/kb/%zz', /malformed/],
    [`/api/v1/kb/${'a'.repeat(101)}`, /too long/],
  ])('%s → 400 in the common shape', async (url, message) => {
    const res = await t.app.inject({ method: 'GET', url });
    expect(res.statusCode).toBe(400);
    expectErrorShape(res.json(), 'BAD_REQUEST');
    expect(res.json().error.message).toMatch(message);
    expect(res.headers['x-request-id']).toBe(res.json().error.request_id);
  });
});

describe('behind a trusted proxy (TRUST_PROXY)', () => {
  it('counts clients by X-Forwarded-For only when the connection comes from a trusted proxy', async () => {
    const t = await createTestApp('sqlite', { RATE_LIMIT_PER_MINUTE: '2', TRUST_PROXY: '10.1.0.0/16' });
    try {
      const viaProxy = (client: string) =>
        t.app.inject({
          method: 'GET',
          url: '/health',
          remoteAddress: '10.1.2.3',
          headers: { 'x-forwarded-for': client },
        });
      // Two employees behind the same load balancer each get their own allowance.
      for (const client of ['198.51.100.1', '198.51.100.2']) {
        expect((await viaProxy(client)).statusCode).toBe(200);
        expect((await viaProxy(client)).statusCode).toBe(200);
        expect((await viaProxy(client)).statusCode).toBe(429);
      }
      // A client connecting directly cannot choose its address with the header.
      const direct = (spoofed: string) =>
        t.app.inject({
          method: 'GET',
          url: '/health',
          remoteAddress: '192.0.2.50',
          headers: { 'x-forwarded-for': spoofed },
        });
      expect((await direct('203.0.113.1')).statusCode).toBe(200);
      expect((await direct('203.0.113.2')).statusCode).toBe(200);
      expect((await direct('203.0.113.3')).statusCode).toBe(429);
    } finally {
      await t.close();
    }
  });
});
