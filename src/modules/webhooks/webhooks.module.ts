import type { FastifyPluginAsync } from 'fastify';
import type { ModuleOptions } from '../../context.js';
import { ApiPressure } from './api-pressure.js';
import { DeliveryLogRetention } from './retention.js';
import { createUndiciSender } from './sender.js';
import { webhooksRoutes } from './webhooks.routes.js';
import { WebhooksService } from './webhooks.service.js';
import { DeliveryWorker } from './worker.js';

/**
 * Webhooks: the management API, and the delivery worker running inside the server unless WORKER_EMBEDDED=false
 * (then `npm run worker` runs it alone). The worker starts when the app is ready and stops on close, finishing
 * the attempts in flight. Embedded, it yields to API traffic when that saturates the process (api-pressure.ts).
 */
export const webhooksModule: FastifyPluginAsync<ModuleOptions> = async (app, { ctx }) => {
  const sender = createUndiciSender({ allowPrivateUrls: ctx.config.webhookAllowPrivateUrls });
  const service = new WebhooksService(ctx, sender);
  await app.register(webhooksRoutes, { prefix: '/api/v1/webhooks', service });

  const pressure = new ApiPressure();
  const worker = ctx.config.workerEmbedded
    ? new DeliveryWorker({
        db: ctx.db,
        clock: ctx.clock,
        sender,
        log: ctx.log,
        underPressure: pressure.underPressure,
      })
    : null;
  // Log retention runs where the worker runs, on its own timer (see retention.ts).
  const retention = worker
    ? new DeliveryLogRetention(
        { db: ctx.db.kysely, clock: ctx.clock, log: ctx.log },
        { retentionDays: ctx.config.deliveryLogRetentionDays },
      )
    : null;
  if (worker) {
    app.addHook('onReady', async () => {
      pressure.watch(app.server);
      worker.start();
      retention?.start();
    });
  }
  app.addHook('onClose', async () => {
    await retention?.stop();
    await worker?.stop();
    await sender.close();
  });
};
