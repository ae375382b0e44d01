import type { AppContext } from '../../context.js';
import { priorityOf } from '../agents/escalation/priority.js';
import { SENTIMENTS, type Sentiment } from '../agents/types.js';
import { recordAudit } from '../audit/audit.js';
import { excerpt } from '../handoff/summary.js';
import { kindOrNull } from './conversations.presenter.js';
import { EmployeesRepository } from './employees.repository.js';
import { QueriesRepository, type UserRow } from './queries.repository.js';

/** Longest preview of an employee's latest question in the console's list. */
const PREVIEW_CHARS = 120;

const asSentiment = (value: string): Sentiment =>
  (SENTIMENTS as readonly string[]).includes(value) ? (value as Sentiment) : 'Neutral';

/** Employees: the VIP flag, which raises the priority of their questions and of their cases waiting in the queue. */
export class UsersService {
  constructor(private readonly ctx: AppContext) {}

  /**
   * The console's employee list: id or e-mail search, most recently active first, each employee with a
   * preview of their latest question. A question from a confidential case is never previewed, whoever reads
   * the list (a list is glanced at on shared screens); the marker says there is one, and HR cleared for
   * confidential cases reads it by opening the conversation. Staff not cleared for confidential cases get the
   * list as if those cases did not exist (counts, latest question, its time and marker), since an employee's
   * row is the one place where a marker or a count would say who filed one.
   */
  async list(search: string, skip: number, limit: number, canReadConfidential: boolean) {
    const repository = new EmployeesRepository(this.ctx.db.kysely);
    const { rows, total } = await repository.list(search, skip, limit, canReadConfidential);
    const latest = await repository.lastQuestions(
      rows.map((r) => r.id),
      canReadConfidential,
    );
    const employees = rows.map((row) => {
      const question = latest.get(row.id);
      const confidential = question?.confidential ?? false;
      return {
        user_id: row.id,
        is_vip: row.is_vip === 1,
        email: row.email,
        conversation_count: row.conversation_count,
        open_case_count: row.open_case_count,
        last_question_at: row.last_question_at === null ? null : new Date(row.last_question_at).toISOString(),
        last_question: question && !confidential ? excerpt(question.content, PREVIEW_CHARS) : null,
        last_question_confidential: confidential,
        last_conversation_id: question?.conversation_id ?? null,
      };
    });
    return { employees, total, skip, limit };
  }

  /** Sets where HR's replies are e-mailed; the audit entry says it changed, never the address. */
  async setEmail(userId: string, email: string | null): Promise<void> {
    await this.ctx.db.kysely.transaction().execute(async (trx) => {
      await new QueriesRepository(trx).updateUser(userId, { email }, this.ctx.clock.now());
      await recordAudit(
        trx,
        { action: 'user.email', target_type: 'user', target_id: userId, details: { email_changed: true } },
        this.ctx.clock,
      );
    });
  }

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
