import { randomUUID } from 'node:crypto';
import { toIso } from '../../clock.js';
import { canonicalJson } from './canonical-json.js';

/** Every event a webhook can subscribe to. */
export const EVENT_TYPES = [
  'query.created',
  'query.escalated',
  'query.resolved',
  'query.replied',
  'feedback.received',
  'webhook.disabled',
  'webhook.test',
] as const;

export type EventType = (typeof EVENT_TYPES)[number];

export const isEventType = (value: string): value is EventType =>
  (EVENT_TYPES as readonly string[]).includes(value);

/** Event ids double as the Standard Webhooks message id: stable across retries and redeliveries. */
export const newEventId = (): string => `evt_${randomUUID().replaceAll('-', '')}`;

export interface EventEnvelope {
  id: string;
  event: EventType;
  timestamp: string;
  webhook_id: string;
  data: Record<string, unknown>;
}

export function buildEnvelope(
  eventId: string,
  type: EventType,
  webhookId: string,
  now: number,
  data: Record<string, unknown>,
): EventEnvelope {
  return { id: eventId, event: type, timestamp: toIso(now), webhook_id: webhookId, data };
}

/** The exact bytes sent, stored once in the outbox so every attempt signs and sends the same body. */
export const serializeEnvelope = (envelope: EventEnvelope): string => canonicalJson(envelope);

/**
 * The same bytes as serializeEnvelope, from `data` serialized once: one event goes to many webhooks and only
 * webhook_id and id differ. The envelope's keys in sorted order are data, event, id, timestamp, webhook_id.
 */
export function serializeEnvelopeWithData(
  dataJson: string,
  eventId: string,
  type: EventType,
  webhookId: string,
  now: number,
): string {
  const q = canonicalJson;
  return `{"data":${dataJson},"event":${q(type)},"id":${q(eventId)},"timestamp":${q(toIso(now))},"webhook_id":${q(webhookId)}}`;
}

/** The data of the `webhook.test` event. */
export function testEventData(webhookId: string, now: number): Record<string, unknown> {
  return {
    message: 'Test delivery from the HR Intelligence Platform',
    webhook_id: webhookId,
    sent_at: toIso(now),
  };
}
