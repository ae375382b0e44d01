import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import type { AppContext } from '../../context.js';
import { AnalyticsService } from './analytics.service.js';
import { metricsRegistry, recordHttpRequest, webhookQueueDepth } from './metrics.js';

/**
 * Request metrics for every route and the Prometheus endpoint. Called on the root instance before the
 * modules register, so the hook sees every route. The route label is the route pattern
 * (`/api/v1/conversations/:id`), never the raw URL, to keep the number of series bounded.
 *
 * /metrics is open like /api/v1/stats: it holds counts and latencies, no personal data, and a scraper should not
 * need the admin key (which can do everything). Keep it off the public ingress if the counts are sensitive.
 */
export function registerMetrics(app: FastifyInstance, ctx: AppContext): void {
  app.addHook('onResponse', async (request, reply) => {
    const route = request.routeOptions.url ?? 'unmatched';
    recordHttpRequest(request.method, route, reply.statusCode, reply.elapsedTime / 1000);
  });

  const analytics = new AnalyticsService(ctx);
  app.get(
    '/metrics',
    {
      schema: {
        tags: ['monitoring'],
        summary: 'Prometheus metrics (text exposition format)',
        response: { 200: Type.String() },
      },
    },
    async (_request, reply) => {
      // Read on every scrape from this app's database, so the gauge is right whichever process delivers.
      webhookQueueDepth.set(await analytics.pendingDeliveries());
      reply.type(metricsRegistry.contentType);
      return metricsRegistry.metrics();
    },
  );
}
