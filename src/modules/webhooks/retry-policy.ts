/**
 * What happens after an attempt, as data and one pure function. The defaults are the original system's:
 * 3 attempts, waiting 1 s then 2 s (doubling), 10 s per attempt.
 */
export const retrySchedule = {
  defaultMaxAttempts: 3,
  defaultTimeoutSeconds: 10,
  firstDelayMs: 1000,
  factor: 2,
  /** No single wait is longer, whatever the attempt number or Retry-After says. */
  maxDelayMs: 24 * 60 * 60 * 1000,
  /** Added to the attempt timeout to form the claim lease: room to record the outcome before others may retry. */
  leaseMarginMs: 15_000,
} as const;

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

export function backoffDelayMs(attemptsMade: number): number {
  const delay = retrySchedule.firstDelayMs * retrySchedule.factor ** Math.max(0, attemptsMade - 1);
  return Math.min(delay, retrySchedule.maxDelayMs);
}

/** Retry-After as seconds or an HTTP date, in milliseconds from now; null when absent or unreadable. */
export function parseRetryAfter(value: string | null | undefined, now: number): number | null {
  if (!value) return null;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? null : Math.max(0, date - now);
}

/**
 * @param attemptsMade attempts in the current round, including this one
 * @param maxAttempts the webhook's max_attempts
 */
export function decide(
  outcome: AttemptOutcome,
  attemptsMade: number,
  maxAttempts: number,
  now: number,
): Decision {
  const status = outcome.statusCode;
  if (status !== null && status >= 200 && status < 300) return { kind: 'success' };
  const error = outcome.error ?? describeStatus(status);
  if (status === 410) return { kind: 'deactivate', error };
  const retryable =
    status === null || status >= 500 || status === 408 || status === 429 || (status >= 100 && status < 200);
  if (!retryable || attemptsMade >= maxAttempts) return { kind: 'fail', error };
  let delayMs = backoffDelayMs(attemptsMade);
  if (status === 429 || status === 503) {
    const requested = parseRetryAfter(outcome.retryAfter, now);
    if (requested !== null) delayMs = requested;
  }
  return { kind: 'retry', delayMs: Math.min(delayMs, retrySchedule.maxDelayMs), error };
}

function describeStatus(status: number | null): string {
  if (status === null) return 'no response';
  if (status >= 300 && status < 400) return `HTTP ${status} (redirects are not followed)`;
  return `HTTP ${status}`;
}
