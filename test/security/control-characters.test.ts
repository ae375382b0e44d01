import type { InjectOptions } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { seedConversation } from '../handoff/seed.js';
import { adminHeaders, createTestApp, type TestApp } from '../helpers/app.js';
import { describeEachDatabase } from '../helpers/databases.js';

/**
 * PostgreSQL cannot store U+0000 in text and SQLite can, so a NUL used to be a 500 (and a lost question) on one
 * engine and a stored row on the other. Every engine now answers the same: 422 naming the field, nothing stored.
 * Tab, line feed and carriage return are ordinary text and stay accepted.
 */

async function totalRows(t: TestApp): Promise<number> {
  let total = 0;
  for (const table of ['conversations', 'messages', 'feedback', 'kb_articles', 'webhooks', 'audit_log']) {
    const { rows } = await sql<{ n: number | string }>`select count(*) as n from ${sql.table(table)}`.execute(
      t.db.kysely,
    );
    total += Number(rows[0]!.n);
  }
  return total;
}

describeEachDatabase('control characters in input', (kind) => {
  let t: TestApp;
  let escalated: string;
  beforeAll(async () => {
    t = await createTestApp(kind);
    escalated = await seedConversation(t.db.kysely, {
      userId: 'emp-1',
      escalatedAt: 1_000,
      turns: [{ question: 'I need a person', at: 1_000, escalated: true }],
    });
  });
  afterAll(async () => t.close());

  const cases = (): Array<{
    label: string;
    field: string;
    request: InjectOptions;
  }> => [
    {
      label: 'question',
      field: 'message',
      request: { method: 'POST', url: '/api/v1/query', payload: { message: 'hello \u0000 world' } },
    },
    {
      label: 'feedback comment',
      field: 'comment',
      request: {
        method: 'POST',
        url: '/api/v1/feedback',
        payload: { conversation_id: escalated, user_id: 'emp-1', rating: 4, comment: 'ok\u0000' },
      },
    },
    {
      label: 'knowledge-base title',
      field: 'title',
      request: {
        method: 'POST',
        url: '/api/v1/kb',
        headers: adminHeaders,
        payload: { title: 'Leave\u0000policy', content: 'Ask HR.', category: 'Policy' },
      },
    },
    {
      label: 'assigned agent',
      field: 'agent',
      request: {
        method: 'POST',
        url: `/api/v1/conversations/${escalated}/assign`,
        headers: adminHeaders,
        payload: { agent: 'Dana\u0000' },
      },
    },
    {
      label: 'webhook description',
      field: 'description',
      request: {
        method: 'POST',
        url: '/api/v1/webhooks',
        headers: adminHeaders,
        payload: { url: 'http://127.0.0.1:9/hook', events: ['query.created'], description: 'a\u0000b' },
      },
    },
    {
      label: 'audit filter',
      field: 'target_id',
      request: { method: 'GET', url: '/api/v1/audit?target_id=a%00b', headers: adminHeaders },
    },
    {
      label: 'question with an escape character',
      field: 'message',
      request: { method: 'POST', url: '/api/v1/query', payload: { message: 'colour \u001b[31mred' } },
    },
    {
      label: 'question with a C1 control',
      field: 'message',
      request: { method: 'POST', url: '/api/v1/query', payload: { message: 'next \u0085line' } },
    },
    {
      label: 'streamed question',
      field: 'message',
      request: { method: 'GET', url: '/api/v1/query/stream?message=hi%01there' },
    },
  ];

  it('refuses NUL and other control characters with a 422 naming the field, storing nothing', async () => {
    for (const { label, field, request } of cases()) {
      const before = await totalRows(t);
      const res = await t.app.inject(request);
      expect(res.statusCode, `${label}: ${res.body}`).toBe(422);
      const body = res.json();
      expect(body.error.code).toBe('VALIDATION_ERROR');
      expect(body.error.message, label).toContain(field);
      expect(body.error.message, label).toMatch(/control character/);
      expect(await totalRows(t), label).toBe(before);
    }
  });

  it('keeps tab, line feed and carriage return as ordinary text', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/query',
      payload: { message: 'line one\r\nline\ttwo: how many vacation days do I get?' },
    });
    expect(res.statusCode, res.body).toBe(200);
  });
});
