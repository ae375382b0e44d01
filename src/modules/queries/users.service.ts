import type { AppContext } from '../../context.js';
import { priorityOf } from '../agents/escalation/priority.js';
import { SENTIMENTS, type Sentiment } from '../agents/types.js';
import { recordAudit } from '../audit/audit.js';
import { kindOrNull } from './conversations.presenter.js';
import { QueriesRepository, type UserRow } from './queries.repository.js';

const asSentiment = (value: string): Sentiment =>
  (SENTIMENTS as readonly string[]).includes(value) ? (value as Sentiment) : 'Neutral';

/** Employees: the VIP flag, which raises the priority of their questions and of their cases waiting in the queue. */
export class UsersService {
  constructor(private readonly ctx: AppContext) {}

  /**
   * Sets the flag, re-prioritizes the employee's open cases (waiting or assigned) from their stored kind, tone
   * and repeat count, and records the audit entry, all in one transaction: either the queue, the flag and
   * the trail all change, or none does.
   */
  async setVip(userId: string, isVip: boolean): Promise<UserRow> {
    return this.ctx.db.kysely.transaction().execute(async (trx) => {
      const repository = new QueriesRepository(trx);
      const now = this.ctx.clock.now();
      await repository.setVip(userId, isVip, now);
      const reprioritized: { conversation_id: string; from: number; to: number }[] = [];
      for (const open of await repository.openCases(userId)) {
        const priority = priorityOf({
          kind: kindOrNull(open.escalation_kind),
          sentiment: asSentiment(open.sentiment),
          attemptCount: open.attempt_count,
          isVip,
        });
        if (priority === open.priority) continue;
        await repository.updateConversation(open.id, { priority, updated_at: now });
        reprioritized.push({ conversation_id: open.id, from: open.priority, to: priority });
      }
      await recordAudit(
        trx,
        {
          action: 'user.vip',
          target_type: 'user',
          target_id: userId,
          details: { is_vip: isVip, reprioritized },
        },
        this.ctx.clock,
      );
      const user = await repository.getUser(userId);
      if (!user) throw new Error(`user ${userId} vanished inside its own transaction`);
      return user;
    });
  }
}
