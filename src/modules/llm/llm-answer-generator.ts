import type { AnswerGenerator, Category, KbHit, PipelineInput } from '../agents/types.js';
import type { TokenUsage } from './llm-client.js';
import type { LlmOutcome } from './llm-metrics.js';
import type { LlmProvider } from './llm-provider.js';
import { buildAnswerMessages } from './prompt.js';

export interface AnswerRequest {
  message: string;
  category: Category;
  articles: KbHit[];
  history: PipelineInput['history'];
  localAnswer: string;
  /** Receives answer text as the provider streams it (the SSE route); absent means one whole answer. */
  stream?: ((chunk: string) => void) | undefined;
}

export interface GeneratedAnswer {
  text: string;
  engine: 'local' | 'llm';
  /** Provider latency, present whenever the provider was called (also when that call failed). */
  latency_ms?: number;
  usage?: TokenUsage;
  /** Why the local answer was used although a provider is configured. */
  fallback_reason?: Exclude<LlmOutcome, 'success'>;
}

/**
 * Answers through the configured model, grounded on the retrieved articles. It never throws and never waits
 * past the provider timeout: any failure returns the local engine's answer, marked engine 'local'.
 */
export class LlmAnswerGenerator implements AnswerGenerator {
  constructor(private readonly provider: LlmProvider) {}

  async generate(request: AnswerRequest): Promise<GeneratedAnswer> {
    const result = await this.provider.call(
      'answer',
      () =>
        buildAnswerMessages({
          message: request.message,
          category: request.category,
          articles: request.articles,
          history: request.history,
        }),
      request.stream,
    );
    if (result.ok) {
      const answer: GeneratedAnswer = { text: result.text, engine: 'llm', latency_ms: result.latencyMs };
      if (result.usage) answer.usage = result.usage;
      return answer;
    }
    const fallback: GeneratedAnswer = {
      text: request.localAnswer,
      engine: 'local',
      fallback_reason: result.outcome,
    };
    if (result.outcome !== 'circuit_open') fallback.latency_ms = result.latencyMs;
    return fallback;
  }
}
