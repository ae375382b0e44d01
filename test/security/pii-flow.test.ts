import { afterAll, beforeAll, expect, it } from 'vitest';
import { adminHeaders, createTestApp, type TestApp } from '../helpers/app.js';
import { describeEachDatabase } from '../helpers/databases.js';

// What an employee might really type: every kind of identifier, plus look-alikes that must survive.
const QUESTION =
  'My paycheck went to the wrong bank. SSN 123-45-6789, card 4111 1111 1111 1111, routing 021000021, ' +
  'account number 12345678901, passport number X12345678. Order 123456789, call me at 555-123-4567 on 2026-01-15.';
const RAW = ['123-45-6789', '4111 1111 1111 1111', '021000021', '12345678901', 'X12345678'];
const KEPT = ['Order 123456789', '555-123-4567', '2026-01-15'];

async function setUp(t: TestApp): Promise<{ conversationId: string; answer: string }> {
  const hook = await t.app.inject({
    method: 'POST',
    url: '/api/v1/webhooks',
    headers: adminHeaders,
    payload: {
      url: 'http://127.0.0.1:9/hook',
      events: ['query.created', 'query.escalated', 'feedback.received'],
    },
  });
  expect(hook.statusCode).toBe(201);
  const asked = await t.app.inject({
    method: 'POST',
    url: '/api/v1/query',
    payload: { message: QUESTION, user_id: 'pii-employee' },
  });
  expect(asked.statusCode).toBe(200);
  const { conversation_id: conversationId, response: answer } = asked.json();
  const rated = await t.app.inject({
    method: 'POST',
    url: '/api/v1/feedback',
    payload: {
      conversation_id: conversationId,
      user_id: 'pii-employee',
      rating: 2,
      comment: 'Still wrong, my SSN is 123-45-6789',
    },
  });
  expect(rated.statusCode).toBeLessThan(300);
  return { conversationId, answer };
}

async function everythingLeavingOrStored(
  t: TestApp,
  conversationId: string,
): Promise<Record<string, string>> {
  const db = t.db.kysely;
  const get = async (url: string) => (await t.app.inject({ method: 'GET', url, headers: adminHeaders })).body;
  return {
    messages: JSON.stringify(await db.selectFrom('messages').select('content').execute()),
    feedback: JSON.stringify(await db.selectFrom('feedback').selectAll().execute()),
    webhookPayloads: JSON.stringify(await db.selectFrom('webhook_deliveries').select('payload').execute()),
    conversation: await get(`/api/v1/conversations/${conversationId}`),
    analyticsSummary: await get('/api/v1/analytics/summary'),
    analyticsSeries: await get('/api/v1/analytics/timeseries'),
    escalations: await get('/api/v1/escalations'),
  };
}

describeEachDatabase('PII end to end with PII_REDACTION=mask (default)', (kind) => {
  let t: TestApp;
  let stored: Record<string, string>;
  beforeAll(async () => {
    t = await createTestApp(kind);
    const { conversationId } = await setUp(t);
    stored = await everythingLeavingOrStored(t, conversationId);
  });
  afterAll(async () => t.close());

  it.each([
    'messages',
    'feedback',
    'webhookPayloads',
    'conversation',
    'analyticsSummary',
    'analyticsSeries',
    'escalations',
  ])('%s holds no identifier', (where) => {
    for (const raw of RAW) expect(stored[where], `${where} contains ${raw}`).not.toContain(raw);
  });

  it('keeps the masked hints and the look-alikes in the stored question', () => {
    expect(stored.messages).toContain('***-**-6789');
    expect(stored.messages).toContain('[card ending 1111]');
    for (const kept of KEPT) expect(stored.messages).toContain(kept);
    expect(stored.webhookPayloads).toContain('***-**-6789');
  });
});

describeEachDatabase('PII with PII_REDACTION=off', (kind) => {
  it('stores and sends the original text', async () => {
    const t = await createTestApp(kind, { PII_REDACTION: 'off' });
    try {
      const { conversationId } = await setUp(t);
      const stored = await everythingLeavingOrStored(t, conversationId);
      expect(stored.messages).toContain('123-45-6789');
      expect(stored.webhookPayloads).toContain('123-45-6789');
    } finally {
      await t.close();
    }
  });
});

// Formats the masker used to miss, each sent through the question, the feedback comment and HR's resolution.
const VARIANTS: Array<[string, string]> = [
  ['SSN 123.45.6789', '123.45.6789'],
  ['SSN 123-45 6789', '123-45 6789'],
  ['SSN 123 - 45 - 6789', '123 - 45 - 6789'],
  ['SSN 123\u201345\u20136789', '123\u201345\u20136789'],
  ['SSN 123/45/6789', '123/45/6789'],
  ['SSN \uff11\uff12\uff13-\uff14\uff15-\uff16\uff17\uff18\uff19', '\uff16\uff17\uff18\uff19'],
  ['SSN \u0661\u0662\u0663-\u0664\u0665-\u0666\u0667\u0668\u0669', '\u0666\u0667\u0668\u0669'],
  ['SSN 123-45-\u200b6789', '\u200b6789'],
  ['SSN 1 2 3 4 5 6 7 8 9', '1 2 3 4 5 6 7 8 9'],
  ['SSN123456789', '123456789'],
  ['card 4111.1111.1111.1111', '4111.1111.1111.1111'],
  ['card 4111  1111  1111  1111', '4111  1111  1111  1111'],
  ['card 41111111 11111111', '41111111 11111111'],
  ['card 41 11 11 11 11 11 11 11', '41 11 11 11 11 11 11 11'],
  ['card 4111 1111-1111.1111', '4111 1111-1111.1111'],
  ['I paid with 4111 1111 1111 1111', '4111 1111 1111 1111'],
  ['the fee went on 4111 1111 1111 1111', '4111 1111 1111 1111'],
  ['IBAN gb82 west 1234 5698 7654 32', 'gb82 west 1234 5698 7654 32'],
  ['IBAN Gb82WeSt12345698765432', 'Gb82WeSt12345698765432'],
  ['IBAN GB82-WEST-1234-5698-7654-32', 'GB82-WEST-1234-5698-7654-32'],
  ['IBAN GB82.WEST.1234.5698.7654.32', 'GB82.WEST.1234.5698.7654.32'],
  ['IBAN GB82  WEST  1234  5698  7654  32', 'GB82  WEST  1234  5698  7654  32'],
];

describeEachDatabase('PII formats that used to get through, end to end', (kind) => {
  it('never reaches stored messages, feedback, webhook payloads or HR resolutions', async () => {
    const t = await createTestApp(kind);
    try {
      const hook = await t.app.inject({
        method: 'POST',
        url: '/api/v1/webhooks',
        headers: adminHeaders,
        payload: {
          url: 'http://127.0.0.1:9/hook',
          events: ['query.created', 'feedback.received', 'query.resolved'],
        },
      });
      expect(hook.statusCode).toBe(201);
      for (const [text, raw] of VARIANTS) {
        const asked = await t.app.inject({
          method: 'POST',
          url: '/api/v1/query',
          payload: {
            message: `I need help with my pay. ${text}. I want to talk to a person now`,
            user_id: 'pii-2',
          },
        });
        expect(asked.statusCode).toBe(200);
        const conversationId = asked.json().conversation_id;
        await t.app.inject({
          method: 'POST',
          url: '/api/v1/feedback',
          payload: {
            conversation_id: conversationId,
            user_id: 'pii-2',
            rating: 1,
            comment: `wrong: ${text}`,
          },
        });
        await t.app.inject({
          method: 'POST',
          url: `/api/v1/conversations/${conversationId}/resolve`,
          headers: adminHeaders,
          payload: { response: `We updated ${text} for you`, resolved_by: 'Dana' },
        });
        const stored = await everythingLeavingOrStored(t, conversationId);
        for (const where of ['messages', 'feedback', 'webhookPayloads', 'conversation']) {
          const plain = JSON.parse(JSON.stringify(stored[where]));
          expect(plain, `${where} holds ${text}`).not.toContain(raw);
          expect(plain, `${where} holds ${text}`).not.toContain(JSON.stringify(raw).slice(1, -1));
        }
      }
    } finally {
      await t.close();
    }
  }, 120_000);
});
