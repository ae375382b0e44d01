import SwaggerParser from '@apidevtools/swagger-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import { TEST_ADMIN_KEY } from '../helpers/app.js';
import { createTestDatabase, type TestDatabase, tempDir } from '../helpers/databases.js';

type App = Awaited<ReturnType<typeof buildApp>>;

function expectErrorShape(body: unknown, code: string): void {
  const parsed = body as { error: { code: string; message: string; request_id: string }; detail: string };
  expect(parsed.error.code).toBe(code);
  expect(parsed.error.message.length).toBeGreaterThan(0);
  expect(parsed.error.request_id.length).toBeGreaterThan(0);
  expect(parsed.detail).toBe(parsed.error.message);
}

describe('HTTP basics: errors, admin auth, OpenAPI', () => {
  let app: App;
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createTestDatabase('sqlite');
    app = await buildApp(
      loadConfig({
        DATABASE_URL: database.url,
        DATA_DIR: tempDir(),
        ADMIN_API_KEY: TEST_ADMIN_KEY,
        LOG_LEVEL: 'silent',
        BODY_LIMIT_BYTES: '2048',
        RATE_LIMIT_PER_MINUTE: '0',
      }),
    );
    // Probe routes for the shared mechanisms; the real routes are tested by their modules.
    app.get('/probe/admin', { onRequest: app.requireAdmin, schema: { hide: true } }, async () => ({
      ok: true,
    }));
    app.post('/probe/echo', { schema: { hide: true } }, async (request) => request.body);
    app.get('/probe/boom', { schema: { hide: true } }, async () => {
      throw new Error('secret internal detail at /srv/app.ts:42');
    });
    await app.ready();
  });
  afterAll(async () => {
    await app.close();
    await database.cleanup();
  });

  it('answers unknown routes with 404 in the common shape', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/v1/nothing-here' });
    expect(res.statusCode).toBe(404);
    expectErrorShape(res.json(), 'NOT_FOUND');
    expect(res.headers['x-request-id']).toBe(res.json().error.request_id);
  });

  it('rejects invalid JSON with 400', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/probe/echo',
      headers: { 'content-type': 'application/json' },
      payload: '{"a":',
    });
    expect(res.statusCode).toBe(400);
    expectErrorShape(res.json(), 'BAD_REQUEST');
  });

  it('rejects an unsupported content type with 415', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/probe/echo',
      headers: { 'content-type': 'application/xml' },
      payload: '<a/>',
    });
    expect(res.statusCode).toBe(415);
    expectErrorShape(res.json(), 'UNSUPPORTED_MEDIA_TYPE');
  });

  it('rejects a text/plain body with 415 on a real route, not 422 (only JSON bodies are parsed)', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/query',
      headers: { 'content-type': 'text/plain' },
      payload: 'How many vacation days do I get?',
    });
    expect(res.statusCode).toBe(415);
    expectErrorShape(res.json(), 'UNSUPPORTED_MEDIA_TYPE');
  });

  it('rejects a body over the limit with 413', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/probe/echo',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ text: 'x'.repeat(4096) }),
    });
    expect(res.statusCode).toBe(413);
    expectErrorShape(res.json(), 'PAYLOAD_TOO_LARGE');
  });

  it('hides the cause of a 500', async () => {
    const res = await app.inject({ method: 'GET', url: '/probe/boom' });
    expect(res.statusCode).toBe(500);
    expectErrorShape(res.json(), 'INTERNAL_ERROR');
    expect(res.body).not.toContain('secret internal detail');
    expect(res.body).not.toContain('.ts');
  });

  it('keeps a sane caller request id and replaces an unsafe one', async () => {
    const kept = await app.inject({ method: 'GET', url: '/nope', headers: { 'x-request-id': 'abc-123' } });
    expect(kept.json().error.request_id).toBe('abc-123');
    const replaced = await app.inject({
      method: 'GET',
      url: '/nope',
      headers: { 'x-request-id': 'a b<script>' },
    });
    expect(replaced.json().error.request_id).not.toContain('<');
  });

  describe('admin authentication', () => {
    it.each([
      ['no key', {}],
      ['a wrong bearer key', { authorization: 'Bearer wrong-key-wrong-key-wrong' }],
      ['a wrong X-API-Key', { 'x-api-key': 'nope' }],
      ['a malformed authorization header', { authorization: TEST_ADMIN_KEY }],
    ])('answers 401 with %s', async (_label, headers) => {
      const res = await app.inject({ method: 'GET', url: '/probe/admin', headers });
      expect(res.statusCode).toBe(401);
      expectErrorShape(res.json(), 'UNAUTHORIZED');
      expect(res.body).not.toContain(TEST_ADMIN_KEY);
    });

    it('accepts the key as a bearer token or as X-API-Key', async () => {
      const bearer = await app.inject({
        method: 'GET',
        url: '/probe/admin',
        headers: { authorization: `Bearer ${TEST_ADMIN_KEY}` },
      });
      expect(bearer.statusCode).toBe(200);
      const header = await app.inject({
        method: 'GET',
        url: '/probe/admin',
        headers: { 'x-api-key': TEST_ADMIN_KEY },
      });
      expect(header.statusCode).toBe(200);
    });
  });

  describe('API documentation', () => {
    it('serves a valid OpenAPI 3 document', async () => {
      const res = await app.inject({ method: 'GET', url: '/openapi.json' });
      expect(res.statusCode).toBe(200);
      const document = res.json();
      expect(document.openapi).toMatch(/^3\./);
      await expect(SwaggerParser.validate(structuredClone(document))).resolves.toBeTruthy();
      expect(Object.keys(document.paths)).toContain('/api/v1/health');
    });

    it('serves Swagger UI and ReDoc from local assets only', async () => {
      const docs = await app.inject({ method: 'GET', url: '/docs/' });
      expect(docs.statusCode).toBe(200);
      const redoc = await app.inject({ method: 'GET', url: '/redoc' });
      expect(redoc.statusCode).toBe(200);
      for (const html of [docs.body, redoc.body]) {
        expect(html).not.toMatch(/src="https?:\/\//);
        expect(html).not.toMatch(/href="https?:\/\//);
      }
      const bundle = await app.inject({ method: 'GET', url: '/redoc/redoc.standalone.js' });
      expect(bundle.statusCode).toBe(200);
      expect(bundle.body.length).toBeGreaterThan(100_000);
    });
  });
});
