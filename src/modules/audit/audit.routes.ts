import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { ModuleOptions } from '../../context.js';
import { adminSecurity } from '../../http/admin-auth.js';
import { cursorFields, cursorQuery, pageFields, pageQuery } from '../../http/pagination.js';
import { AuditService } from './audit.service.js';

const Name = Type.String({ minLength: 1, maxLength: 64, pattern: '^[a-z][a-z0-9_.-]*$' });

const AuditEntry = Type.Object({
  id: Type.String(),
  at: Type.String({ format: 'date-time' }),
  actor: Type.String({
    description: 'token:<name> (token:bootstrap is the admin key), oidc:<subject> <email>, or system',
  }),
  ip: Type.String(),
  action: Type.String(),
  target_type: Type.String(),
  target_id: Type.Union([Type.String(), Type.Null()]),
  details: Type.Union([Type.Record(Type.String(), Type.Unknown()), Type.Null()]),
  request_id: Type.Union([Type.String(), Type.Null()]),
});

const AuditPage = Type.Object({
  entries: Type.Array(AuditEntry),
  ...pageFields,
  ...cursorFields,
});

export const auditModule: FastifyPluginAsyncTypebox<ModuleOptions> = async (app, { ctx }) => {
  const audit = new AuditService(ctx);
  app.get(
    '/api/v1/audit',
    {
      config: { access: 'audit:read' },
      schema: {
        tags: ['audit'],
        summary: 'Administrative actions, newest first',
        description:
          'Who (the token name or the signed-in person, and the address) did what (webhook, knowledge-base, VIP and escalation changes) and when. ' +
          'Page with skip, or with cursor: pass next_cursor back for the next, older page (no entry skipped or repeated while new ones arrive).',
        security: adminSecurity,
        querystring: Type.Object({
          ...pageQuery(50),
          ...cursorQuery,
          action: Type.Optional(Name),
          target_type: Type.Optional(Name),
          target_id: Type.Optional(Type.String({ minLength: 1, maxLength: 128 })),
        }),
        response: { 200: AuditPage },
      },
    },
    async (request) => {
      const { skip, limit, cursor, action, target_type, target_id } = request.query;
      return audit.list({ action, target_type, target_id }, { skip, limit, cursor });
    },
  );
};
