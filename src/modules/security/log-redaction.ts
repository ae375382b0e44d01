import type { LogFn, LoggerOptions } from 'pino';
import { maskPii } from './pii.js';

const MAX_DEPTH = 5;

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object') return false;
  const prototype = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

function maskError(error: Error): Error {
  const copy = new Error(maskPii(error.message));
  copy.name = error.name;
  copy.stack = error.stack === undefined ? undefined : maskPii(error.stack);
  for (const [key, value] of Object.entries(error)) {
    (copy as unknown as Record<string, unknown>)[key] = redactForLogs(value);
  }
  return copy;
}

/**
 * A copy of a log argument with identifiers masked in every string it holds. Only plain objects, arrays and
 * errors are walked: framework objects (requests, replies) go through pino's own serializers, which already
 * keep bodies out of the log, and copying them would be slow.
 */
export function redactForLogs(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return maskPii(value);
  if (depth >= MAX_DEPTH || value === null || typeof value !== 'object') return value;
  if (value instanceof Error) return maskError(value);
  if (Array.isArray(value)) return value.map((item) => redactForLogs(item, depth + 1));
  if (!isPlainObject(value)) return value;
  const copy: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) copy[key] = redactForLogs(item, depth + 1);
  return copy;
}

/** A pino `hooks.logMethod` that masks PII in the message and its merge object before a line is written. */
export const maskPiiLogHook: NonNullable<LoggerOptions['hooks']>['logMethod'] = function (
  this: unknown,
  args: Parameters<LogFn>,
  method: LogFn,
) {
  const masked = (args as unknown[]).map((arg) => redactForLogs(arg));
  return method.apply(this, masked as Parameters<LogFn>);
};

interface LoggedRequest {
  method: string;
  url: string;
  ip?: string;
  host?: string;
  headers?: Record<string, unknown>;
  socket?: { remotePort?: number };
}

function decode(text: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    return text;
  }
}

// Query parameters that carry a credential when a client puts one in the URL ("?api_key=…"); compared with case,
// dashes and underscores ignored. The request is refused, but its URL would otherwise be logged verbatim.
const CREDENTIAL_PARAMETERS = new Set([
  'apikey',
  'key',
  'token',
  'accesstoken',
  'secret',
  'password',
  'auth',
]);
const CREDENTIAL_SUFFIXES = ['token', 'secret', 'apikey', 'password'];

function isCredentialParameter(rawName: string): boolean {
  const name = decode(rawName)
    .toLowerCase()
    .replace(/[^a-z]/g, '');
  return CREDENTIAL_PARAMETERS.has(name) || CREDENTIAL_SUFFIXES.some((suffix) => name.endsWith(suffix));
}

function redactCredentials(query: string): string {
  return query
    .split('&')
    .map((pair) => {
      const equals = pair.indexOf('=');
      const name = equals === -1 ? pair : pair.slice(0, equals);
      return equals !== -1 && isCredentialParameter(name) ? `${name}=[redacted]` : pair;
    })
    .join('&');
}

// Each path segment is judged on its own: "/users/123-45-6789/…" has slashes on both sides, which the free-text
// detector rightly reads as a path or date piece rather than a standalone number.
function maskPathSegments(path: string): string {
  return path
    .split('/')
    .map((segment) => {
      const decoded = decode(segment);
      const masked = maskPii(decoded);
      return masked === decoded ? segment : masked;
    })
    .join('/');
}

/**
 * A request URL as it may be logged: credential-like query parameters always redacted, and, when PII is masked,
 * identifiers masked in every path segment and in the query. The query is decoded first, or `%20123-45-6789`
 * would hide the number from the detector; a URL without anything to hide is logged exactly as received.
 */
export function urlForLogs(url: string, maskIdentifiers: boolean): string {
  const mark = url.indexOf('?');
  const path = mark === -1 ? url : url.slice(0, mark);
  const query = mark === -1 ? undefined : redactCredentials(url.slice(mark + 1));
  if (!maskIdentifiers) return query === undefined ? path : `${path}?${query}`;
  const maskedPath = maskPathSegments(path);
  if (query === undefined) return maskedPath;
  const decodedQuery = decode(query);
  const maskedQuery = maskPii(decodedQuery);
  return `${maskedPath}?${maskedQuery === decodedQuery ? query : maskedQuery}`;
}

/**
 * Fastify's request serializer with the URL made safe to log (see urlForLogs): identifiers and credentials
 * arrive in paths and query strings too, and pino serializes after the log hook has run.
 */
export function requestSerializer(maskIdentifiers: boolean) {
  return (request: LoggedRequest) => ({
    method: request.method,
    url: typeof request.url === 'string' ? urlForLogs(request.url, maskIdentifiers) : request.url,
    version: request.headers?.['accept-version'],
    host: request.host,
    remoteAddress: request.ip,
    remotePort: request.socket?.remotePort,
  });
}
