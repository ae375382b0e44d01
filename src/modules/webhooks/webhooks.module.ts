import type { FastifyPluginAsync } from 'fastify';
import type { ModuleOptions } from '../../context.js';
import { DeliveryLogRetention } from './retention.js';
import { createUndiciSender } from './sender.js';
import { webhooksRoutes } from './webhooks.routes.js';
import { WebhooksService } from './webhooks.service.js';
import { DeliveryWorker } from './worker.js';

/**
 * Webhooks: the management API, and the delivery worker running inside the server unless WORKER_EMBEDDED=false
 * (then `npm run worker` runs it alone). The worker starts when the app is ready and stops on close, finishing
 * the attempts in flight.
 */
export const webhooksModule: FastifyPluginAsync<ModuleOptions> = async (app, { ctx }) => {
  const sender = createUndiciSender({ allowPrivateUrls: ctx.config.webhookAllowPrivateUrls });
  const service = new WebhooksService(ctx, sender);
  await app.register(webhooksRoutes, { prefix: '/api/v1/webhooks', service });

  const worker = ctx.config.workerEmbedded
    ? new DeliveryWorker({ db: ctx.db, clock: ctx.clock, sender, log: ctx.log })
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
