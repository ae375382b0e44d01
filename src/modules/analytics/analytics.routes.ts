import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { ModuleOptions } from '../../context.js';
import { adminSecurity } from '../../http/admin-auth.js';
import {
  KnowledgeGaps,
  KnowledgeGapsQuery,
  Summary,
  SummaryQuery,
  Timeseries,
  TimeseriesQuery,
} from './analytics.schemas.js';
import { AnalyticsService } from './analytics.service.js';

export const analyticsRoutes: FastifyPluginAsyncTypebox<ModuleOptions> = async (app, { ctx }) => {
  const analytics = new AnalyticsService(ctx);

  app.get(
    '/api/v1/analytics/summary',
    {
      config: { access: 'analytics:read' },
      schema: {
        tags: ['analytics'],
        summary: 'How the assistant is doing over a trailing period',
        security: adminSecurity,
        querystring: SummaryQuery,
        response: { 200: Summary },
      },
    },
    async (request) => analytics.summary(request.query.days),
  );

  app.get(
    '/api/v1/analytics/timeseries',
    {
      config: { access: 'analytics:read' },
      schema: {
        tags: ['analytics'],
        summary: 'Questions, escalations, ratings, processing time and webhook deliveries per hour or day',
        security: adminSecurity,
        querystring: TimeseriesQuery,
        response: { 200: Timeseries },
      },
    },
    async (request) => analytics.timeseries(request.query.days, request.query.bucket),
  );

  app.get(
    '/api/v1/analytics/knowledge-gaps',
    {
      config: { access: 'analytics:read' },
      schema: {
        tags: ['analytics'],
        summary: 'Topics the knowledge base is missing: unanswered and badly rated questions, grouped',
        description:
          'Questions no article answered or whose conversation was rated 1–2 (never escalated ones, so no ' +
          'reported case is quoted), clustered into topics of similar questions, each with a count, up to ' +
          'five examples and a suggested article title.',
        security: adminSecurity,
        querystring: KnowledgeGapsQuery,
        response: { 200: KnowledgeGaps },
      },
    },
    async (request) => analytics.knowledgeGaps(request.query.days, request.query.limit),
  );
};
