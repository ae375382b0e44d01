import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { adminSecurity } from '../../http/admin-auth.js';
import { CreatedToken, CreateTokenBody, TokenList, TokenParams } from './identity.schemas.js';
import type { TokensService } from './tokens.service.js';

const tags = ['identity'];

/** Personal API tokens: hr_admin issues them to staff and integrations, and revokes them. */
export const tokensRoutes: FastifyPluginAsyncTypebox<{ tokens: TokensService }> = async (app, { tokens }) => {
  const config = { access: 'tokens:manage' as const };

  app.post(
    '/api/v1/tokens',
    {
      config,
      schema: {
        tags,
        security: adminSecurity,
        summary: 'Issue a personal API token (the secret is in this answer only)',
        body: CreateTokenBody,
        response: { 201: CreatedToken },
      },
    },
    async (request, reply) => {
      const { name, role, expires_at } = request.body;
      const created = await tokens.create(
        { name, role, ...(expires_at === undefined ? {} : { expiresAt: expires_at }) },
        request.principal,
      );
      return reply.code(201).send(created);
    },
  );

  app.get(
    '/api/v1/tokens',
    {
      config,
      schema: {
        tags,
        security: adminSecurity,
        summary: 'Personal API tokens, newest first, without their secrets',
        response: { 200: TokenList },
      },
    },
    async () => tokens.list(),
  );

  app.delete(
    '/api/v1/tokens/:id',
    {
      config,
      schema: {
        tags,
        security: adminSecurity,
        summary: 'Revoke a token: it stops working with the next request',
        params: TokenParams,
        response: { 204: Type.Null() },
      },
    },
    async (request, reply) => {
      await tokens.revoke(request.params.id);
      return reply.code(204).send(null);
    },
  );
};
