import type { Kysely } from 'kysely';
import { type Clock, toIso } from '../../clock.js';
import type { Database } from '../../db/schema.js';
import { recordAudit } from '../audit/audit.js';
import type { StoppedWebhook } from './deliveries.repository.js';
import { publishEvent } from './publish.js';
import { redactUrl } from './url-credentials.js';

/**
 * Tells someone when a webhook stops on its own (410 Gone or the automatic pause): a `webhook.disabled` event to
 * the other webhooks subscribed to it, and an audit entry by the delivery worker. Runs in the transaction that
 * stops the webhook, so the stop, its event and its entry exist together or not at all.
 */
export async function announceStopped(
  trx: Kysely<Database>,
  clock: Clock,
  stopped: StoppedWebhook[],
): Promise<void> {
  for (const webhook of stopped) {
    await publishEvent(trx, clock, {
      type: 'webhook.disabled',
      data: {
        webhook_id: webhook.id,
        url: redactUrl(webhook.url),
        reason: webhook.reason,
        failures: webhook.failures,
        disabled_at: toIso(webhook.at),
      },
      exceptWebhookId: webhook.id,
    });
    await recordAudit(
      trx,
      {
        action: 'webhook.disabled',
        target_type: 'webhook',
        target_id: webhook.id,
        details: { reason: webhook.reason, failures: webhook.failures },
        actor: 'system:delivery-worker',
        ip: 'local',
        request_id: '',
      },
      clock,
    );
  }
}
