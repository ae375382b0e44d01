import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { ModuleOptions } from '../../context.js';
import { adminSecurity } from '../../http/admin-auth.js';
import { signedInName } from '../handoff/handoff.routes.js';
import { ConversationParams } from '../handoff/handoff.schemas.js';
import {
  CannedReply,
  CannedReplyInput,
  CannedReplyList,
  CannedReplyParams,
  CannedReplyUpdate,
  CaseListPage,
  CaseListQuery,
  Note,
  NoteBody,
  NoteList,
} from './cases.schemas.js';
import { CasesService } from './cases.service.js';

/** The case list with its saved views, internal notes and canned replies (HR only). */
export const casesRoutes: FastifyPluginAsyncTypebox<ModuleOptions> = async (app, { ctx }) => {
  const cases = new CasesService(ctx);

  app.get(
    '/api/v1/cases',
    {
      config: { access: 'escalations:read' },
      schema: {
        tags: ['cases'],
        summary: 'The compact case list: saved views, filters and sorting',
        description:
          'Views: open (every case a person owes something: open, assigned, waiting on the employee), mine, ' +
          'unassigned, overdue (a response-time target missed), resolved, all. Items carry no transcript; ' +
          'GET /api/v1/cases/{id} gives the whole handoff package.',
        security: adminSecurity,
        querystring: CaseListQuery,
        response: { 200: CaseListPage },
      },
    },
    async (request) => {
      const { view, agent, status, category, assignee, min_priority, q, sort, order, skip, limit } =
        request.query;
      return cases.list(
        {
          view,
          agent,
          status,
          category,
          assignee,
          minPriority: min_priority,
          search: q,
          sort,
          order,
          skip,
          limit,
        },
        request.principal.can('confidential:read'),
      );
    },
  );

  app.get(
    '/api/v1/conversations/:id/notes',
    {
      config: { access: 'conversations:read' },
      schema: {
        tags: ['cases'],
        summary: "A case's internal notes, oldest first (never shown to the employee)",
        security: adminSecurity,
        params: ConversationParams,
        response: { 200: NoteList },
      },
    },
    async (request) => cases.notes(request.params.id, request.principal.can('confidential:read')),
  );

  app.post(
    '/api/v1/conversations/:id/notes',
    {
      config: { access: 'conversations:manage' },
      schema: {
        tags: ['cases'],
        summary: 'Add an internal note to a case',
        description:
          'Notes are for the HR team: they never appear in the employee’s conversation, in webhooks or in e-mail.',
        security: adminSecurity,
        params: ConversationParams,
        body: NoteBody,
        response: { 201: Note },
      },
    },
    async (request, reply) => {
      const note = await cases.addNote(
        request.params.id,
        request.body.content,
        request.body.author?.trim() ?? signedInName(request) ?? 'HR',
        request.principal.can('confidential:read'),
      );
      return reply.code(201).send(note);
    },
  );

  app.get(
    '/api/v1/canned-replies',
    {
      config: { access: 'escalations:read' },
      schema: {
        tags: ['cases'],
        summary: 'Canned replies, by title',
        security: adminSecurity,
        response: { 200: CannedReplyList },
      },
    },
    async () => cases.cannedReplies(),
  );

  app.post(
    '/api/v1/canned-replies',
    {
      config: { access: 'conversations:manage' },
      schema: {
        tags: ['cases'],
        summary: 'Add a canned reply (titles are unique)',
        security: adminSecurity,
        body: CannedReplyInput,
        response: { 201: CannedReply },
      },
    },
    async (request, reply) => reply.code(201).send(await cases.createCannedReply(request.body)),
  );

  app.patch(
    '/api/v1/canned-replies/:id',
    {
      config: { access: 'conversations:manage' },
      schema: {
        tags: ['cases'],
        summary: 'Change a canned reply',
        security: adminSecurity,
        params: CannedReplyParams,
        body: CannedReplyUpdate,
        response: { 200: CannedReply },
      },
    },
    async (request) => cases.updateCannedReply(request.params.id, request.body),
  );

  app.delete(
    '/api/v1/canned-replies/:id',
    {
      config: { access: 'conversations:manage' },
      schema: {
        tags: ['cases'],
        summary: 'Delete a canned reply',
        security: adminSecurity,
        params: CannedReplyParams,
      },
    },
    async (request, reply) => {
      await cases.deleteCannedReply(request.params.id);
      return reply.code(204).send();
    },
  );
};
