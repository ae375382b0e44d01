import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { AppContext } from '../../context.js';
import { AppError } from '../../errors.js';
import { adminSecurity } from '../../http/admin-auth.js';
import { actingEmployee } from '../identity/ownership.js';
import { presentUser } from './conversations.presenter.js';
import { ConversationsService } from './conversations.service.js';
import {
  ConversationList,
  ConversationLookup,
  ConversationPage,
  ConversationWithMessages,
  EmployeeListQuery,
  EmployeePage,
  Pagination,
  QueryRequest,
  QueryResponse,
  Seen,
  SeenBody,
  Stats,
  User,
  UserId,
  UserUpdate,
} from './queries.schemas.js';
import { DEFAULT_USER_ID, type QueriesService } from './queries.service.js';
import { UsersService } from './users.service.js';

export interface QueriesRoutesOptions {
  ctx: AppContext;
  queries: QueriesService;
}

export const queriesRoutes: FastifyPluginAsyncTypebox<QueriesRoutesOptions> = async (
  app,
  { ctx, queries },
) => {
  const conversations = new ConversationsService(ctx);
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
    async (request) => conversations.get(request.params.id, request.principal),
  );

  app.post(
    '/api/v1/conversations/lookup',
    {
      config: { access: 'employee' },
      schema: {
        tags: ['conversations'],
        summary: 'Several conversations at once, by id (the chat\'s "My cases" in the open mode)',
        description:
          'Ids that do not exist (or, with `user_id`, belong to someone else) are left out. Each item has its ' +
          'status, case reference, `unread` (HR wrote since the employee last looked) and a `title`.',
        body: ConversationLookup,
        response: { 200: ConversationList },
      },
    },
    async (request) =>
      conversations.lookup(request.body.conversation_ids, request.body.user_id, request.principal),
  );

  app.post(
    '/api/v1/conversations/:id/seen',
    {
      config: { access: 'employee' },
      schema: {
        tags: ['conversations'],
        summary: "The employee has read HR's messages in this conversation (clears `unread`)",
        description: 'With `user_id`, it must be the owner (anyone else gets 404, as for an unknown id).',
        params: Type.Object({ id: Type.String({ format: 'uuid' }) }),
        body: SeenBody,
        response: { 200: Seen },
      },
    },
    async (request) =>
      conversations.markSeen(
        request.params.id,
        actingEmployee(request.principal, request.body.user_id),
        request.principal,
      ),
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
      return conversations.ownList(userId, request.query.skip, request.query.limit);
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
    async (request) =>
      conversations.employeeList(
        request.params.user_id,
        request.query.skip,
        request.query.limit,
        request.principal,
      ),
  );

  app.get(
    '/api/v1/users',
    {
      config: { access: 'conversations:read' },
      schema: {
        tags: ['users'],
        summary: 'Employees, most recently active first, with a preview of their latest question',
        description:
          'Searches the employee id and e-mail address (`q`, any case). A latest question from a confidential ' +
          'case is never previewed: `last_question` is null and `last_question_confidential` true.',
        security: adminSecurity,
        querystring: EmployeeListQuery,
        response: { 200: EmployeePage },
      },
    },
    async (request) => {
      const { q, skip, limit } = request.query;
      return users.list(q?.trim() ?? '', skip, limit, request.principal.can('confidential:read'));
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
    async (request) => presentUser(await conversations.user(request.params.user_id)),
  );

  app.put(
    '/api/v1/users/:user_id',
    {
      config: { access: 'employees:manage' },
      schema: {
        tags: ['users'],
        summary: "Set an employee's VIP flag and e-mail address (where HR's replies are e-mailed)",
        description:
          "A VIP change also re-prioritizes the employee's open cases in the escalation queue (VIP +2 on top of the " +
          'floor their escalation kind sets), in the same transaction as the audit entry.',
        security: adminSecurity,
        params: Type.Object({ user_id: UserId }),
        body: UserUpdate,
        response: { 200: User },
      },
    },
    async (request) => {
      const { is_vip, email } = request.body;
      const id = request.params.user_id;
      if (is_vip !== undefined) await users.setVip(id, is_vip);
      if (email !== undefined) await users.setEmail(id, email);
      return presentUser(await conversations.user(id));
    },
  );

  app.get(
    '/api/v1/stats',
    {
      config: { access: 'public' },
      schema: { tags: ['queries'], summary: 'Public summary figures', response: { 200: Stats } },
    },
    async () => conversations.publicStats(),
  );
};
