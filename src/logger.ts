import type { LoggerOptions } from 'pino';
import type { Config } from './config.js';

/** Paths whose values never reach a log line: credentials and webhook secrets. */
export const redactedPaths = [
  'req.headers.authorization',
  'req.headers["x-api-key"]',
  'req.headers.cookie',
  'headers.authorization',
  'headers["x-api-key"]',
  'secret',
  'secret_key',
  '*.secret',
  '*.secret_key',
  'adminApiKey',
  '*.adminApiKey',
];

export function loggerOptions(config: Pick<Config, 'logLevel'>): LoggerOptions {
  return {
    level: config.logLevel,
    redact: { paths: redactedPaths, censor: '[redacted]' },
  };
}
