import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { ModuleOptions } from '../../context.js';
import { adminSecurity } from '../../http/admin-auth.js';
import { UserId } from '../queries/queries.schemas.js';
import { EmployeeDataService } from './employee-data.service.js';

const Erased = Type.Object({
  user_id: Type.String(),
  erased: Type.Object({
    conversations: Type.Integer(),
    messages: Type.Integer(),
    feedback: Type.Integer(),
    webhook_deliveries: Type.Integer({
      description: 'Outbox rows whose payload was erased (pending ones cancelled)',
    }),
    user: Type.Integer({ description: '1 when the user record (VIP flag) was deleted' }),
  }),
});

/** Export and erasure of everything stored about one employee (hr_admin). */
export const employeeDataRoutes: FastifyPluginAsyncTypebox<ModuleOptions> = async (app, { ctx }) => {
  const service = new EmployeeDataService(ctx);
  const config = { access: 'employees:manage' as const };
  const params = Type.Object({ user_id: UserId });

  app.get(
    '/api/v1/users/:user_id/export',
    {
      config,
      schema: {
        tags: ['users'],
        summary:
          'Everything stored about an employee, as JSON (conversations, messages, feedback, webhook events)',
        security: adminSecurity,
        params,
        response: { 200: Type.Object({ user_id: Type.String() }, { additionalProperties: true }) },
      },
    },
    async (request) => service.export(request.params.user_id),
  );

  app.delete(
    '/api/v1/users/:user_id',
    {
      config,
      schema: {
        tags: ['users'],
        summary: "Erase an employee's data; answers what was erased, counted",
        description:
          'Deletes their conversations, messages, feedback and user record, and erases the payloads of webhook ' +
          'deliveries about them (pending ones are cancelled). The audit entry records the counts, not the data.',
        security: adminSecurity,
        params,
        response: { 200: Erased },
      },
    },
    async (request) => service.erase(request.params.user_id),
  );
};
