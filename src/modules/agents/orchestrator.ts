import { KnowledgeIndex } from '../knowledge/retrieval-index.js';
import { Categorizer } from './categorizer.js';
import { EscalationCheck } from './escalation-check.js';
import { RepeatDetector } from './repeat-detector.js';
import { EscalationResponder } from './responders/escalation.js';
import { specialistsFor } from './responders/index.js';
import { OutOfScopeResponder } from './responders/out-of-scope.js';
import { Retriever } from './retriever.js';
import { ScopeDetector } from './scope-detector.js';
import { SensitiveTopicDetector } from './sensitive-topic-detector.js';
import { SentimentAgent } from './sentiment-analyzer.js';
import { TextAnalyzer } from './text-analyzer.js';
import { type TrainedModel, trainedModelFor } from './training-data.js';
import type {
  Agent,
  AnswerGenerator,
  AnswerSummary,
  KbArticle,
  LlmUsage,
  PipelineInput,
  PipelineResult,
  PipelineState,
} from './types.js';

export interface OrchestratorDeps {
  index: KnowledgeIndex;
  answerGenerator?: AnswerGenerator;
  /** Optional second opinion on uncertain categories (LLM_CLASSIFY); runs right after the categorizer. */
  categoryTieBreaker?: Agent;
  /** Trained models; createOrchestrator() builds them from the shipped training data. */
  model?: TrainedModel;
}

/**
 * Runs the agents in a fixed order — analyze, spot sensitive topics, categorize, detect repeats, read
 * sentiment, retrieve, check escalation, respond — and records how long each one took.
 */
export class Orchestrator {
  private readonly steps: Agent[];
  /** How many of the steps decide the category: none after them changes it. */
  private readonly categorySteps: number;
  private readonly escalationResponder = new EscalationResponder();
  private readonly specialists: ReturnType<typeof specialistsFor>;
  private readonly outOfScopeResponder = new OutOfScopeResponder();
  private readonly answerGenerator?: AnswerGenerator;

  constructor(deps: OrchestratorDeps) {
    const model = deps.model ?? trainedModelFor(deps.index.articles());
    this.answerGenerator = deps.answerGenerator;
    this.specialists = specialistsFor(deps.index);
    this.steps = [
      new TextAnalyzer(model.speller),
      new ScopeDetector(model.scope),
      new SensitiveTopicDetector(model.concerns, model.speller),
      new Categorizer(model.categories, deps.index),
      ...(deps.categoryTieBreaker ? [deps.categoryTieBreaker] : []),
    ];
    this.categorySteps = this.steps.length;
    this.steps.push(
      new RepeatDetector(model.speller),
      new SentimentAgent(),
      new Retriever(deps.index, model.articles),
      new EscalationCheck(),
    );
  }

  /**
   * The category `run` would give, from only the steps that decide it (analysis, scope, concerns, categorizer):
   * an import files hundreds of sections, and retrieval, answer and escalation checks were most of that work.
   */
  async categorize(input: PipelineInput): Promise<PipelineResult['category']> {
    const state = initialState(input);
    const trace: PipelineResult['trace'] = [];
    for (const step of this.steps.slice(0, this.categorySteps)) await timed(step, state, trace);
    return state.category;
  }

  /** The agent names in the order they run (the responder is chosen per message). */
  get order(): string[] {
    return [...this.steps.map((step) => step.name), 'responder'];
  }

  async run(input: PipelineInput): Promise<PipelineResult> {
    const state = initialState(input);
    const trace: PipelineResult['trace'] = [];
    for (const step of this.steps) await timed(step, state, trace);
    input.stream?.onAnswerStart(state);
    const responder = state.escalated
      ? this.escalationResponder
      : state.outOfScope
        ? this.outOfScopeResponder
        : this.specialists[state.category];
    await timed(responder, state, trace);
    const llm =
      this.answerGenerator && !state.escalated && !state.outOfScope
        ? await this.generate(state, trace)
        : undefined;
    return {
      category: state.category,
      categoryConfidence: state.categoryConfidence,
      sentiment: state.sentiment,
      priority: state.priority,
      attemptCount: state.attemptCount,
      kbResults: state.kbResults,
      relevantCount: state.relevantHits.length,
      escalated: state.escalated,
      escalationReason: state.escalationReason,
      escalationKind: state.escalationKind,
      outOfScope: state.outOfScope,
      response: state.response,
      answer: answerSummary(state),
      engine: state.engine,
      ...(llm ? { llm } : {}),
      trace,
    };
  }

  /** The optional generator rewrites the local answer; any failure keeps the local one. */
  private async generate(
    state: PipelineState,
    trace: PipelineResult['trace'],
  ): Promise<LlmUsage | undefined> {
    const started = performance.now();
    let llm: LlmUsage | undefined;
    try {
      const generated = await this.answerGenerator!.generate({
        message: state.input.message,
        category: state.category,
        articles: state.relevantHits,
        history: state.input.history,
        localAnswer: state.response,
        stream: state.input.stream && ((chunk) => state.input.stream?.onToken(chunk)),
      });
      if (generated.latency_ms !== undefined)
        llm = { latencyMs: generated.latency_ms, tokens: generated.usage };
      if (generated.text.trim().length > 0) {
        state.response = generated.text;
        state.engine = generated.engine;
      }
    } catch {
      state.engine = 'local';
    }
    trace.push({ agent: 'answer-generator', duration_ms: round(performance.now() - started) });
    return llm;
  }
}

async function timed(agent: Agent, state: PipelineState, trace: PipelineResult['trace']): Promise<void> {
  const started = performance.now();
  const pending = agent.run(state);
  if (pending) await pending;
  trace.push({ agent: agent.name, duration_ms: round(performance.now() - started) });
}

const round = (ms: number): number => Math.round(ms * 1000) / 1000;

function initialState(input: PipelineInput): PipelineState {
  return {
    input,
    text: { language: 'en', raw: '', normalized: '', stems: [] },
    previousUserText: null,
    category: 'General',
    categoryConfidence: 0,
    sentiment: 'Neutral',
    priority: 3,
    attemptCount: 1,
    kbResults: [],
    relevantHits: [],
    searchStems: [],
    hintStems: [],
    outOfScope: false,
    quoted: [],
    withoutHarmlessUses: '',
    triggers: [],
    escalated: false,
    escalationReason: null,
    escalationKind: null,
    response: '',
    engine: 'local',
  };
}

/** The outcome the response stands for; an escalation or an out-of-scope reply quotes no article. */
function answerSummary(state: PipelineState): AnswerSummary {
  if (state.escalated) return { status: 'escalated', articles: [] };
  if (state.outOfScope) return { status: 'out_of_scope', articles: [] };
  if (state.quoted.length === 0) return { status: 'not_covered', articles: [] };
  return {
    status: 'answered',
    articles: state.quoted.map(({ id, title, version }) =>
      version === undefined ? { id, title } : { id, title, version },
    ),
  };
}

/** Builds the index over the given articles and the models trained for them (the shipped artifacts for the shipped articles). */
export function createOrchestrator(
  articles: readonly KbArticle[],
  answerGenerator?: AnswerGenerator,
): { orchestrator: Orchestrator; index: KnowledgeIndex } {
  const index = new KnowledgeIndex(articles);
  const model = trainedModelFor(articles);
  return { orchestrator: new Orchestrator({ index, answerGenerator, model }), index };
}
