import { Counter, Gauge, Histogram, register } from 'prom-client';

/** Why a provider call did not produce an answer; 'success' when it did. */
export type LlmOutcome =
  | 'success'
  | 'timeout'
  | 'http_error'
  | 'connection_error'
  | 'malformed'
  | 'circuit_open';

export type LlmCallKind = 'answer' | 'classify';

// Tests build many apps in one process and the default registry is global, so reuse what is already there.
function once<T>(name: string, create: () => T): T {
  return (register.getSingleMetric(name) as T | undefined) ?? create();
}

const calls = once(
  'hr_llm_requests_total',
  () =>
    new Counter({
      name: 'hr_llm_requests_total',
      help: 'Calls to the LLM provider by purpose and outcome (anything but success fell back to the local engine)',
      labelNames: ['kind', 'outcome'] as const,
    }),
);

const tokens = once(
  'hr_llm_tokens_total',
  () =>
    new Counter({
      name: 'hr_llm_tokens_total',
      help: 'Tokens reported by the LLM provider, by purpose and type (prompt or completion)',
      labelNames: ['kind', 'type'] as const,
    }),
);

const latency = once(
  'hr_llm_request_duration_seconds',
  () =>
    new Histogram({
      name: 'hr_llm_request_duration_seconds',
      help: 'Time spent waiting for the LLM provider, by purpose and outcome',
      labelNames: ['kind', 'outcome'] as const,
      buckets: [0.1, 0.25, 0.5, 1, 2, 4, 8, 15, 30, 60],
    }),
);

const circuit = once(
  'hr_llm_circuit_open',
  () =>
    new Gauge({
      name: 'hr_llm_circuit_open',
      help: '1 while the LLM circuit breaker is open or probing (answers come from the local engine), else 0',
    }),
);

export interface LlmCallRecord {
  kind: LlmCallKind;
  outcome: LlmOutcome;
  latencyMs: number;
  usage?: { prompt_tokens: number; completion_tokens: number } | undefined;
}

export function recordLlmCall(record: LlmCallRecord): void {
  calls.inc({ kind: record.kind, outcome: record.outcome });
  if (record.outcome !== 'circuit_open') {
    latency.observe({ kind: record.kind, outcome: record.outcome }, record.latencyMs / 1000);
  }
  if (record.usage) {
    tokens.inc({ kind: record.kind, type: 'prompt' }, record.usage.prompt_tokens);
    tokens.inc({ kind: record.kind, type: 'completion' }, record.usage.completion_tokens);
  }
}

export function recordCircuitOpen(open: boolean): void {
  circuit.set(open ? 1 : 0);
}
