import { randomUUID } from 'node:crypto';
import type { Insertable } from 'kysely';
import { toIso } from '../../clock.js';
import type { AppContext } from '../../context.js';
import type { ConversationStatus, MessagesTable } from '../../db/core-tables.js';
import { GroupCommitter } from '../../db/group-commit.js';
import { notFound } from '../../errors.js';
import { moreUrgent } from '../agents/escalation/kinds.js';
import type { Orchestrator } from '../agents/orchestrator.js';
import type { AnswerSummary, EscalationKind, PipelineResult } from '../agents/types.js';
import { recordQuery } from '../analytics/metrics.js';
import { caseReference } from '../cases/case-reference.js';
import { CasesRepository } from '../cases/cases.repository.js';
import { confidentialKind } from '../handoff/confidential.js';
import { maskPiiIf } from '../security/pii.js';
import { publishEvent, wakeDeliveryWorkers } from '../webhooks/publish.js';
import { kindOrNull } from './conversations.presenter.js';
import { type ConversationRow, QueriesRepository } from './queries.repository.js';
import { type AskStreamHooks, type LlmMetadata, llmMetadata, pipelineStream } from './query-stream.js';

export interface AskInput {
  message: string;
  /** The asking employee; a client that leaves user_id out asks as DEFAULT_USER_ID. */
  userId: string;
  conversationId?: string;
}

export interface QueryAnswer {
  conversation_id: string;
  response: string;
  category: string;
  sentiment: string;
  priority: number;
  timestamp: string;
  metadata: {
    message_id: string;
    processing_time: number;
    escalated: boolean;
    escalation_reason: string | null;
    escalation_kind: EscalationKind | null;
    attempt_count: number;
    engine: string;
    llm_latency_ms?: LlmMetadata['llm_latency_ms'];
    tokens?: LlmMetadata['tokens'];
    kb_results: { title: string; content: string; category: string; score: number }[];
    answer: AnswerSummary;
    agent_trace: { agent: string; duration_ms: number }[];
  };
}

export const DEFAULT_USER_ID = 'web_user';
/** How far back an employee's questions count as "asked before" for the repeat rule. */
const REPEAT_WINDOW_MS = 7 * 24 * 3600 * 1000;
const REPEAT_LOOKBACK = 20;
const HISTORY_TURNS = 10;

/** The ask-a-question use case: run the agents, then store the turn and its events in one transaction. */
export class QueriesService {
  private readonly writes: GroupCommitter;

  constructor(
    private readonly ctx: AppContext,
    private readonly orchestrator: Orchestrator,
  ) {
    this.writes = new GroupCommitter(ctx.db.kysely, ctx.db.dialect);
  }

  private get repository() {
    return new QueriesRepository(this.ctx.db.kysely);
  }

  async ask(input: AskInput, stream?: AskStreamHooks): Promise<QueryAnswer> {
    const started = performance.now();
    const repository = this.repository;
    const { conversation, userId } = await this.resolveConversation(repository, input);
    const since = this.ctx.clock.now() - REPEAT_WINDOW_MS;
    const [user, history, previousQuestions] = await Promise.all([
      repository.getUser(userId),
      conversation ? repository.messages(conversation.id) : Promise.resolve([]),
      repository.recentQuestions(userId, since, REPEAT_LOOKBACK),
    ]);
    const conversationId = conversation?.id ?? randomUUID();
    const result = await this.orchestrator.run({
      message: input.message,
      conversationId,
      history: history.slice(-HISTORY_TURNS * 2).map((m) => ({ role: m.role, content: m.content })),
      previousQuestions,
      isVip: user?.is_vip === 1,
      ...(stream ? { stream: pipelineStream(conversationId, stream) } : {}),
    });
    const processingTime = (performance.now() - started) / 1000;

    const now = this.ctx.clock.now();
    const questionId = randomUUID();
    const stored = maskPiiIf(this.ctx.config.piiRedaction, input.message);
    const kind = confidentialKind(result);
    // Once confidential, always: a later calm follow-up does not make the case readable by everyone.
    const confidential = kind !== null || conversation?.confidential === 1;
    // Committed together with the turns of other questions answered at the same moment (see GroupCommitter).
    let response = result.response;
    await this.writes.run(async (trx) => {
      const tx = new QueriesRepository(trx);
      if (!user) await tx.ensureUser(userId, now);
      // A case gets its short reference the first time it needs a person; a reopened escalation keeps it.
      const needsNumber = result.escalated && (conversation?.case_number ?? null) === null;
      const caseNumber = needsNumber ? await new CasesRepository(trx).nextCaseNumber() : undefined;
      // The answer names the case by the short reference the employee can quote, not the conversation's UUID.
      const reference = caseReference(caseNumber ?? conversation?.case_number ?? null);
      response = reference === null ? result.response : result.response.replaceAll(conversationId, reference);
      if (conversation) {
        await tx.updateConversation(conversation.id, {
          ...conversationChanges(conversation, result, now),
          ...(caseNumber === undefined ? {} : { case_number: caseNumber }),
          ...(confidential ? { confidential: 1 } : {}),
        });
      } else {
        await tx.insertConversation({
          id: conversationId,
          user_id: userId,
          category: result.category,
          sentiment: result.sentiment,
          priority: result.priority,
          status: result.escalated ? 'Escalated' : 'Answered',
          escalated: result.escalated ? 1 : 0,
          escalation_reason: result.escalationReason,
          escalation_kind: result.escalationKind,
          attempt_count: result.attemptCount,
          escalated_at: result.escalated ? now : null,
          case_number: caseNumber ?? null,
          created_at: now,
          updated_at: now,
          confidential: confidential ? 1 : 0,
        });
      }
      await tx.insertMessages(
        turnMessages(
          userId,
          conversationId,
          questionId,
          stored,
          { ...result, response },
          processingTime,
          now,
        ),
      );
      const eventData = {
        query_id: conversationId,
        message_id: questionId,
        user_id: userId,
        category: result.category,
        sentiment: result.sentiment,
        priority: result.priority,
        query: stored,
        metadata: {
          escalated: result.escalated,
          // Why the case went to a person (crisis, harassment, fraud, angry…), as in the API's metadata.
          escalation_kind: result.escalationKind,
          attempt_count: result.attemptCount,
          processing_time: processingTime,
          engine: result.engine,
          kb_articles: result.kbResults.map((hit) => hit.title),
          response,
          // What the reply quoted, by article id and version: the exact wording the employee was shown.
          answer: result.answer,
        },
      };
      const filters = { category: result.category, priority: result.priority };
      const thinData = confidential
        ? {
            query_id: conversationId,
            message_id: questionId,
            category: result.category,
            priority: result.priority,
            confidential: true,
            escalation_kind: kind,
            status: result.escalated ? 'Escalated' : 'Answered',
            timestamp: toIso(now),
          }
        : undefined;
      await publishEvent(trx, this.ctx.clock, {
        type: 'query.created',
        data: eventData,
        thinData,
        ...filters,
      });
      if (result.escalated) {
        await publishEvent(trx, this.ctx.clock, {
          type: 'query.escalated',
          data: { ...eventData, escalation_reason: result.escalationReason },
          thinData,
          ...filters,
        });
      }
    });
    // Now that the outbox rows are committed, an embedded worker can deliver them without waiting for its poll.
    wakeDeliveryWorkers();
    recordQuery(result);

    return {
      conversation_id: conversationId,
      response,
      category: result.category,
      sentiment: result.sentiment,
      priority: result.priority,
      timestamp: toIso(now),
      metadata: {
        message_id: questionId,
        processing_time: processingTime,
        escalated: result.escalated,
        // The employee's own view of a confidential case: no internal reason, no articles, no rating widget.
        escalation_reason: confidential ? null : result.escalationReason,
        escalation_kind: result.escalationKind,
        attempt_count: result.attemptCount,
        engine: result.engine,
        ...llmMetadata(result),
        kb_results: confidential
          ? []
          : result.kbResults.map(({ title, content, category, score }) => ({
              title,
              content,
              category,
              score,
            })),
        answer: result.answer,
        ...(confidential ? { confidential: true } : {}),
        agent_trace: result.trace,
      },
    };
  }

  /**
   * A given conversation must exist and belong to the asking employee; 404 otherwise, so ids can't be probed.
   * An omitted user_id is the anonymous default user, who owns only conversations started without one: holding
   * a case id alone is not enough to add to (or learn about) someone else's case.
   */
  private async resolveConversation(repository: QueriesRepository, input: AskInput) {
    if (input.conversationId === undefined) return { conversation: undefined, userId: input.userId };
    const conversation = await repository.getConversation(input.conversationId);
    if (!conversation || conversation.user_id !== input.userId) {
      throw notFound('Conversation');
    }
    return { conversation, userId: conversation.user_id };
  }
}

/**
 * How a new turn changes an existing conversation's state. While a case waits for a person, a calmer
 * follow-up ("thanks, I'll wait") does not lower its place in the queue: the case keeps the higher priority
 * with the tone and repeat count that produced it, and the most urgent kind seen.
 */
function conversationChanges(current: ConversationRow, result: PipelineResult, now: number) {
  const awaitingHuman = ['Escalated', 'Assigned', 'WaitingOnEmployee'].includes(current.status);
  let status: ConversationStatus;
  // The employee answered HR's follow-up: the case is back with its person (or the queue, if nobody has it).
  if (current.status === 'WaitingOnEmployee')
    status = current.assigned_to === null ? 'Escalated' : 'Assigned';
  else if (awaitingHuman) status = current.status;
  else status = result.escalated ? 'Escalated' : 'Answered';
  const newlyEscalated = result.escalated && !awaitingHuman;
  const keepsRank = awaitingHuman && current.priority > result.priority;
  const storedKind = kindOrNull(current.escalation_kind);
  return {
    category: result.category,
    sentiment: keepsRank ? current.sentiment : result.sentiment,
    priority: keepsRank ? current.priority : result.priority,
    status,
    attempt_count: keepsRank ? current.attempt_count : result.attemptCount,
    updated_at: now,
    ...(awaitingHuman ? { escalation_kind: moreUrgent(storedKind, result.escalationKind) } : {}),
    ...(result.escalated
      ? {
          escalated: 1,
          escalation_reason: result.escalationReason,
          ...(awaitingHuman ? {} : { escalation_kind: result.escalationKind }),
        }
      : {}),
    ...(newlyEscalated
      ? {
          escalated_at: now,
          assigned_to: null,
          assigned_at: null,
          resolved_at: null,
          resolved_by: null,
          first_response_at: null,
        }
      : {}),
  };
}

function turnMessages(
  userId: string,
  conversationId: string,
  questionId: string,
  question: string,
  result: PipelineResult,
  processingTime: number,
  now: number,
): Insertable<MessagesTable>[] {
  return [
    {
      id: questionId,
      conversation_id: conversationId,
      user_id: userId,
      role: 'user',
      content: question,
      category: result.category,
      sentiment: result.sentiment,
      priority: result.priority,
      escalated: result.escalated ? 1 : 0,
      escalation_reason: result.escalationReason,
      escalation_kind: result.escalationKind,
      attempt_count: result.attemptCount,
      processing_time: processingTime,
      kb_hit_count: result.relevantCount,
      created_at: now,
    },
    {
      id: randomUUID(),
      conversation_id: conversationId,
      user_id: userId,
      role: 'assistant',
      content: result.response,
      escalated: result.escalated ? 1 : 0,
      kb_results: JSON.stringify(result.kbResults),
      answer: JSON.stringify(result.answer),
      agent_trace: JSON.stringify(result.trace),
      engine: result.engine,
      // One millisecond later keeps question-before-answer order stable when sorting by time.
      created_at: now + 1,
    },
  ];
}
