import type { FastifyRequest } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.js';
import { ManualClock } from '../../src/clock.js';
import { loadConfig } from '../../src/config.js';
import { createDb } from '../../src/db/create-db.js';
import { type AuditActor, auditActor, recordAudit, systemActor } from '../../src/modules/audit/audit.js';
import { tokenPrincipal } from '../../src/modules/identity/principal.js';
import { adminHeaders, createTestApp, TEST_ADMIN_KEY, type TestApp } from '../helpers/app.js';
import { createTestDatabase, describeEachDatabase, tempDir } from '../helpers/databases.js';

const admin: AuditActor = { actor: 'admin:0123abcd', ip: '10.9.8.7', request_id: 'req-1' };

describeEachDatabase('audit log', (kind) => {
  let t: TestApp;
  const clock = new ManualClock(Date.UTC(2026, 10, 28, 9, 0, 0));

  beforeAll(async () => {
    t = await createTestApp(kind, {}, { clock });
  });
  afterAll(async () => t.close());

  const list = (query = '') =>
    t.app.inject({ method: 'GET', url: `/api/v1/audit${query}`, headers: adminHeaders });

  it('is admin only', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/audit' });
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('UNAUTHORIZED');
  });

  it('writes entries with the change and lists them newest first, filtered and paged', async () => {
    const db = testDb(t);
    await db.transaction().execute(async (trx) => {
      await recordAudit(
        trx,
        {
          ...admin,
          action: 'webhook.create',
          target_type: 'webhook',
          target_id: 'w1',
          details: { url: 'https://hooks.example/x', secret: 'whsec_live', note: 'SSN 123-45-6789' },
        },
        clock,
      );
    });
    clock.advance(1000);
    await recordAudit(
      db,
      { ...admin, action: 'kb.update', target_type: 'kb_article', target_id: 'a1' },
      clock,
    );
    clock.advance(1000);
    await recordAudit(
      db,
      { ...systemActor('kb-import'), action: 'kb.create', target_type: 'kb_article', target_id: 'a2' },
      clock,
    );

    const all = await list();
    expect(all.statusCode).toBe(200);
    const body = all.json();
    expect(body.total).toBe(3);
    expect(body.skip).toBe(0);
    expect(body.limit).toBe(50);
    expect(body.entries.map((e: { action: string }) => e.action)).toEqual([
      'kb.create',
      'kb.update',
      'webhook.create',
    ]);
    const created = body.entries[2];
    expect(created).toMatchObject({
      actor: 'admin:0123abcd',
      ip: '10.9.8.7',
      target_type: 'webhook',
      target_id: 'w1',
      request_id: 'req-1',
      at: '2026-11-28T09:00:00.000Z',
    });
    // Secrets never reach the trail; identifiers are masked like everywhere else.
    expect(created.details).toEqual({
      url: 'https://hooks.example/x',
      secret: '[redacted]',
      note: 'SSN ***-**-6789',
    });
    expect(JSON.stringify(body)).not.toContain('whsec_live');
    expect(body.entries[0]).toMatchObject({
      actor: 'kb-import',
      ip: 'local',
      request_id: null,
      details: null,
    });

    const byAction = (await list('?action=kb.update')).json();
    expect(byAction.total).toBe(1);
    expect(byAction.entries[0].target_id).toBe('a1');
    const byType = (await list('?target_type=kb_article&limit=1&skip=1')).json();
    expect(byType).toMatchObject({ total: 2, skip: 1, limit: 1 });
    expect(byType.entries.map((e: { target_id: string }) => e.target_id)).toEqual(['a1']);
    const byTarget = (await list('?target_id=w1')).json();
    expect(byTarget.total).toBe(1);
  });

  it('writes nothing when the change it belongs to rolls back', async () => {
    const db = testDb(t);
    const before = (await list()).json().total;
    await expect(
      db.transaction().execute(async (trx) => {
        await recordAudit(
          trx,
          { ...admin, action: 'webhook.delete', target_type: 'webhook', target_id: 'w9' },
          clock,
        );
        throw new Error('change failed');
      }),
    ).rejects.toThrow('change failed');
    expect((await list()).json().total).toBe(before);
  });

  it.each([
    '?limit=101',
    '?limit=0',
    '?skip=-1',
    '?limit=abc',
    '?action=DROP%20TABLE',
    `?target_type=${'x'.repeat(65)}`,
  ])('rejects %s with 422 in the common shape', async (query) => {
    const res = await list(query);
    expect(res.statusCode).toBe(422);
    expect(res.json().error.code).toBe('VALIDATION_ERROR');
    expect(res.json().detail).toBe(res.json().error.message);
  });
});

it('names the acting person by the name their credential carries, and the address', () => {
  const request = {
    headers: { authorization: `Bearer ${TEST_ADMIN_KEY}` },
    principal: tokenPrincipal('bootstrap', 'hr_admin', 'bootstrap'),
    ip: '192.0.2.10',
    id: 'req-42',
  } as unknown as FastifyRequest;
  expect(auditActor(request)).toEqual({
    actor: 'token:bootstrap',
    ip: '192.0.2.10',
    request_id: 'req-42',
  });
  expect(JSON.stringify(auditActor(request))).not.toContain(TEST_ADMIN_KEY);
});

function testDb(t: TestApp) {
  return t.db.kysely;
}

describe('the acting admin of a request reaches services without HTTP types', () => {
  it('records actor, address and request id of the request being handled', async () => {
    const database = await createTestDatabase('sqlite');
    const config = loadConfig({
      DATABASE_URL: database.url,
      DATA_DIR: tempDir(),
      ADMIN_API_KEY: TEST_ADMIN_KEY,
      LOG_LEVEL: 'silent',
      RATE_LIMIT_PER_MINUTE: '0',
    });
    const db = createDb(config.database);
    const clock = new ManualClock();
    const app = await buildApp(config, { db, clock });
    // A service-like function: no request in sight, only the change it makes and its audit line.
    const changeSomething = async () => {
      await new Promise((resolve) => setImmediate(resolve));
      await db.kysely.transaction().execute(async (trx) => {
        await recordAudit(trx, { action: 'probe.change', target_type: 'probe', target_id: 'p1' }, clock);
      });
    };
    app.post('/probe/change', { onRequest: app.requireAdmin, schema: { hide: true } }, async () => {
      await changeSomething();
      return { ok: true };
    });
    await app.ready();
    try {
      const res = await app.inject({
        method: 'POST',
        url: '/probe/change',
        headers: { ...adminHeaders, 'x-request-id': 'probe-req-1' },
        remoteAddress: '198.51.100.7',
        payload: {},
      });
      expect(res.statusCode).toBe(200);
      await recordAudit(db, { action: 'probe.cli', target_type: 'probe', target_id: null }, clock);
      const rows = await db.kysely.selectFrom('audit_log').selectAll().orderBy('action').execute();
      expect(rows.map((r) => [r.action, r.actor, r.ip, r.request_id])).toEqual([
        ['probe.change', 'token:bootstrap', '198.51.100.7', 'probe-req-1'],
        ['probe.cli', 'system', 'local', null],
      ]);
    } finally {
      await app.close();
      await db.destroy();
      await database.cleanup();
    }
  });
});
