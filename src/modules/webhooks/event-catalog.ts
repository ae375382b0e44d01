import { type TSchema, Type } from 'typebox';
import { ESCALATION_KINDS } from '../agents/escalation/kinds.js';
import { EVENT_TYPES, type EventType } from './events.js';

/**
 * The event catalog: for every event, what it means, the JSON Schema (2020-12) of the request body the receiver
 * gets, and an example. One entry per event, in this file only: the catalog endpoint, the OpenAPI `webhooks`
 * section and the schema test all read it, so a new event (or a new field) is described once, here. Payloads
 * may gain fields over time and never lose or rename one, so objects allow additional properties.
 */

const Text = Type.String();
const NullableText = Type.Union([Type.String(), Type.Null()]);
const DateTime = Type.String({ format: 'date-time' });
const Priority = Type.Integer({ minimum: 1, maximum: 10, description: '1 (low) to 10 (urgent)' });

const questionFields = {
  query_id: Type.String({ description: 'The conversation id' }),
  message_id: Type.String({ description: 'The id of this question in the conversation' }),
  user_id: Text,
  category: Type.String({
    description: 'Recruitment, Payroll, Benefits, Policy, LeaveManagement, Performance or General',
  }),
  sentiment: Type.String({ description: 'Positive, Neutral, Negative or Angry' }),
  priority: Priority,
  query: Type.String({ description: 'The question (masked when PII_REDACTION=mask)' }),
  metadata: Type.Object({
    escalated: Type.Boolean(),
    // Optional: events written before the field existed may still be redelivered without it.
    escalation_kind: Type.Optional(
      Type.Union([Type.String({ enum: [...ESCALATION_KINDS] }), Type.Null()], {
        description:
          'Why a person must take over: crisis, violence, harassment, discrimination, retaliation, safety, fraud, legal, human_request, repeated, angry or high_priority; null when the answer was not escalated',
      }),
    ),
    attempt_count: Type.Integer({ minimum: 0 }),
    processing_time: Type.Number({ description: 'Seconds the pipeline took' }),
    engine: Type.String(),
    kb_articles: Type.Array(Type.String(), { description: 'Titles of the articles the answer used' }),
    response: Type.String(),
  }),
};

const questionExample = {
  query_id: '5b0c2f4e-8d1a-4a57-9a53-0f3c1de0b2a1',
  message_id: 'c8e7a9d2-3b4f-4e61-8c2d-7a9b0e1f2d3c',
  user_id: 'emp-1042',
  category: 'LeaveManagement',
  sentiment: 'Neutral',
  priority: 4,
  query: 'Could I swap my Friday off for the Monday after?',
  metadata: {
    escalated: false,
    escalation_kind: null,
    attempt_count: 1,
    processing_time: 0.012,
    engine: 'local',
    kb_articles: ['Annual leave allowance'],
    response: 'Full-time employees accrue 25 days of annual leave a year; your balance is in the HR portal.',
  },
};

/**
 * What a webhook without include_confidential receives about a confidential case (harassment, violence, crisis,
 * discrimination, retaliation, fraud): ids, category, priority, kind, status and times — never a message,
 * response, summary or the employee's id.
 */
const ThinCase = Type.Object(
  {
    query_id: Text,
    message_id: Type.Optional(Text),
    category: Text,
    priority: Priority,
    confidential: Type.Literal(true),
    escalation_kind: Type.Optional(NullableText),
    status: Text,
    timestamp: DateTime,
    resolution_time_seconds: Type.Optional(Type.Number({ minimum: 0 })),
    resolved_by_role: Type.Optional(Text),
  },
  { description: 'The thin payload of a confidential case' },
);
/** An event about a question or a case: its full data, or for a confidential case the thin payload. */
const orThin = (full: TSchema) => Type.Union([full, ThinCase]);

interface CatalogEntry {
  description: string;
  data: TSchema;
  example: Record<string, unknown>;
}

const catalog: Record<EventType, CatalogEntry> = {
  'query.created': {
    description: 'An employee asked a question and the pipeline answered or escalated it.',
    data: orThin(Type.Object(questionFields)),
    example: questionExample,
  },
  'query.escalated': {
    description: 'A question was handed to HR staff; sent after its query.created.',
    data: orThin(Type.Object({ ...questionFields, escalation_reason: NullableText })),
    example: {
      ...questionExample,
      priority: 9,
      sentiment: 'Negative',
      query: 'My last two paychecks were short and nobody answers my emails.',
      category: 'Payroll',
      metadata: { ...questionExample.metadata, escalated: true, escalation_kind: 'fraud', kb_articles: [] },
      escalation_reason:
        'Escalated because the message raises fraud, theft or unpaid wages ("paychecks were short").',
    },
  },
  'query.resolved': {
    description: 'An escalated conversation was closed, by HR with an answer or by its employee.',
    data: orThin(
      Type.Object({
        query_id: Text,
        user_id: Text,
        category: Text,
        resolution_time_seconds: Type.Number({ minimum: 0 }),
        response: NullableText,
        resolved_by: Text,
        resolved_by_role: Type.Union([Type.Literal('agent'), Type.Literal('employee')]),
        case_reference: Type.Optional(NullableText),
      }),
    ),
    example: {
      query_id: '5b0c2f4e-8d1a-4a57-9a53-0f3c1de0b2a1',
      user_id: 'emp-1042',
      category: 'Payroll',
      resolution_time_seconds: 5400,
      response: 'The missing amount is paid with the next run on the 25th.',
      resolved_by: 'Dana (Payroll)',
      resolved_by_role: 'agent',
    },
  },
  'query.replied': {
    description:
      'HR wrote to the employee without closing the case (it now waits on the employee). Internal notes are never sent.',
    data: orThin(
      Type.Object({
        query_id: Text,
        user_id: Text,
        category: Text,
        case_reference: NullableText,
        message_id: Text,
        response: Text,
        replied_by: Text,
        first_response_time_seconds: Type.Union([Type.Number({ minimum: 0 }), Type.Null()]),
      }),
    ),
    example: {
      query_id: '5b0c2f4e-8d1a-4a57-9a53-0f3c1de0b2a1',
      user_id: 'emp-1042',
      category: 'LeaveManagement',
      case_reference: 'HR-1042',
      message_id: '9d3e7a10-2b4c-4f1e-8a6d-1c2b3a4d5e6f',
      response: 'Could you tell me which dates you mean?',
      replied_by: 'Dana',
      first_response_time_seconds: 1260,
    },
  },
  'feedback.received': {
    description: 'An employee rated an answer (a second rating replaces the first).',
    data: Type.Object({
      query_id: Text,
      user_id: Text,
      rating: Type.Integer({ minimum: 1, maximum: 5 }),
      feedback_text: NullableText,
      category: Text,
    }),
    example: {
      query_id: '5b0c2f4e-8d1a-4a57-9a53-0f3c1de0b2a1',
      user_id: 'emp-1042',
      rating: 5,
      feedback_text: 'Clear and quick, thanks.',
      category: 'LeaveManagement',
    },
  },
  'webhook.disabled': {
    description:
      'A webhook stopped delivering: its endpoint answered 410 Gone, or it was paused after too many failures in a row. Sent to the other webhooks subscribed to it.',
    data: Type.Object({
      webhook_id: Type.String({ format: 'uuid' }),
      url: Type.String({ description: 'Credentials in it are masked' }),
      reason: Text,
      failures: Type.Integer({ minimum: 0, description: 'Final failures in a row when it stopped' }),
      disabled_at: DateTime,
    }),
    example: {
      webhook_id: '0f8b7c1e-2d3a-4b5c-9d6e-7f8091a2b3c4',
      url: 'https://****:****@hooks.example.com/hr',
      reason: 'deactivated: the endpoint answered 410 Gone at 2026-03-02T09:15:00.000Z',
      failures: 1,
      disabled_at: '2026-03-02T09:15:00.000Z',
    },
  },
  'webhook.test': {
    description: 'Sent by POST /api/v1/webhooks/{id}/test to check an endpoint.',
    data: Type.Object({ message: Text, webhook_id: Type.String({ format: 'uuid' }), sent_at: DateTime }),
    example: {
      message: 'Test delivery from the HR Intelligence Platform',
      webhook_id: '0f8b7c1e-2d3a-4b5c-9d6e-7f8091a2b3c4',
      sent_at: '2026-03-02T09:00:00.000Z',
    },
  },
};

const JSON_SCHEMA_2020_12 = 'https://json-schema.org/draft/2020-12/schema';

/** Plain JSON (no TypeBox symbols), so the schema is exactly what is published. */
const plain = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

/** The JSON Schema of the whole request body of one event: the envelope with that event's data. */
export function eventSchema(type: EventType): Record<string, unknown> {
  const entry = catalog[type];
  return {
    $schema: JSON_SCHEMA_2020_12,
    title: type,
    description: entry.description,
    type: 'object',
    required: ['id', 'event', 'timestamp', 'webhook_id', 'data'],
    properties: {
      id: { type: 'string', pattern: '^evt_', description: 'Event id; also the webhook-id header' },
      event: { const: type },
      timestamp: { type: 'string', format: 'date-time' },
      webhook_id: { type: 'string', format: 'uuid', description: 'The webhook this delivery is for' },
      data: plain(entry.data),
    },
  };
}

export function eventExample(type: EventType): Record<string, unknown> {
  return {
    id: 'evt_4f1e9c2b7a6d4e0f8b3c5a9d1e2f7c6b',
    event: type,
    timestamp: '2026-03-02T09:15:00.000Z',
    webhook_id: '0f8b7c1e-2d3a-4b5c-9d6e-7f8091a2b3c4',
    data: catalog[type].example,
  };
}

export interface EventTypeDescription {
  name: EventType;
  description: string;
  schema: Record<string, unknown>;
  example: Record<string, unknown>;
}

export function eventCatalog(): EventTypeDescription[] {
  return EVENT_TYPES.map((name) => ({
    name,
    description: catalog[name].description,
    schema: eventSchema(name),
    example: eventExample(name),
  }));
}

/** The OpenAPI 3.1 `webhooks` object: one POST per event, its body the event's schema. */
export function openApiWebhooks(): Record<string, unknown> {
  const signed =
    'Signed: webhook-id, webhook-timestamp, webhook-signature (Standard Webhooks) and X-Webhook-Signature.';
  return Object.fromEntries(
    EVENT_TYPES.map((name) => {
      const { $schema: _, ...schema } = eventSchema(name);
      return [
        name,
        {
          post: {
            summary: name,
            description: `${catalog[name].description} ${signed}`,
            requestBody: {
              required: true,
              content: { 'application/json': { schema, example: eventExample(name) } },
            },
            responses: {
              '2XX': { description: 'Received; any 2xx counts as delivered' },
              '410': { description: 'Gone: the webhook is deactivated' },
            },
          },
        },
      ];
    }),
  );
}
