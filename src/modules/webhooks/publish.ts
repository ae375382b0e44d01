import type { Kysely } from 'kysely';
import type { Clock } from '../../clock.js';
import type { Database } from '../../db/schema.js';
import { canonicalJson } from './canonical-json.js';
import { insertDeliveries } from './deliveries.repository.js';
import { type EventType, newEventId, serializeEnvelopeWithData } from './events.js';
import { matchesFilters, parseFilters } from './webhook-filters.js';
import { subscribedWebhooks } from './webhooks.repository.js';
import { wakeDeliveryWorkers } from './worker-registry.js';

export type { EventType } from './events.js';

export interface DomainEvent {
  type: EventType;
  data: Record<string, unknown>;
  /** Drive per-webhook filters (filters.categories, filters.min_priority). */
  category?: string;
  priority?: number;
  /** A webhook that must not get this event (the one a `webhook.disabled` event is about). */
  exceptWebhookId?: string;
  /**
   * For events about a confidential case: what webhooks get unless they were created with include_confidential
   * (ids, category, priority, kind, status, times; no message, answer or summary text).
   */
  thinData?: Record<string, unknown>;
}

type Subscriptions = ReturnType<typeof subscribedWebhooks>;

const perTransaction = new WeakMap<Kysely<Database>, Map<string, Subscriptions>>();

/**
 * The webhooks subscribed to an event type, read once per transaction. The group committer runs the turns of
 * many questions in one transaction and each publishes the same event types, so without this every question
 * repeated the same lookup (1.7 a question). Within one transaction the answer cannot change unless the
 * transaction itself changes webhooks, and none that publishes does. Outside a transaction it is read every time.
 */
function subscriptions(db: Kysely<Database>, eventType: string): Subscriptions {
  if (!db.isTransaction) return subscribedWebhooks(db, eventType);
  let byType = perTransaction.get(db);
  if (!byType) {
    byType = new Map();
    perTransaction.set(db, byType);
  }
  let rows = byType.get(eventType);
  if (!rows) {
    rows = subscribedWebhooks(db, eventType);
    byType.set(eventType, rows);
  }
  return rows;
}

/**
 * Writes one pending delivery per subscribed webhook whose filters match, through the caller's connection or
 * transaction — the outbox row commits or rolls back with the caller's own rows. Webhooks that are paused
 * get the delivery too; it waits until they are active again. Returns how many deliveries were written.
 */
export async function publishEvent(db: Kysely<Database>, clock: Clock, event: DomainEvent): Promise<number> {
  const webhooks = (await subscriptions(db, event.type)).filter(
    (webhook) => webhook.id !== event.exceptWebhookId && matchesFilters(parseFilters(webhook.filters), event),
  );
  if (webhooks.length === 0) return 0;
  const now = clock.now();
  const dataJson = canonicalJson(event.data);
  const thinJson = event.thinData === undefined ? undefined : canonicalJson(event.thinData);
  const rows = webhooks.map((webhook) => {
    const eventId = newEventId();
    const json = thinJson !== undefined && webhook.include_confidential !== 1 ? thinJson : dataJson;
    const body = serializeEnvelopeWithData(json, eventId, event.type, webhook.id, now);
    return { webhookId: webhook.id, eventId, eventType: event.type, body };
  });
  await insertDeliveries(db, rows, now);
  // The caller's transaction may not have committed yet: the nudge starts a short burst of quick polls.
  wakeDeliveryWorkers();
  return rows.length;
}

export { wakeDeliveryWorkers } from './worker-registry.js';
