import { randomUUID } from 'node:crypto';
import type { AppContext } from '../../context.js';
import type { ConversationStatus } from '../../db/core-tables.js';
import { type AppError, conflict, notFound } from '../../errors.js';
import { recordResolution } from '../analytics/metrics.js';
import { recordAudit } from '../audit/audit.js';
import { maskPiiIf } from '../security/pii.js';
import { publishEvent, wakeDeliveryWorkers } from '../webhooks/publish.js';
import { presentCaseState, presentHandoffPackage } from './handoff.presenter.js';
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
  requestId: string;
  ip: string;
}

export type Resolution =
  | { by: 'agent'; response: string; resolvedBy: string }
  | { by: 'employee'; userId: string };

const WAITING_FOR_HUMAN: ConversationStatus[] = ['Escalated', 'Assigned'];
const SELF_RESOLVABLE: ConversationStatus[] = ['Answered', 'Escalated', 'Assigned'];

/** The human side of an escalation: the queue, taking a case, and closing it with an answer. */
export class HandoffService {
  constructor(private readonly ctx: AppContext) {}

  async queue(status: QueueStatus, skip: number, limit: number) {
    const repository = new HandoffRepository(this.ctx.db.kysely);
    const { rows, total } = await repository.queue(status, skip, limit);
    const byConversation = new Map<string, TranscriptRow[]>();
    for (const message of await repository.transcripts(rows.map((r) => r.id))) {
      const list = byConversation.get(message.conversation_id) ?? [];
      list.push(message);
      byConversation.set(message.conversation_id, list);
    }
    const now = this.ctx.clock.now();
    const escalations = rows.map((row) => presentHandoffPackage(row, byConversation.get(row.id) ?? [], now));
    return { escalations, total, skip, limit, status };
  }

  async assign(conversationId: string, agent: string, _actor: Actor) {
    const now = this.ctx.clock.now();
    const row = await this.ctx.db.kysely.transaction().execute(async (trx) => {
      const repository = new HandoffRepository(trx);
      const current = await repository.getConversation(conversationId);
      if (!current) throw notFound('Conversation');
      if (!(await repository.assign(conversationId, agent, now))) throw notWaiting(current);
      await recordAudit(
        trx,
        {
          action: 'escalation.assign',
          target_type: 'conversation',
          target_id: conversationId,
          details: { agent },
        },
        this.ctx.clock,
      );
      return reload(repository, conversationId);
    });
    return presentCaseState(row);
  }

  /**
   * Closes a conversation. HR's answer is appended as an 'agent' message; an employee closing their own
   * conversation adds nothing to the transcript (their click is the whole message). Both fire query.resolved
   * in the same transaction, so the event exists exactly when the resolution does.
   */
  async resolve(conversationId: string, resolution: Resolution, _actor: Actor) {
    const now = this.ctx.clock.now();
    const byAgent = resolution.by === 'agent';
    const response = byAgent ? this.stored(resolution.response) : null;
    const resolvedBy = byAgent ? resolution.resolvedBy : resolution.userId;
    const { row, messageId } = await this.ctx.db.kysely.transaction().execute(async (trx) => {
      const repository = new HandoffRepository(trx);
      const current = await repository.getConversation(conversationId);
      // Someone else's conversation looks exactly like a missing one, so ids cannot be probed.
      if (!current || (!byAgent && current.user_id !== resolution.userId)) throw notFound('Conversation');
      if (current.status === 'Resolved') throw conflict('The conversation is already resolved');
      const allowed = byAgent ? WAITING_FOR_HUMAN : SELF_RESOLVABLE;
      if (!(await repository.resolve(conversationId, allowed, resolvedBy, now))) throw notWaiting(current);
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
          role: 'agent',
          content: response,
          escalated: 0,
          created_at: now,
        });
      }
      const since = current.escalated_at ?? current.created_at;
      await publishEvent(trx, this.ctx.clock, {
        type: 'query.resolved',
        data: {
          query_id: conversationId,
          user_id: current.user_id,
          category: current.category,
          resolution_time_seconds: Math.max(0, (now - since) / 1000),
          response,
          resolved_by: resolvedBy,
          resolved_by_role: byAgent ? 'agent' : 'employee',
        },
        category: current.category,
        priority: current.priority,
      });
      return { row: await reload(repository, conversationId), messageId };
    });
    wakeDeliveryWorkers();
    recordResolution(byAgent ? 'agent' : 'employee');
    return { ...presentCaseState(row), message_id: messageId };
  }

  private stored(text: string): string {
    return maskPiiIf(this.ctx.config.piiRedaction, text);
  }
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
