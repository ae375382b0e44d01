import type { AnalyzedText } from '../nlp/types.js';

export type { AnalyzedText, Language } from '../nlp/types.js';

export type Category =
  | 'Recruitment'
  | 'Payroll'
  | 'Benefits'
  | 'Policy'
  | 'LeaveManagement'
  | 'Performance'
  | 'General';

export const CATEGORIES: readonly Category[] = [
  'Recruitment',
  'Payroll',
  'Benefits',
  'Policy',
  'LeaveManagement',
  'Performance',
  'General',
];

export type Sentiment = 'Positive' | 'Neutral' | 'Negative' | 'Angry';

export const SENTIMENTS: readonly Sentiment[] = ['Positive', 'Neutral', 'Negative', 'Angry'];

export interface KbArticle {
  id: string;
  title: string;
  content: string;
  category: Category;
  tags: string[];
  /** The stored version (knowledge base), so an answer can name the exact wording it quoted. */
  version?: number;
}

export interface KbHit {
  id: string;
  title: string;
  content: string;
  category: Category;
  score: number;
  version?: number;
  /** What the relevance decision saw: the share of the question's information the article covers, the matcher's probability. */
  evidence?: { coverage: number; asked: number; matched: number; similar: number };
}

export interface PipelineInput {
  message: string;
  conversationId: string; // used as the case reference in escalation answers
  history: { role: 'user' | 'assistant' | 'agent'; content: string }[]; // earlier turns, oldest first
  previousQuestions: string[]; // this employee's earlier questions (newest first, across conversations)
  isVip: boolean;
  /** Streaming callers (POST /api/v1/query/stream): told when answering starts, then given generated text. */
  stream?: AnswerStreamHooks;
}

export interface AnswerStreamHooks {
  /** Called once category, sentiment, priority and escalation are settled, before the answer is written. */
  onAnswerStart(state: Readonly<PipelineState>): void;
  /** Answer text as a streaming provider writes it (the local engine sends nothing here). */
  onToken(chunk: string): void;
}

/** What the optional LLM reported for one answer: provider latency and token counts when it was called. */
export interface LlmUsage {
  latencyMs?: number;
  tokens?: { prompt_tokens: number; completion_tokens: number };
}

/** What an answer rests on (metadata.answer): its outcome and the articles it quotes. */
export type AnswerStatus = 'answered' | 'not_covered' | 'out_of_scope' | 'escalated';

export interface AnswerSummary {
  status: AnswerStatus;
  /** The articles the response quotes, best first, with the version quoted; empty unless `answered`. */
  articles: { id: string; title: string; version?: number }[];
}

export interface PipelineResult {
  category: Category;
  categoryConfidence: number;
  sentiment: Sentiment;
  priority: number; // 1..10
  attemptCount: number; // 1 + earlier questions that are essentially the same
  kbResults: KbHit[]; // top 3 with scores
  /** How many of kbResults are relevant enough to answer from; 0 marks a knowledge gap. */
  relevantCount: number;
  escalated: boolean;
  escalationReason: string | null;
  /** Why a person must take over (null when not escalated); sets the priority floor. */
  escalationKind: EscalationKind | null;
  /** The message is not about work or HR (answered with what the assistant can help with, no article). */
  outOfScope: boolean;
  response: string;
  answer: AnswerSummary;
  engine: 'local' | 'llm';
  /** Present when an LLM provider was consulted for this answer (also when it failed and local was used). */
  llm?: LlmUsage;
  trace: { agent: string; duration_ms: number }[];
}

/** Optional plug-in (the LLM issue); the local responders are the default and the fallback. */
export interface AnswerGenerator {
  generate(request: {
    message: string;
    category: Category;
    articles: KbHit[];
    history: PipelineInput['history'];
    localAnswer: string;
    /** Receives the answer text as it is generated, when the caller streams. */
    stream?: (chunk: string) => void;
  }): Promise<{
    text: string;
    engine: 'local' | 'llm';
    latency_ms?: number;
    usage?: { prompt_tokens: number; completion_tokens: number };
  }>;
}

/** What the text-analysis step extracts once so every later agent reuses it. */

/** The shared state every agent reads from and writes to, in orchestrator order. */
export interface PipelineState {
  readonly input: PipelineInput;
  text: AnalyzedText;
  /** The previous user turn's analysis, when there is one (follow-up questions lean on it). */
  previousUserText: AnalyzedText | null;
  category: Category;
  categoryConfidence: number;
  sentiment: Sentiment;
  priority: number;
  attemptCount: number;
  kbResults: KbHit[];
  relevantHits: KbHit[];
  /** The stems retrieval searched for (the message's, a short follow-up's borrowed ones, cue hints). */
  searchStems: string[];
  /** Of those, the ones cue phrases added (not the employee's own words). */
  hintStems: string[];
  /**
   * Not about work or HR at all (set by the scope detector; cleared when the message must escalate): no article
   * is quoted.
   */
  outOfScope: boolean;
  /** The articles the response quotes (set by the responder that quotes them). */
  quoted: KbHit[];
  /** The folded message with harmless uses of alarming words removed (set by the topic detector). */
  withoutHarmlessUses: string;
  /** What a person must handle (harassment, crisis, legal…), most urgent first. */
  triggers: { kind: ConcernKind; label: string; matched: string; byRule: boolean }[];
  escalated: boolean;
  escalationReason: string | null;
  escalationKind: EscalationKind | null;
  response: string;
  engine: 'local' | 'llm';
}

/** What a message reports or asks for that a person must handle (the rule table and the concern model). */
export type ConcernKind =
  | 'crisis'
  | 'violence'
  | 'harassment'
  | 'discrimination'
  | 'retaliation'
  | 'safety'
  | 'fraud'
  | 'legal'
  | 'human_request';

/** metadata.escalation_kind: a concern, or why a case without one goes to a person. */
export type EscalationKind = ConcernKind | 'repeated' | 'angry' | 'high_priority';

/** The uniform shape of one pipeline step. */
export interface Agent {
  readonly name: string;
  run(state: PipelineState): void | Promise<void>;
}
