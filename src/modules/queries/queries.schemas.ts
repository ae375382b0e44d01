import { Type } from 'typebox';
import { pageFields } from '../../http/pagination.js';
import { UserId } from '../../http/schemas.js';
import { ESCALATION_KINDS } from '../agents/escalation/kinds.js';
import type { EscalationKind } from '../agents/types.js';
import { CaseStatusSchema } from '../cases/cases.schemas.js';
import { Pagination } from '../knowledge/knowledge.schemas.js';

export const QueryRequest = Type.Object(
  {
    message: Type.String({
      minLength: 1,
      maxLength: 4000,
      pattern: '\\S',
      description: 'The question (1–4000 characters)',
    }),
    user_id: Type.Optional(UserId),
    conversation_id: Type.Optional(
      Type.String({ format: 'uuid', description: 'Continue this conversation' }),
    ),
  },
  { additionalProperties: false },
);

/** Why a person must take over; the kind sets the priority floor (docs/label-guide.md). */
export const EscalationKindField = Type.Unsafe<EscalationKind | null>({
  type: ['string', 'null'],
  enum: [...ESCALATION_KINDS, null],
  description:
    'Why the case went to a person: crisis, violence, harassment, discrimination, retaliation, safety, fraud, ' +
    'legal, human_request, repeated, angry or high_priority; null when not escalated',
});

const KbResult = Type.Object({
  title: Type.String(),
  content: Type.String(),
  category: Type.String(),
  score: Type.Number(),
});

const AnswerSummary = Type.Object(
  {
    status: Type.Union(
      [
        Type.Literal('answered'),
        Type.Literal('not_covered'),
        Type.Literal('out_of_scope'),
        Type.Literal('escalated'),
      ],
      {
        description:
          'answered: quotes an article; not_covered: no article covers the question, a person is offered; ' +
          'out_of_scope: not an HR question; escalated: handed to a person',
      },
    ),
    articles: Type.Array(
      Type.Object(
        {
          id: Type.String(),
          title: Type.String(),
          version: Type.Optional(
            Type.Integer({
              description: 'The article version quoted (GET /api/v1/kb/{id}/versions shows its text)',
            }),
          ),
        },
        { additionalProperties: true },
      ),
      { description: 'The articles the response quotes, best first (empty unless answered)' },
    ),
  },
  { description: 'What the answer rests on' },
);

export const QueryResponse = Type.Object({
  conversation_id: Type.String(),
  response: Type.String(),
  category: Type.String(),
  sentiment: Type.String(),
  priority: Type.Integer({ minimum: 1, maximum: 10 }),
  timestamp: Type.String({ format: 'date-time' }),
  metadata: Type.Object(
    {
      message_id: Type.String(),
      processing_time: Type.Number({ description: 'Seconds' }),
      escalated: Type.Boolean(),
      escalation_reason: Type.Union([Type.String(), Type.Null()]),
      escalation_kind: EscalationKindField,
      attempt_count: Type.Integer(),
      engine: Type.String({ description: '"local" or "llm": which engine wrote the answer' }),
      llm_latency_ms: Type.Optional(
        Type.Number({ description: 'Provider latency; only when an LLM provider was called (docs/llm.md)' }),
      ),
      tokens: Type.Optional(
        Type.Object(
          { prompt_tokens: Type.Integer(), completion_tokens: Type.Integer() },
          { description: 'Tokens the LLM provider reported for this answer' },
        ),
      ),
      kb_results: Type.Array(KbResult),
      answer: AnswerSummary,
      confidential: Type.Optional(
        Type.Boolean({ description: 'A confidential case: no reason text, articles or rating are shown' }),
      ),
      agent_trace: Type.Array(Type.Object({ agent: Type.String(), duration_ms: Type.Number() })),
    },
    { additionalProperties: true },
  ),
});

export const Conversation = Type.Object({
  id: Type.String(),
  conversation_id: Type.String(),
  user_id: Type.Union([Type.String(), Type.Null()], {
    description:
      "The employee's id; null on a confidential case listed for staff without the confidential:read permission",
  }),
  category: Type.String(),
  sentiment: Type.String(),
  priority: Type.Integer(),
  status: Type.String({ description: 'Answered, Escalated, Assigned, WaitingOnEmployee or Resolved' }),
  case_status: Type.Union([CaseStatusSchema, Type.Null()], {
    description: 'For conversations that needed a person: open, assigned, waiting_on_employee or resolved',
  }),
  case_reference: Type.Union([Type.String({ examples: ['HR-1042'] }), Type.Null()], {
    description: 'The short reference of an escalated conversation',
  }),
  unread: Type.Boolean({ description: 'HR has written since the employee last opened it (POST …/seen)' }),
  last_agent_message_at: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  title: Type.Optional(Type.String({ description: "The employee's first question, shortened" })),
  escalated: Type.Boolean(),
  escalation_reason: Type.Union([Type.String(), Type.Null()]),
  escalation_kind: EscalationKindField,
  attempt_count: Type.Integer(),
  assigned_to: Type.Union([Type.String(), Type.Null()]),
  resolved_by: Type.Union([Type.String(), Type.Null()]),
  created_at: Type.String({ format: 'date-time' }),
  updated_at: Type.String({ format: 'date-time' }),
  escalated_at: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  resolved_at: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  message_count: Type.Optional(Type.Integer()),
  confidential: Type.Boolean({
    description: 'Escalated as crisis, violence, harassment, discrimination, retaliation or fraud',
  }),
});

export const Message = Type.Object({
  id: Type.String(),
  role: Type.String({ description: 'user (the employee), assistant (the bot) or agent (a person in HR)' }),
  content: Type.String(),
  timestamp: Type.String({ format: 'date-time' }),
  category: Type.Union([Type.String(), Type.Null()]),
  sentiment: Type.Union([Type.String(), Type.Null()]),
  priority: Type.Union([Type.Integer(), Type.Null()]),
  escalated: Type.Boolean(),
  escalation_reason: Type.Union([Type.String(), Type.Null()]),
  escalation_kind: EscalationKindField,
  kb_results: Type.Union([Type.Array(Type.Unknown()), Type.Null()]),
  answer: Type.Union([AnswerSummary, Type.Null()], {
    description: 'Answers only: what the answer rested on, with the version of each article it quoted',
  }),
  engine: Type.Union([Type.String(), Type.Null()]),
});

export const ConversationWithMessages = Type.Intersect([
  Conversation,
  Type.Object({ messages: Type.Array(Message) }),
]);

export const ConversationPage = Type.Object({
  conversations: Type.Array(Conversation),
  ...pageFields,
});

export const User = Type.Object({
  user_id: Type.String(),
  is_vip: Type.Boolean(),
  email: Type.Union([Type.String(), Type.Null()], { description: "Where HR's replies are e-mailed" }),
  created_at: Type.String({ format: 'date-time' }),
  updated_at: Type.String({ format: 'date-time' }),
});

export const EmployeeListQuery = Type.Object({
  q: Type.Optional(
    Type.String({ maxLength: 128, description: 'Part of the employee id or e-mail address, any case' }),
  ),
  ...Pagination,
});

export const EmployeeSummary = Type.Object({
  user_id: Type.String(),
  is_vip: Type.Boolean(),
  email: Type.Union([Type.String(), Type.Null()]),
  conversation_count: Type.Integer(),
  open_case_count: Type.Integer({ description: 'Cases waiting, assigned or waiting on the employee' }),
  last_question_at: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  last_question: Type.Union([Type.String(), Type.Null()], {
    description: 'An excerpt of the latest question; null when it belongs to a confidential case',
  }),
  last_question_confidential: Type.Boolean(),
  last_conversation_id: Type.Union([Type.String(), Type.Null()]),
});

export const EmployeePage = Type.Object({
  employees: Type.Array(EmployeeSummary),
  ...pageFields,
});

export const Stats = Type.Object({
  total_queries: Type.Integer(),
  escalated_queries: Type.Integer(),
  escalation_rate: Type.Number(),
  avg_response_time: Type.Number({ description: 'Seconds' }),
  active_conversations: Type.Integer(),
  by_category: Type.Record(Type.String(), Type.Integer()),
  by_sentiment: Type.Record(Type.String(), Type.Integer()),
});

export { Pagination, UserId };

export const ConversationLookup = Type.Object(
  {
    conversation_ids: Type.Array(Type.String({ format: 'uuid' }), {
      minItems: 1,
      maxItems: 50,
      uniqueItems: true,
    }),
    user_id: Type.Optional(UserId),
  },
  {
    additionalProperties: false,
    description: 'The conversations this browser started (ids it kept); with user_id, only that employee’s',
  },
);

export const ConversationList = Type.Object({ conversations: Type.Array(Conversation) });

export const SeenBody = Type.Object({ user_id: Type.Optional(UserId) }, { additionalProperties: false });

export const Seen = Type.Object({
  conversation_id: Type.String(),
  unread: Type.Boolean(),
  employee_seen_at: Type.String({ format: 'date-time' }),
});

export const UserUpdate = Type.Object(
  {
    is_vip: Type.Optional(Type.Boolean()),
    email: Type.Optional(
      Type.Union([Type.String({ format: 'email', maxLength: 254 }), Type.Null()], {
        description: "Where HR's replies are e-mailed; null removes it",
      }),
    ),
  },
  { additionalProperties: false, minProperties: 1 },
);
