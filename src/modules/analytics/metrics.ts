import { Counter, collectDefaultMetrics, Gauge, Histogram, register } from 'prom-client';

/**
 * Every Prometheus metric of the platform except the LLM ones (llm-metrics.ts). prom-client's default registry
 * is process-global and tests build many apps in one process, so metrics are defined once here, at module
 * level, and each app only registers the route that exposes them.
 */

function once<T>(name: string, create: () => T): T {
  return (register.getSingleMetric(name) as T | undefined) ?? create();
}

if (!register.getSingleMetric('process_cpu_user_seconds_total')) collectDefaultMetrics();

const httpRequests = once(
  'hr_http_requests_total',
  () =>
    new Counter({
      name: 'hr_http_requests_total',
      help: 'HTTP requests by method, route pattern and status code',
      labelNames: ['method', 'route', 'status_code'] as const,
    }),
);

const httpDuration = once(
  'hr_http_request_duration_seconds',
  () =>
    new Histogram({
      name: 'hr_http_request_duration_seconds',
      help: 'HTTP request latency by method, route pattern and status code',
      labelNames: ['method', 'route', 'status_code'] as const,
      buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    }),
);

const queries = once(
  'hr_queries_total',
  () =>
    new Counter({
      name: 'hr_queries_total',
      help: 'Questions answered, by category and sentiment',
      labelNames: ['category', 'sentiment'] as const,
    }),
);

const escalations = once(
  'hr_escalations_total',
  () =>
    new Counter({
      name: 'hr_escalations_total',
      help: 'Questions handed to a person, by category',
      labelNames: ['category'] as const,
    }),
);

const resolutions = once(
  'hr_resolutions_total',
  () =>
    new Counter({
      name: 'hr_resolutions_total',
      help: 'Conversations resolved, by who closed them (agent = HR, employee = self-resolved)',
      labelNames: ['resolved_by'] as const,
    }),
);

const feedback = once(
  'hr_feedback_total',
  () =>
    new Counter({
      name: 'hr_feedback_total',
      help: 'Employee ratings received, by rating (1..5)',
      labelNames: ['rating'] as const,
    }),
);

const deliveryAttempts = once(
  'hr_webhook_delivery_attempts_total',
  () =>
    new Counter({
      name: 'hr_webhook_delivery_attempts_total',
      help: 'Webhook delivery attempts by outcome (success, retry = failed and will retry, failed = gave up)',
      labelNames: ['outcome'] as const,
    }),
);

const deliveryDuration = once(
  'hr_webhook_delivery_duration_seconds',
  () =>
    new Histogram({
      name: 'hr_webhook_delivery_duration_seconds',
      help: 'Time from sending a webhook request to its response or error, by outcome',
      labelNames: ['outcome'] as const,
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
    }),
);

/** Set from the database on every scrape (see metrics.routes.ts), so it is right whichever process delivers. */
export const webhookQueueDepth = once(
  'hr_webhook_queue_depth',
  () =>
    new Gauge({
      name: 'hr_webhook_queue_depth',
      help: 'Webhook deliveries waiting to be sent (pending, including those waiting for a retry)',
    }),
);

export function recordHttpRequest(method: string, route: string, statusCode: number, seconds: number): void {
  const labels = { method, route, status_code: String(statusCode) };
  httpRequests.inc(labels);
  httpDuration.observe(labels, seconds);
}

/** Called by the query service after its transaction commits. */
export function recordQuery(answer: { category: string; sentiment: string; escalated: boolean }): void {
  queries.inc({ category: answer.category, sentiment: answer.sentiment });
  if (answer.escalated) escalations.inc({ category: answer.category });
}

/** Called by the delivery worker after each attempt. */
export function recordDeliveryAttempt(outcome: 'success' | 'retry' | 'failed', durationMs: number): void {
  deliveryAttempts.inc({ outcome });
  deliveryDuration.observe({ outcome }, durationMs / 1000);
}

export function recordResolution(by: 'agent' | 'employee'): void {
  resolutions.inc({ resolved_by: by });
}

export function recordFeedback(rating: number): void {
  feedback.inc({ rating: String(rating) });
}

export const metricsRegistry = register;
