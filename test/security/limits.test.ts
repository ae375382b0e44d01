import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminHeaders, createTestApp, type TestApp } from '../helpers/app.js';
import type { JsonSchema } from './fuzz-arbitraries.js';

interface Parameter {
  name: string;
  in: string;
  schema?: JsonSchema;
}
interface OperationDoc {
  parameters?: Parameter[];
  requestBody?: { content?: Record<string, { schema?: JsonSchema }> };
}
type PathsDoc = Record<string, Record<string, OperationDoc>>;

const PAGE_SIZE_NAMES = new Set(['limit', 'page_size', 'per_page', 'size', 'top', 'count']);
const MAX_PAGE = 100;
const MAX_OFFSET = 2 ** 31 - 1;

/** Every unbounded string or array a client could send, as "path.to.field". */
function unbounded(schema: JsonSchema | undefined, at: string, found: string[], depth = 0): void {
  if (!schema || depth > 8) return;
  for (const choice of [...(schema.anyOf ?? []), ...(schema.oneOf ?? []), ...(schema.allOf ?? [])]) {
    unbounded(choice, at, found, depth + 1);
  }
  const type = Array.isArray(schema.type) ? schema.type : [schema.type];
  const fixed = schema.enum !== undefined || schema.const !== undefined || schema.format === 'uuid';
  if (type.includes('string') && !fixed && schema.maxLength === undefined)
    found.push(`${at} (string without maxLength)`);
  if (type.includes('array')) {
    if (schema.maxItems === undefined) found.push(`${at} (array without maxItems)`);
    unbounded(schema.items, `${at}[]`, found, depth + 1);
  }
  for (const [name, property] of Object.entries(schema.properties ?? {})) {
    unbounded(property, `${at}.${name}`, found, depth + 1);
  }
}

describe('resource limits', () => {
  let t: TestApp;
  let paths: PathsDoc;
  beforeAll(async () => {
    t = await createTestApp('sqlite', { MAX_WEBHOOKS: '2', BODY_LIMIT_BYTES: String(64 * 1024) });
    paths = (await t.app.inject({ method: 'GET', url: '/openapi.json' })).json().paths;
  });
  afterAll(async () => t.close());

  const operations = () =>
    Object.entries(paths).flatMap(([path, methods]) =>
      Object.entries(methods).map(([method, op]) => ({ label: `${method.toUpperCase()} ${path}`, op })),
    );

  it(`caps every page size at ${MAX_PAGE} and bounds every offset`, () => {
    const problems: string[] = [];
    for (const { label, op } of operations()) {
      for (const p of op.parameters ?? []) {
        if (p.in !== 'query') continue;
        if (
          PAGE_SIZE_NAMES.has(p.name) &&
          !(p.schema?.maximum !== undefined && p.schema.maximum <= MAX_PAGE)
        ) {
          problems.push(`${label} ?${p.name} maximum=${p.schema?.maximum}`);
        }
        // PostgreSQL rejects an OFFSET past the bigint range (skip=1e308 was a 500), so offsets are bounded too.
        const offsetOk =
          p.schema?.minimum === 0 && p.schema.maximum !== undefined && p.schema.maximum <= MAX_OFFSET;
        if ((p.name === 'skip' || p.name === 'offset') && !offsetOk) {
          problems.push(`${label} ?${p.name} minimum=${p.schema?.minimum} maximum=${p.schema?.maximum}`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it('bounds every string and array a client can send (query, path and body)', () => {
    const problems: string[] = [];
    for (const { label, op } of operations()) {
      for (const p of op.parameters ?? []) unbounded(p.schema, `${label} ${p.in}:${p.name}`, problems);
      unbounded(op.requestBody?.content?.['application/json']?.schema, `${label} body`, problems);
    }
    expect(problems).toEqual([]);
  });

  it.each(['/api/v1/kb?skip=1e308', '/api/v1/kb?skip=9007199254740993', '/api/v1/webhooks?limit=101'])(
    '%s → 422 (found by fuzzing: a huge offset was a 500 on PostgreSQL)',
    async (url) => {
      const res = await t.app.inject({ method: 'GET', url, headers: adminHeaders });
      expect(res.statusCode).toBe(422);
      expect(res.json().error.code).toBe('VALIDATION_ERROR');
    },
  );

  it('rejects a 4001-character question with 422 and stores nothing; accepts 4000', async () => {
    const tooLong = await t.app.inject({
      method: 'POST',
      url: '/api/v1/query',
      payload: { message: 'a'.repeat(4001), user_id: 'limits-user' },
    });
    expect(tooLong.statusCode).toBe(422);
    expect(tooLong.json().error.code).toBe('VALIDATION_ERROR');
    expect(tooLong.json().error.message).toMatch(/^Message is too long/);
    const stored = await t.db.kysely
      .selectFrom('messages')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirst();
    expect(Number(stored?.n)).toBe(0);

    const longest = await t.app.inject({
      method: 'POST',
      url: '/api/v1/query',
      payload: {
        message: `How many vacation days do I get? ${'a'.repeat(4000 - 33)}`,
        user_id: 'limits-user',
      },
    });
    expect(longest.statusCode).toBe(200);
  });

  it('rejects a body over BODY_LIMIT_BYTES with 413 before parsing it', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/query',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ message: 'x'.repeat(64 * 1024) }),
    });
    expect(res.statusCode).toBe(413);
    expect(res.json().error.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('refuses a webhook past MAX_WEBHOOKS with a clear 4xx', async () => {
    const create = () =>
      t.app.inject({
        method: 'POST',
        url: '/api/v1/webhooks',
        headers: adminHeaders,
        payload: { url: 'http://127.0.0.1:9/hook', events: ['query.created'] },
      });
    expect((await create()).statusCode).toBe(201);
    expect((await create()).statusCode).toBe(201);
    const third = await create();
    expect(third.statusCode).toBeGreaterThanOrEqual(400);
    expect(third.statusCode).toBeLessThan(500);
    expect(third.json().error.message).toMatch(/MAX_WEBHOOKS|limit/i);
  });

  it('applies REQUEST_TIMEOUT_MS to the HTTP server (slow clients get 408)', () => {
    expect(t.app.server.requestTimeout).toBe(30_000);
  });
});
