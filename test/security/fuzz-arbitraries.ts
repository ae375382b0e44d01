import fc from 'fast-check';

/** The part of JSON Schema (as /openapi.json renders TypeBox schemas) the generators understand. */
export interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
  format?: string;
  pattern?: string;
  default?: unknown;
}

// Strings an attacker or a confused client would try first.
const nastyStrings = fc.constantFrom(
  '',
  ' ',
  '0',
  '-1',
  '1e309',
  'NaN',
  'null',
  'true',
  '[]',
  '{}',
  '../../etc/passwd',
  '%00',
  '\u0000',
  // Control characters: PostgreSQL cannot store NUL at all; every engine must refuse them alike (422).
  'hello \u0000 world',
  'x\u0000',
  '\u0001\u0002\u0003',
  'bell\u0007',
  '\u001b[31mred\u001b[0m',
  'del\u007f',
  'next\u0085line',
  'tab\tand\r\nnewline',
  "' OR 1=1 --",
  '"; DROP TABLE users; --',
  '<script>alert(1)</script>',
  '${jndi:ldap://x}',
  '__proto__',
  'constructor',
  'http://169.254.169.254/latest/meta-data/',
  'file:///etc/passwd',
  '\ud800',
  'é'.repeat(300),
  'A'.repeat(5000),
  'My SSN is 123-45-6789 and card 4111 1111 1111 1111',
  '00000000-0000-0000-0000-000000000000',
);

export const anyString = fc.oneof(
  { weight: 3, arbitrary: fc.string({ maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 20 }) },
  { weight: 2, arbitrary: nastyStrings },
  { weight: 1, arbitrary: fc.uuid() },
);

export const anyJson = fc.oneof(
  { weight: 4, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
  { weight: 1, arbitrary: nastyStrings },
  { weight: 1, arbitrary: fc.constantFrom(-1, 0, 2 ** 53, -(2 ** 63), 1.5, 1e308) },
);

/**
 * Ids seen in responses so far (filled by the fuzz test), pooled by the resource they belong to ("webhooks",
 * "conversations", "users" …), so `*_id` fields and path parameters can point at rows that exist.
 */
export const seenIds = new Map<string, string[]>();

export function rememberId(resource: string, id: string): void {
  const pool = seenIds.get(resource) ?? [];
  if (!pool.includes(id)) pool.push(id);
  seenIds.set(resource, pool);
}

/** "conversation_id" → "conversations", "user_id" → "users", "id" → the resource of the path. */
export const resourceOfField = (field: string, fallback: string) =>
  field === 'id' || field === '' ? fallback : `${field.replace(/_id$/, '')}s`;

const seenId = (resource: string, fallback: fc.Arbitrary<string>) =>
  fc.tuple(fc.nat(), fallback).map(([i, other]) => {
    const pool = seenIds.get(resource) ?? [];
    return pool.length === 0 ? other : pool[i % pool.length]!;
  });

// Receivers on loopback (allowed in tests) that refuse or discard quickly: no DNS, nothing leaves the machine.
const hookUrl = fc.constantFrom(
  'http://127.0.0.1:9/hook',
  'http://127.0.0.1:1/x?y=1',
  'https://127.0.0.1:9/h',
);

function stringFor(schema: JsonSchema, name = ''): fc.Arbitrary<string> {
  if (/url$/i.test(name))
    return fc.oneof({ weight: 4, arbitrary: hookUrl }, { weight: 1, arbitrary: anyString });
  if (/(^|_)id$/.test(name)) {
    return fc.oneof(seenId(resourceOfField(name, ''), fc.uuid()), fc.uuid(), fc.string({ maxLength: 12 }));
  }
  const min = schema.minLength ?? 0;
  const max = Math.min(schema.maxLength ?? 60, 200);
  if (schema.format === 'uuid') return fc.uuid();
  if (schema.format === 'uri' || schema.format === 'url') {
    return fc.oneof(fc.webUrl(), fc.constantFrom('http://127.0.0.1:1/hook', 'ftp://x', 'not a url'));
  }
  if (schema.format === 'date-time') return fc.date({ noInvalidDate: true }).map((d) => d.toISOString());
  if (schema.format === 'email') return fc.emailAddress();
  if (schema.pattern) {
    return fc
      .stringMatching(new RegExp(schema.pattern), { size: 'small' })
      .filter((value) => value.length >= min && value.length <= Math.max(min, max));
  }
  return fc.string({ minLength: min, maxLength: Math.max(min, max) });
}

/**
 * Values for a schema. `valid` stays inside it (so requests get past validation into the services); `mixed`
 * mostly does and sometimes breaks it in one place: a wrong type, a value past a bound, an extra field.
 */
export type Mode = 'valid' | 'mixed';

export function fromSchema(
  schema: JsonSchema | undefined,
  mode: Mode = 'mixed',
  depth = 0,
  name = '',
): fc.Arbitrary<unknown> {
  if (!schema || depth > 4) return anyJson;
  const valid = validFromSchema(schema, mode, depth, name);
  if (mode === 'valid') return valid;
  return fc.oneof({ weight: 10, arbitrary: valid }, { weight: 1, arbitrary: anyJson });
}

function validFromSchema(schema: JsonSchema, mode: Mode, depth: number, name: string): fc.Arbitrary<unknown> {
  const inner = (s: JsonSchema | undefined) => fromSchema(s, mode, depth + 1, name);
  if (schema.const !== undefined) return fc.constant(schema.const);
  if (schema.enum) return fc.constantFrom(...schema.enum);
  const choices = schema.anyOf ?? schema.oneOf;
  if (choices && choices.length > 0) return fc.oneof(...choices.map(inner));
  if (schema.allOf && schema.allOf.length > 0) return inner(schema.allOf[0]);
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  const slack = mode === 'valid' ? 0 : 1;
  switch (type) {
    case 'string':
      return stringFor(schema, name);
    case 'integer':
      return fc.integer({
        min: Math.max(schema.minimum ?? -1000, -(2 ** 31)) - slack,
        max: Math.min(schema.maximum ?? 1000, 2 ** 31) + slack,
      });
    case 'number':
      return fc.double({
        min: (schema.minimum ?? -1e6) - slack,
        max: (schema.maximum ?? 1e6) + slack,
        noNaN: true,
        noDefaultInfinity: true,
      });
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'array':
      return fc.array(inner(schema.items), {
        minLength: schema.minItems ?? 0,
        maxLength: Math.max(schema.minItems ?? 0, Math.min(schema.maxItems ?? 5, 8)),
      });
    case 'object':
      return objectFor(schema, mode, depth);
    default:
      return anyJson;
  }
}

function objectFor(schema: JsonSchema, mode: Mode, depth: number): fc.Arbitrary<unknown> {
  const properties = schema.properties ?? {};
  const names = Object.keys(properties);
  const record = fc.record(
    Object.fromEntries(names.map((name) => [name, fromSchema(properties[name], mode, depth + 1, name)])),
    { requiredKeys: (schema.required ?? []).filter((name) => names.includes(name)) },
  );
  const extraField =
    mode === 'valid' ? fc.constant(null) : fc.option(fc.tuple(anyString, anyJson), { freq: 10 });
  return fc.tuple(record, extraField).map(([object, extra]) => {
    const copy: Record<string, unknown> = { ...(object as Record<string, unknown>) };
    if (extra) copy[extra[0]] = extra[1];
    return copy;
  });
}

const asJson = (value: unknown) => ({ type: 'application/json', payload: JSON.stringify(value) });

/** A body as raw text plus the content type it is sent with: valid-ish JSON, broken JSON, or the wrong type. */
export function bodyFor(schema: JsonSchema | undefined, bodyLimit: number) {
  return fc.oneof(
    { weight: 6, arbitrary: fromSchema(schema, 'valid').map(asJson) },
    { weight: 4, arbitrary: fromSchema(schema, 'mixed').map(asJson) },
    {
      weight: 1,
      arbitrary: fc.string({ maxLength: 50 }).map((s) => ({ type: 'application/json', payload: s })),
    },
    {
      weight: 1,
      arbitrary: fc.constantFrom(
        { type: 'application/json', payload: '' },
        { type: 'application/json', payload: '{"a":' },
        { type: 'application/json', payload: '{"__proto__":{"polluted":true}}' },
        { type: 'application/json', payload: '{"constructor":{"prototype":{"polluted":true}}}' },
        { type: 'application/json', payload: `${'['.repeat(5000)}${']'.repeat(5000)}` },
        { type: 'application/json', payload: JSON.stringify({ message: 'x'.repeat(bodyLimit) }) },
        { type: 'application/json; charset=utf-16', payload: '{}' },
        { type: 'text/plain', payload: 'hello' },
        { type: 'application/x-www-form-urlencoded', payload: 'a=1&b=2' },
        { type: 'multipart/form-data; boundary=x', payload: '--x\r\n\r\n--x--' },
        { type: 'application/xml', payload: '<a/>' },
      ),
    },
  );
}

// encodeURIComponent throws on lone surrogates; send the replacement character instead, as a browser would.
export const encode = (value: string) =>
  encodeURIComponent(
    value.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd'),
  );

/** A query string built from the documented parameters (mostly plausible) plus stray ones. */
export function queryFor(parameters: Array<{ name: string; schema?: JsonSchema }>) {
  const candidates = parameters.length > 0 ? parameters : [{ name: 'q', schema: undefined }];
  const known = fc.constantFrom<Mode>('valid', 'valid', 'mixed').chain((mode) =>
    fc.uniqueArray(
      fc
        .constantFrom(...candidates)
        .chain((p) => fromSchema(p.schema, mode, 0, p.name).map((value) => [p.name, value] as const)),
      { maxLength: 4, selector: ([name]) => name },
    ),
  );
  const stray = fc.option(fc.array(fc.tuple(anyString, anyString), { minLength: 1, maxLength: 2 }), {
    freq: 4,
  });
  return fc.tuple(known, stray).map(([a, b]) => {
    const parts = [...a, ...(b ?? [])].map(([key, value]) => {
      const text = typeof value === 'string' ? value : JSON.stringify(value);
      return `${encode(key)}=${encode(text ?? '')}`;
    });
    return parts.length > 0 ? `?${parts.join('&')}` : '';
  });
}

/** A path parameter: a known id (to reach real rows), a random UUID, or garbage. */
export function pathValue(resource: string) {
  const raw = fc.oneof(
    { weight: 4, arbitrary: seenId(resource, fc.uuid()) },
    { weight: 2, arbitrary: fc.uuid() },
    { weight: 3, arbitrary: anyString.map((s) => encode(s)) },
    {
      weight: 1,
      arbitrary: fc.constantFrom('%', '%zz', '%E0%A4%A', '..%2F..%2F', '%2e%2e', 'a%00b', ';', '*'),
    },
  );
  return raw.map((value) => (value === '' ? '%20' : value));
}

export const headerArbitrary = (adminAuthorization: string) =>
  fc.record(
    {
      authorization: fc.oneof(
        { weight: 12, arbitrary: fc.constant(adminAuthorization) },
        {
          weight: 1,
          arbitrary: fc.constantFrom(
            'Bearer ',
            'Basic YTpi',
            'Bearer wrong-key-000000000000',
            'x'.repeat(9000),
          ),
        },
        { weight: 1, arbitrary: fc.string({ maxLength: 30 }).map((s) => `Bearer ${s}`) },
      ),
      'x-request-id': fc.oneof(fc.uuid(), fc.string({ maxLength: 200 }), fc.constant('../../x')),
      'x-api-key': fc.string({ maxLength: 30 }),
      accept: fc.constantFrom('application/json', 'text/html', '*/*', 'application/xml', 'text/event-stream'),
      'accept-encoding': fc.constantFrom('gzip', 'identity', 'br;q=1, *;q=0', ''),
    },
    { requiredKeys: ['authorization'] },
  );
