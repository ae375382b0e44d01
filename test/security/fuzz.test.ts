import fc from 'fast-check';
import type { InjectOptions } from 'fastify';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/db/create-db.js';
import { adminHeaders, createTestApp, type TestApp } from '../helpers/app.js';
import { databaseKinds } from '../helpers/databases.js';
import {
  bodyFor,
  encode,
  headerArbitrary,
  type JsonSchema,
  pathValue,
  queryFor,
  rememberId,
  resourceOfField,
} from './fuzz-arbitraries.js';

/**
 * Property-based robustness: every route in /openapi.json (so new routes are covered without touching this file)
 * receives random and malformed path parameters, query strings, headers and bodies. Whatever arrives:
 * - never a 5xx and never a stack trace or source path in the body;
 * - every 4xx is JSON in the common error shape;
 * - a rejected request leaves every table exactly as it was.
 * Fixed seed and bounded run counts keep it deterministic and inside a minute on two cores.
 */

const SEED = 20261128;
const RUNS_PER_ROUTE: Record<string, number> = { sqlite: 100, postgres: 20 };
const BODY_LIMIT = 64 * 1024;

interface Operation {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  path: string;
  pathParams: string[];
  query: Array<{ name: string; schema?: JsonSchema }>;
  body?: JsonSchema;
  hasBody: boolean;
}

interface OpenApiOperation {
  parameters?: Array<{ name: string; in: string; schema?: JsonSchema }>;
  requestBody?: { content?: Record<string, { schema?: JsonSchema }> };
}

function operationsOf(doc: { paths: Record<string, Record<string, OpenApiOperation>> }): Operation[] {
  const operations: Operation[] = [];
  for (const [path, methods] of Object.entries(doc.paths)) {
    for (const [method, spec] of Object.entries(methods)) {
      const upper = method.toUpperCase();
      if (!['GET', 'POST', 'PUT', 'PATCH', 'DELETE'].includes(upper)) continue;
      const parameters = spec.parameters ?? [];
      const content = spec.requestBody?.content;
      operations.push({
        method: upper as Operation['method'],
        path,
        pathParams: [...path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]!),
        query: parameters.filter((p) => p.in === 'query').map((p) => ({ name: p.name, schema: p.schema })),
        body: content?.['application/json']?.schema,
        hasBody: content !== undefined || upper === 'POST' || upper === 'PUT' || upper === 'PATCH',
      });
    }
  }
  // Creating routes first, so later routes find rows to read, change and delete.
  const rank = (op: Operation) =>
    op.method === 'DELETE'
      ? 4
      : op.method === 'POST' && op.pathParams.length === 0
        ? 0
        : op.method === 'GET'
          ? 1
          : 2;
  return operations.sort((a, b) => rank(a) - rank(b));
}

async function tableNames(db: Db): Promise<string[]> {
  const tables = await db.kysely.introspection.getTables();
  return tables.map((t) => t.name).filter((name) => !name.startsWith('kysely_'));
}

async function rowCounts(db: Db, tables: string[]): Promise<Record<string, number>> {
  const selects = tables.map(
    (name) =>
      sql<{
        t: string;
        n: number | string;
      }>`select ${sql.lit(name)} as t, count(*) as n from ${sql.table(name)}`,
  );
  const { rows } = await sql<{
    t: string;
    n: number | string;
  }>`${sql.join(selects, sql` union all `)}`.execute(db.kysely);
  return Object.fromEntries(rows.map((r) => [r.t, Number(r.n)]));
}

const STACK_TRACE =
  /\n\s+at\s|node_modules|\/src\/[\w/.-]+\.ts|\bTypeError\b|\bReferenceError\b|SQLITE_|syntax error at/;
const UUID_OR_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The resource a path is about: /api/v1/webhooks/{id}/secret → webhooks; /api/v1/query → conversations. */
function resourceOf(path: string): string {
  const segment = path.replace(/^\/api\/v1\//, '').split('/')[0] ?? '';
  return segment === 'query' ? 'conversations' : segment;
}

/** Ids seen in successful responses, so path parameters can point at real rows. */
function collectIds(value: unknown, resource: string, depth = 0): void {
  if (depth > 5 || value === null || typeof value !== 'object') return;
  for (const [key, item] of Object.entries(value)) {
    if (typeof item === 'string' && (UUID_OR_ID.test(item) || key === 'user_id') && item.length <= 128) {
      if (key === 'id' || key.endsWith('_id')) rememberId(resourceOfField(key, resource), item);
    } else collectIds(item, resource, depth + 1);
  }
}

function expectErrorShape(body: string, status: number, context: string): void {
  let parsed: { error?: { code?: unknown; message?: unknown; request_id?: unknown }; detail?: unknown };
  try {
    parsed = JSON.parse(body);
  } catch {
    throw new Error(`${context}: ${status} body is not JSON: ${body.slice(0, 200)}`);
  }
  const shapeOk =
    typeof parsed.error?.code === 'string' &&
    typeof parsed.error.message === 'string' &&
    parsed.error.message.length > 0 &&
    typeof parsed.error.request_id === 'string' &&
    parsed.detail === parsed.error.message;
  if (!shapeOk)
    throw new Error(`${context}: ${status} body is not the common error shape: ${body.slice(0, 300)}`);
}

for (const kind of databaseKinds) {
  const t: TestApp = await createTestApp(kind, { BODY_LIMIT_BYTES: String(BODY_LIMIT) });
  const doc = (await t.app.inject({ method: 'GET', url: '/openapi.json' })).json();
  const operations = operationsOf(doc);
  const tables = await tableNames(t.db);
  const runs = RUNS_PER_ROUTE[kind]!;
  // Status classes per route, printed at the end: a route that never answers 2xx is only fuzzed at the door.
  const outcomes = new Map<string, Record<string, number>>();

  async function send(request: InjectOptions, label: string): Promise<void> {
    const before = await rowCounts(t.db, tables);
    const res = await t.app.inject(request);
    const tally = outcomes.get(label) ?? {};
    tally[`${Math.floor(res.statusCode / 100)}xx`] =
      (tally[`${Math.floor(res.statusCode / 100)}xx`] ?? 0) + 1;
    tally[res.statusCode] = (tally[res.statusCode] ?? 0) + 1;
    outcomes.set(label, tally);
    if (process.env.FUZZ_REPORT === '2' && res.statusCode === 422) {
      process.stdout.write(
        `422 ${label} ${String(request.payload ?? '').slice(0, 160)} → ${res.json().error.message}\n`,
      );
    }
    const context = `${label} ${request.method} ${request.url} body=${String(request.payload ?? '').slice(0, 300)}`;
    if (res.statusCode >= 500)
      throw new Error(`${context}: answered ${res.statusCode}: ${res.body.slice(0, 300)}`);
    if (STACK_TRACE.test(res.body))
      throw new Error(`${context}: leaked internals: ${res.body.slice(0, 300)}`);
    if (res.statusCode >= 400) {
      expectErrorShape(res.body, res.statusCode, context);
      const after = await rowCounts(t.db, tables);
      if (JSON.stringify(after) !== JSON.stringify(before)) {
        throw new Error(
          `${context}: rejected with ${res.statusCode} but changed rows: ${JSON.stringify({ before, after })}`,
        );
      }
    } else if ((res.headers['content-type'] ?? '').toString().includes('json')) {
      collectIds(res.json(), resourceOf(label.split(' ')[1] ?? ''));
    }
  }

  describe(`fuzzing every documented route [${kind}]`, () => {
    afterAll(async () => {
      await t.close();
      if (process.env.FUZZ_REPORT === '1') {
        for (const [label, tally] of outcomes)
          process.stdout.write(`${kind} ${label} ${JSON.stringify(tally)}\n`);
      }
    });

    it('documents routes to fuzz', () => {
      expect(operations.length).toBeGreaterThan(2);
    });

    it.each(operations.map((op) => [`${op.method} ${op.path}`, op] as const))(
      '%s: no 5xx, common error shape, nothing stored on rejection',
      async (label, op) => {
        const request = fc.record({
          params: fc.tuple(
            ...op.pathParams.map((name) => pathValue(resourceOfField(name, resourceOf(op.path)))),
          ),
          query: queryFor(op.query),
          headers: headerArbitrary(adminHeaders.authorization),
          body: op.hasBody ? fc.option(bodyFor(op.body, BODY_LIMIT), { freq: 8 }) : fc.constant(null),
        });
        await fc.assert(
          fc.asyncProperty(request, async ({ params, query, headers, body }) => {
            let url = op.path;
            op.pathParams.forEach((name, i) => {
              url = url.replace(`{${name}}`, params[i] as string);
            });
            const allHeaders: Record<string, string> = { ...headers };
            if (body) allHeaders['content-type'] = body.type;
            await send(
              { method: op.method, url: `${url}${query}`, headers: allHeaders, payload: body?.payload },
              label,
            );
          }),
          { seed: SEED, numRuns: runs, interruptAfterTimeLimit: 45_000 },
        );
      },
      60_000,
    );

    it('unknown paths and methods: 404/405 in the common shape', async () => {
      const methods = fc.constantFrom(
        'GET',
        'POST',
        'PUT',
        'PATCH',
        'DELETE',
        'OPTIONS',
        'HEAD',
      ) as fc.Arbitrary<InjectOptions['method']>;
      const path = fc.oneof(
        fc
          .array(fc.string({ maxLength: 12 }).map(encode), { minLength: 1, maxLength: 5 })
          .map((parts) => `/${parts.join('/')}`),
        fc
          .constantFrom(...operations.map((op) => op.path.replace(/\{[^}]+\}/g, 'x')))
          .map((p) => `${p}/extra`),
      );
      await fc.assert(
        fc.asyncProperty(methods, path, async (method, url) => {
          const before = await rowCounts(t.db, tables);
          const res = await t.app.inject({ method, url, headers: adminHeaders });
          expect(res.statusCode).toBeLessThan(500);
          if (res.statusCode >= 400 && method !== 'HEAD') {
            expectErrorShape(res.body, res.statusCode, `${method} ${url}`);
            expect(await rowCounts(t.db, tables)).toEqual(before);
          }
        }),
        { seed: SEED, numRuns: runs * 2 },
      );
    });
  });
}
