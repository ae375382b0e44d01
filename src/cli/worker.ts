import { pino } from 'pino';
import { systemClock } from '../clock.js';
import { ConfigError, loadConfig } from '../config.js';
import { createDb } from '../db/create-db.js';
import { migrateToLatest } from '../db/migrator.js';
import { loggerOptions } from '../logger.js';
import { ConversationRetention } from '../modules/privacy/conversation-retention.js';
import { DeliveryLogRetention } from '../modules/webhooks/retention.js';
import { createUndiciSender } from '../modules/webhooks/sender.js';
import { DeliveryWorker } from '../modules/webhooks/worker.js';

/**
 * `npm run worker`: the webhook delivery worker alone, for deployments that run the API with
 * WORKER_EMBEDDED=false or want more delivery capacity. Any number may run against one database.
 * SIGTERM/SIGINT stop claiming, let in-flight attempts finish and record, then exit.
 */
async function main(): Promise<void> {
  const config = loadConfig();
  const log = pino(loggerOptions(config));
  const db = createDb(config.database, config.databasePoolSize);
  await migrateToLatest(db);
  const sender = createUndiciSender({ allowPrivateUrls: config.webhookAllowPrivateUrls });
  const worker = new DeliveryWorker({ db, clock: systemClock, sender, log });
  const retention = new DeliveryLogRetention(
    { db: db.kysely, clock: systemClock, log },
    { retentionDays: config.deliveryLogRetentionDays },
  );
  const conversationRetention =
    config.conversationRetentionDays === undefined
      ? null
      : new ConversationRetention(
          { db: db.kysely, clock: systemClock, log },
          config.conversationRetentionDays,
        );
  worker.start();
  retention.start();
  conversationRetention?.start();

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'webhook delivery worker stopping');
    const forced = setTimeout(() => process.exit(1), 45_000);
    forced.unref();
    await retention.stop();
    await conversationRetention?.stop();
    await worker.stop();
    await sender.close();
    await db.destroy();
    log.info('webhook delivery worker stopped');
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
  // Announced only once the handlers are in place: a supervisor may signal as soon as it reads this line.
  log.info({ worker: worker.id }, 'webhook delivery worker started');
}

main().catch((error: unknown) => {
  process.stderr.write(
    `${error instanceof ConfigError ? error.message : `Worker failed: ${String(error)}`}\n`,
  );
  process.exit(1);
});
