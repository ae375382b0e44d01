import type { LoggerOptions } from 'pino';
import type { Config } from './config.js';
import { maskPiiLogHook, requestSerializer } from './modules/security/log-redaction.js';

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
  'previous_secret',
  '*.previous_secret',
  'apiKey',
  '*.apiKey',
  '*.*.apiKey',
  'password',
  '*.password',
];

/** PII in log messages is masked unless PII_REDACTION=off (see src/modules/security/pii.ts). */
export function loggerOptions(
  config: Pick<Config, 'logLevel'> & Partial<Pick<Config, 'piiRedaction'>>,
): LoggerOptions {
  return {
    level: config.logLevel,
    redact: { paths: redactedPaths, censor: '[redacted]' },
    // Credentials in URLs are redacted in every mode; identifiers are masked unless PII_REDACTION=off.
    serializers: { req: requestSerializer(config.piiRedaction !== 'off') },
    ...(config.piiRedaction === 'off' ? {} : { hooks: { logMethod: maskPiiLogHook } }),
  };
}
