import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Receiver {
  url: string;
  received: number;
  close(): Promise<void>;
}

/** A local webhook receiver that answers 200 (after `delayMs`, at once by default) and counts what it got. */
export async function startReceiver(delayMs = 0): Promise<Receiver> {
  const receiver = { url: '', received: 0, close: async () => {} };
  const server = http.createServer((request, response) => {
    request.resume();
    request.on('end', () => {
      receiver.received++;
      const answer = () => response.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
      if (delayMs > 0) setTimeout(answer, delayMs);
      else answer();
    });
  });
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  receiver.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
  receiver.close = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return receiver;
}

/** Registers `count` webhooks for query.created on a running server, all pointing at the receiver. */
export async function registerWebhooks(
  serverUrl: string,
  adminKey: string,
  receiverUrl: string,
  count: number,
) {
  for (let i = 0; i < count; i++) {
    const response = await fetch(`${serverUrl}/api/v1/webhooks`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${adminKey}` },
      body: JSON.stringify({ url: `${receiverUrl}?n=${i}`, events: ['query.created', 'query.escalated'] }),
    });
    if (response.status !== 201)
      throw new Error(`webhook registration failed: ${response.status} ${await response.text()}`);
  }
}
