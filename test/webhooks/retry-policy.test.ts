import { describe, expect, it } from 'vitest';
import { backoffDelayMs, decide, parseRetryAfter } from '../../src/modules/webhooks/retry-policy.js';

const now = Date.UTC(2026, 0, 1);
const response = (statusCode: number, retryAfter?: string) => ({ statusCode, error: null, retryAfter });

describe('retry policy', () => {
  it('waits 1 s then 2 s then doubles', () => {
    expect([1, 2, 3, 4].map(backoffDelayMs)).toEqual([1000, 2000, 4000, 8000]);
  });

  it.each([200, 201, 204, 299])('%i is success', (status) => {
    expect(decide(response(status), 1, 3, now)).toEqual({ kind: 'success' });
  });

  it.each([500, 502, 503, 504, 408, 429])('%i retries while attempts remain', (status) => {
    expect(decide(response(status), 1, 3, now)).toMatchObject({ kind: 'retry', delayMs: 1000 });
    expect(decide(response(status), 3, 3, now)).toMatchObject({ kind: 'fail', error: `HTTP ${status}` });
  });

  it.each([400, 401, 403, 404, 409, 422])('%i does not retry', (status) => {
    expect(decide(response(status), 1, 3, now)).toEqual({ kind: 'fail', error: `HTTP ${status}` });
  });

  it('410 deactivates; redirects are failures', () => {
    expect(decide(response(410), 1, 3, now)).toMatchObject({ kind: 'deactivate' });
    expect(decide(response(301), 1, 3, now)).toMatchObject({
      kind: 'fail',
      error: expect.stringMatching(/redirect/),
    });
  });

  it('network errors and timeouts retry, with their plain-words error', () => {
    expect(decide({ statusCode: null, error: 'connection refused' }, 2, 3, now)).toEqual({
      kind: 'retry',
      delayMs: 2000,
      error: 'connection refused',
    });
    expect(decide({ statusCode: null, error: 'timeout after 10 s' }, 3, 3, now)).toEqual({
      kind: 'fail',
      error: 'timeout after 10 s',
    });
  });

  it('honours Retry-After on 429 in seconds or as a date', () => {
    expect(decide(response(429, '7'), 1, 3, now)).toMatchObject({ kind: 'retry', delayMs: 7000 });
    const date = new Date(now + 90_000).toUTCString();
    expect(decide(response(429, date), 1, 3, now)).toMatchObject({ kind: 'retry', delayMs: 90_000 });
    expect(parseRetryAfter('soon', now)).toBeNull();
  });
});
