import type { Clock } from '../../clock.js';

export type CircuitState = 'closed' | 'open' | 'half-open';

export interface CircuitBreakerOptions {
  /** Consecutive failures that open the circuit. */
  failureThreshold: number;
  /** How long the circuit stays open before one probe request is let through. */
  cooldownMs: number;
  clock: Clock;
  onStateChange?: (state: CircuitState) => void;
}

/**
 * Stops calling a provider that keeps failing, so every question does not pay the full timeout while it is
 * down. After the cool-down a single probe is allowed (half-open): its success closes the circuit, its
 * failure opens it again for another cool-down.
 */
export class CircuitBreaker {
  private current: CircuitState = 'closed';
  private consecutiveFailures = 0;
  private openedAt = 0;
  private probeInFlight = false;

  constructor(private readonly options: CircuitBreakerOptions) {}

  get state(): CircuitState {
    if (this.current === 'open' && this.cooledDown()) return 'half-open';
    return this.current;
  }

  /** Whether a call may go out now; in half-open state only the first caller gets the probe. */
  tryAcquire(): boolean {
    if (this.current === 'closed') return true;
    if (this.current === 'open') {
      if (!this.cooledDown()) return false;
      this.transition('half-open');
    }
    if (this.probeInFlight) return false;
    this.probeInFlight = true;
    return true;
  }

  recordSuccess(): void {
    this.consecutiveFailures = 0;
    this.probeInFlight = false;
    if (this.current !== 'closed') this.transition('closed');
  }

  recordFailure(): void {
    this.probeInFlight = false;
    if (this.current === 'half-open') {
      this.open();
      return;
    }
    this.consecutiveFailures += 1;
    if (this.current === 'closed' && this.consecutiveFailures >= this.options.failureThreshold) this.open();
  }

  private cooledDown(): boolean {
    return this.options.clock.now() - this.openedAt >= this.options.cooldownMs;
  }

  private open(): void {
    this.openedAt = this.options.clock.now();
    this.consecutiveFailures = 0;
    this.transition('open');
  }

  private transition(state: CircuitState): void {
    this.current = state;
    this.options.onStateChange?.(state);
  }
}
