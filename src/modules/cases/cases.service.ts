import { randomUUID } from 'node:crypto';
import type { AppContext } from '../../context.js';
import { AppError, conflict, notFound } from '../../errors.js';
import { recordAudit } from '../audit/audit.js';
import { withoutConfidentialText } from '../handoff/handoff.presenter.js';
import { type HandoffConversationRow, HandoffRepository } from '../handoff/handoff.repository.js';
import { maskPii } from '../security/pii.js';
import { presentCannedReply, presentCaseSummary, presentNote } from './cases.presenter.js';
import { type CaseFilter, type CaseSort, CasesRepository } from './cases.repository.js';

export interface CaseListQuery extends CaseFilter {
  sort: CaseSort;
  order: 'asc' | 'desc';
  skip: number;
  limit: number;
}

/** The agent's workspace: the case list and its saved views, internal notes and canned replies. */
export class CasesService {
  constructor(private readonly ctx: AppContext) {}

  private get repository() {
    return new CasesRepository(this.ctx.db.kysely);
  }

  async list(query: CaseListQuery, canReadConfidential: boolean) {
    const now = this.ctx.clock.now();
    const policy = this.ctx.config.sla;
    const repository = this.repository;
    const { sort, order, skip, limit, ...rest } = query;
    const filter = { ...rest, searchConfidentialOwners: canReadConfidential };
    const [{ rows, total }, views] = await Promise.all([
      repository.list(filter, sort, order, skip, limit, policy, now),
      this.viewCounts(repository, filter.agent, now),
    ]);
    const questions = new Map<string, string[]>();
    for (const q of await repository.questions(rows.map((r) => r.id))) {
      const list = questions.get(q.conversation_id) ?? [];
      list.push(q.content);
      questions.set(q.conversation_id, list);
    }
    return {
      cases: rows.map((row) => {
        const item = presentCaseSummary(row, questions.get(row.id) ?? [], policy, now);
        return canReadConfidential ? item : withoutConfidentialText(item);
      }),
      total,
      skip,
      limit,
      view: filter.view,
      views,
    };
  }

  /** How many cases each saved view holds right now (the numbers on the console's tabs). */
  private async viewCounts(repository: CasesRepository, agent: string | undefined, now: number) {
    const policy = this.ctx.config.sla;
    const [open, unassigned, overdue, mine] = await Promise.all([
      repository.count({ view: 'open' }, policy, now),
      repository.count({ view: 'unassigned' }, policy, now),
      repository.count({ view: 'overdue' }, policy, now),
      agent === undefined ? Promise.resolve(null) : repository.count({ view: 'mine', agent }, policy, now),
    ]);
    return { open, unassigned, overdue, mine };
  }

  /** Adds an internal note. Notes live in their own table: no employee view and no webhook ever reads it. */
  async addNote(conversationId: string, content: string, author: string, canReadConfidential: boolean) {
    const now = this.ctx.clock.now();
    const row = {
      id: randomUUID(),
      conversation_id: conversationId,
      author,
      content: this.ctx.config.piiRedaction === 'mask' ? maskPii(content) : content,
      created_at: now,
    };
    await this.ctx.db.kysely.transaction().execute(async (trx) => {
      const conversation = await new HandoffRepository(trx).getConversation(conversationId);
      requireCaseClearance(conversation, canReadConfidential);
      await new CasesRepository(trx).insertNote(row);
      await recordAudit(
        trx,
        {
          action: 'escalation.note',
          target_type: 'conversation',
          target_id: conversationId,
          details: { note_id: row.id, author },
        },
        this.ctx.clock,
      );
    });
    return presentNote(row);
  }

  async notes(conversationId: string, canReadConfidential: boolean) {
    const conversation = await new HandoffRepository(this.ctx.db.kysely).getConversation(conversationId);
    requireCaseClearance(conversation, canReadConfidential);
    return { notes: (await this.repository.notes(conversationId)).map(presentNote) };
  }

  async cannedReplies() {
    return { canned_replies: (await this.repository.cannedReplies()).map(presentCannedReply) };
  }

  async createCannedReply(input: { title: string; body: string }) {
    const now = this.ctx.clock.now();
    const row = {
      id: randomUUID(),
      title: input.title.trim(),
      body: input.body,
      created_at: now,
      updated_at: now,
    };
    await this.ctx.db.kysely.transaction().execute(async (trx) => {
      const repository = new CasesRepository(trx);
      if (await repository.cannedReplyByTitle(row.title)) throw titleTaken(row.title);
      await repository.insertCannedReply(row);
      await recordAudit(
        trx,
        {
          action: 'canned_reply.create',
          target_type: 'canned_reply',
          target_id: row.id,
          details: { title: row.title },
        },
        this.ctx.clock,
      );
    });
    return presentCannedReply(row);
  }

  async updateCannedReply(id: string, input: { title?: string | undefined; body?: string | undefined }) {
    const now = this.ctx.clock.now();
    const stored = await this.ctx.db.kysely.transaction().execute(async (trx) => {
      const repository = new CasesRepository(trx);
      const title = input.title?.trim();
      if (title !== undefined) {
        const other = await repository.cannedReplyByTitle(title);
        if (other && other.id !== id) throw titleTaken(title);
      }
      const changes = {
        ...(title === undefined ? {} : { title }),
        ...(input.body === undefined ? {} : { body: input.body }),
        updated_at: now,
      };
      if (!(await repository.updateCannedReply(id, changes))) throw notFound('Canned reply');
      await recordAudit(
        trx,
        { action: 'canned_reply.update', target_type: 'canned_reply', target_id: id, details: { title } },
        this.ctx.clock,
      );
      return repository.getCannedReply(id);
    });
    if (!stored) throw notFound('Canned reply');
    return presentCannedReply(stored);
  }

  async deleteCannedReply(id: string): Promise<void> {
    await this.ctx.db.kysely.transaction().execute(async (trx) => {
      if (!(await new CasesRepository(trx).deleteCannedReply(id))) throw notFound('Canned reply');
      await recordAudit(
        trx,
        { action: 'canned_reply.delete', target_type: 'canned_reply', target_id: id },
        this.ctx.clock,
      );
    });
  }
}

/** A case's notes discuss it in words, so a confidential case's notes need the clearance its transcript needs. */
function requireCaseClearance(
  conversation: HandoffConversationRow | undefined,
  canReadConfidential: boolean,
): void {
  if (!conversation || conversation.escalated_at === null) throw notFound('Case');
  if (conversation.confidential === 1 && !canReadConfidential) {
    throw new AppError('FORBIDDEN', 'This is a confidential case: its notes need the hr_confidential role');
  }
}

const titleTaken = (title: string) => conflict(`A canned reply titled "${title}" already exists`);
