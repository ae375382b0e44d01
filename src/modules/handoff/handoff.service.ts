import { randomUUID } from 'node:crypto';
import { toIso } from '../../clock.js';
import type { AppContext } from '../../context.js';
import type { ConversationStatus } from '../../db/core-tables.js';
import { AppError, conflict, notFound } from '../../errors.js';
import { recordResolution } from '../analytics/metrics.js';
import { recordAudit } from '../audit/audit.js';
import { caseReference } from '../cases/case-reference.js';
import { presentCaseFields } from '../cases/cases.presenter.js';
import type { EmployeeNotifier } from '../notifications/employee-notifier.js';
import { maskPiiIf } from '../security/pii.js';
import { publishEvent, wakeDeliveryWorkers } from '../webhooks/publish.js';
import { presentCaseState, presentHandoffPackage, withoutConfidentialText } from './handoff.presenter.js';
import {
  type HandoffConversationRow,
  HandoffRepository,
  type QueueStatus,
  type TranscriptRow,
} from './handoff.repository.js';

/** Who is acting, for the audit trail: HR with the admin key, or the employee who owns the conversation. */
export interface Actor {
  role: 'admin' | 'employee';
  /** The employee's id when role is 'employee'. */
  userId?: string;
  /** Whether the actor may read confidential cases (hr_confidential, hr_admin). */
  canReadConfidential?: boolean;
  requestId: string;
  ip: string;
}

export type Resolution =
  | { by: 'agent'; response: string; resolvedBy: string }
  | { by: 'employee'; userId: string };

const WAITING_FOR_HUMAN: ConversationStatus[] = ['Escalated', 'Assigned', 'WaitingOnEmployee'];
const SELF_RESOLVABLE: ConversationStatus[] = ['Answered', ...WAITING_FOR_HUMAN];

/** The human side of an escalation: the queue, taking a case, writing to the employee, closing and reopening. */
export class HandoffService {
  constructor(
    private readonly ctx: AppContext,
    private readonly notifier: EmployeeNotifier,
  ) {}

  async queue(status: QueueStatus, skip: number, limit: number, canReadConfidential: boolean) {
    const repository = new HandoffRepository(this.ctx.db.kysely);
    const { rows, total } = await repository.queue(status, skip, limit);
    const byConversation = new Map<string, TranscriptRow[]>();
    for (const message of await repository.transcripts(rows.map((r) => r.id))) {
      const list = byConversation.get(message.conversation_id) ?? [];
      list.push(message);
      byConversation.set(message.conversation_id, list);
    }
    const now = this.ctx.clock.now();
    const escalations = rows.map((row) => {
      const item = this.package(row, byConversation.get(row.id) ?? [], now);
      return canReadConfidential ? item : withoutConfidentialText(item);
    });
    return { escalations, total, skip, limit, status };
  }

  /** One case with everything needed to take it over (the console's case page). */
  async get(conversationId: string, canReadConfidential: boolean) {
    const repository = new HandoffRepository(this.ctx.db.kysely);
    const row = await repository.getConversation(conversationId);
    if (!row || row.escalated_at === null) throw notFound('Case');
    if (row.confidential === 1 && !canReadConfidential) {
      throw new AppError(
        'FORBIDDEN',
        'This is a confidential case: reading it needs the hr_confidential role',
      );
    }
    return this.package(row, await repository.transcripts([row.id]), this.ctx.clock.now());
  }

  private package(row: HandoffConversationRow, messages: TranscriptRow[], now: number) {
    return {
      ...presentHandoffPackage(row, messages, now),
      ...presentCaseFields(row, this.ctx.config.sla, now),
    };
  }

  /** Takes a case or hands it to someone else. A case waiting on the employee keeps waiting. */
  async assign(conversationId: string, agent: string, actor: Actor) {
    const now = this.ctx.clock.now();
    const row = await this.ctx.db.kysely.transaction().execute(async (trx) => {
      const repository = new HandoffRepository(trx);
      const current = await repository.getConversation(conversationId);
      if (!current) throw notFound('Conversation');
      if (!WAITING_FOR_HUMAN.includes(current.status)) throw notWaiting(current);
      const status = current.status === 'Escalated' ? 'Assigned' : current.status;
      const changes = { status, assigned_to: agent, assigned_at: now, updated_at: now };
      if (!(await repository.updateCase(conversationId, current.status, changes))) throw notWaiting(current);
      await recordAudit(
        trx,
        {
          action: 'escalation.assign',
          target_type: 'conversation',
          target_id: conversationId,
          details: { agent, previous: current.assigned_to },
        },
        this.ctx.clock,
      );
      return reload(repository, conversationId);
    });
    const state = this.state(row);
    // Handing a confidential case on is allowed without clearance; reading who reported it and why is not.
    return actor.canReadConfidential ? state : withoutConfidentialText(state);
  }

  /**
   * HR writes to the employee without closing the case: the message joins the transcript, the case waits on
   * the employee (their next message makes it Assigned again), and query.replied is written in the same
   * transaction. An unassigned case is taken by the person replying.
   */
  async reply(conversationId: string, message: string, agent: string | undefined, actor: Actor) {
    const now = this.ctx.clock.now();
    const content = this.stored(message);
    const { row, messageId } = await this.ctx.db.kysely.transaction().execute(async (trx) => {
      const repository = new HandoffRepository(trx);
      const current = await repository.getConversation(conversationId);
      if (!current) throw notFound('Conversation');
      assertMayAnswer(current, actor);
      if (!WAITING_FOR_HUMAN.includes(current.status)) throw notWaiting(current);
      const repliedBy = agent ?? current.assigned_to ?? 'HR';
      const takes = current.assigned_to === null && agent !== undefined;
      const changes = {
        status: 'WaitingOnEmployee' as const,
        first_response_at: current.first_response_at ?? now,
        last_agent_message_at: now,
        updated_at: now,
        ...(takes ? { assigned_to: agent, assigned_at: now } : {}),
      };
      if (!(await repository.updateCase(conversationId, current.status, changes))) throw notWaiting(current);
      const messageId = randomUUID();
      await repository.insertMessage({
        id: messageId,
        conversation_id: conversationId,
        user_id: current.user_id,
        role: 'agent',
        content,
        escalated: 0,
        created_at: now,
      });
      await recordAudit(
        trx,
        {
          action: 'escalation.reply',
          target_type: 'conversation',
          target_id: conversationId,
          details: { replied_by: repliedBy, message_id: messageId },
        },
        this.ctx.clock,
      );
      await publishEvent(trx, this.ctx.clock, {
        type: 'query.replied',
        // A reply about a confidential case is about its substance: only webhooks cleared for it get the words.
        ...(current.confidential === 1
          ? {
              thinData: {
                query_id: conversationId,
                message_id: messageId,
                category: current.category,
                priority: current.priority,
                confidential: true,
                escalation_kind: current.escalation_kind,
                status: 'WaitingOnEmployee',
                timestamp: toIso(now),
              },
            }
          : {}),
        data: {
          query_id: conversationId,
          user_id: current.user_id,
          category: current.category,
          case_reference: caseReference(current.case_number),
          message_id: messageId,
          response: content,
          replied_by: repliedBy,
          first_response_time_seconds:
            current.first_response_at === null && current.escalated_at !== null
              ? Math.max(0, (now - current.escalated_at) / 1000)
              : null,
        },
        category: current.category,
        priority: current.priority,
      });
      return { row: await reload(repository, conversationId), messageId };
    });
    wakeDeliveryWorkers();
    this.notifier.notify({
      kind: 'replied',
      userId: row.user_id,
      caseReference: caseReference(row.case_number),
      message: content,
    });
    return { ...this.state(row), message_id: messageId };
  }

  /**
   * Closes a conversation. HR's answer is appended as an 'agent' message; an employee closing their own
   * conversation adds nothing to the transcript (their click is the whole message). Both fire query.resolved
   * in the same transaction, so the event exists exactly when the resolution does.
   */
  async resolve(conversationId: string, resolution: Resolution, actor: Actor) {
    const now = this.ctx.clock.now();
    const byAgent = resolution.by === 'agent';
    const response = byAgent ? this.stored(resolution.response) : null;
    const resolvedBy = byAgent ? resolution.resolvedBy : resolution.userId;
    const { row, messageId } = await this.ctx.db.kysely.transaction().execute(async (trx) => {
      const repository = new HandoffRepository(trx);
      const current = await repository.getConversation(conversationId);
      // Someone else's conversation looks exactly like a missing one, so ids cannot be probed.
      if (!current || (!byAgent && current.user_id !== resolution.userId)) throw notFound('Conversation');
      if (byAgent) assertMayAnswer(current, actor);
      if (current.status === 'Resolved') throw conflict('The conversation is already resolved');
      const allowed = byAgent ? WAITING_FOR_HUMAN : SELF_RESOLVABLE;
      if (!(await repository.resolve(conversationId, allowed, resolvedBy, now, byAgent))) {
        throw notWaiting(current);
      }
      if (byAgent)
        await recordAudit(
          trx,
          {
            action: 'escalation.resolve',
            target_type: 'conversation',
            target_id: conversationId,
            details: { resolved_by: resolvedBy },
          },
          this.ctx.clock,
        );
      let messageId: string | null = null;
      if (response !== null) {
        messageId = randomUUID();
        await repository.insertMessage({
          id: messageId,
          conversation_id: conversationId,
          user_id: current.user_id,
          role: 'agent',
          content: response,
          escalated: 0,
          created_at: now,
        });
      }
      const since = current.escalated_at ?? current.created_at;
      await publishEvent(trx, this.ctx.clock, {
        type: 'query.resolved',
        ...(current.confidential === 1
          ? {
              thinData: {
                query_id: conversationId,
                category: current.category,
                priority: current.priority,
                confidential: true,
                status: 'Resolved',
                resolution_time_seconds: Math.max(0, (now - since) / 1000),
                resolved_by_role: byAgent ? 'agent' : 'employee',
                timestamp: toIso(now),
              },
            }
          : {}),
        data: {
          query_id: conversationId,
          user_id: current.user_id,
          category: current.category,
          resolution_time_seconds: Math.max(0, (now - since) / 1000),
          response,
          resolved_by: resolvedBy,
          resolved_by_role: byAgent ? 'agent' : 'employee',
          case_reference: caseReference(current.case_number),
        },
        category: current.category,
        priority: current.priority,
      });
      return { row: await reload(repository, conversationId), messageId };
    });
    wakeDeliveryWorkers();
    recordResolution(byAgent ? 'agent' : 'employee');
    if (byAgent) {
      this.notifier.notify({
        kind: 'resolved',
        userId: row.user_id,
        caseReference: caseReference(row.case_number),
        message: response,
      });
    }
    return { ...this.state(row), message_id: messageId };
  }

  /** Opens a resolved case again, with the person who had it (or back in the unassigned queue). */
  async reopen(conversationId: string, actor: Actor) {
    const now = this.ctx.clock.now();
    const row = await this.ctx.db.kysely.transaction().execute(async (trx) => {
      const repository = new HandoffRepository(trx);
      const current = await repository.getConversation(conversationId);
      if (!current) throw notFound('Conversation');
      assertMayAnswer(current, actor);
      if (current.status !== 'Resolved') throw conflict('Only a resolved case can be reopened');
      if (current.escalated_at === null) throw conflict('The conversation never needed a person');
      const changes = {
        status: current.assigned_to === null ? ('Escalated' as const) : ('Assigned' as const),
        resolved_at: null,
        resolved_by: null,
        updated_at: now,
      };
      if (!(await repository.updateCase(conversationId, 'Resolved', changes))) throw notWaiting(current);
      await recordAudit(
        trx,
        {
          action: 'escalation.reopen',
          target_type: 'conversation',
          target_id: conversationId,
          details: { previously_resolved_by: current.resolved_by },
        },
        this.ctx.clock,
      );
      return reload(repository, conversationId);
    });
    return this.state(row);
  }

  private state(row: HandoffConversationRow) {
    return { ...presentCaseState(row), ...presentCaseFields(row, this.ctx.config.sla, this.ctx.clock.now()) };
  }

  private stored(text: string): string {
    return maskPiiIf(this.ctx.config.piiRedaction, text);
  }
}

/** Writing to the employee of a confidential case, closing or reopening it needs clearance to read it. */
function assertMayAnswer(current: HandoffConversationRow, actor: Actor): void {
  if (current.confidential === 1 && !actor.canReadConfidential)
    throw new AppError(
      'FORBIDDEN',
      'This is a confidential case: answering it needs the hr_confidential role',
    );
}

async function reload(repository: HandoffRepository, id: string): Promise<HandoffConversationRow> {
  const row = await repository.getConversation(id);
  if (!row) throw notFound('Conversation');
  return row;
}

/** Why a conversation cannot be taken or answered by HR in its current state. */
function notWaiting(current: HandoffConversationRow): AppError {
  if (current.status === 'Resolved') return conflict('The conversation is already resolved');
  if (current.status === 'Answered') return conflict('The conversation is not escalated');
  return conflict('The conversation changed meanwhile; reload it and try again');
}
