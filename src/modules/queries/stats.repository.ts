import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';

export interface PublicStats {
  total_queries: number;
  escalated_queries: number;
  escalation_rate: number;
  avg_response_time: number;
  active_conversations: number;
  by_category: Record<string, number>;
  by_sentiment: Record<string, number>;
}

const round = (value: number, digits: number) => Math.round(value * 10 ** digits) / 10 ** digits;

/** The public summary behind GET /api/v1/stats: every answered question counts, follow-ups included. */
export async function readPublicStats(db: Kysely<Database>): Promise<PublicStats> {
  const questions = db.selectFrom('messages').where('role', '=', 'user');
  const [totals, categories, sentiments, active] = await Promise.all([
    questions
      .select((eb) => [
        eb.fn.countAll<number>().as('total'),
        eb.fn.sum<number>('escalated').as('escalated'),
        eb.fn.avg<number>('processing_time').as('avg_time'),
      ])
      .executeTakeFirstOrThrow(),
    questions
      .select(['category', (eb) => eb.fn.countAll<number>().as('n')])
      .groupBy('category')
      .execute(),
    questions
      .select(['sentiment', (eb) => eb.fn.countAll<number>().as('n')])
      .groupBy('sentiment')
      .execute(),
    db
      .selectFrom('conversations')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('status', '!=', 'Resolved')
      .executeTakeFirstOrThrow(),
  ]);
  const total = Number(totals.total);
  const escalated = Number(totals.escalated ?? 0);
  return {
    total_queries: total,
    escalated_queries: escalated,
    escalation_rate: total === 0 ? 0 : round(escalated / total, 4),
    avg_response_time: round(Number(totals.avg_time ?? 0), 6),
    active_conversations: Number(active.n),
    by_category: Object.fromEntries(categories.map((r) => [r.category ?? 'Unknown', Number(r.n)])),
    by_sentiment: Object.fromEntries(sentiments.map((r) => [r.sentiment ?? 'Unknown', Number(r.n)])),
  };
}
