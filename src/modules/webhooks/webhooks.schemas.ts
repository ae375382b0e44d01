import { Type } from 'typebox';
import { cursorFields, cursorQuery, pageFields, pageQuery } from '../../http/pagination.js';
import { EVENT_TYPES } from './events.js';

/** Request and response shapes of the webhook API: validation, types and OpenAPI from one definition. */

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) =>
  Type.Union([schema, Type.Null()]);

export const EventTypeSchema = Type.Union(
  EVENT_TYPES.map((e) => Type.Literal(e)),
  { description: 'An event type' },
);

export const FiltersSchema = Type.Object(
  {
    categories: Type.Optional(
      Type.Array(Type.String({ minLength: 1, maxLength: 100 }), {
        maxItems: 50,
        description: 'Only these categories',
      }),
    ),
    min_priority: Type.Optional(
      Type.Integer({ minimum: 1, maximum: 10, description: 'Only events at or above' }),
    ),
  },
  { additionalProperties: false },
);

const UrlSchema = Type.String({
  minLength: 8,
  maxLength: 2048,
  description: 'http(s) URL receiving the POSTs',
});
const EventsSchema = Type.Array(EventTypeSchema, { minItems: 1, maxItems: EVENT_TYPES.length * 2 });
const MaxAttempts = Type.Integer({
  minimum: 1,
  maximum: 21,
  description:
    'Attempts per delivery. Given alone it asks for the original schedule: waits doubling from 1 s (3 = [1, 2]). Equal to retry_schedule.length + 1.',
});
const RetrySchedule = Type.Array(Type.Integer({ minimum: 0, maximum: 86_400 }), {
  maxItems: 20,
  description:
    "Seconds to wait before each retry (the first attempt is immediate); up to 20 waits of at most 24 h, each shortened by up to 10 % jitter. Default [5, 300, 1800, 7200, 18000, 36000, 36000]; the original system's is [1, 2].",
});
const TimeoutSeconds = Type.Integer({
  minimum: 1,
  maximum: 30,
  description: 'Per-attempt timeout (default 10)',
});
const RateLimit = Type.Integer({ minimum: 1, maximum: 10_000, description: 'Requests per second at most' });
const Description = Type.String({ maxLength: 500 });
const Headers = Type.Record(Type.String({ maxLength: 100 }), Type.String({ maxLength: 1000 }), {
  maxProperties: 20,
  description:
    'Extra headers sent with every attempt (≤ 20, values ≤ 1000 visible ASCII characters). Hop-by-hop headers, Host, Content-* and the signature headers are refused. Values are shown as "****"; sending "****" back keeps the stored value.',
});

const SignatureScheme = Type.Union([Type.Literal('hmac'), Type.Literal('ed25519')], {
  description:
    '"hmac" (default): a shared secret (whsec_…) signs Standard Webhooks v1 and X-Webhook-Signature. "ed25519": ' +
    'Standard Webhooks v1a only; the receiver verifies with the public key (whpk_…) shown as secret_key and ' +
    'public_key, and the private key never leaves the server. Chosen at creation; cannot be changed later.',
});

export const CreateWebhookBody = Type.Object(
  {
    url: UrlSchema,
    events: EventsSchema,
    description: Type.Optional(Nullable(Description)),
    max_attempts: Type.Optional(MaxAttempts),
    retry_schedule: Type.Optional(RetrySchedule),
    timeout_seconds: Type.Optional(TimeoutSeconds),
    rate_limit_per_second: Type.Optional(Nullable(RateLimit)),
    filters: Type.Optional(Nullable(FiltersSchema)),
    headers: Type.Optional(Nullable(Headers)),
    include_confidential: Type.Optional(
      Type.Boolean({
        description:
          'Events about confidential cases carry their full text (default false: ids, category, priority, kind, ' +
          'status and times only). Audited; cannot be changed later.',
      }),
    ),
    signature_scheme: Type.Optional(SignatureScheme),
  },
  { additionalProperties: false },
);

export const UpdateWebhookBody = Type.Object(
  {
    url: Type.Optional(UrlSchema),
    events: Type.Optional(EventsSchema),
    description: Type.Optional(Nullable(Description)),
    is_active: Type.Optional(
      Type.Boolean({ description: 'false pauses deliveries (they wait), true resumes' }),
    ),
    max_attempts: Type.Optional(MaxAttempts),
    retry_schedule: Type.Optional(RetrySchedule),
    timeout_seconds: Type.Optional(TimeoutSeconds),
    rate_limit_per_second: Type.Optional(Nullable(RateLimit)),
    filters: Type.Optional(Nullable(FiltersSchema)),
    headers: Type.Optional(Nullable(Headers)),
  },
  { additionalProperties: false, minProperties: 1 },
);

export const Webhook = Type.Object({
  id: Type.String({ format: 'uuid' }),
  url: Type.String(),
  events: Type.Array(Type.String()),
  description: Nullable(Type.String()),
  secret_key: Type.String({
    description:
      'What the receiver verifies with. HMAC: the secret, full only on creation and masked elsewhere (see GET /{id}/secret). Ed25519: the public key (whpk_…), always in full.',
  }),
  signature_scheme: SignatureScheme,
  public_key: Nullable(
    Type.String({ description: 'Ed25519 webhooks: the public key (whpk_…), base64 of the raw 32 bytes' }),
  ),
  is_active: Type.Boolean(),
  paused_reason: Nullable(Type.String({ description: 'Why the system paused this webhook' })),
  max_attempts: Type.Integer(),
  retry_schedule: Type.Array(Type.Integer(), { description: 'Seconds before each retry' }),
  timeout_seconds: Type.Integer(),
  rate_limit_per_second: Nullable(Type.Integer()),
  filters: Nullable(FiltersSchema),
  headers: Type.Record(Type.String(), Type.String(), { description: 'Extra headers, values masked' }),
  include_confidential: Type.Boolean(),
  delivery_count: Type.Integer({ description: 'Deliveries that reached a final outcome' }),
  failure_count: Type.Integer(),
  success_rate: Nullable(Type.Number({ description: 'Successful share of final outcomes, 0..1' })),
  avg_response_ms: Nullable(Type.Integer()),
  last_delivery_at: Nullable(Type.String({ format: 'date-time' })),
  last_failure_at: Nullable(Type.String({ format: 'date-time' })),
  previous_secret_expires_at: Nullable(Type.String({ format: 'date-time' })),
  created_at: Type.String({ format: 'date-time' }),
  updated_at: Type.String({ format: 'date-time' }),
});

export const IdParams = Type.Object({ id: Type.String({ format: 'uuid' }) });
export const DeliveryParams = Type.Object({
  id: Type.String({ format: 'uuid' }),
  delivery_id: Type.String({ format: 'uuid' }),
});

const { skip: Skip, limit: Limit } = pageQuery(100);

export const ListQuery = Type.Object(
  { skip: Type.Optional(Skip), limit: Type.Optional(Limit), is_active: Type.Optional(Type.Boolean()) },
  { additionalProperties: false },
);

export const WebhookList = Type.Object({
  webhooks: Type.Array(Webhook),
  ...pageFields,
});

export const DeliveryStatusSchema = Type.Union([
  Type.Literal('pending'),
  Type.Literal('success'),
  Type.Literal('failed'),
  Type.Literal('cancelled'),
]);

export const DeliveriesQuery = Type.Object(
  {
    skip: Type.Optional(Skip),
    limit: Type.Optional(Limit),
    ...cursorQuery,
    status: Type.Optional(DeliveryStatusSchema),
    event: Type.Optional(EventTypeSchema),
  },
  { additionalProperties: false },
);

export const Attempt = Type.Object({
  attempt_number: Type.Integer(),
  attempted_at: Type.String({ format: 'date-time' }),
  status_code: Nullable(Type.Integer()),
  duration_ms: Type.Integer(),
  success: Type.Boolean(),
  error: Nullable(Type.String()),
});

export const DeliveryLog = Type.Object({
  id: Type.String(),
  webhook_id: Type.String(),
  event_type: Type.String(),
  event_id: Type.String({ description: 'Stable across retries and redeliveries (the webhook-id header)' }),
  payload: Type.Unknown({ description: 'The event object exactly as sent' }),
  status: DeliveryStatusSchema,
  status_code: Nullable(Type.Integer()),
  response_body: Nullable(Type.String({ description: 'First 1000 characters' })),
  error_message: Nullable(Type.String()),
  attempt_count: Type.Integer(),
  next_retry_at: Nullable(Type.String({ format: 'date-time' })),
  created_at: Type.String({ format: 'date-time' }),
  delivered_at: Nullable(Type.String({ format: 'date-time' })),
  attempts: Type.Array(Attempt),
});

export const DeliveryList = Type.Object({
  logs: Type.Array(DeliveryLog),
  ...pageFields,
  ...cursorFields,
});

export const TestResult = Type.Object({
  success: Type.Boolean(),
  status_code: Nullable(Type.Integer()),
  response_time_ms: Type.Integer(),
  error: Nullable(Type.String()),
  delivery_id: Type.String(),
  event_id: Type.String(),
});

export const RedeliverResult = Type.Object({
  delivery_id: Type.String(),
  event_id: Type.String(),
  status: Type.Literal('pending'),
});

export const RecoverBody = Type.Object(
  {
    since: Type.String({
      format: 'date-time',
      maxLength: 40,
      description: 'Failed deliveries created at or after this time',
    }),
    until: Type.Optional(
      Type.String({
        format: 'date-time',
        maxLength: 40,
        description: 'Up to (not including) this time; default now',
      }),
    ),
  },
  { additionalProperties: false },
);

export const RecoverResult = Type.Object({
  queued: Type.Integer({ description: 'Failed deliveries queued again (same event ids)' }),
});

export const RotateBody = Type.Object(
  {
    grace_period_seconds: Type.Optional(
      Type.Integer({
        minimum: 0,
        maximum: 30 * 86_400,
        default: 86_400,
        description: 'Old secret keeps signing',
      }),
    ),
  },
  { additionalProperties: false },
);

export const SecretResult = Type.Object({
  secret_key: Type.String({
    description:
      'HMAC: the signing secret (whsec_…). Ed25519: the public key (whpk_…); the private key is never returned.',
  }),
  previous_secret_expires_at: Nullable(Type.String({ format: 'date-time' })),
});

export const BulkBody = Type.Object(
  {
    action: Type.Union([Type.Literal('activate'), Type.Literal('deactivate'), Type.Literal('delete')]),
    ids: Type.Array(Type.String({ format: 'uuid' }), { minItems: 1, maxItems: 100 }),
  },
  { additionalProperties: false },
);

export const BulkResult = Type.Object({
  action: Type.String(),
  results: Type.Array(
    Type.Object({ id: Type.String(), status: Type.Union([Type.Literal('ok'), Type.Literal('not_found')]) }),
  ),
});

export const ErrorResponse = Type.Object({
  error: Type.Object({ code: Type.String(), message: Type.String(), request_id: Type.String() }),
  detail: Type.String(),
});

export const EventTypeList = Type.Object({
  event_types: Type.Array(
    Type.Object({
      name: Type.String(),
      description: Type.String(),
      schema: Type.Record(Type.String(), Type.Unknown(), {
        description: 'JSON Schema 2020-12 of the request body',
      }),
      example: Type.Record(Type.String(), Type.Unknown()),
    }),
  ),
});
