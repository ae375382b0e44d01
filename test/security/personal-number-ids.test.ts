import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { adminHeaders, createTestApp, type TestApp } from '../helpers/app.js';
import { describeEachDatabase } from '../helpers/databases.js';

/**
 * A user id is copied into every stored row, log line and webhook payload about the employee; one shaped like a
 * social security or payment card number would spread it everywhere unmasked. Such ids are refused with a 422.
 */

const personalNumbers = ['123-45-6789', '123456789', '4111111111111111', '4111-1111-1111-1111'];

async function rowCount(t: TestApp, table: string): Promise<number> {
  const { rows } = await sql<{ n: number | string }>`select count(*) as n from ${sql.table(table)}`.execute(
    t.db.kysely,
  );
  return Number(rows[0]!.n);
}

describeEachDatabase('user ids shaped like personal numbers', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(kind);
  });
  afterAll(async () => t.close());

  it('refuses them with a 422 naming user_id, storing nothing and queueing no webhook', async () => {
    for (const userId of personalNumbers) {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/v1/query',
        payload: { message: 'How many vacation days do I have?', user_id: userId },
      });
      expect(res.statusCode, userId).toBe(422);
      expect(res.json().error.message).toMatch(
        /Employee ID \(user_id\) must not be a social security or payment card number/,
      );
    }
    for (const table of ['users', 'conversations', 'messages', 'webhook_deliveries']) {
      expect(await rowCount(t, table), table).toBe(0);
    }
    const path = await t.app.inject({
      method: 'GET',
      url: '/api/v1/users/123-45-6789/conversations',
      headers: adminHeaders,
    });
    expect(path.statusCode).toBe(422);
    const feedback = await t.app.inject({
      method: 'POST',
      url: '/api/v1/feedback',
      payload: {
        conversation_id: '00000000-0000-4000-8000-000000000000',
        user_id: '4111111111111111',
        rating: 3,
      },
    });
    expect(feedback.statusCode).toBe(422);
  });

  it('keeps accepting ordinary ids, including ones with digits', async () => {
    for (const userId of ['emp-123456789', 'jane.doe@example.com', 'E12345', '12345', 'u-4111111111111111']) {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/v1/query',
        payload: { message: 'How many vacation days do I have?', user_id: userId },
      });
      expect(res.statusCode, `${userId}: ${res.body}`).toBe(200);
    }
  });
});
