import { Type } from 'typebox';
import { pageFields, pageQuery } from '../../http/pagination.js';
import { CategorySchema } from '../knowledge/knowledge.schemas.js';

const DateTime = Type.String({ format: 'date-time' });
const NullableDateTime = Type.Union([DateTime, Type.Null()]);
const NullableString = Type.Union([Type.String(), Type.Null()]);

export const CaseStatusSchema = Type.Union(
  [
    Type.Literal('open'),
    Type.Literal('assigned'),
    Type.Literal('waiting_on_employee'),
    Type.Literal('resolved'),
  ],
  {
    description:
      'open = nobody has it yet, assigned = someone has it, waiting_on_employee = HR wrote and waits',
  },
);

export const Sla = Type.Union(
  [
    Type.Object({
      first_response_due_at: DateTime,
      resolution_due_at: DateTime,
      first_response_breached: Type.Boolean(),
      resolution_breached: Type.Boolean(),
    }),
    Type.Null(),
  ],
  {
    description:
      'Response-time targets from the escalation (SLA_FIRST_RESPONSE_MINUTES, SLA_RESOLUTION_HOURS)',
  },
);

/** The fields every view of a case carries. */
export const caseFields = {
  case_reference: Type.Union([Type.String({ examples: ['HR-1042'] }), Type.Null()]),
  case_status: Type.Union([CaseStatusSchema, Type.Null()]),
  sla: Sla,
  sla_standing: Type.Union(
    [
      Type.Literal('breached'),
      Type.Literal('due_soon'),
      Type.Literal('on_track'),
      Type.Literal('met'),
      Type.Null(),
    ],
    { description: 'due_soon: within the last quarter of the target now running' },
  ),
  next_due_at: Type.Union([DateTime, Type.Null()], {
    description: 'The target now running: first response until HR has written, then resolution',
  }),
  first_response_at: NullableDateTime,
  last_agent_message_at: NullableDateTime,
};

export const CaseListQuery = Type.Object(
  {
    view: Type.Union(
      [
        Type.Literal('open'),
        Type.Literal('mine'),
        Type.Literal('unassigned'),
        Type.Literal('overdue'),
        Type.Literal('resolved'),
        Type.Literal('all'),
      ],
      { default: 'open', description: 'Saved views; `mine` needs `agent`' },
    ),
    agent: Type.Optional(Type.String({ minLength: 1, maxLength: 200, description: 'Your name, for `mine`' })),
    status: Type.Optional(CaseStatusSchema),
    category: Type.Optional(CategorySchema),
    assignee: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    min_priority: Type.Optional(Type.Integer({ minimum: 1, maximum: 10 })),
    q: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: 128,
        description: 'A case reference (HR-1042) or part of an employee id',
      }),
    ),
    sort: Type.Union(
      [
        Type.Literal('priority'),
        Type.Literal('waiting'),
        Type.Literal('due'),
        Type.Literal('updated'),
        Type.Literal('reference'),
      ],
      { default: 'priority', description: 'waiting: longest waiting first (desc); due: next due time' },
    ),
    order: Type.Union([Type.Literal('asc'), Type.Literal('desc')], { default: 'desc' }),
    ...pageQuery(50),
  },
  { additionalProperties: false },
);

export const CaseSummary = Type.Object({
  conversation_id: Type.String(),
  ...caseFields,
  user_id: Type.Union([Type.String(), Type.Null()], {
    description:
      "The employee's id; null on a confidential case for staff without the confidential:read permission",
  }),
  confidential: Type.Boolean({
    description:
      'A confidential case: without the confidential:read permission its employee, reason and summary are ' +
      'left out (null or empty) and searching by employee id does not find it',
  }),
  is_vip: Type.Boolean(),
  status: Type.String(),
  category: Type.String(),
  sentiment: Type.String(),
  priority: Type.Integer(),
  escalation_reason: NullableString,
  summary: Type.String(),
  question_count: Type.Integer(),
  assigned_to: NullableString,
  waiting_seconds: Type.Integer(),
  escalated_at: NullableDateTime,
  resolved_at: NullableDateTime,
  updated_at: DateTime,
});

export const CaseListPage = Type.Object({
  cases: Type.Array(CaseSummary),
  ...pageFields,
  view: Type.String(),
  views: Type.Object(
    {
      open: Type.Integer(),
      unassigned: Type.Integer(),
      overdue: Type.Integer(),
      mine: Type.Union([Type.Integer(), Type.Null()]),
    },
    { description: 'How many cases each saved view holds now (mine: null without `agent`)' },
  ),
});

const Author = Type.String({ minLength: 1, maxLength: 200, pattern: '\\S' });

export const NoteBody = Type.Object(
  {
    content: Type.String({ minLength: 1, maxLength: 4000, pattern: '\\S' }),
    author: Type.Optional(Author),
  },
  { additionalProperties: false },
);

export const Note = Type.Object({
  id: Type.String(),
  conversation_id: Type.String(),
  author: Type.String(),
  content: Type.String(),
  created_at: DateTime,
});

export const NoteList = Type.Object({ notes: Type.Array(Note) });

const cannedFields = {
  title: Type.String({ minLength: 1, maxLength: 120, pattern: '\\S' }),
  body: Type.String({ minLength: 1, maxLength: 4000, pattern: '\\S' }),
};

export const CannedReplyInput = Type.Object(cannedFields, { additionalProperties: false });

export const CannedReplyUpdate = Type.Object(
  { title: Type.Optional(cannedFields.title), body: Type.Optional(cannedFields.body) },
  { additionalProperties: false, minProperties: 1 },
);

export const CannedReply = Type.Object({
  id: Type.String(),
  title: Type.String(),
  body: Type.String(),
  created_at: DateTime,
  updated_at: DateTime,
});

export const CannedReplyList = Type.Object({ canned_replies: Type.Array(CannedReply) });

export const CannedReplyParams = Type.Object({ id: Type.String({ format: 'uuid' }) });
