import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { toIso } from '../../clock.js';
import { AppError, notFound } from '../../errors.js';
import { adminSecurity } from '../../http/admin-auth.js';
import {
  Article,
  ArticleInput,
  ArticlePage,
  ArticleUpdate,
  CategorySchema,
  IdParams,
  Pagination,
  SearchHit,
} from './knowledge.schemas.js';
import type { KnowledgeService } from './knowledge.service.js';
import type { StoredArticle } from './knowledge.types.js';

export const presentArticle = (a: StoredArticle) => ({
  ...a,
  created_at: toIso(a.created_at),
  updated_at: toIso(a.updated_at),
  reviewed_at: a.reviewed_at === null ? null : toIso(a.reviewed_at),
});
const present = presentArticle;

const tags = ['knowledge base'];

export const knowledgeRoutes: FastifyPluginAsyncTypebox<{ knowledge: KnowledgeService }> = async (
  app,
  { knowledge },
) => {
  app.get(
    '/api/v1/kb',
    {
      config: { access: 'employee' },
      schema: {
        tags,
        summary: 'List articles, optionally of one category',
        description:
          'Published articles for everyone. With the admin key: `status=draft` or `status=all`, and ' +
          '`review_due=true` for the articles not reviewed within KB_REVIEW_INTERVAL_DAYS.',
        querystring: Type.Object({
          ...Pagination,
          category: Type.Optional(CategorySchema),
          status: Type.Union([Type.Literal('published'), Type.Literal('draft'), Type.Literal('all')], {
            default: 'published',
          }),
          review_due: Type.Boolean({ default: false }),
        }),
        response: { 200: ArticlePage },
      },
    },
    async (request) => {
      const { skip, limit, category, status, review_due } = request.query;
      if ((status !== 'published' || review_due) && !request.principal.can('kb:write'))
        throw request.principal.source === 'none'
          ? new AppError('UNAUTHORIZED', 'Drafts and articles due for review need an HR token', {
              'www-authenticate': 'Bearer',
            })
          : new AppError('FORBIDDEN', 'Drafts and articles due for review need the kb:write permission');
      const { articles, total } = await knowledge.page(skip, limit, {
        category,
        status,
        reviewedBefore: review_due ? knowledge.reviewDueBefore() : undefined,
      });
      return { articles: articles.map(present), total, skip, limit };
    },
  );

  app.get(
    '/api/v1/kb/search',
    {
      config: { access: 'employee' },
      schema: {
        tags,
        summary: 'Search articles the way the answering pipeline does',
        querystring: Type.Object({
          q: Type.String({ minLength: 1, maxLength: 500 }),
          category: Type.Optional(CategorySchema),
          limit: Type.Integer({ minimum: 1, maximum: 20, default: 5 }),
        }),
        response: { 200: Type.Object({ query: Type.String(), results: Type.Array(SearchHit) }) },
      },
    },
    async (request) => {
      const { q, category, limit } = request.query;
      return { query: q, results: knowledge.index.search(q, { category, limit }) };
    },
  );

  app.get(
    '/api/v1/kb/:id',
    {
      config: { access: 'employee' },
      schema: { tags, summary: 'One article', params: IdParams, response: { 200: Article } },
    },
    async (request) => {
      const article = await knowledge.get(request.params.id);
      // A draft is not yet policy: only its editors see it.
      if (article.status === 'draft' && !request.principal.can('kb:write')) throw notFound('Article');
      return present(article);
    },
  );

  app.post(
    '/api/v1/kb',
    {
      config: { access: 'kb:write' },
      schema: {
        tags,
        summary: 'Create an article',
        security: adminSecurity,
        body: ArticleInput,
        response: { 201: Article },
      },
    },
    async (request, reply) => {
      const { status, owner, ...fields } = request.body;
      return reply.code(201).send(present(await knowledge.create(fields, { status, owner })));
    },
  );

  app.put(
    '/api/v1/kb/:id',
    {
      config: { access: 'kb:write' },
      schema: {
        tags,
        summary: 'Change an article (any subset of its fields)',
        security: adminSecurity,
        params: IdParams,
        body: ArticleUpdate,
        response: { 200: Article },
      },
    },
    async (request) => present(await knowledge.update(request.params.id, request.body)),
  );

  app.delete(
    '/api/v1/kb/:id',
    {
      config: { access: 'kb:write' },
      schema: {
        tags,
        summary: 'Delete an article',
        security: adminSecurity,
        params: IdParams,
        response: { 204: Type.Null() },
      },
    },
    async (request, reply) => {
      await knowledge.delete(request.params.id);
      return reply.code(204).send(null);
    },
  );
};
