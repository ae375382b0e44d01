import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { request } from 'undici';
import { verifyWebhook } from './verify.js';

/**
 * The receiving half of `npm run listen`: a local HTTP server that takes the platform's deliveries for a
 * temporary webhook, verifies each signature, reports it, and forwards the request unchanged (same body
 * bytes, same headers) to the integrator's endpoint. The endpoint's answer (status and body) goes back to the
 * platform, so retries, 410 and the delivery log behave exactly as if the endpoint had been called directly.
 * A request whose signature does not verify is answered 401 and not forwarded.
 */

/** Headers that describe one hop, not the request: recomputed by the forwarding connection. */
const HOP_BY_HOP = new Set([
  'host',
  'connection',
  'keep-alive',
  'transfer-encoding',
  'content-length',
  'proxy-connection',
  'upgrade',
  'te',
  'trailer',
]);

const FORWARD_TIMEOUT_MS = 30_000;

export interface ListenedEvent {
  eventId: string | null;
  eventType: string | null;
  verified: boolean;
  /** The target's status, or null when the request was not forwarded or the target could not be reached. */
  forwardedStatus: number | null;
  error: string | null;
}

export interface LocalListenerOptions {
  forwardTo: string;
  /** The temporary webhook's secret (or whpk_ public key); set once the webhook is registered. */
  secret: () => string | null;
  report: (event: ListenedEvent) => void;
  host?: string;
  port?: number;
}

export interface LocalListener {
  url: string;
  close(): Promise<void>;
}

function forwardable(headers: http.IncomingHttpHeaders): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined && !HOP_BY_HOP.has(name)) out[name] = value;
  }
  return out;
}

function eventTypeOf(body: Buffer): string | null {
  try {
    const parsed = JSON.parse(body.toString('utf8')) as { event?: unknown };
    return typeof parsed.event === 'string' ? parsed.event : null;
  } catch {
    return null;
  }
}

async function handle(
  options: LocalListenerOptions,
  req: http.IncomingMessage,
  body: Buffer,
  res: http.ServerResponse,
): Promise<void> {
  const secret = options.secret();
  const eventId = typeof req.headers['webhook-id'] === 'string' ? req.headers['webhook-id'] : null;
  const eventType = eventTypeOf(body);
  const verdict = secret === null ? { valid: false as const, reason: 'not registered yet' } : null;
  const result = verdict ?? verifyWebhook(body, req.headers, secret as string);
  if (!result.valid) {
    options.report({ eventId, eventType, verified: false, forwardedStatus: null, error: result.reason });
    res.writeHead(401, { 'content-type': 'text/plain' }).end(`signature not verified: ${result.reason}`);
    return;
  }
  try {
    const answer = await request(options.forwardTo, {
      method: 'POST',
      headers: forwardable(req.headers),
      body,
      headersTimeout: FORWARD_TIMEOUT_MS,
      bodyTimeout: FORWARD_TIMEOUT_MS,
    });
    const text = await answer.body.text();
    options.report({ eventId, eventType, verified: true, forwardedStatus: answer.statusCode, error: null });
    const contentType = answer.headers['content-type'];
    res.writeHead(answer.statusCode, typeof contentType === 'string' ? { 'content-type': contentType } : {});
    res.end(text);
  } catch (error) {
    const message =
      (error as { cause?: { code?: string }; code?: string; message?: string }).cause?.code ??
      (error as Error).message;
    options.report({ eventId, eventType, verified: true, forwardedStatus: null, error: message });
    res
      .writeHead(502, { 'content-type': 'text/plain' })
      .end(`could not reach ${options.forwardTo}: ${message}`);
  }
}

export async function startLocalListener(options: LocalListenerOptions): Promise<LocalListener> {
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      handle(options, req, Buffer.concat(chunks), res).catch(() => {
        if (!res.headersSent) res.writeHead(500).end();
      });
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', resolve);
  });
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return {
    url: `http://${host}:${address.port}/`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
