import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { AppContext } from '../../context.js';
import { AppError, notFound } from '../../errors.js';
import { adminSecurity } from '../../http/admin-auth.js';
import { actingEmployee, mayOpenConversation } from '../identity/ownership.js';
import { presentConversation, presentMessage, presentUser } from './conversations.presenter.js';
import { QueriesRepository } from './queries.repository.js';
import {
  ConversationPage,
  ConversationWithMessages,
  Pagination,
  QueryRequest,
  QueryResponse,
  Stats,
  User,
  UserId,
} from './queries.schemas.js';
import { DEFAULT_USER_ID, type QueriesService } from './queries.service.js';
import { readPublicStats } from './stats.repository.js';
import { UsersService } from './users.service.js';

export interface QueriesRoutesOptions {
  ctx: AppContext;
  queries: QueriesService;
}

export const queriesRoutes: FastifyPluginAsyncTypebox<QueriesRoutesOptions> = async (
  app,
  { ctx, queries },
) => {
  const repository = new QueriesRepository(ctx.db.kysely);
  const users = new UsersService(ctx);

  app.post(
    '/api/v1/query',
    {
      config: { access: 'employee' },
      schema: {
        tags: ['queries'],
        summary: 'Ask an HR question',
        description:
          'Runs the agent pipeline (categorize, sentiment and priority, knowledge-base retrieval, escalation check, ' +
          'answer) and stores the turn. Pass `conversation_id` with the same `user_id` to continue a conversation ' +
          '(a conversation started without `user_id` is continued without it); anyone else gets 404.',
        body: QueryRequest,
        response: { 200: QueryResponse },
      },
    },
    async (request) => {
      const { message, user_id, conversation_id } = request.body;
      const userId = actingEmployee(request.principal, user_id);
      return queries.ask({
        message,
        userId: userId ?? DEFAULT_USER_ID,
        conversationId: conversation_id,
      });
    },
  );

  app.get(
    '/api/v1/conversations/:id',
    {
      config: { access: 'employee' },
      schema: {
        tags: ['conversations'],
        summary: 'A conversation with its messages',
        params: Type.Object({ id: Type.String({ format: 'uuid' }) }),
        response: { 200: ConversationWithMessages },
      },
    },
    async (request) => {
      const conversation = await repository.getConversation(request.params.id);
      // Someone else's conversation looks exactly like a missing one, so ids cannot be probed.
      if (
        !conversation ||
        !mayOpenConversation(request.principal, ctx.config.auth.mode, conversation.user_id)
      ) {
        throw notFound('Conversation');
      }
      const messages = await repository.messages(conversation.id);
      return {
        ...presentConversation(conversation, messages.length),
        messages: messages.map(presentMessage),
      };
    },
  );

  app.get(
    '/api/v1/me/conversations',
    {
      config: { access: 'employee' },
      schema: {
        tags: ['conversations'],
        summary: "The signed-in employee's own conversations, newest first",
        querystring: Type.Object(Pagination),
        response: { 200: ConversationPage },
      },
    },
    async (request) => {
      const userId = request.principal.userId;
      if (userId === null) {
        throw new AppError('UNAUTHORIZED', 'Sign in as an employee to list your conversations', {
          'www-authenticate': 'Bearer',
        });
      }
      const { skip, limit } = request.query;
      const { rows, total } = await repository.userConversations(userId, skip, limit);
      const counts = await repository.messageCounts(rows.map((r) => r.id));
      return {
        conversations: rows.map((r) => presentConversation(r, counts.get(r.id) ?? 0)),
        total,
        skip,
        limit,
      };
    },
  );

  app.get(
    '/api/v1/users/:user_id/conversations',
    {
      // HR only: employee ids are guessable, so an open list would expose anyone's history. Employees reach
      // their own conversations by id (an unguessable UUID), as the chat does.
      config: { access: 'conversations:read' },
      schema: {
        tags: ['conversations'],
        summary: "An employee's conversations, newest first",
        security: adminSecurity,
        params: Type.Object({ user_id: UserId }),
        querystring: Type.Object(Pagination),
        response: { 200: ConversationPage },
      },
    },
    async (request) => {
      const { skip, limit } = request.query;
      const { rows, total } = await repository.userConversations(request.params.user_id, skip, limit);
      const counts = await repository.messageCounts(rows.map((r) => r.id));
      return {
        conversations: rows.map((r) => presentConversation(r, counts.get(r.id) ?? 0)),
        total,
        skip,
        limit,
      };
    },
  );

  app.get(
    '/api/v1/users/:user_id',
    {
      config: { access: 'conversations:read' },
      schema: {
        tags: ['users'],
        summary: 'An employee and their VIP flag',
        security: adminSecurity,
        params: Type.Object({ user_id: UserId }),
        response: { 200: User },
      },
    },
    async (request) => {
      const user = await repository.getUser(request.params.user_id);
      if (!user) throw notFound('User');
      return presentUser(user);
    },
  );

  app.put(
    '/api/v1/users/:user_id',
    {
      config: { access: 'employees:manage' },
      schema: {
        tags: ['users'],
        summary: 'Set whether an employee is a VIP (raises the priority of their questions)',
        description:
          "Also re-prioritizes the employee's open cases in the escalation queue (VIP +2 on top of the floor " +
          'their escalation kind sets), in the same transaction as the audit entry.',
        security: adminSecurity,
        params: Type.Object({ user_id: UserId }),
        body: Type.Object({ is_vip: Type.Boolean() }, { additionalProperties: false }),
        response: { 200: User },
      },
    },
    async (request) => presentUser(await users.setVip(request.params.user_id, request.body.is_vip)),
  );

  app.get(
    '/api/v1/stats',
    {
      config: { access: 'public' },
      schema: { tags: ['queries'], summary: 'Public summary figures', response: { 200: Stats } },
    },
    async () => readPublicStats(ctx.db.kysely),
  );
};
