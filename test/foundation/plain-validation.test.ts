import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminHeaders, createTestApp, type TestApp } from '../helpers/app.js';

describe('validation errors in plain words', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp('sqlite');
  });
  afterAll(async () => t.close());

  const refusal = async (method: string, url: string, payload?: unknown) => {
    const res = await t.app.inject({
      method: method as 'GET',
      url,
      headers: {
        ...adminHeaders,
        ...(typeof payload === 'string' ? { 'content-type': 'application/json' } : {}),
      },
      payload: payload as string,
    });
    expect(res.statusCode, url).toBe(422);
    expect(res.json().error.code).toBe('VALIDATION_ERROR');
    return res.json().error.message as string;
  };

  const UUID = '3f2b8c1e-5d4a-4e7b-9c2d-1a2b3c4d5e6f';
  it.each([
    [
      'GET',
      '/api/v1/users/bad%20id!/conversations',
      undefined,
      'Employee ID (user_id) may only contain letters, digits and . _ @ + -.',
    ],
    ['POST', '/api/v1/query', {}, 'Message is required.'],
    ['POST', '/api/v1/query', { message: 42 }, 'Message must be text.'],
    [
      'POST',
      '/api/v1/query',
      { message: 'Hello', extra: 1 },
      '"extra" is not a field this request accepts: remove it.',
    ],
    [
      'POST',
      '/api/v1/query',
      { message: 'a'.repeat(4001) },
      'Message is too long: at most 4,000 characters.',
    ],
    ['POST', '/api/v1/query', '[1]', 'The request body must be a JSON object.'],
    ['GET', '/api/v1/users?limit=0', undefined, 'Page size (limit) must be at least 1.'],
    ['POST', '/api/v1/canned-replies', { title: '   ', body: 'Text' }, 'Title must not be blank.'],
    ['PATCH', `/api/v1/canned-replies/${UUID}`, {}, 'Send at least one field to change.'],
    ['GET', '/api/v1/conversations/not-a-uuid', undefined, `ID must look like ${UUID}.`],
    [
      'POST',
      '/api/v1/webhooks',
      { url: 'https://example.com/h', events: ['query.created', 'nope'] },
      'Events (events[2]) must be one of: query.created, query.escalated, query.resolved, query.replied, feedback.received, webhook.disabled, webhook.test.',
    ],
    ['POST', '/api/v1/feedback', { conversation_id: UUID, rating: 9 }, 'Rating must be at most 5.'],
  ])('%s %s → a sentence naming the field', async (method, url, payload, expected) => {
    expect(await refusal(method, url, payload)).toBe(expected);
  });

  it("never answers in the validator's own notation", async () => {
    const message = await refusal('GET', '/api/v1/users/x%20y');
    expect(message).not.toMatch(/must match pattern|params\/|body\/|\^\[/);
  });
});
