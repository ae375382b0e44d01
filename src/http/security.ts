import cors from '@fastify/cors';
import rateLimit from '@fastify/rate-limit';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import helmet from 'helmet';
import type { Config } from '../config.js';
import { AppError, errorBody } from '../errors.js';
import { clientNetwork } from '../modules/security/client-identity.js';

/**
 * The policy of every page and API response: what the pages need, and nothing more. The web console runs its
 * own scripts only (no inline script, Chart.js served by us) and fetches the same origin; Swagger UI (/docs) needs
 * data: images for its icons. ReDoc gets its own, looser policy (below).
 */
export const contentSecurityPolicy = {
  'default-src': ["'self'"],
  'base-uri': ["'self'"],
  'connect-src': ["'self'"],
  'font-src': ["'self'", 'data:'],
  'form-action': ["'self'"],
  'frame-ancestors': ["'none'"],
  'img-src': ["'self'", 'data:'],
  'object-src': ["'none'"],
  'script-src': ["'self'"],
  'script-src-attr': ["'none'"],
  'style-src': ["'self'"],
  'worker-src': ["'self'"],
};

/**
 * The API documentation pages need more: Swagger UI (/docs) and ReDoc (styled-components) insert <style>
 * elements, and ReDoc's search runs in a worker created from a blob: URL. Inline styles cannot run code.
 */
export const docsContentSecurityPolicy = {
  ...contentSecurityPolicy,
  'style-src': ["'self'", "'unsafe-inline'"],
  'worker-src': ["'self'", 'blob:'],
};

const serializePolicy = (policy: Record<string, string[]>) =>
  Object.entries(policy)
    .map(([directive, sources]) => `${directive} ${sources.join(' ')}`)
    .join(';');

/**
 * Fastify's router answers a malformed percent-encoding or an over-long path parameter itself, before any hook
 * or error handler, in its own body shape; this (the `frameworkErrors` option) puts those in ours.
 */
export function frameworkErrors(error: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  const message =
    error.code === 'FST_ERR_MAX_PARAM_LENGTH'
      ? 'A path parameter is too long (at most 100 characters)'
      : error.code === 'FST_ERR_BAD_URL'
        ? 'The URL is malformed (invalid percent-encoding)'
        : 'The request could not be routed';
  reply
    .code(400)
    .header('x-request-id', request.id)
    .send(errorBody('BAD_REQUEST', message, request.id));
}

/**
 * Names the caller a valid credential stands for (a personal API token, the bootstrap key, a signed-in person),
 * or undefined when the request has none or an invalid one.
 */
export type CallerIdentity = {
  hasCredentials(request: FastifyRequest): boolean;
  rateLimitIdentity(request: FastifyRequest): Promise<string | undefined>;
};

/**
 * Each identity has its own bucket, wherever it calls from (and colleagues behind one office address do not share
 * one); everyone else, including wrong or made-up credentials so that guessing is throttled, counts per address.
 */
function rateLimitKey(identity: CallerIdentity, request: FastifyRequest): string | Promise<string> {
  const byAddress = `ip:${clientNetwork(request.ip)}`;
  // No credentials (the open-mode chat, on every question) is decided without a promise.
  if (!identity.hasCredentials(request)) return byAddress;
  return identity.rateLimitIdentity(request).then((who) => (who === undefined ? byAddress : `id:${who}`));
}

/**
 * Security headers, CORS and per-client rate limiting. Registered before every route so each one is covered;
 * the limiter runs as a root onRequest hook, ahead of route-level hooks such as the admin-key check.
 */
export async function registerSecurity(
  app: FastifyInstance,
  config: Pick<Config, 'rateLimitPerMinute' | 'corsOrigins'>,
  identity: CallerIdentity,
): Promise<void> {
  // The helmet middleware is built once. @fastify/helmet builds it again on every request (parsing each CSP
  // directive) in two async hooks — about 2% of the CPU of POST /api/v1/query; the headers, set on the raw
  // response as it does, are the same.
  const securityHeaders = helmet({
    contentSecurityPolicy: { useDefaults: false, directives: contentSecurityPolicy },
    // Same-origin pages only; no one needs to frame us or load our scripts cross-origin.
    crossOriginResourcePolicy: { policy: 'same-origin' },
    referrerPolicy: { policy: 'no-referrer' },
  });
  app.addHook('onRequest', (request, reply, done) => {
    securityHeaders(request.raw, reply.raw, (error) => done(error as FastifyError | undefined));
  });

  const docsPolicy = serializePolicy(docsContentSecurityPolicy);
  // A callback hook, not an async one: it runs on every response, and a promise per response is measurable.
  app.addHook('onSend', (request, reply, payload, done) => {
    if (/^\/(docs|redoc)(\/|\?|$)/.test(request.url)) reply.header('content-security-policy', docsPolicy);
    done(null, payload);
  });

  if (config.corsOrigins.length > 0) {
    const anyOrigin = config.corsOrigins.includes('*');
    await app.register(cors, {
      origin: anyOrigin ? '*' : config.corsOrigins,
      // The API authenticates with a header, never a cookie, so browsers never need to send credentials.
      credentials: false,
      methods: ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'],
      allowedHeaders: ['authorization', 'x-api-key', 'content-type', 'x-request-id'],
      exposedHeaders: [
        'x-request-id',
        'retry-after',
        'x-ratelimit-limit',
        'x-ratelimit-remaining',
        'x-ratelimit-reset',
      ],
      maxAge: 600,
    });
  }

  if (config.rateLimitPerMinute > 0) {
    await app.register(rateLimit, {
      global: false,
      max: config.rateLimitPerMinute,
      timeWindow: 60_000,
      keyGenerator: (request) => rateLimitKey(identity, request),
      errorResponseBuilder: (_request, context) =>
        new AppError(
          'RATE_LIMITED',
          `Rate limit exceeded: at most ${context.max} requests per minute; retry in ${context.after}`,
          { 'retry-after': String(Math.max(1, Math.ceil(context.ttl / 1000))) },
        ),
    });
    app.addHook('onRequest', app.rateLimit());
  }
}
