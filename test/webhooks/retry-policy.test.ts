import { describe, expect, it } from 'vitest';
import {
  decide,
  doublingSchedule,
  parseRetryAfter,
  retrySchedule,
} from '../../src/modules/webhooks/retry-policy.js';

const now = Date.UTC(2026, 0, 1);
const response = (statusCode: number, retryAfter?: string) => ({ statusCode, error: null, retryAfter });
const noJitter = () => 0;
const original = [1, 2];

describe('retry policy', () => {
  it('the default schedule: 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h (eight attempts, about 27 h)', () => {
    const waits = retrySchedule.defaultScheduleSeconds;
    expect(waits).toEqual([5, 300, 1800, 7200, 18_000, 36_000, 36_000]);
    const hours = waits.reduce((a, b) => a + b, 0) / 3600;
    expect(hours).toBeGreaterThan(27);
    expect(hours).toBeLessThan(28);
    const delays = waits.map((_, i) => decide(response(503), i + 1, waits, now, noJitter));
    expect(delays.map((d) => (d.kind === 'retry' ? d.delayMs / 1000 : d.kind))).toEqual([...waits]);
    expect(decide(response(503), waits.length + 1, waits, now)).toMatchObject({ kind: 'fail' });
  });

  it('max_attempts alone keeps the original doubling waits', () => {
    expect(doublingSchedule(3)).toEqual([1, 2]);
    expect(doublingSchedule(5)).toEqual([1, 2, 4, 8]);
    expect(doublingSchedule(1)).toEqual([]);
  });

  it('jitter shortens a wait by at most 10 %, never lengthens it', () => {
    const shortest = decide(response(500), 1, [300], now, () => 0.999_999);
    expect(shortest).toMatchObject({ kind: 'retry' });
    const ms = (shortest as { delayMs: number }).delayMs;
    expect(ms).toBeGreaterThanOrEqual(270_000);
    expect(ms).toBeLessThan(300_000);
    expect(decide(response(500), 1, [300], now, noJitter)).toMatchObject({ delayMs: 300_000 });
  });

  it.each([200, 201, 204, 299])('%i is success', (status) => {
    expect(decide(response(status), 1, original, now)).toEqual({ kind: 'success' });
  });

  it.each([500, 502, 503, 504, 408, 429])('%i retries while the schedule has waits left', (status) => {
    expect(decide(response(status), 1, original, now, noJitter)).toMatchObject({
      kind: 'retry',
      delayMs: 1000,
    });
    expect(decide(response(status), 3, original, now)).toMatchObject({
      kind: 'fail',
      error: `HTTP ${status}`,
    });
  });

  it.each([400, 401, 403, 404, 409, 422])('%i does not retry', (status) => {
    expect(decide(response(status), 1, original, now)).toEqual({ kind: 'fail', error: `HTTP ${status}` });
  });

  it('410 deactivates; redirects are failures', () => {
    expect(decide(response(410), 1, original, now)).toMatchObject({ kind: 'deactivate' });
    expect(decide(response(301), 1, original, now)).toMatchObject({
      kind: 'fail',
      error: expect.stringMatching(/redirect/),
    });
  });

  it('network errors and timeouts retry, with their plain-words error', () => {
    expect(decide({ statusCode: null, error: 'connection refused' }, 2, original, now, noJitter)).toEqual({
      kind: 'retry',
      delayMs: 2000,
      error: 'connection refused',
    });
    expect(decide({ statusCode: null, error: 'timeout after 10 s' }, 3, original, now)).toEqual({
      kind: 'fail',
      error: 'timeout after 10 s',
    });
  });

  it('honours Retry-After in seconds or as a date, on 429, 503 and other retried answers, up to 24 h', () => {
    expect(decide(response(429, '7'), 1, original, now)).toMatchObject({ kind: 'retry', delayMs: 7000 });
    const date = new Date(now + 90_000).toUTCString();
    expect(decide(response(429, date), 1, original, now)).toMatchObject({ kind: 'retry', delayMs: 90_000 });
    expect(decide(response(500, '60'), 1, original, now)).toMatchObject({ kind: 'retry', delayMs: 60_000 });
    expect(decide(response(503, '999999'), 1, original, now)).toMatchObject({ delayMs: 86_400_000 });
    expect(decide(response(400, '5'), 1, original, now)).toMatchObject({ kind: 'fail' });
    expect(parseRetryAfter('soon', now)).toBeNull();
  });
});
