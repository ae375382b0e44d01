import { toIso } from '../../clock.js';
import type { AppContext } from '../../context.js';
import { invalid } from '../../errors.js';
import { maskPiiIf } from '../security/pii.js';
import { AnalyticsRepository } from './analytics.repository.js';
import { clusterGaps } from './knowledge-gaps.js';

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;
const TOP_REASONS = 5;
const GAPS_SHOWN = 20;
/** The newest this-many gap questions are clustered; older ones add little to what to write next. */
const GAP_QUESTIONS_READ = 5_000;
/** Hourly series longer than this are refused: a chart of thousands of bars helps nobody. */
export const MAX_HOURLY_DAYS = 31;

export type Bucket = 'hour' | 'day';

const round = (value: number, digits = 4) => Math.round(value * 10 ** digits) / 10 ** digits;
const ratio = (part: number, whole: number) => (whole === 0 ? 0 : round(part / whole));
const num = (value: unknown) => Number(value ?? 0);

/** The HR team's view of how the assistant is doing, over a trailing period. */
export class AnalyticsService {
  constructor(private readonly ctx: AppContext) {}

  private get repository() {
    return new AnalyticsRepository(this.ctx.db.kysely);
  }

  /** Deliveries waiting in the outbox, read from this app's database (the metrics gauge, on every scrape). */
  pendingDeliveries(): Promise<number> {
    return this.repository.pendingDeliveries();
  }

  async summary(days: number) {
    const until = this.ctx.clock.now() + 1;
    const since = until - 1 - days * DAY_MS;
    const repository = this.repository;
    const [groups, reasons, outcomes, ratings, resolution, gaps] = await Promise.all([
      repository.questionGroups(since, until),
      repository.topEscalationReasons(since, until, TOP_REASONS),
      repository.conversationOutcomes(since, until),
      repository.ratings(since, until),
      repository.medianResolutionMs(since, until),
      repository.knowledgeGaps(since, until, GAPS_SHOWN),
    ]);

    let total = 0;
    let escalated = 0;
    let timeTotal = 0;
    let timed = 0;
    const byCategory: Record<string, number> = {};
    const bySentiment: Record<string, number> = {};
    for (const group of groups) {
      const n = num(group.n);
      total += n;
      escalated += num(group.escalated);
      timeTotal += num(group.time_total);
      timed += num(group.timed);
      const category = group.category ?? 'Unknown';
      const sentiment = group.sentiment ?? 'Unknown';
      byCategory[category] = (byCategory[category] ?? 0) + n;
      bySentiment[sentiment] = (bySentiment[sentiment] ?? 0) + n;
    }
    const conversations = num(outcomes.total);
    const ratingCount = num(ratings.n);

    return {
      days,
      since: toIso(since),
      until: toIso(until - 1),
      total_queries: total,
      escalated_queries: escalated,
      total_conversations: conversations,
      avg_response_time: timed === 0 ? null : round(timeTotal / timed, 6),
      escalation_rate: ratio(escalated, total),
      resolution_rate: ratio(num(outcomes.resolved), conversations),
      avg_rating: ratingCount === 0 ? null : round(num(ratings.total) / ratingCount, 2),
      rating_count: ratingCount,
      category_distribution: byCategory,
      sentiment_distribution: bySentiment,
      top_escalation_reasons: reasons.map((r) => ({
        reason: r.escalation_reason ?? 'Unspecified',
        count: num(r.n),
      })),
      resolved_escalations: resolution.count,
      median_time_to_resolution_seconds:
        resolution.median === null ? null : round(resolution.median / 1000, 3),
      unanswered_count: gaps.total,
      unanswered_questions: gaps.rows.map((row) => ({
        conversation_id: row.conversation_id,
        question: maskPiiIf(this.ctx.config.piiRedaction, row.content),
        category: row.category,
        timestamp: toIso(row.created_at),
      })),
    };
  }

  /**
   * What the knowledge base is missing: the unanswered or badly rated questions of the period, grouped into
   * topics of similar questions (see knowledge-gaps.ts), largest first, each with a suggested article title.
   */
  async knowledgeGaps(days: number, limit: number) {
    const until = this.ctx.clock.now() + 1;
    const since = until - 1 - days * DAY_MS;
    const rows = await this.repository.gapQuestions(since, until, GAP_QUESTIONS_READ);
    const clusters = clusterGaps(
      rows.map((row) => ({
        text: maskPiiIf(this.ctx.config.piiRedaction, row.content),
        reason:
          Number(row.escalated) === 1
            ? 'handed_over'
            : Number(row.kb_hit_count) === 0
              ? 'no_article'
              : 'low_rating',
        createdAt: Number(row.created_at),
      })),
    );
    return {
      days,
      since: toIso(since),
      until: toIso(until - 1),
      questions: rows.length,
      clusters: clusters.slice(0, limit).map((c) => ({
        suggested_title: c.suggestedTitle,
        count: c.count,
        reasons: c.reasons,
        examples: c.examples,
        first_seen: toIso(c.firstSeen),
        last_seen: toIso(c.lastSeen),
      })),
    };
  }

  /**
   * Figures per hour or per UTC day. Buckets are aligned to whole hours/days and every bucket of the period is
   * present — empty ones with zero counts and null averages — so charts never skip a quiet day.
   */
  async timeseries(days: number, bucket: Bucket) {
    if (bucket === 'hour' && days > MAX_HOURLY_DAYS) {
      throw invalid(`bucket=hour covers at most ${MAX_HOURLY_DAYS} days; use bucket=day for longer periods`);
    }
    const size = bucket === 'hour' ? HOUR_MS : DAY_MS;
    const count = (days * DAY_MS) / size;
    const last = Math.floor(this.ctx.clock.now() / size);
    const first = last - count + 1;
    const since = first * size;
    const until = (last + 1) * size;
    const repository = this.repository;
    const [questions, ratings, deliveries] = await Promise.all([
      repository.questionsPerBucket(since, until, size),
      repository.ratingsPerBucket(since, until, size),
      repository.deliveriesPerBucket(since, until, size),
    ]);

    const series = Array.from({ length: count }, (_, i) => ({
      start: toIso((first + i) * size),
      queries: 0,
      escalations: 0,
      avg_rating: null as number | null,
      rating_count: 0,
      avg_processing_time: null as number | null,
      deliveries_succeeded: 0,
      deliveries_failed: 0,
      by_category: {} as Record<string, number>,
    }));
    const at = (value: unknown) => series[num(value) - first];
    const timing = new Map<number, { total: number; n: number }>();

    for (const row of questions) {
      const point = at(row.bucket);
      if (!point) continue;
      const n = num(row.n);
      point.queries += n;
      point.escalations += num(row.escalated);
      point.by_category[row.category ?? 'Unknown'] = n;
      const t = timing.get(num(row.bucket)) ?? { total: 0, n: 0 };
      t.total += num(row.time_total);
      t.n += num(row.timed);
      timing.set(num(row.bucket), t);
    }
    for (const [index, t] of timing) {
      const point = at(index);
      if (point && t.n > 0) point.avg_processing_time = round(t.total / t.n, 6);
    }
    for (const row of ratings) {
      const point = at(row.bucket);
      if (!point) continue;
      point.rating_count = num(row.n);
      point.avg_rating = round(num(row.total) / num(row.n), 2);
    }
    for (const row of deliveries.succeeded) {
      const point = at(row.bucket);
      if (point) point.deliveries_succeeded = num(row.n);
    }
    for (const row of deliveries.failed) {
      const point = at(row.bucket);
      if (point) point.deliveries_failed = num(row.n);
    }
    return { days, bucket, since: toIso(since), until: toIso(until), buckets: series };
  }
}
