import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { AppContext } from '../../context.js';
import { AppError, notFound } from '../../errors.js';
import { adminSecurity } from '../../http/admin-auth.js';
import { recordAudit } from '../audit/audit.js';
import { excerpt } from '../handoff/summary.js';
import { actingEmployee, conversationView, mayOpenConversation } from '../identity/ownership.js';
import type { Principal } from '../identity/principal.js';
import { presentConversation, presentMessage, presentUser } from './conversations.presenter.js';
import { type ConversationRow, QueriesRepository } from './queries.repository.js';
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
import { readPublicStats } from './stats.repository.js';
import { UsersService } from './users.service.js';

/** In a list, a confidential case shows its existence and state, not its reason, unless the reader is cleared. */
function listed<T extends { confidential: boolean; escalation_reason: string | null }>(
  item: T,
  principal: Principal,
): T {
  if (!item.confidential || principal.can('confidential:read')) return item;
  // The title is an excerpt of the first question: text, like the reason.
  return { ...item, escalation_reason: null, ...('title' in item ? { title: '' } : {}) };
}

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

  /** The employee's own list: each conversation with its message count and first question as a title. */
  const withTitles = async (rows: ConversationRow[]) => {
    const ids = rows.map((r) => r.id);
    const [counts, titles] = await Promise.all([
      repository.messageCounts(ids),
      repository.firstQuestions(ids),
    ]);
    return rows.map((r) => ({
      ...presentConversation(r, counts.get(r.id) ?? 0),
      title: excerpt(titles.get(r.id) ?? '', 80),
    }));
  };

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
      const view = conversationView(request.principal, conversation.user_id, conversation.confidential === 1);
      const messages = await repository.messages(conversation.id);
      const presented = {
        ...presentConversation(conversation, messages.length),
        messages: messages.map(presentMessage),
      };
      if (view === 'full') return presented;
      return {
        ...presented,
        escalation_reason: null,
        messages: presented.messages.map((m) => ({ ...m, escalation_reason: null, kb_results: null })),
      };
    },
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
    async (request) => {
      const rows = await repository.conversationsByIds(request.body.conversation_ids, request.body.user_id);
      const ids = rows.map((r) => r.id);
      const [counts, titles] = await Promise.all([
        repository.messageCounts(ids),
        repository.firstQuestions(ids),
      ]);
      return {
        conversations: rows.map((r) => ({
          ...presentConversation(r, counts.get(r.id) ?? 0),
          title: excerpt(titles.get(r.id) ?? '', 80),
        })),
      };
    },
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
    async (request) => {
      const conversation = await repository.getConversation(request.params.id);
      const userId = actingEmployee(request.principal, request.body.user_id);
      if (
        !conversation ||
        (userId !== undefined && conversation.user_id !== userId) ||
        !mayOpenConversation(request.principal, ctx.config.auth.mode, conversation.user_id)
      ) {
        throw notFound('Conversation');
      }
      const now = ctx.clock.now();
      await repository.markSeen(conversation.id, now);
      return {
        conversation_id: conversation.id,
        unread: false,
        employee_seen_at: new Date(now).toISOString(),
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
      return {
        conversations: (await withTitles(rows)).map((c) => listed(c, request.principal)),
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
        conversations: rows.map((r) =>
          listed(presentConversation(r, counts.get(r.id) ?? 0), request.principal),
        ),
        total,
        skip,
        limit,
      };
    },
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
      return users.list(q?.trim() ?? '', skip, limit);
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
      if (email !== undefined) {
        await repository.updateUser(id, { email }, ctx.clock.now());
        await recordAudit(
          ctx.db,
          { action: 'user.email', target_type: 'user', target_id: id, details: { email_changed: true } },
          ctx.clock,
        );
      }
      const user = await repository.getUser(id);
      if (!user) throw notFound('User');
      return presentUser(user);
    },
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
