import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AuthConfig } from '../../config.js';
import { Me } from './identity.schemas.js';
import { PERMISSIONS } from './roles.js';

export interface MeRoutesOptions {
  mode: AuthConfig['mode'];
  /** The CSRF token of the pages' session, when the caller is signed in through them. */
  csrfToken?: (request: FastifyRequest, reply: FastifyReply) => string | undefined;
}

/** Who the caller is, as the pages need it: to show who is signed in and which sections to offer. */
export const meRoutes: FastifyPluginAsyncTypebox<MeRoutesOptions> = async (app, { mode, csrfToken }) => {
  app.get(
    '/api/v1/me',
    {
      config: { access: 'employee' },
      schema: {
        tags: ['identity'],
        summary: 'Who is calling, with their roles and permissions',
        response: { 200: Me },
      },
    },
    async (request, reply) => {
      const principal = request.principal;
      const csrf = principal.source === 'session' ? csrfToken?.(request, reply) : undefined;
      return {
        auth_mode: mode,
        authenticated: principal.source !== 'none',
        name: principal.name,
        user_id: principal.userId,
        email: principal.email ?? null,
        roles: [...principal.roles],
        permissions: PERMISSIONS.filter((permission) => principal.can(permission)),
        ...(csrf ? { csrf_token: csrf } : {}),
      };
    },
  );
};
