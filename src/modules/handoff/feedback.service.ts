import { randomUUID } from 'node:crypto';
import { toIso } from '../../clock.js';
import type { AppContext } from '../../context.js';
import { notFound } from '../../errors.js';
import { recordFeedback } from '../analytics/metrics.js';
import { maskPiiIf } from '../security/pii.js';
import { publishEvent, wakeDeliveryWorkers } from '../webhooks/publish.js';
import { type FeedbackRow, HandoffRepository } from './handoff.repository.js';

export interface FeedbackInput {
  conversationId: string;
  userId: string;
  rating: number;
  comment?: string | undefined;
}

export function presentFeedback(row: FeedbackRow, replaced: boolean) {
  return {
    id: row.id,
    conversation_id: row.conversation_id,
    user_id: row.user_id,
    rating: row.rating,
    comment: row.comment,
    replaced,
    created_at: toIso(row.created_at),
    updated_at: toIso(row.updated_at),
  };
}

/** An employee's rating of a conversation: one per conversation and employee, the latest one counts. */
export class FeedbackService {
  constructor(private readonly ctx: AppContext) {}

  async submit(input: FeedbackInput) {
    const now = this.ctx.clock.now();
    const comment =
      input.comment === undefined || input.comment.trim() === ''
        ? null
        : maskPiiIf(this.ctx.config.piiRedaction, input.comment);
    const result = await this.ctx.db.kysely.transaction().execute(async (trx) => {
      const repository = new HandoffRepository(trx);
      const conversation = await repository.getConversation(input.conversationId);
      // Only the conversation's owner rates it; anyone else gets the same 404 as for a missing id.
      if (!conversation || conversation.user_id !== input.userId) throw notFound('Conversation');
      const previous = await repository.getFeedback(conversation.id, input.userId);
      const row = await repository.upsertFeedback({
        id: randomUUID(),
        conversation_id: conversation.id,
        user_id: input.userId,
        rating: input.rating,
        comment,
        created_at: now,
        updated_at: now,
      });
      await publishEvent(trx, this.ctx.clock, {
        type: 'feedback.received',
        ...(conversation.confidential === 1
          ? {
              thinData: {
                query_id: conversation.id,
                rating: input.rating,
                category: conversation.category,
                confidential: true,
                timestamp: toIso(now),
              },
            }
          : {}),
        data: {
          query_id: conversation.id,
          user_id: input.userId,
          rating: input.rating,
          feedback_text: comment,
          category: conversation.category,
        },
        category: conversation.category,
        priority: conversation.priority,
      });
      return presentFeedback(row, previous !== undefined);
    });
    wakeDeliveryWorkers();
    recordFeedback(input.rating);
    return result;
  }
}
