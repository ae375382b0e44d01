import type { Clock } from '../../clock.js';

/**
 * Per-webhook token buckets (capacity = one second's worth) on the injected clock. The limit holds per worker
 * process; with several workers each keeps its own bucket, so run one worker per webhook-heavy deployment or
 * divide the limit (documented in docs/webhooks.md).
 */
export class RateLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();
  constructor(private readonly clock: Clock) {}

  /** Takes a token and returns 0, or returns how many ms until one is available. */
  take(key: string, perSecond: number | null): number {
    if (!perSecond || perSecond <= 0) return 0;
    const now = this.clock.now();
    const bucket = this.buckets.get(key) ?? { tokens: perSecond, at: now };
    bucket.tokens = Math.min(perSecond, bucket.tokens + ((now - bucket.at) / 1000) * perSecond);
    bucket.at = now;
    this.buckets.set(key, bucket);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return 0;
    }
    return Math.ceil(((1 - bucket.tokens) / perSecond) * 1000);
  }
}
