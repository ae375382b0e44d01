import type { Server } from 'node:http';
import { type EventLoopUtilization, performance } from 'node:perf_hooks';

/**
 * Tells the embedded delivery worker when the process is saturated by API traffic, so deliveries use spare
 * capacity and yield when requests need it all: true while HTTP requests are being served AND the event loop
 * was busy more than `threshold` of the last moment. A standalone worker has no API and never yields.
 */
export class ApiPressure {
  private inFlight = 0;
  private sample: EventLoopUtilization = performance.eventLoopUtilization();
  private sampledAt = performance.now();
  private saturated = false;

  constructor(private readonly threshold = 0.5) {}

  /** Counts requests at the Node server itself, so every route is seen whatever plugin registered it. */
  watch(server: Server): void {
    server.on('request', (_request, response) => {
      this.inFlight++;
      response.once('close', () => {
        this.inFlight--;
      });
    });
  }

  underPressure = (): boolean => {
    if (this.inFlight === 0) return false;
    const now = performance.now();
    if (now - this.sampledAt >= 100) {
      const current = performance.eventLoopUtilization();
      this.saturated = performance.eventLoopUtilization(current, this.sample).utilization > this.threshold;
      this.sample = current;
      this.sampledAt = now;
    }
    return this.saturated;
  };
}
