import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import type { AppContext } from '../../context.js';
import { AppError, invalid } from '../../errors.js';
import { adminSecurity } from '../../http/admin-auth.js';
import { actingEmployee } from '../identity/ownership.js';
import type { EmployeeNotifier } from '../notifications/employee-notifier.js';
import { FeedbackService } from './feedback.service.js';
import {
  AssignBody,
  CaseState,
  ConversationParams,
  Feedback,
  FeedbackBody,
  HandoffPackage,
  QueuePage,
  QueueQuery,
  ReplyBody,
  ResolveBody,
} from './handoff.schemas.js';
import { type Actor, HandoffService, type Resolution } from './handoff.service.js';

const staffActor = (request: FastifyRequest): Actor => ({
  role: 'admin',
  canReadConfidential: request.principal.can('confidential:read'),
  requestId: request.id,
  ip: request.ip,
});

/** A signed-in person's name for what they write (their e-mail, else their subject); none for API tokens. */
export function signedInName(request: FastifyRequest): string | undefined {
  const principal = request.principal;
  if (principal.source !== 'oidc' && principal.source !== 'session') return undefined;
  return principal.email ?? principal.subject;
}

/** The escalation queue, assignment, resolution and employee feedback. */
export interface HandoffRoutesOptions {
  ctx: AppContext;
  notifier: EmployeeNotifier;
}

export const handoffRoutes: FastifyPluginAsyncTypebox<HandoffRoutesOptions> = async (
  app,
  { ctx, notifier },
) => {
  const handoff = new HandoffService(ctx, notifier);
  const feedback = new FeedbackService(ctx);

  app.get(
    '/api/v1/escalations',
    {
      config: { access: 'escalations:read' },
      schema: {
        tags: ['handoff'],
        summary: 'The escalation queue: highest priority, then longest waiting, first',
        description: 'Each item is a handoff package with everything needed to take the case over.',
        security: adminSecurity,
        querystring: QueueQuery,
        response: { 200: QueuePage },
      },
    },
    async (request) =>
      handoff.queue(
        request.query.status,
        request.query.skip,
        request.query.limit,
        request.principal.can('confidential:read'),
      ),
  );

  app.post(
    '/api/v1/conversations/:id/assign',
    {
      config: { access: 'conversations:manage' },
      schema: {
        tags: ['handoff'],
        summary: 'Take an escalated conversation (status becomes Assigned; reassigning is allowed)',
        security: adminSecurity,
        params: ConversationParams,
        body: AssignBody,
        response: { 200: CaseState },
      },
    },
    async (request) => handoff.assign(request.params.id, request.body.agent.trim(), staffActor(request)),
  );

  app.get(
    '/api/v1/cases/:id',
    {
      config: { access: 'conversations:read' },
      schema: {
        tags: ['cases'],
        summary: 'One case: the handoff package with its reference, status and response-time targets',
        security: adminSecurity,
        params: ConversationParams,
        response: { 200: HandoffPackage },
      },
    },
    async (request) => handoff.get(request.params.id, request.principal.can('confidential:read')),
  );

  app.post(
    '/api/v1/conversations/:id/reply',
    {
      config: { access: 'conversations:manage' },
      schema: {
        tags: ['handoff'],
        summary: 'Write to the employee without closing the case (status becomes WaitingOnEmployee)',
        description:
          "The message joins the employee's conversation as an agent message; the employee's next message puts " +
          'the case back to Assigned. Fires query.replied; e-mails the employee when SMTP_URL is set.',
        security: adminSecurity,
        params: ConversationParams,
        body: ReplyBody,
        response: { 200: CaseState },
      },
    },
    async (request) =>
      handoff.reply(
        request.params.id,
        request.body.message,
        request.body.agent?.trim() ?? signedInName(request),
        staffActor(request),
      ),
  );

  app.post(
    '/api/v1/conversations/:id/reopen',
    {
      config: { access: 'conversations:manage' },
      schema: {
        tags: ['handoff'],
        summary: 'Reopen a resolved case (back to its assignee, or to the unassigned queue)',
        security: adminSecurity,
        params: ConversationParams,
        response: { 200: CaseState },
      },
    },
    async (request) => handoff.reopen(request.params.id, staffActor(request)),
  );

  app.post(
    '/api/v1/conversations/:id/resolve',
    {
      config: { access: 'employee' },
      schema: {
        tags: ['handoff'],
        summary: 'Resolve a conversation: HR answers it, or the employee closes their own',
        description:
          'HR (the conversations:manage permission) sends `response` and `resolved_by`; the answer is appended as ' +
          'an agent message. An employee closes their own conversation: signed in, it is the one their sign-in ' +
          'names; in the open mode, `user_id` must be the owner (anyone else gets 404). Nothing is appended. ' +
          'Fires query.resolved. Resolving a resolved conversation is 409.',
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
      const principal = request.principal;
      const answeringAsHr =
        principal.can('conversations:manage') && (principal.userId === null || response !== undefined);
      if (answeringAsHr) {
        if (response === undefined || resolved_by === undefined) {
          throw invalid('HR resolutions need both response and resolved_by');
        }
        resolution = { by: 'agent', response, resolvedBy: resolved_by.trim() };
        actor = staffActor(request);
      } else {
        if (response !== undefined || resolved_by !== undefined) {
          if (principal.source !== 'none') {
            throw new AppError('FORBIDDEN', 'Answering as HR needs the conversations:manage permission');
          }
          throw new AppError('UNAUTHORIZED', 'Answering as HR requires an HR token or sign-in', {
            'www-authenticate': 'Bearer',
          });
        }
        const ownerId = actingEmployee(principal, user_id);
        if (ownerId === undefined) {
          throw new AppError(
            'UNAUTHORIZED',
            'Send the admin API key, or the user_id of the conversation owner',
            {
              'www-authenticate': 'Bearer',
            },
          );
        }
        resolution = { by: 'employee', userId: ownerId };
        actor = { role: 'employee', userId: ownerId, requestId: request.id, ip: request.ip };
      }
      return handoff.resolve(request.params.id, resolution, actor);
    },
  );

  app.post(
    '/api/v1/feedback',
    {
      config: { access: 'employee' },
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
      const userId = actingEmployee(request.principal, user_id);
      if (userId === undefined) throw invalid('user_id is required');
      const stored = await feedback.submit({
        conversationId: conversation_id,
        userId,
        rating,
        comment,
      });
      return reply.code(201).send(stored);
    },
  );
};
