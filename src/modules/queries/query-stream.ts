import type { AnswerStreamHooks, PipelineResult } from '../agents/types.js';
import { confidentialKind } from '../handoff/confidential.js';

/** What a streaming client learns before the answer: the pipeline's verdict on the question. */
export interface QueryStreamMeta {
  conversation_id: string;
  category: string;
  sentiment: string;
  priority: number;
  escalated: boolean;
  escalation_reason: string | null;
  attempt_count: number;
}

/** Hooks of a streamed ask (POST /api/v1/query/stream). */
export interface AskStreamHooks {
  onMeta(meta: QueryStreamMeta): void;
  onToken(text: string): void;
}

/** Adapts the HTTP-facing hooks to the orchestrator's, adding the conversation id the pipeline doesn't own. */
export function pipelineStream(conversationId: string, hooks: AskStreamHooks): AnswerStreamHooks {
  return {
    onAnswerStart: (state) =>
      hooks.onMeta({
        conversation_id: conversationId,
        category: state.category,
        sentiment: state.sentiment,
        priority: state.priority,
        escalated: state.escalated,
        // The employee's own view of a confidential case carries no internal reason text.
        escalation_reason: confidentialKind(state) === null ? state.escalationReason : null,
        attempt_count: state.attemptCount,
      }),
    onToken: (text) => hooks.onToken(text),
  };
}

export interface LlmMetadata {
  llm_latency_ms?: number;
  tokens?: { prompt_tokens: number; completion_tokens: number };
}

/** The response metadata about the LLM call; empty when none was made, so local-only replies don't change. */
export function llmMetadata(result: PipelineResult): LlmMetadata {
  if (!result.llm) return {};
  const metadata: LlmMetadata = {};
  if (result.llm.latencyMs !== undefined) metadata.llm_latency_ms = result.llm.latencyMs;
  if (result.llm.tokens) metadata.tokens = result.llm.tokens;
  return metadata;
}
