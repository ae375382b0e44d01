import { describe, expect, it } from 'vitest';
import { useTracedServer } from './trace-server.js';

const ADMIN_KEY = 'log-test-admin-key-6f1d2c9a8b7e';

/**
 * The real server process at LOG_LEVEL=trace, driven over HTTP through everything that handles a credential or
 * personal data; its whole output must contain none of them.
 */
describe('nothing secret or personal reaches the process output', () => {
  const traced = useTracedServer(ADMIN_KEY);

  it('after webhook secrets, admin requests, wrong keys and PII-bearing questions', async () => {
    const admin = { authorization: `Bearer ${ADMIN_KEY}`, 'content-type': 'application/json' };
    const call = async (
      method: string,
      url: string,
      body?: unknown,
      headers: Record<string, string> = admin,
    ) => {
      const res = await fetch(`${traced.server.baseUrl}${url}`, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      return { status: res.status, body: (await res.json()) as Record<string, unknown> };
    };
    const receiverUrl = traced.receiver.url;

    const created = await call('POST', '/api/v1/webhooks', { url: receiverUrl, events: ['query.created'] });
    expect(created.status).toBe(201);
    const id = created.body.id as string;
    const secrets = [created.body.secret_key as string];
    const rotated = await call('POST', `/api/v1/webhooks/${id}/rotate-secret`, {});
    expect(rotated.status).toBe(200);
    secrets.push(rotated.body.secret_key as string);
    const revealed = await call('GET', `/api/v1/webhooks/${id}/secret`);
    expect(revealed.status).toBe(200);
    expect((await call('POST', `/api/v1/webhooks/${id}/test`, {})).status).toBeLessThan(300);
    const withPassword = receiverUrl.replace('http://', 'http://hook-user:UrlPass-5d81e2@');
    const basic = await call('POST', '/api/v1/webhooks', { url: withPassword, events: ['query.created'] });
    expect(basic.status).toBe(201);
    expect((await call('POST', `/api/v1/webhooks/${basic.body.id}/test`, {})).status).toBeLessThan(300);

    const wrong = await call('GET', '/api/v1/webhooks', undefined, {
      'x-api-key': 'not-the-key-but-secret-7731',
    });
    expect(wrong.status).toBe(401);
    expect(JSON.stringify(wrong.body)).not.toContain('not-the-key-but-secret-7731');

    // A client that puts the key in the URL is refused, and the URL is logged with the key redacted.
    const inQuery = await call(
      'GET',
      `/api/v1/webhooks?api_key=${ADMIN_KEY}&token=${ADMIN_KEY}`,
      undefined,
      {},
    );
    expect(inQuery.status).toBe(401);
    const ssnPath = await call('GET', '/api/v1/users/123-45-6789/conversations');
    expect(ssnPath.status).toBe(422);

    const asked = await call(
      'POST',
      '/api/v1/query',
      {
        message: 'My SSN is 123-45-6789 and my card 4111 1111 1111 1111 was charged twice',
        user_id: 'log-user',
      },
      { 'content-type': 'application/json' },
    );
    expect(asked.status).toBe(200);
    // Let the embedded worker deliver (and log) the query.created event.
    for (let i = 0; i < 50 && traced.received.length < 4; i++)
      await new Promise((resolve) => setTimeout(resolve, 100));

    const output = traced.server.output();
    expect(output.length).toBeGreaterThan(0);
    expect(output).toContain('incoming request'); // request logging really was on
    expect(output).not.toContain(ADMIN_KEY);
    expect(output).not.toContain('not-the-key-but-secret-7731');
    for (const secret of secrets) {
      expect(secret.length).toBeGreaterThan(16);
      expect(output).not.toContain(secret);
      expect(output).not.toContain(secret.replace(/^whsec_/, ''));
    }
    expect(output).not.toContain('UrlPass-5d81e2');
    expect(output).not.toContain(Buffer.from('hook-user:UrlPass-5d81e2').toString('base64'));
    expect(output).not.toContain('123-45-6789');
    expect(output).not.toContain('4111 1111 1111 1111');
  }, 40_000);
});
