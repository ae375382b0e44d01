import type { CircuitBreaker } from './circuit-breaker.js';
import { type ChatClient, type ChatMessage, LlmCallError, type TokenUsage } from './llm-client.js';
import { type LlmCallKind, type LlmOutcome, recordLlmCall } from './llm-metrics.js';

export type LlmCallResult =
  | { ok: true; text: string; usage: TokenUsage | undefined; latencyMs: number }
  | { ok: false; outcome: Exclude<LlmOutcome, 'success'>; latencyMs: number };

export interface LlmProviderOptions {
  client: ChatClient;
  breaker: CircuitBreaker;
  /** The whole call's budget, streaming included; past it the caller gets a failure, not a wait. */
  timeoutMs: number;
  /** Told about every failure (for logs); never about message content. */
  onFailure?: (kind: LlmCallKind, outcome: LlmOutcome, message: string) => void;
}

/**
 * One provider call with everything that makes it safe to put in a request path: the circuit breaker, a hard
 * deadline, metrics, and a result instead of an exception, so callers only decide what to fall back to.
 */
export class LlmProvider {
  constructor(private readonly options: LlmProviderOptions) {}

  get breaker(): CircuitBreaker {
    return this.options.breaker;
  }

  async call(
    kind: LlmCallKind,
    buildMessages: () => ChatMessage[],
    onToken?: (chunk: string) => void,
  ): Promise<LlmCallResult> {
    const { breaker, client, timeoutMs } = this.options;
    if (!breaker.tryAcquire()) {
      recordLlmCall({ kind, outcome: 'circuit_open', latencyMs: 0 });
      return { ok: false, outcome: 'circuit_open', latencyMs: 0 };
    }
    const started = performance.now();
    const controller = new AbortController();
    let timer: NodeJS.Timeout | undefined;
    // Tokens that arrive after the deadline belong to an answer nobody will use.
    let open = true;
    const forward = onToken
      ? (chunk: string) => {
          if (open) onToken(chunk);
        }
      : undefined;
    try {
      // Racing the deadline as well as aborting makes the budget hold even if a transport ignores the signal.
      const deadline = new Promise<never>((_, reject) => {
        timer = setTimeout(() => {
          controller.abort();
          reject(new LlmCallError('timeout', `no answer within ${timeoutMs} ms`));
        }, timeoutMs);
      });
      const completion = await Promise.race([
        client.complete(buildMessages(), { signal: controller.signal, onToken: forward }),
        deadline,
      ]);
      const latencyMs = Math.round(performance.now() - started);
      breaker.recordSuccess();
      recordLlmCall({ kind, outcome: 'success', latencyMs, usage: completion.usage });
      return { ok: true, text: completion.text.trim(), usage: completion.usage, latencyMs };
    } catch (error) {
      const latencyMs = Math.round(performance.now() - started);
      const outcome = error instanceof LlmCallError ? error.outcome : 'malformed';
      breaker.recordFailure();
      recordLlmCall({ kind, outcome, latencyMs });
      this.options.onFailure?.(kind, outcome, error instanceof Error ? error.message : String(error));
      return { ok: false, outcome, latencyMs };
    } finally {
      open = false;
      clearTimeout(timer);
      controller.abort();
    }
  }
}
