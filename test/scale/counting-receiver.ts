import http from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A webhook receiver on 127.0.0.1 that counts arrivals per Standard Webhooks `webhook-id` (the event id,
 * stable across retries), so lost and duplicated events can be told apart. It answers 200 after `delayMs`
 * (default: a few random milliseconds, so attempts are in flight when a worker is killed).
 */
export class CountingReceiver {
  readonly arrivals = new Map<string, number>();
  total = 0;
  private readonly server: http.Server;

  private constructor(delayMs: () => number) {
    this.server = http.createServer((request, response) => {
      request.resume();
      request.on('end', () => {
        const id = String(request.headers['webhook-id'] ?? 'missing');
        this.arrivals.set(id, (this.arrivals.get(id) ?? 0) + 1);
        this.total++;
        setTimeout(() => response.writeHead(200, { 'content-type': 'text/plain' }).end('ok'), delayMs());
      });
    });
    this.server.keepAliveTimeout = 60_000;
  }

  static async start(
    delayMs: () => number = () => Math.floor(Math.random() * 10),
  ): Promise<CountingReceiver> {
    const receiver = new CountingReceiver(delayMs);
    await new Promise<void>((resolve) => receiver.server.listen(0, '127.0.0.1', resolve));
    return receiver;
  }

  get url(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/hook`;
  }

  /** Arrivals beyond the first of each event. */
  get duplicates(): number {
    return this.total - this.arrivals.size;
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}
