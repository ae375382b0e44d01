import type { AppContext } from '../../context.js';
import { notFound } from '../../errors.js';
import { withoutConfidentialText } from '../handoff/handoff.presenter.js';
import { excerpt } from '../handoff/summary.js';
import { conversationView, mayOpenConversation } from '../identity/ownership.js';
import { isStaff, type Principal } from '../identity/principal.js';
import { presentConversation, presentMessage } from './conversations.presenter.js';
import { type ConversationRow, QueriesRepository } from './queries.repository.js';
import { readPublicStats } from './stats.repository.js';

/**
 * Reading conversations: one by id, several by id (the chat's "My cases"), an employee's own list, and HR's list
 * of one employee's conversations. Every list goes through `forReader`, so a confidential case looks the same
 * (there, but without its employee or its words) wherever uncleared staff meet it.
 */
export class ConversationsService {
  constructor(private readonly ctx: AppContext) {}

  private get repository() {
    return new QueriesRepository(this.ctx.db.kysely);
  }

  /** One conversation with its messages; someone else's looks exactly like a missing one, so ids cannot be probed. */
  async get(id: string, principal: Principal) {
    const repository = this.repository;
    const conversation = await repository.getConversation(id);
    if (!conversation || !mayOpenConversation(principal, this.ctx.config.auth.mode, conversation.user_id)) {
      throw notFound('Conversation');
    }
    const view = conversationView(principal, conversation.user_id, conversation.confidential === 1);
    const messages = await repository.messages(conversation.id);
    const presented = {
      ...presentConversation(conversation, messages.length),
      messages: messages.map(presentMessage),
    };
    if (view === 'full') return presented;
    return {
      ...presented,
      escalation_reason: null,
      messages: presented.messages.map((m) => ({ ...m, escalation_reason: null, kb_results: null })),
    };
  }

  /** Several conversations by id; with `userId`, only that employee's (the others are left out). */
  async lookup(ids: string[], userId: string | undefined, principal: Principal) {
    const rows = await this.repository.conversationsByIds(ids, userId);
    return { conversations: (await this.withTitles(rows)).map((c) => forReader(c, principal)) };
  }

  /** Clears `unread`. With `userId` (or a signed-in employee), it must be the owner. */
  async markSeen(id: string, userId: string | undefined, principal: Principal) {
    const repository = this.repository;
    const conversation = await repository.getConversation(id);
    if (
      !conversation ||
      (userId !== undefined && conversation.user_id !== userId) ||
      !mayOpenConversation(principal, this.ctx.config.auth.mode, conversation.user_id)
    ) {
      throw notFound('Conversation');
    }
    const now = this.ctx.clock.now();
    await repository.markSeen(conversation.id, now);
    return {
      conversation_id: conversation.id,
      unread: false,
      employee_seen_at: new Date(now).toISOString(),
    };
  }

  /** The signed-in employee's own conversations, newest first, each titled with its first question. */
  async ownList(userId: string, skip: number, limit: number) {
    const { rows, total } = await this.repository.userConversations(userId, skip, limit, true);
    return { conversations: await this.withTitles(rows), total, skip, limit };
  }

  /**
   * HR's list of one employee's conversations. For staff not cleared to read confidential cases, those cases are
   * left out (and not counted): the list is keyed by the employee, so even an entry without text would tell
   * the reader that this person filed one.
   */
  async employeeList(userId: string, skip: number, limit: number, principal: Principal) {
    const includeConfidential = principal.can('confidential:read');
    const repository = this.repository;
    const { rows, total } = await repository.userConversations(userId, skip, limit, includeConfidential);
    const counts = await repository.messageCounts(rows.map((r) => r.id));
    return {
      conversations: rows.map((r) => presentConversation(r, counts.get(r.id) ?? 0)),
      total,
      skip,
      limit,
    };
  }

  async user(userId: string) {
    const user = await this.repository.getUser(userId);
    if (!user) throw notFound('User');
    return user;
  }

  publicStats() {
    return readPublicStats(this.ctx.db.kysely);
  }

  /** Each conversation with its message count and its first question, shortened, as a title. */
  private async withTitles(rows: ConversationRow[]) {
    const repository = this.repository;
    const ids = rows.map((r) => r.id);
    const [counts, titles] = await Promise.all([
      repository.messageCounts(ids),
      repository.firstQuestions(ids),
    ]);
    return rows.map((r) => ({
      ...presentConversation(r, counts.get(r.id) ?? 0),
      title: excerpt(titles.get(r.id) ?? '', 80),
    }));
  }
}

/**
 * A conversation in a list as this reader may see it: whole for its owner, for anyone cleared to read
 * confidential cases, and for callers who are not staff (the open-mode chat holding its own ids); a
 * confidential case reaches other staff without its employee, reason or title.
 */
function forReader<T extends ReturnType<typeof presentConversation> & { title: string }>(
  item: T,
  principal: Principal,
): T {
  if (!isStaff(principal) || principal.can('confidential:read') || principal.userId === item.user_id)
    return item;
  return withoutConfidentialText(item);
}
