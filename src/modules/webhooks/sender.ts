import dns from 'node:dns';
import { createRequire } from 'node:module';
import type { LookupFunction } from 'node:net';
import type { Agent } from 'undici';
import { blockedReason, checkHostLiteral, urlHost } from './url-guard.js';

/** The one outbound HTTP call of the module, behind an interface so the worker does not know about undici. */
export interface SendRequest {
  url: string;
  headers: Record<string, string>;
  body: string;
  timeoutMs: number;
}

export interface SendResult {
  statusCode: number | null;
  /** First 1000 characters of the response body. */
  responseBody: string | null;
  retryAfter: string | null;
  error: string | null;
  durationMs: number;
}

export interface WebhookSender {
  send(request: SendRequest): Promise<SendResult>;
  close(): Promise<void>;
}

const RESPONSE_LIMIT = 1000;

type Undici = typeof import('undici');
let undici: Undici | undefined;

/**
 * undici costs ~0.3 s of CPU and ~20 MB to load, and the app needs it only once a webhook is sent: loaded then,
 * not at start (the server's start-up and idle memory targets, docs/benchmarks.md).
 */
function loadUndici(): Undici {
  undici ??= createRequire(import.meta.url)('undici') as Undici;
  return undici;
}

/** Resolves like the system does, then refuses blocked addresses: the check runs on the address we connect to. */
const guardedLookup: LookupFunction = (hostname, options, callback) => {
  dns.lookup(hostname, { ...options, all: true }, (error, addresses) => {
    if (error) return callback(error, '', 0);
    const list = addresses as dns.LookupAddress[];
    for (const entry of list) {
      const reason = blockedReason(entry.address);
      if (reason) {
        const blocked = Object.assign(
          new Error(`${hostname} resolves to ${entry.address}, which is ${reason}`),
          {
            code: 'EBLOCKED',
          },
        );
        return callback(blocked, '', 0);
      }
    }
    if ((options as { all?: boolean }).all)
      return (callback as (e: null, a: dns.LookupAddress[]) => void)(null, list);
    const first = list[0];
    if (!first) return callback(Object.assign(new Error('no address'), { code: 'ENOTFOUND' }), '', 0);
    callback(null, first.address, first.family);
  });
};

function describe(error: unknown, timeoutMs: number, timedOut: boolean): string {
  if (timedOut) return `timeout after ${Math.round(timeoutMs / 100) / 10} s`;
  const err = error as { code?: string; message?: string; cause?: { code?: string; message?: string } };
  const code = err.cause?.code ?? err.code;
  const message = err.cause?.message ?? err.message ?? String(error);
  switch (code) {
    case 'EBLOCKED':
      return `blocked: ${message}`;
    case 'ECONNREFUSED':
      return 'connection refused';
    case 'ECONNRESET':
    case 'UND_ERR_SOCKET':
      return 'connection reset';
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return 'host not found (DNS lookup failed)';
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
      return 'host unreachable';
    case 'UND_ERR_HEADERS_TIMEOUT':
    case 'UND_ERR_BODY_TIMEOUT':
    case 'UND_ERR_CONNECT_TIMEOUT':
      return `timeout after ${Math.round(timeoutMs / 100) / 10} s`;
    default:
      if (code?.startsWith('ERR_TLS') || code?.includes('CERT')) return `TLS error: ${message}`;
      return `network error: ${message}`;
  }
}

async function readLimited(body: AsyncIterable<Buffer> & { destroy?: () => void }): Promise<string> {
  let text = '';
  for await (const chunk of body) {
    text += chunk.toString('utf8');
    if (text.length >= RESPONSE_LIMIT) {
      body.destroy?.();
      break;
    }
  }
  return text.slice(0, RESPONSE_LIMIT);
}

/**
 * Real sender on undici: keep-alive connections per origin, no redirects (undici's request never follows
 * them), a hard timeout covering connect, headers and body, and the SSRF check on the resolved address
 * unless private URLs are allowed.
 */
export function createUndiciSender(options: { allowPrivateUrls: boolean }): WebhookSender {
  let agent: Agent | undefined;
  const dispatcher = (): Agent => {
    agent ??= new (loadUndici().Agent)({
      keepAliveTimeout: 10_000,
      connections: 64,
      connect: options.allowPrivateUrls ? {} : { lookup: guardedLookup },
    });
    return agent;
  };
  return {
    async send({ url, headers, body, timeoutMs }) {
      const started = performance.now();
      const elapsed = () => Math.round(performance.now() - started);
      if (!options.allowPrivateUrls) {
        try {
          checkHostLiteral(urlHost(new URL(url)));
        } catch (error) {
          const message = `blocked: ${(error as Error).message}`;
          return { statusCode: null, responseBody: null, retryAfter: null, error: message, durationMs: 0 };
        }
      }
      const controller = new AbortController();
      let timedOut = false;
      const timer = setTimeout(() => {
        timedOut = true;
        controller.abort();
      }, timeoutMs);
      try {
        const response = await loadUndici().request(url, {
          method: 'POST',
          headers,
          body,
          dispatcher: dispatcher(),
          signal: controller.signal,
          headersTimeout: timeoutMs,
          bodyTimeout: timeoutMs,
        });
        const responseBody = await readLimited(response.body);
        const retryAfter = response.headers['retry-after'];
        return {
          statusCode: response.statusCode,
          responseBody,
          retryAfter: Array.isArray(retryAfter) ? (retryAfter[0] ?? null) : (retryAfter ?? null),
          error: null,
          durationMs: elapsed(),
        };
      } catch (error) {
        return {
          statusCode: null,
          responseBody: null,
          retryAfter: null,
          error: describe(error, timeoutMs, timedOut),
          durationMs: elapsed(),
        };
      } finally {
        clearTimeout(timer);
      }
    },
    close: async () => {
      await agent?.close();
    },
  };
}
