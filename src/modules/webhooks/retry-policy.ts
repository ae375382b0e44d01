/**
 * What happens after an attempt, as data and one pure function.
 *
 * A webhook's retry schedule lists the waits, in seconds, before each retry: the first attempt goes out at once,
 * retry n waits schedule[n-1]. The default is the schedule the large webhook services run (5 s, 5 min, 30 min,
 * 2 h, 5 h, 10 h, 10 h: eight attempts over about 27 hours), so an endpoint down for an afternoon loses nothing.
 * The original system's policy (waits doubling from 1 s) is what `max_attempts` alone asks for; `[1, 2]` is its
 * default of three attempts.
 */
export const retrySchedule = {
  defaultScheduleSeconds: [5, 300, 1800, 7200, 18_000, 36_000, 36_000],
  maxEntries: 20,
  maxEntrySeconds: 24 * 60 * 60,
  /** Each wait is shortened by up to this share at random, so retries of many deliveries do not arrive at once. */
  jitter: 0.1,
  defaultTimeoutSeconds: 10,
  /** No single wait is longer, whatever the schedule or Retry-After says. */
  maxDelayMs: 24 * 60 * 60 * 1000,
  /** Added to the attempt timeout to form the claim lease: room to record the outcome before others may retry. */
  leaseMarginMs: 15_000,
} as const;

/** The original system's schedule for a number of attempts: waits of 1 s, 2 s, 4 s … (capped at 24 h). */
export function doublingSchedule(maxAttempts: number): number[] {
  return Array.from({ length: Math.max(0, maxAttempts - 1) }, (_, i) =>
    Math.min(2 ** i, retrySchedule.maxEntrySeconds),
  );
}

/** The waits of a stored webhook; rows from before schedules existed (null) keep their doubling policy. */
export function scheduleOf(webhook: { retry_schedule: string | null; max_attempts: number }): number[] {
  if (webhook.retry_schedule === null) return doublingSchedule(webhook.max_attempts);
  return JSON.parse(webhook.retry_schedule) as number[];
}

/** What one HTTP attempt produced, in transport terms. */
export interface AttemptOutcome {
  statusCode: number | null;
  /** Plain-words failure ("timeout after 10 s", "connection refused"); null when a response arrived. */
  error: string | null;
  /** The raw Retry-After header of the response, if any. */
  retryAfter?: string | null;
}

export type Decision =
  | { kind: 'success' }
  | { kind: 'retry'; delayMs: number; error: string }
  | { kind: 'fail'; error: string }
  /** 410 Gone: the receiver says the endpoint is gone for good; stop sending to it. */
  | { kind: 'deactivate'; error: string };

/** Retry-After as seconds or an HTTP date, in milliseconds from now; null when absent or unreadable. */
export function parseRetryAfter(value: string | null | undefined, now: number): number | null {
  if (!value) return null;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? null : Math.max(0, date - now);
}

/**
 * Success on 2xx; 410 stops the webhook; network errors, timeouts, 1xx, 5xx, 408 and 429 are retried while the
 * schedule has waits left; every other status fails at once (the receiver refused it, resending changes nothing).
 * The wait is the schedule's entry less up to 10 % jitter (never later than documented), or what Retry-After
 * asks for when the receiver says so.
 *
 * @param attemptsMade attempts in the current round, including this one
 * @param schedule the webhook's waits in seconds (see scheduleOf)
 * @param random a number in [0, 1) for the jitter
 */
export function decide(
  outcome: AttemptOutcome,
  attemptsMade: number,
  schedule: readonly number[],
  now: number,
  random: () => number = Math.random,
): Decision {
  const status = outcome.statusCode;
  if (status !== null && status >= 200 && status < 300) return { kind: 'success' };
  const error = outcome.error ?? describeStatus(status);
  if (status === 410) return { kind: 'deactivate', error };
  const retryable =
    status === null || status >= 500 || status === 408 || status === 429 || (status >= 100 && status < 200);
  const wait = schedule[attemptsMade - 1];
  if (!retryable || wait === undefined) return { kind: 'fail', error };
  let delayMs = Math.round(wait * 1000 * (1 - retrySchedule.jitter * random()));
  const requested = parseRetryAfter(outcome.retryAfter, now);
  if (requested !== null) delayMs = requested;
  return { kind: 'retry', delayMs: Math.min(delayMs, retrySchedule.maxDelayMs), error };
}

function describeStatus(status: number | null): string {
  if (status === null) return 'no response';
  if (status >= 300 && status < 400) return `HTTP ${status} (redirects are not followed)`;
  return `HTTP ${status}`;
}
