import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import type { ModuleOptions } from '../../context.js';
import { AppError, invalid } from '../../errors.js';
import { adminSecurity } from '../../http/admin-auth.js';
import { FeedbackService } from './feedback.service.js';
import {
  AssignBody,
  CaseState,
  ConversationParams,
  Feedback,
  FeedbackBody,
  QueuePage,
  QueueQuery,
  ResolveBody,
} from './handoff.schemas.js';
import { type Actor, HandoffService, type Resolution } from './handoff.service.js';

const adminActor = (request: FastifyRequest): Actor => ({
  role: 'admin',
  requestId: request.id,
  ip: request.ip,
});

/** The escalation queue, assignment, resolution and employee feedback. */
export const handoffRoutes: FastifyPluginAsyncTypebox<ModuleOptions> = async (app, { ctx }) => {
  const handoff = new HandoffService(ctx);
  const feedback = new FeedbackService(ctx);

  app.get(
    '/api/v1/escalations',
    {
      onRequest: app.requireAdmin,
      schema: {
        tags: ['handoff'],
        summary: 'The escalation queue: highest priority, then longest waiting, first',
        description: 'Each item is a handoff package with everything needed to take the case over.',
        security: adminSecurity,
        querystring: QueueQuery,
        response: { 200: QueuePage },
      },
    },
    async (request) => handoff.queue(request.query.status, request.query.skip, request.query.limit),
  );

  app.post(
    '/api/v1/conversations/:id/assign',
    {
      onRequest: app.requireAdmin,
      schema: {
        tags: ['handoff'],
        summary: 'Take an escalated conversation (status becomes Assigned; reassigning is allowed)',
        security: adminSecurity,
        params: ConversationParams,
        body: AssignBody,
        response: { 200: CaseState },
      },
    },
    async (request) => handoff.assign(request.params.id, request.body.agent.trim(), adminActor(request)),
  );

  app.post(
    '/api/v1/conversations/:id/resolve',
    {
      schema: {
        tags: ['handoff'],
        summary: 'Resolve a conversation: HR answers it (admin key), or the employee closes their own',
        description:
          'With the admin key, `response` and `resolved_by` are required and the answer is appended as an agent ' +
          'message. Without it, `user_id` must be the conversation owner (anyone else gets 404) and nothing is ' +
          'appended. Fires query.resolved. Resolving a resolved conversation is 409.',
        security: [...adminSecurity, {}],
        params: ConversationParams,
        body: ResolveBody,
        response: { 200: CaseState },
      },
    },
    async (request) => {
      const { response, resolved_by, user_id } = request.body;
      let resolution: Resolution;
      let actor: Actor;
      if (app.isAdmin(request)) {
        if (response === undefined || resolved_by === undefined) {
          throw invalid('HR resolutions need both response and resolved_by');
        }
        resolution = { by: 'agent', response, resolvedBy: resolved_by.trim() };
        actor = adminActor(request);
      } else {
        if (response !== undefined || resolved_by !== undefined) {
          throw new AppError('UNAUTHORIZED', 'Answering as HR requires the admin API key', {
            'www-authenticate': 'Bearer',
          });
        }
        if (user_id === undefined) {
          throw new AppError(
            'UNAUTHORIZED',
            'Send the admin API key, or the user_id of the conversation owner',
            {
              'www-authenticate': 'Bearer',
            },
          );
        }
        resolution = { by: 'employee', userId: user_id };
        actor = { role: 'employee', userId: user_id, requestId: request.id, ip: request.ip };
      }
      return handoff.resolve(request.params.id, resolution, actor);
    },
  );

  app.post(
    '/api/v1/feedback',
    {
      schema: {
        tags: ['handoff'],
        summary: "Rate a conversation (1..5); the employee's latest rating replaces an earlier one",
        description:
          'Only the conversation owner can rate it; anyone else gets 404. Fires feedback.received.',
        body: FeedbackBody,
        response: { 201: Feedback },
      },
    },
    async (request, reply) => {
      const { conversation_id, user_id, rating, comment } = request.body;
      const stored = await feedback.submit({
        conversationId: conversation_id,
        userId: user_id,
        rating,
        comment,
      });
      return reply.code(201).send(stored);
    },
  );
};
