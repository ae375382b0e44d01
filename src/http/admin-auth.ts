import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyRequest, onRequestAsyncHookHandler } from 'fastify';
import { AppError } from '../errors.js';

declare module 'fastify' {
  interface FastifyInstance {
    /** onRequest hook for administrative routes: 401 unless the admin key is presented. */
    requireAdmin: onRequestAsyncHookHandler;
    /** Whether this request carries the valid admin key (for routes open to both employees and HR). */
    isAdmin(request: FastifyRequest): boolean;
  }
}

/** The OpenAPI security requirement every admin route declares. */
export const adminSecurity: { [scheme: string]: string[] }[] = [{ bearerAuth: [] }, { apiKeyHeader: [] }];

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
  const isAdmin = (request: FastifyRequest): boolean => {
    const key = presentedKey(request);
    return key !== undefined && timingSafeEqual(digest(key), expected);
  };
  app.decorate('isAdmin', isAdmin);
  app.decorate('requireAdmin', async (request: FastifyRequest) => {
    if (!isAdmin(request)) {
      const message =
        presentedKey(request) === undefined ? 'Admin API key required' : 'Invalid admin API key';
      throw new AppError('UNAUTHORIZED', message, { 'www-authenticate': 'Bearer' });
    }
  });
}
