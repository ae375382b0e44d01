import { Type } from 'typebox';

const Nullable = <T extends ReturnType<typeof Type.Number>>(schema: T) => Type.Union([schema, Type.Null()]);
const Counts = Type.Record(Type.String(), Type.Integer());

export const SummaryQuery = Type.Object(
  { days: Type.Integer({ minimum: 1, maximum: 365, default: 7, description: 'Trailing period in days' }) },
  { additionalProperties: false },
);

export const TimeseriesQuery = Type.Object(
  {
    days: Type.Integer({ minimum: 1, maximum: 365, default: 7, description: 'Trailing period in days' }),
    bucket: Type.Union([Type.Literal('hour'), Type.Literal('day')], {
      default: 'day',
      description: 'Bucket width; hourly series cover at most 31 days',
    }),
  },
  { additionalProperties: false },
);

export const Summary = Type.Object({
  days: Type.Integer(),
  since: Type.String({ format: 'date-time' }),
  until: Type.String({ format: 'date-time' }),
  total_queries: Type.Integer({ description: 'Questions asked in the period, follow-up turns included' }),
  escalated_queries: Type.Integer(),
  total_conversations: Type.Integer({ description: 'Conversations started in the period' }),
  avg_response_time: Nullable(Type.Number({ description: 'Seconds the pipeline took per question' })),
  escalation_rate: Type.Number({ description: 'escalated_queries / total_queries (0 when there are none)' }),
  resolution_rate: Type.Number({
    description:
      'Conversations started in the period that were answered without escalation or whose escalation was ' +
      'resolved, over all conversations started in the period',
  }),
  avg_rating: Nullable(Type.Number({ description: '1..5; null without ratings' })),
  rating_count: Type.Integer(),
  category_distribution: Counts,
  sentiment_distribution: Counts,
  top_escalation_reasons: Type.Array(Type.Object({ reason: Type.String(), count: Type.Integer() })),
  resolved_escalations: Type.Integer({ description: 'Escalations resolved in the period' }),
  median_time_to_resolution_seconds: Nullable(Type.Number({ description: 'From escalation to resolution' })),
  unanswered_count: Type.Integer({ description: 'Questions in the period for which no article matched' }),
  unanswered_questions: Type.Array(
    Type.Object({
      conversation_id: Type.String(),
      question: Type.String(),
      category: Type.Union([Type.String(), Type.Null()]),
      timestamp: Type.String({ format: 'date-time' }),
    }),
  ),
});

export const Timeseries = Type.Object({
  days: Type.Integer(),
  bucket: Type.String(),
  since: Type.String({ format: 'date-time' }),
  until: Type.String({ format: 'date-time' }),
  buckets: Type.Array(
    Type.Object({
      start: Type.String({ format: 'date-time', description: 'Start of the bucket (UTC)' }),
      queries: Type.Integer(),
      escalations: Type.Integer(),
      avg_rating: Nullable(Type.Number()),
      rating_count: Type.Integer(),
      avg_processing_time: Nullable(Type.Number({ description: 'Seconds' })),
      deliveries_succeeded: Type.Integer(),
      deliveries_failed: Type.Integer(),
      by_category: Counts,
    }),
  ),
});

export const KnowledgeGapsQuery = Type.Object(
  {
    days: Type.Integer({ minimum: 1, maximum: 365, default: 90, description: 'Trailing period in days' }),
    limit: Type.Integer({
      minimum: 1,
      maximum: 100,
      default: 20,
      description: 'Topics returned, largest first',
    }),
  },
  { additionalProperties: false },
);

export const KnowledgeGaps = Type.Object({
  days: Type.Integer(),
  since: Type.String({ format: 'date-time' }),
  until: Type.String({ format: 'date-time' }),
  questions: Type.Integer({
    description: 'Unanswered or badly rated questions read (the newest 5,000 at most)',
  }),
  clusters: Type.Array(
    Type.Object({
      suggested_title: Type.String({ description: 'The topic named by its heaviest words' }),
      count: Type.Integer(),
      reasons: Type.Object({
        no_article: Type.Integer({ description: 'Questions no article answered' }),
        low_rating: Type.Integer({ description: 'Questions of conversations rated 1 or 2' }),
        handed_over: Type.Integer({
          description:
            'Questions handed to a person because nothing answered them (asked for a person, or asked again)',
        }),
      }),
      examples: Type.Array(Type.String(), { description: 'Up to five distinct questions, newest first' }),
      first_seen: Type.String({ format: 'date-time' }),
      last_seen: Type.String({ format: 'date-time' }),
    }),
  ),
});
