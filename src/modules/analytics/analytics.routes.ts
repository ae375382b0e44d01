import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { ModuleOptions } from '../../context.js';
import { adminSecurity } from '../../http/admin-auth.js';
import { Summary, SummaryQuery, Timeseries, TimeseriesQuery } from './analytics.schemas.js';
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
};
