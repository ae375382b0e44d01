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

function decodeForMasking(url: string): string {
  try {
    return decodeURIComponent(url.replace(/\+/g, ' '));
  } catch {
    return url;
  }
}

/**
 * Fastify's request serializer with the URL masked: identifiers arrive in paths and query strings too
 * (`/kb/search?q=my+SSN+123-45-6789`), and pino serializes after the log hook has run. The URL is decoded first,
 * or `%20123-45-6789` would hide the number from the detector.
 */
export function maskedRequestSerializer(request: LoggedRequest) {
  const decoded = decodeForMasking(request.url);
  const masked = maskPii(decoded);
  return {
    method: request.method,
    url: masked === decoded ? request.url : masked,
    version: request.headers?.['accept-version'],
    host: request.host,
    remoteAddress: request.ip,
    remotePort: request.socket?.remotePort,
  };
}
