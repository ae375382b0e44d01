import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/clock.js';
import { CircuitBreaker, type CircuitState } from '../../src/modules/llm/circuit-breaker.js';

function breaker() {
  const clock = new ManualClock();
  const changes: CircuitState[] = [];
  const cb = new CircuitBreaker({
    failureThreshold: 2,
    cooldownMs: 1000,
    clock,
    onStateChange: (s) => changes.push(s),
  });
  return { cb, clock, changes };
}

describe('circuit breaker', () => {
  it('counts only consecutive failures', () => {
    const { cb } = breaker();
    cb.recordFailure();
    cb.recordSuccess();
    cb.recordFailure();
    expect(cb.state).toBe('closed');
    expect(cb.tryAcquire()).toBe(true);
    cb.recordFailure();
    expect(cb.state).toBe('open');
    expect(cb.tryAcquire()).toBe(false);
  });

  it('lets exactly one probe through when half-open', () => {
    const { cb, clock, changes } = breaker();
    cb.recordFailure();
    cb.recordFailure();
    clock.advance(999);
    expect(cb.tryAcquire()).toBe(false);
    clock.advance(1);
    expect(cb.tryAcquire()).toBe(true);
    expect(cb.tryAcquire()).toBe(false);
    cb.recordSuccess();
    expect(cb.state).toBe('closed');
    expect(cb.tryAcquire()).toBe(true);
    expect(changes).toEqual(['open', 'half-open', 'closed']);
  });

  it('re-opens for a full cool-down when the probe fails', () => {
    const { cb, clock } = breaker();
    cb.recordFailure();
    cb.recordFailure();
    clock.advance(1000);
    expect(cb.tryAcquire()).toBe(true);
    cb.recordFailure();
    expect(cb.state).toBe('open');
    clock.advance(999);
    expect(cb.tryAcquire()).toBe(false);
    clock.advance(1);
    expect(cb.tryAcquire()).toBe(true);
  });
});
