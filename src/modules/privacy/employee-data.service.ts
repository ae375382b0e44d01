import { toIso, toIsoOrNull } from '../../clock.js';
import type { AppContext } from '../../context.js';
import { notFound } from '../../errors.js';
import { recordAudit } from '../audit/audit.js';
import { EmployeeDataRepository } from './employee-data.repository.js';

const parsed = (json: string | null): unknown => {
  if (json === null) return null;
  try {
    return JSON.parse(json);
  } catch {
    return json;
  }
};

/** The employee's right to their data: everything stored about them, and its erasure. */
export class EmployeeDataService {
  constructor(private readonly ctx: AppContext) {}

  async export(userId: string) {
    const repository = new EmployeeDataRepository(this.ctx.db.kysely);
    const [user, conversations] = await Promise.all([
      repository.user(userId),
      repository.conversations(userId),
    ]);
    const ids = conversations.map((c) => c.id);
    const [messages, feedback, deliveries] = await Promise.all([
      repository.messages(ids),
      repository.feedback(userId, ids),
      repository.deliveries(userId, ids),
    ]);
    if (!user && conversations.length === 0 && feedback.length === 0 && deliveries.length === 0)
      throw notFound('User');
    return {
      user_id: userId,
      exported_at: toIso(this.ctx.clock.now()),
      user: user
        ? {
            is_vip: user.is_vip === 1,
            created_at: toIso(user.created_at),
            updated_at: toIso(user.updated_at),
          }
        : null,
      conversations: conversations.map((c) => ({
        ...c,
        escalated: c.escalated === 1,
        confidential: c.confidential === 1,
        created_at: toIso(c.created_at),
        updated_at: toIso(c.updated_at),
        escalated_at: toIsoOrNull(c.escalated_at),
        assigned_at: toIsoOrNull(c.assigned_at),
        resolved_at: toIsoOrNull(c.resolved_at),
        messages: messages
          .filter((m) => m.conversation_id === c.id)
          .map((m) => ({
            ...m,
            escalated: m.escalated === 1,
            kb_results: parsed(m.kb_results),
            agent_trace: parsed(m.agent_trace),
            created_at: toIso(m.created_at),
          })),
      })),
      feedback: feedback.map((f) => ({
        ...f,
        created_at: toIso(f.created_at),
        updated_at: toIso(f.updated_at),
      })),
      webhook_deliveries: deliveries.map((d) => ({
        ...d,
        payload: parsed(d.payload),
        created_at: toIso(d.created_at),
      })),
    };
  }

  /** Erases it all in one transaction; the audit entry counts what went, and holds none of it. */
  async erase(userId: string) {
    const now = this.ctx.clock.now();
    return this.ctx.db.kysely.transaction().execute(async (trx) => {
      const repository = new EmployeeDataRepository(trx);
      const conversations = await repository.conversations(userId);
      const ids = conversations.map((c) => c.id);
      const deliveries = await repository.deliveries(userId, ids);
      await repository.eraseDeliveryPayloads(
        deliveries.map((d) => d.id),
        now,
      );
      const removed = await repository.deleteConversations(ids);
      const rest = await repository.deleteUser(userId);
      const erased = {
        conversations: removed.conversations,
        messages: removed.messages,
        feedback: removed.feedback + rest.feedback,
        webhook_deliveries: deliveries.length,
        user: rest.user,
      };
      if (Object.values(erased).every((n) => n === 0)) throw notFound('User');
      await recordAudit(
        trx,
        { action: 'user.erase', target_type: 'user', target_id: userId, details: { erased } },
        this.ctx.clock,
      );
      return { user_id: userId, erased };
    });
  }
}
