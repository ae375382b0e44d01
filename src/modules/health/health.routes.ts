import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { ModuleOptions } from '../../context.js';
import { databaseReachable } from '../../db/create-db.js';
import { APP_VERSION } from '../../version.js';

const ApiHealth = Type.Object({
  status: Type.Union([Type.Literal('healthy'), Type.Literal('unhealthy')]),
  version: Type.String(),
  agent_ready: Type.Boolean(),
  database: Type.Union([Type.Literal('sqlite'), Type.Literal('postgres')]),
});

export const healthModule: FastifyPluginAsyncTypebox<ModuleOptions> = async (app, { ctx }) => {
  app.get(
    '/health',
    {
      schema: {
        tags: ['health'],
        summary: 'Liveness: the process is up',
        response: { 200: Type.Object({ status: Type.Literal('ok') }) },
      },
    },
    async () => ({ status: 'ok' as const }),
  );

  app.get(
    '/api/v1/health',
    {
      config: { access: 'public' },
      schema: {
        tags: ['health'],
        summary: 'Readiness: database reachable and answering pipeline loaded',
        response: { 200: ApiHealth, 503: ApiHealth },
      },
    },
    async (_request, reply) => {
      const healthy = await databaseReachable(ctx.db);
      return reply.code(healthy ? 200 : 503).send({
        status: healthy ? 'healthy' : 'unhealthy',
        version: APP_VERSION,
        agent_ready: app.readiness.agent,
        database: ctx.db.dialect,
      });
    },
  );
};
