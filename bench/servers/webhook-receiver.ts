import http from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * The benchmark's webhook receiver, in its own process: answers 200 at once, counts requests and notes when
 * each event id arrived (epoch ms with sub-millisecond precision, comparable across processes on one machine).
 * GET /arrivals returns them; POST anything else is a delivery.
 */
const arrivals: Record<string, number> = {};
let received = 0;
const server = http.createServer((request, response) => {
  if (request.method === 'GET' && request.url === '/arrivals') {
    response
      .writeHead(200, { 'content-type': 'application/json' })
      .end(JSON.stringify({ received, arrivals }));
    return;
  }
  const at = performance.timeOrigin + performance.now();
  request.resume();
  request.on('end', () => {
    received++;
    const id = request.headers['webhook-id'];
    if (typeof id === 'string') arrivals[id] = at;
    response.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
  });
});
server.keepAliveTimeout = 60_000;
server.listen(0, '127.0.0.1', () => {
  process.stdout.write(`LISTENING http://127.0.0.1:${(server.address() as AddressInfo).port}/hook\n`);
});
process.on('SIGTERM', () => {
  server.closeAllConnections();
  server.close(() => process.exit(0));
});
