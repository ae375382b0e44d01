import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { toIso } from '../../clock.js';
import type { ModuleOptions } from '../../context.js';
import { adminSecurity } from '../../http/admin-auth.js';
import { listAuditEntries } from './audit.repository.js';
import type { AuditLogTable } from './audit.tables.js';

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
  total: Type.Integer(),
  skip: Type.Integer(),
  limit: Type.Integer(),
});

function present(row: AuditLogTable) {
  return {
    id: row.id,
    at: toIso(row.created_at),
    actor: row.actor,
    ip: row.ip,
    action: row.action,
    target_type: row.target_type,
    target_id: row.target_id,
    details: row.details === null ? null : (JSON.parse(row.details) as Record<string, unknown>),
    request_id: row.request_id,
  };
}

export const auditModule: FastifyPluginAsyncTypebox<ModuleOptions> = async (app, { ctx }) => {
  app.get(
    '/api/v1/audit',
    {
      config: { access: 'audit:read' },
      schema: {
        tags: ['audit'],
        summary: 'Administrative actions, newest first',
        description:
          'Who (the token name or the signed-in person, and the address) did what (webhook, knowledge-base, VIP and escalation changes) and when.',
        security: adminSecurity,
        querystring: Type.Object({
          skip: Type.Integer({ minimum: 0, maximum: 1_000_000, default: 0 }),
          limit: Type.Integer({ minimum: 1, maximum: 100, default: 50 }),
          action: Type.Optional(Name),
          target_type: Type.Optional(Name),
          target_id: Type.Optional(Type.String({ minLength: 1, maxLength: 128 })),
        }),
        response: { 200: AuditPage },
      },
    },
    async (request) => {
      const { skip, limit, action, target_type, target_id } = request.query;
      const { rows, total } = await listAuditEntries(
        ctx.db.kysely,
        { action, target_type, target_id },
        skip,
        limit,
      );
      return { entries: rows.map(present), total, skip, limit };
    },
  );
};
