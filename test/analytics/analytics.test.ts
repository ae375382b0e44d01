import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/clock.js';
import type { DeliveryStatus } from '../../src/modules/webhooks/webhooks.tables.js';
import { seedConversation } from '../handoff/seed.js';
import { adminHeaders, createTestApp, type TestApp } from '../helpers/app.js';
import { describeEachDatabase } from '../helpers/databases.js';

const T0 = Date.UTC(2026, 5, 1, 12, 0, 0); // Monday 1 June 2026, 12:00 UTC
const MIN = 60_000;
const HOUR = 3_600_000;
const DAY = 86_400_000;
const day = (iso: string) => `${iso}T00:00:00.000Z`;

/**
 * A small world whose figures are computed by hand in the comments below. Six conversations in the last
 * seven days and one older one; ratings given through the API at chosen times.
 */
async function seedWorld(t: TestApp, clock: ManualClock) {
  const db = t.db.kysely;
  const article = (title: string) => ({ title, category: 'Payroll', score: 0.7 });
  const c1 = await seedConversation(db, {
    userId: 'a',
    category: 'Payroll',
    sentiment: 'Neutral',
    turns: [
      {
        question: 'When is payday?',
        at: T0 - DAY,
        processingTime: 0.01,
        articles: [article('Pay'), article('DD')],
      },
    ],
  });
  const c2 = await seedConversation(db, {
    userId: 'b',
    category: 'Benefits',
    sentiment: 'Negative',
    turns: [
      { question: 'Dental plan?', at: T0 - 2 * DAY, processingTime: 0.02, articles: [article('Dental')] },
      { question: 'My SSN 123-45-6789 is wrong on the form', at: T0 - 2 * DAY + HOUR, processingTime: 0.03 },
    ],
  });
  const c3 = await seedConversation(db, {
    userId: 'c',
    category: 'Policy',
    sentiment: 'Angry',
    status: 'Resolved',
    reason: 'angry employee',
    escalatedAt: T0 - 3 * DAY,
    resolvedAt: T0 - 3 * DAY + 2 * HOUR,
    resolvedBy: 'Dana',
    turns: [
      {
        question: 'This is outrageous',
        at: T0 - 3 * DAY,
        processingTime: 0.04,
        articles: [article('Conduct')],
      },
    ],
  });
  await seedConversation(db, {
    userId: 'd',
    category: 'Policy',
    sentiment: 'Negative',
    reason: 'harassment reported',
    escalatedAt: T0 - DAY,
    turns: [{ question: 'My manager keeps yelling at me', at: T0 - DAY, processingTime: 0.05 }],
  });
  await seedConversation(db, {
    userId: 'e',
    category: 'Payroll',
    sentiment: 'Angry',
    status: 'Resolved',
    reason: 'angry employee',
    escalatedAt: T0 - 4 * DAY,
    resolvedAt: T0 - 4 * DAY + 4 * HOUR,
    resolvedBy: 'Lee',
    turns: [
      { question: 'Where is my money', at: T0 - 4 * DAY, processingTime: 0.06, articles: [article('Pay')] },
    ],
  });
  await seedConversation(db, {
    userId: 'f',
    category: 'General',
    sentiment: 'Positive',
    status: 'Resolved',
    reason: 'asked for a person',
    escalatedAt: T0 - 5 * DAY,
    resolvedAt: T0 - 5 * DAY + 30 * MIN,
    resolvedBy: 'Lee',
    turns: [
      {
        question: 'Can I talk to someone?',
        at: T0 - 5 * DAY,
        processingTime: 0.07,
        articles: [article('HR')],
      },
    ],
  });
  const old = await seedConversation(db, {
    userId: 'g',
    category: 'Payroll',
    sentiment: 'Angry',
    status: 'Resolved',
    reason: 'angry employee',
    escalatedAt: T0 - 10 * DAY,
    resolvedAt: T0 - 10 * DAY + HOUR,
    resolvedBy: 'Lee',
    turns: [{ question: 'Old complaint', at: T0 - 10 * DAY, processingTime: 1 }],
  });

  const rate = async (at: number, conversationId: string, userId: string, rating: number) => {
    clock.set(at);
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/feedback',
      payload: { conversation_id: conversationId, user_id: userId, rating },
    });
    expect(res.statusCode).toBe(201);
  };
  await rate(T0 - DAY + 10 * MIN, c1, 'a', 5);
  await rate(T0 - 2 * DAY + 90 * MIN, c2, 'b', 2);
  await rate(T0 - 2 * DAY + 2 * HOUR, c2, 'b', 4); // replaces the 2
  await rate(T0 - 3 * DAY + 3 * HOUR, c3, 'c', 3);
  await rate(T0 - 9 * DAY, old, 'g', 1);
  clock.set(T0);

  const delivery = (status: DeliveryStatus, at: number) => ({
    id: randomUUID(),
    webhook_id: randomUUID(),
    event_id: `evt_${randomUUID()}`,
    event_type: 'query.created',
    payload: '{}',
    status,
    attempt_count: 1,
    round_attempt: 1,
    next_attempt_at: at,
    lease_owner: null,
    lease_until: null,
    status_code: status === 'success' ? 200 : null,
    response_body: null,
    error_message: null,
    created_at: at - MIN,
    updated_at: at,
    delivered_at: status === 'success' ? at : null,
  });
  await db
    .insertInto('webhook_deliveries')
    .values([
      delivery('success', T0 - DAY - 2 * HOUR),
      delivery('success', T0 - DAY - HOUR),
      delivery('failed', T0 - 2 * DAY),
      delivery('pending', T0),
    ])
    .execute();
}

describeEachDatabase('analytics', (kind) => {
  let t: TestApp;
  const clock = new ManualClock(T0);
  const get = (url: string) => t.app.inject({ method: 'GET', url, headers: adminHeaders });

  beforeAll(async () => {
    t = await createTestApp(kind, {}, { clock });
  });
  afterAll(async () => t.close());

  describe('on an empty database', () => {
    it('answers zeros and nulls, never NaN', async () => {
      const res = await get('/api/v1/analytics/summary');
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({
        days: 7,
        total_queries: 0,
        escalated_queries: 0,
        total_conversations: 0,
        avg_response_time: null,
        escalation_rate: 0,
        resolution_rate: 0,
        avg_rating: null,
        rating_count: 0,
        category_distribution: {},
        sentiment_distribution: {},
        top_escalation_reasons: [],
        median_time_to_resolution_seconds: null,
        unanswered_count: 0,
        unanswered_questions: [],
      });
    });
  });

  describe('on a seeded data set', () => {
    beforeAll(async () => seedWorld(t, clock));

    it('computes the summary figures', async () => {
      const summary = (await get('/api/v1/analytics/summary?days=7')).json();
      expect(summary).toMatchObject({
        days: 7,
        total_queries: 7, // c1 1 + c2 2 + c3..c6 1 each
        escalated_queries: 4, // c3, c4, c5, c6
        total_conversations: 6,
        escalation_rate: 0.5714, // 4 / 7
        resolution_rate: 0.8333, // all but the open c4: 5 / 6
        avg_rating: 4, // (5 + 4 + 3) / 3, c2's 2 replaced by 4, the old 1 outside the period
        rating_count: 3,
        category_distribution: { Payroll: 2, Benefits: 2, Policy: 2, General: 1 },
        sentiment_distribution: { Neutral: 1, Negative: 3, Angry: 2, Positive: 1 },
        top_escalation_reasons: [
          { reason: 'angry employee', count: 2 },
          { reason: 'asked for a person', count: 1 },
          { reason: 'harassment reported', count: 1 },
        ],
        resolved_escalations: 3,
        median_time_to_resolution_seconds: 7200, // of 1800, 7200, 14400
        unanswered_count: 2,
      });
      expect(summary.avg_response_time).toBeCloseTo(0.04, 6); // 0.28 / 7
      // Newest first, with the SSN masked.
      expect(summary.unanswered_questions).toEqual([
        expect.objectContaining({ question: 'My manager keeps yelling at me', category: 'Policy' }),
        expect.objectContaining({
          question: 'My SSN ***-**-6789 is wrong on the form',
          category: 'Benefits',
          timestamp: new Date(T0 - 2 * DAY + HOUR).toISOString(),
        }),
      ]);
    });

    it('takes the median of an even count as the mean of the two middle values', async () => {
      const summary = (await get('/api/v1/analytics/summary?days=30')).json();
      expect(summary.total_queries).toBe(8);
      expect(summary.resolved_escalations).toBe(4);
      expect(summary.median_time_to_resolution_seconds).toBe(5400); // (3600 + 7200) / 2
      expect(summary.avg_rating).toBe(3.25); // (5 + 4 + 3 + 1) / 4
    });

    it('builds a daily series with every day present', async () => {
      const series = (await get('/api/v1/analytics/timeseries?days=7&bucket=day')).json();
      expect(series.buckets.map((b: { start: string }) => b.start)).toEqual(
        [
          '2026-05-26',
          '2026-05-27',
          '2026-05-28',
          '2026-05-29',
          '2026-05-30',
          '2026-05-31',
          '2026-06-01',
        ].map(day),
      );
      const by = (date: string) => series.buckets.find((b: { start: string }) => b.start === day(date));
      expect(by('2026-05-26')).toEqual({
        start: day('2026-05-26'),
        queries: 0,
        escalations: 0,
        avg_rating: null,
        rating_count: 0,
        avg_processing_time: null,
        deliveries_succeeded: 0,
        deliveries_failed: 0,
        by_category: {},
      });
      expect(by('2026-05-27')).toMatchObject({ queries: 1, escalations: 1, by_category: { General: 1 } });
      expect(by('2026-05-29')).toMatchObject({ queries: 1, escalations: 1, avg_rating: 3 });
      expect(by('2026-05-30')).toMatchObject({
        queries: 2,
        escalations: 0,
        avg_rating: 4,
        deliveries_failed: 1,
        by_category: { Benefits: 2 },
      });
      expect(by('2026-05-31')).toMatchObject({
        queries: 2,
        escalations: 1,
        avg_rating: 5,
        deliveries_succeeded: 2,
        deliveries_failed: 0,
        by_category: { Payroll: 1, Policy: 1 },
      });
      expect(by('2026-05-31').avg_processing_time).toBeCloseTo(0.03, 6);
      expect(by('2026-06-01')).toMatchObject({ queries: 0, deliveries_succeeded: 0 });
      const total = series.buckets.reduce((n: number, b: { queries: number }) => n + b.queries, 0);
      expect(total).toBe(7);
    });

    it('builds an hourly series, zero-filled where nothing happened', async () => {
      const quiet = (await get('/api/v1/analytics/timeseries?days=1&bucket=hour')).json();
      expect(quiet.buckets).toHaveLength(24);
      expect(quiet.buckets[0].start).toBe('2026-05-31T13:00:00.000Z');
      expect(quiet.buckets[23].start).toBe('2026-06-01T12:00:00.000Z');
      expect(quiet.buckets.every((b: { queries: number; avg_rating: null }) => b.queries === 0)).toBe(true);

      const two = (await get('/api/v1/analytics/timeseries?days=2&bucket=hour')).json();
      expect(two.buckets).toHaveLength(48);
      expect(two.buckets[0]).toMatchObject({ start: '2026-05-30T13:00:00.000Z', queries: 1 });
      expect(two.buckets[1]).toMatchObject({ start: '2026-05-30T14:00:00.000Z', queries: 0, avg_rating: 4 });
      expect(two.buckets[23]).toMatchObject({ start: '2026-05-31T12:00:00.000Z', queries: 2, avg_rating: 5 });
    });
  });

  it('rejects malformed parameters with the common error shape', async () => {
    for (const url of [
      '/api/v1/analytics/summary?days=0',
      '/api/v1/analytics/summary?days=366',
      '/api/v1/analytics/summary?days=abc',
      '/api/v1/analytics/summary?days=1.5',
      '/api/v1/analytics/summary?period=7',
      '/api/v1/analytics/timeseries?bucket=week',
      '/api/v1/analytics/timeseries?days=-3',
      '/api/v1/analytics/timeseries?days=32&bucket=hour',
    ]) {
      const res = await get(url);
      expect(res.statusCode, url).toBe(422);
      expect(res.json().error.code, url).toBe('VALIDATION_ERROR');
      expect(res.json().error.request_id, url).toBeTruthy();
    }
  });

  it('requires the admin key', async () => {
    for (const url of ['/api/v1/analytics/summary', '/api/v1/analytics/timeseries']) {
      const res = await t.app.inject({ method: 'GET', url });
      expect(res.statusCode).toBe(401);
    }
  });
});
