import type { AppContext } from '../../context.js';
import type { AnswerGenerator } from '../agents/types.js';
import { CategoryTieBreaker } from './category-tie-breaker.js';
import { CircuitBreaker } from './circuit-breaker.js';
import { LlmAnswerGenerator } from './llm-answer-generator.js';
import { type ChatClient, OpenAiChatClient } from './llm-client.js';
import { recordCircuitOpen } from './llm-metrics.js';
import { LlmProvider } from './llm-provider.js';

/** Consecutive failures before the provider is left alone, and for how long. */
export const BREAKER_FAILURE_THRESHOLD = 5;
export const BREAKER_COOLDOWN_MS = 30_000;

// One provider (and so one circuit breaker) per app, shared by answering and tie-breaking.
const providers = new WeakMap<AppContext, LlmProvider>();

export function createLlmProvider(ctx: AppContext, client?: ChatClient): LlmProvider | undefined {
  const { baseUrl, model, apiKey, timeoutMs } = ctx.config.llm;
  if (baseUrl === undefined || model === undefined) return undefined;
  const existing = providers.get(ctx);
  if (existing && client === undefined) return existing;
  const provider = new LlmProvider({
    client: client ?? new OpenAiChatClient({ baseUrl, apiKey, model, timeoutMs }),
    timeoutMs,
    breaker: new CircuitBreaker({
      failureThreshold: BREAKER_FAILURE_THRESHOLD,
      cooldownMs: BREAKER_COOLDOWN_MS,
      clock: ctx.clock,
      onStateChange: (state) => {
        recordCircuitOpen(state !== 'closed');
        ctx.log.warn({ llm_circuit: state }, `LLM circuit breaker ${state}`);
      },
    }),
    onFailure: (kind, outcome, message) =>
      ctx.log.warn({ llm_call: kind, outcome }, `LLM call failed, local engine used: ${message}`),
  });
  if (client === undefined) providers.set(ctx, provider);
  return provider;
}

/** The answer generator for the orchestrator: undefined (local engine only) unless LLM_BASE_URL is set. */
export function createAnswerGenerator(ctx: AppContext): AnswerGenerator | undefined {
  const provider = createLlmProvider(ctx);
  return provider ? new LlmAnswerGenerator(provider) : undefined;
}

/** The LLM_CLASSIFY tie-breaker: undefined unless a provider is configured and LLM_CLASSIFY=true. */
export function createCategoryTieBreaker(ctx: AppContext): CategoryTieBreaker | undefined {
  if (!ctx.config.llm.classify) return undefined;
  const provider = createLlmProvider(ctx);
  return provider ? new CategoryTieBreaker(provider) : undefined;
}
