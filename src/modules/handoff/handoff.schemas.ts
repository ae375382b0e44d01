import { Type } from 'typebox';
import { pageFields, pageQuery } from '../../http/pagination.js';
import { UserId } from '../../http/schemas.js';
import { caseFields } from '../cases/cases.schemas.js';
import { EscalationKindField } from '../queries/queries.schemas.js';

const Nullable = <T extends ReturnType<typeof Type.String>>(schema: T) => Type.Union([schema, Type.Null()]);
const DateTime = Type.String({ format: 'date-time' });

export const PersonName = Type.String({ minLength: 1, maxLength: 200, pattern: '\\S' });

export const ConversationParams = Type.Object({ id: Type.String({ format: 'uuid' }) });

export const QueueQuery = Type.Object(
  {
    status: Type.Union(
      [
        Type.Literal('open'),
        Type.Literal('assigned'),
        Type.Literal('waiting_on_employee'),
        Type.Literal('resolved'),
      ],
      {
        default: 'open',
        description:
          'open = waiting for a person, assigned = taken, waiting_on_employee = HR wrote and waits, resolved = closed',
      },
    ),
    ...pageQuery(20),
  },
  { additionalProperties: false },
);

export const HandoffPackage = Type.Object({
  conversation_id: Type.String(),
  ...caseFields,
  user_id: Nullable(
    Type.String({
      description:
        "The employee's id; null on a confidential case for staff without the confidential:read permission",
    }),
  ),
  is_vip: Type.Boolean(),
  status: Type.String(),
  category: Type.String(),
  sentiment: Type.String(),
  priority: Type.Integer(),
  escalation_reason: Nullable(Type.String()),
  escalation_kind: EscalationKindField,
  confidential: Type.Boolean({
    description:
      'A confidential case: without the confidential:read permission its reason, summary, transcript and ' +
      'articles are left out (empty), and the conversation itself answers 403',
  }),
  summary: Type.String({ description: 'First question and latest question, trimmed' }),
  transcript: Type.Array(
    Type.Object({ id: Type.String(), role: Type.String(), content: Type.String(), timestamp: DateTime }),
  ),
  kb_articles: Type.Array(
    Type.Object({
      title: Type.String(),
      category: Nullable(Type.String()),
      score: Type.Union([Type.Number(), Type.Null()]),
    }),
    { description: 'Articles the assistant already showed, best score first' },
  ),
  attempt_count: Type.Integer(),
  waiting_seconds: Type.Integer({ description: 'Since escalation: until now, or until resolution' }),
  escalated_at: Nullable(DateTime),
  assigned_to: Nullable(Type.String()),
  assigned_at: Nullable(DateTime),
  resolved_at: Nullable(DateTime),
  resolved_by: Nullable(Type.String()),
  created_at: DateTime,
});

export const QueuePage = Type.Object({
  escalations: Type.Array(HandoffPackage),
  ...pageFields,
  status: Type.String(),
});

export const AssignBody = Type.Object({ agent: PersonName }, { additionalProperties: false });

export const ResolveBody = Type.Object(
  {
    response: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: 4000,
        pattern: '\\S',
        description: 'HR: the answer to the employee',
      }),
    ),
    resolved_by: Type.Optional(PersonName),
    user_id: Type.Optional(UserId),
  },
  {
    additionalProperties: false,
    description:
      'With the admin key: { response, resolved_by }. Without it, the employee closes their own conversation ' +
      'with { user_id }.',
  },
);

export const CaseState = Type.Object({
  conversation_id: Type.String(),
  ...caseFields,
  user_id: Nullable(
    Type.String({
      description:
        "The employee's id; null on a confidential case for staff without the confidential:read permission",
    }),
  ),
  status: Type.String(),
  category: Type.String(),
  priority: Type.Integer(),
  escalation_reason: Nullable(Type.String()),
  escalation_kind: EscalationKindField,
  confidential: Type.Optional(Type.Boolean({ description: 'A confidential case (see HandoffPackage)' })),
  assigned_to: Nullable(Type.String()),
  assigned_at: Nullable(DateTime),
  resolved_at: Nullable(DateTime),
  resolved_by: Nullable(Type.String()),
  updated_at: DateTime,
  message_id: Type.Optional(
    Nullable(Type.String({ description: 'The agent message appended (null if none)' })),
  ),
});

export const ReplyBody = Type.Object(
  {
    message: Type.String({
      minLength: 1,
      maxLength: 4000,
      pattern: '\\S',
      description: 'HR: the words to the employee',
    }),
    agent: Type.Optional(PersonName),
  },
  {
    additionalProperties: false,
    description:
      '`agent` names who writes; an unassigned case is assigned to them. Default: the assignee, else "HR".',
  },
);

export const FeedbackBody = Type.Object(
  {
    conversation_id: Type.String({ format: 'uuid' }),
    /** Required in the open mode; a signed-in employee is the one their sign-in names. */
    user_id: Type.Optional(UserId),
    rating: Type.Integer({ minimum: 1, maximum: 5 }),
    comment: Type.Optional(Type.String({ maxLength: 2000 })),
  },
  { additionalProperties: false },
);

export const Feedback = Type.Object({
  id: Type.String(),
  conversation_id: Type.String(),
  user_id: Type.String(),
  rating: Type.Integer(),
  comment: Nullable(Type.String()),
  replaced: Type.Boolean({ description: 'True when this rating replaced an earlier one' }),
  created_at: DateTime,
  updated_at: DateTime,
});

export { UserId };
