import { type Kysely, sql } from 'kysely';
import type { Database } from '../../db/schema.js';
import { CATEGORIES, SENTIMENTS } from '../agents/types.js';

/**
 * All SQL of the analytics. Every figure is aggregated by the database with portable SQL: times are BIGINT
 * epoch milliseconds, so a time bucket is integer division (`created_at / 3600000`) on both engines, and the
 * median is read with ORDER BY + OFFSET instead of an engine-specific percentile function.
 *
 * Grouped figures name the pipeline's fixed categories and sentiments in IN lists: with messages_distribution_idx
 * (role, category, sentiment, created_at, …) that turns one big scan-and-sort into a range seek per pair, which
 * both engines plan well without statistics (100,000 conversations: ~18 ms of CPU on SQLite instead of ~50).
 */
/** Escalations that mean "nothing answered this", never a report: the only escalated questions a gap may show. */
const HANDED_OVER_KINDS = ['human_request', 'repeated'];

/** What analytics show instead of a confidential case's escalation reason. */
export const CONFIDENTIAL_REASON = 'Confidential case (reason withheld)';
export class AnalyticsRepository {
  constructor(private readonly db: Kysely<Database>) {}

  private questions(since: number, until: number) {
    return this.db
      .selectFrom('messages')
      .where('role', '=', 'user')
      .where('created_at', '>=', since)
      .where('created_at', '<', until);
  }

  private classifiedQuestions(since: number, until: number) {
    return this.questions(since, until)
      .where('category', 'in', [...CATEGORIES])
      .where('sentiment', 'in', [...SENTIMENTS]);
  }

  /**
   * The questions the knowledge base failed: no article matched, the conversation was rated 1–2, or the
   * employee was handed to a person because no article answered (they asked for one, or asked again). Questions
   * of conversations escalated for any other reason are left out, so no text of a reported case (harassment, a
   * crisis…) can reach a list that HR shares to plan articles.
   */
  gapQuestions(since: number, until: number, max: number) {
    return this.db
      .selectFrom('messages as m')
      .innerJoin('conversations as c', 'c.id', 'm.conversation_id')
      .leftJoin('feedback as f', 'f.conversation_id', 'c.id')
      .where('m.role', '=', 'user')
      .where('m.created_at', '>=', since)
      .where('m.created_at', '<', until)
      .where((eb) =>
        eb.or([
          eb.and([
            eb('m.escalated', '=', 0),
            eb('c.escalated', '=', 0),
            eb.or([eb('m.kb_hit_count', '=', 0), eb('f.rating', '<=', 2)]),
          ]),
          eb.and([
            eb('m.escalated', '=', 1),
            eb('m.kb_hit_count', '=', 0),
            eb('m.escalation_kind', 'in', HANDED_OVER_KINDS),
            eb('c.escalation_kind', 'in', HANDED_OVER_KINDS),
          ]),
        ]),
      )
      .select(['m.content', 'm.created_at', 'm.kb_hit_count', 'm.escalated'])
      .orderBy('m.created_at', 'desc')
      .limit(max)
      .execute();
  }

  /** Questions per (category, sentiment): totals and both distributions come from this one pass. */
  questionGroups(since: number, until: number) {
    return this.classifiedQuestions(since, until)
      .select((eb) => [
        'category',
        'sentiment',
        eb.fn.countAll<number>().as('n'),
        eb.fn.sum<number>('escalated').as('escalated'),
        eb.fn.sum<number>('processing_time').as('time_total'),
        eb.fn.count<number>('processing_time').as('timed'),
      ])
      .groupBy(['category', 'sentiment'])
      .execute();
  }

  /** Conversations whose text only cleared staff may read: never quoted in analytics. */
  private confidentialConversations() {
    return this.db.selectFrom('conversations').select('id').where('confidential', '=', 1);
  }

  /** The reasons quote the message, so a confidential case counts under one fixed label instead of its own. */
  topEscalationReasons(since: number, until: number, limit: number) {
    return this.questions(since, until)
      .where('escalated', '=', 1)
      .select((eb) => [
        eb
          .case()
          .when('conversation_id', 'in', this.confidentialConversations())
          .then(sql<string>`${CONFIDENTIAL_REASON}`)
          .else(eb.ref('escalation_reason'))
          .end()
          .as('reason'),
        eb.fn.countAll<number>().as('n'),
      ])
      .groupBy('reason')
      .orderBy('n', 'desc')
      .orderBy('reason')
      .limit(limit)
      .execute()
      .then((rows) => rows.map((r) => ({ escalation_reason: r.reason, n: r.n })));
  }

  /** Conversations started in the period: how many, and how many ended without needing more from HR. */
  conversationOutcomes(since: number, until: number) {
    return this.db
      .selectFrom('conversations')
      .where('created_at', '>=', since)
      .where('created_at', '<', until)
      .select((eb) => [
        eb.fn.countAll<number>().as('total'),
        eb.fn
          .sum<number>(
            eb
              .case()
              .when(eb.or([eb('escalated', '=', 0), eb('resolved_at', 'is not', null)]))
              .then(1)
              .else(0)
              .end(),
          )
          .as('resolved'),
      ])
      .executeTakeFirstOrThrow();
  }

  ratings(since: number, until: number) {
    return this.db
      .selectFrom('feedback')
      .where('updated_at', '>=', since)
      .where('updated_at', '<', until)
      .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.sum<number>('rating').as('total')])
      .executeTakeFirstOrThrow();
  }

  /** Median milliseconds from escalation to resolution, over escalations resolved in the period. */
  async medianResolutionMs(since: number, until: number): Promise<{ count: number; median: number | null }> {
    const resolved = this.db
      .selectFrom('conversations')
      .where('resolved_at', '>=', since)
      .where('resolved_at', '<', until)
      .where('escalated_at', 'is not', null);
    const { n } = await resolved.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    const count = Number(n);
    if (count === 0) return { count, median: null };
    const duration = sql<number>`resolved_at - escalated_at`;
    const middle = await resolved
      .select(duration.as('duration'))
      .orderBy(duration)
      .offset(Math.floor((count - 1) / 2))
      .limit(count % 2 === 0 ? 2 : 1)
      .execute();
    const values = middle.map((r) => Number(r.duration));
    return { count, median: values.reduce((a, b) => a + b, 0) / values.length };
  }

  /** Recent questions no article matched: the knowledge gaps to write next. */
  async knowledgeGaps(since: number, until: number, limit: number) {
    const gaps = this.questions(since, until)
      .where('kb_hit_count', '=', 0)
      .where('conversation_id', 'not in', this.confidentialConversations());
    const [rows, total] = await Promise.all([
      gaps
        .select(['conversation_id', 'content', 'category', 'created_at'])
        .orderBy('created_at', 'desc')
        .orderBy('id', 'desc')
        .limit(limit)
        .execute(),
      gaps.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    ]);
    return { rows, total: Number(total.n) };
  }

  /** Questions per bucket and category (escalations and processing time summed alongside). */
  questionsPerBucket(since: number, until: number, bucketMs: number) {
    const bucket = sql<number>`created_at / ${sql.lit(bucketMs)}`;
    return this.classifiedQuestions(since, until)
      .select((eb) => [
        bucket.as('bucket'),
        'category',
        eb.fn.countAll<number>().as('n'),
        eb.fn.sum<number>('escalated').as('escalated'),
        eb.fn.sum<number>('processing_time').as('time_total'),
        eb.fn.count<number>('processing_time').as('timed'),
      ])
      .groupBy([bucket, 'category'])
      .execute();
  }

  ratingsPerBucket(since: number, until: number, bucketMs: number) {
    const bucket = sql<number>`updated_at / ${sql.lit(bucketMs)}`;
    return this.db
      .selectFrom('feedback')
      .where('updated_at', '>=', since)
      .where('updated_at', '<', until)
      .select((eb) => [
        bucket.as('bucket'),
        eb.fn.countAll<number>().as('n'),
        eb.fn.sum<number>('rating').as('total'),
      ])
      .groupBy(bucket)
      .execute();
  }

  /**
   * Deliveries that reached a final outcome per bucket: successes at the time they were delivered, failures at
   * the time the worker gave up on them.
   */
  async deliveriesPerBucket(since: number, until: number, bucketMs: number) {
    const delivered = sql<number>`delivered_at / ${sql.lit(bucketMs)}`;
    const gaveUp = sql<number>`updated_at / ${sql.lit(bucketMs)}`;
    const [succeeded, failed] = await Promise.all([
      this.db
        .selectFrom('webhook_deliveries')
        .where('status', '=', 'success')
        .where('delivered_at', '>=', since)
        .where('delivered_at', '<', until)
        .select((eb) => [delivered.as('bucket'), eb.fn.countAll<number>().as('n')])
        .groupBy(delivered)
        .execute(),
      this.db
        .selectFrom('webhook_deliveries')
        .where('status', '=', 'failed')
        .where('updated_at', '>=', since)
        .where('updated_at', '<', until)
        .select((eb) => [gaveUp.as('bucket'), eb.fn.countAll<number>().as('n')])
        .groupBy(gaveUp)
        .execute(),
    ]);
    return { succeeded, failed };
  }

  /** Deliveries not yet sent (first attempt or waiting for a retry): the queue-depth gauge. */
  async pendingDeliveries(): Promise<number> {
    const { n } = await this.db
      .selectFrom('webhook_deliveries')
      .where('status', '=', 'pending')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    return Number(n);
  }
}
