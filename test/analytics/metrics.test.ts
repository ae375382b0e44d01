import { afterAll, beforeAll, expect, it } from 'vitest';
import { recordDeliveryAttempt, recordQuery } from '../../src/modules/analytics/metrics.js';
import { adminHeaders, createTestApp, type TestApp } from '../helpers/app.js';
import { describeEachDatabase } from '../helpers/databases.js';

describeEachDatabase('GET /metrics', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(kind);
  });
  afterAll(async () => t.close());

  it('exposes request, query, escalation, delivery and queue metrics in Prometheus text format', async () => {
    await t.app.inject({ method: 'GET', url: '/api/v1/escalations', headers: adminHeaders });
    await t.app.inject({
      method: 'POST',
      url: '/api/v1/conversations/00000000-0000-4000-8000-000000000000/assign',
      headers: adminHeaders,
      payload: { agent: 'Dana' },
    });
    recordQuery({ category: 'Payroll', sentiment: 'Angry', escalated: true });
    recordDeliveryAttempt('success', 12);

    const res = await t.app.inject({ method: 'GET', url: '/metrics' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = res.body;
    for (const name of [
      'hr_http_requests_total',
      'hr_http_request_duration_seconds_bucket',
      'hr_queries_total',
      'hr_escalations_total',
      'hr_resolutions_total',
      'hr_feedback_total',
      'hr_webhook_delivery_attempts_total',
      'hr_webhook_delivery_duration_seconds_bucket',
      'hr_webhook_queue_depth',
      'process_cpu_user_seconds_total',
    ]) {
      expect(text, name).toContain(name);
    }
    // Routes are labelled by pattern, never by the raw URL with its ids.
    expect(text).toContain('route="/api/v1/conversations/:id/assign"');
    expect(text).toMatch(
      /hr_http_requests_total\{method="POST",route="\/api\/v1\/conversations\/:id\/assign",status_code="404"\} \d+/,
    );
    expect(text).not.toContain('00000000-0000-4000-8000-000000000000');
    expect(text).toMatch(/hr_queries_total\{category="Payroll",sentiment="Angry"\} \d+/);
    expect(text).toMatch(/hr_webhook_delivery_attempts_total\{outcome="success"\} \d+/);
  });

  it('reads the queue depth from the database on each scrape', async () => {
    const now = Date.now();
    await t.db.kysely
      .insertInto('webhook_deliveries')
      .values(
        [1, 2, 3].map((i) => ({
          id: `00000000-0000-4000-8000-00000000000${i}`,
          webhook_id: '00000000-0000-4000-8000-0000000000aa',
          event_id: `evt_${i}`,
          event_type: 'query.created',
          payload: '{}',
          status: i === 3 ? ('success' as const) : ('pending' as const),
          attempt_count: 0,
          round_attempt: 0,
          next_attempt_at: now,
          lease_owner: null,
          lease_until: null,
          status_code: null,
          response_body: null,
          error_message: null,
          created_at: now,
          updated_at: now,
          delivered_at: null,
        })),
      )
      .execute();
    const text = (await t.app.inject({ method: 'GET', url: '/metrics' })).body;
    expect(text).toMatch(/^hr_webhook_queue_depth 2$/m);
  });
});
