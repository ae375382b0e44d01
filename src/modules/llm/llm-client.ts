import { createRequire } from 'node:module';
import type OpenAI from 'openai';

type OpenAiSdk = typeof import('openai');
let loadedSdk: OpenAiSdk | undefined;
/**
 * The OpenAI SDK, loaded when the first client is built: most deployments answer without a language model, and
 * the SDK was several megabytes of code loaded at every start. Only this file touches it, so its error classes
 * below come from the same copy.
 */
const sdk = (): OpenAiSdk => {
  loadedSdk ??= createRequire(import.meta.url)('openai') as OpenAiSdk;
  return loadedSdk;
};

import type { LlmOutcome } from './llm-metrics.js';

export interface ChatMessage {
  role: 'system' | 'user' | 'assistant';
  content: string;
}

export interface TokenUsage {
  prompt_tokens: number;
  completion_tokens: number;
}

export interface ChatCompletion {
  text: string;
  usage: TokenUsage | undefined;
}

export interface ChatRequestOptions {
  /** Aborts the call (the caller's overall deadline). */
  signal: AbortSignal;
  /** When given, the completion is streamed and each text delta is passed here as it arrives. */
  onToken?: ((chunk: string) => void) | undefined;
}

/** The one thing the rest of the module needs from a provider; the OpenAI client is the real one. */
export interface ChatClient {
  complete(messages: ChatMessage[], options: ChatRequestOptions): Promise<ChatCompletion>;
}

export type LlmFailure = Exclude<LlmOutcome, 'success' | 'circuit_open'>;

export class LlmCallError extends Error {
  constructor(
    readonly outcome: LlmFailure,
    message: string,
  ) {
    super(message);
    this.name = 'LlmCallError';
  }
}

export interface OpenAiChatClientOptions {
  baseUrl: string;
  apiKey: string | undefined;
  model: string;
  timeoutMs: number;
}

/** Any OpenAI-compatible chat-completions server (OpenAI, Groq, Azure OpenAI v1, Ollama, vLLM, llama.cpp). */
export class OpenAiChatClient implements ChatClient {
  private readonly client: OpenAI;

  constructor(private readonly options: OpenAiChatClientOptions) {
    this.client = new (sdk().OpenAI)({
      baseURL: options.baseUrl,
      // Local servers (Ollama, llama.cpp) ignore the key, but the SDK refuses to start without one.
      apiKey: options.apiKey ?? 'not-needed',
      timeout: options.timeoutMs,
      // A retry would blow the answer's time budget; the local engine is the retry.
      maxRetries: 0,
      // Failures are reported by LlmProvider without echoing provider output (which may quote the prompt).
      logLevel: 'off',
    });
  }

  async complete(messages: ChatMessage[], options: ChatRequestOptions): Promise<ChatCompletion> {
    try {
      return options.onToken
        ? await this.streamed(messages, options.signal, options.onToken)
        : await this.whole(messages, options.signal);
    } catch (error) {
      throw classify(error, options.signal);
    }
  }

  private async whole(messages: ChatMessage[], signal: AbortSignal): Promise<ChatCompletion> {
    const response: unknown = await this.client.chat.completions.create(
      { model: this.options.model, messages },
      { signal },
    );
    const text = messageText(response);
    if (text === undefined) throw new LlmCallError('malformed', 'the provider returned no answer text');
    return { text, usage: usageOf(response) };
  }

  private async streamed(
    messages: ChatMessage[],
    signal: AbortSignal,
    onToken: (chunk: string) => void,
  ): Promise<ChatCompletion> {
    const stream = await this.client.chat.completions.create(
      { model: this.options.model, messages, stream: true, stream_options: { include_usage: true } },
      { signal },
    );
    let text = '';
    let usage: TokenUsage | undefined;
    for await (const chunk of stream as AsyncIterable<unknown>) {
      const delta = deltaText(chunk);
      if (delta) {
        text += delta;
        onToken(delta);
      }
      usage = usageOf(chunk) ?? usage;
    }
    if (text.trim() === '') throw new LlmCallError('malformed', 'the provider streamed no answer text');
    return { text, usage };
  }
}

function record(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : undefined;
}

function firstChoice(value: unknown): Record<string, unknown> | undefined {
  const choices = record(value)?.choices;
  return Array.isArray(choices) ? record(choices[0]) : undefined;
}

// Providers are outside our control: read their JSON defensively instead of trusting the SDK's types.
function messageText(response: unknown): string | undefined {
  const content = record(firstChoice(response)?.message)?.content;
  return typeof content === 'string' && content.trim() !== '' ? content : undefined;
}

function deltaText(chunk: unknown): string | undefined {
  const content = record(firstChoice(chunk)?.delta)?.content;
  return typeof content === 'string' ? content : undefined;
}

function usageOf(value: unknown): TokenUsage | undefined {
  const usage = record(record(value)?.usage);
  const prompt = usage?.prompt_tokens;
  const completion = usage?.completion_tokens;
  if (typeof prompt !== 'number' || typeof completion !== 'number') return undefined;
  return { prompt_tokens: prompt, completion_tokens: completion };
}

function classify(error: unknown, signal: AbortSignal): LlmCallError {
  if (error instanceof LlmCallError) return error;
  const { APIConnectionError, APIConnectionTimeoutError, APIError, APIUserAbortError } = sdk();
  if (signal.aborted || error instanceof APIConnectionTimeoutError || error instanceof APIUserAbortError) {
    return new LlmCallError('timeout', 'the provider did not answer in time');
  }
  if (error instanceof APIError && error.status !== undefined) {
    return new LlmCallError('http_error', `the provider answered HTTP ${error.status}`);
  }
  if (error instanceof APIConnectionError) {
    return new LlmCallError('connection_error', 'the provider could not be reached');
  }
  // Unparseable SSE data or JSON lands here; only the error's name is kept, as its message may quote the output.
  const name = error instanceof Error ? error.name : typeof error;
  return new LlmCallError('malformed', `unusable provider response (${name})`);
}
