import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';

declare module 'fastify' {
  interface FastifyInstance {
    /** Whether this request carries the bootstrap admin key (the rate limiter gives it its own bucket). */
    isAdmin(request: FastifyRequest): boolean;
  }
}

/** The OpenAPI security requirement every staff route declares. */
export const adminSecurity: { [scheme: string]: string[] }[] = [{ bearerAuth: [] }, { apiKeyHeader: [] }];

/** The credential a caller presents: `Authorization: Bearer <token>`, else `X-API-Key`. */
export function presentedKey(request: FastifyRequest): string | undefined {
  const authorization = request.headers.authorization;
  if (typeof authorization === 'string') {
    const match = /^Bearer\s+(.+)$/i.exec(authorization.trim());
    if (match) return match[1];
  }
  const apiKey = request.headers['x-api-key'];
  return typeof apiKey === 'string' ? apiKey.trim() : undefined;
}

// Hashing both sides first gives equal-length buffers, so the comparison time reveals nothing about the key.
const digest = (value: string) => createHash('sha256').update(value).digest();

export function registerAdminAuth(app: FastifyInstance, adminKey: string): void {
  const expected = digest(adminKey);
  app.decorate('isAdmin', (request: FastifyRequest): boolean => {
    const key = presentedKey(request);
    return key !== undefined && timingSafeEqual(digest(key), expected);
  });
}
