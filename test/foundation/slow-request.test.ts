import net from 'node:net';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app.js';

/**
 * A client that never finishes its request is answered 408 and disconnected once REQUEST_TIMEOUT_MS has passed.
 * Node only looks for expired requests every `connectionsCheckingInterval` (30 s by default), which stretched the
 * documented 30 s to 39–69 s; the server now checks often enough for the real window to match the setting.
 * With a 1 s timeout the connection must be gone well inside 15 s (Node's default would take about 30 s).
 */
describe('slow-request timeout', () => {
  let t: TestApp;
  let app: FastifyInstance;
  let port = 0;
  beforeAll(async () => {
    t = await createTestApp('sqlite', { REQUEST_TIMEOUT_MS: '1000' });
    app = t.app;
    await app.listen({ host: '127.0.0.1', port: 0 });
    port = (app.server.address() as net.AddressInfo).port;
  });
  afterAll(async () => t.close());

  it('answers 408 and closes a connection that stops halfway through its headers', async () => {
    const socket = net.connect(port, '127.0.0.1');
    let received = '';
    socket.on('data', (chunk) => {
      received += chunk.toString();
    });
    await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
    const opened = Date.now();
    socket.write('POST /api/v1/query HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n');
    const closedAfter = await new Promise<number>((resolve) => {
      const guard = setTimeout(() => {
        socket.destroy();
        resolve(Number.POSITIVE_INFINITY);
      }, 15_000);
      socket.once('close', () => {
        clearTimeout(guard);
        resolve(Date.now() - opened);
      });
    });
    expect(closedAfter).toBeLessThan(15_000);
    expect(closedAfter).toBeGreaterThanOrEqual(900);
    expect(received).toMatch(/^HTTP\/1\.1 408/);
  }, 30_000);
});
