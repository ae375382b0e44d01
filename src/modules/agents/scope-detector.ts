import { analyzeText } from '../nlp/analyze.js';
import { maskPii } from '../security/pii.js';
import type { ScopeModel } from './scope-model.js';
import type { Agent, PipelineState } from './types.js';

/**
 * How sure the scope model must be before a message is treated as not about work or HR. Chosen by five-fold
 * cross-validation on the training lines (`npx tsx bench/scope-cv.ts`): losing an HR question costs more than
 * answering chit-chat with "no article covers this", so the threshold keeps lost HR lines under 1% (0.8: 61% of held-out out-of-scope lines caught, 0.9% of
 * category lines and 0.5% of escalation lines lost; 0.85 caught 3 points fewer for 0.1 point less lost). The rest of the out-of-scope messages go through the HR
 * pipeline, where retrieval finds no article that covers them and says so.
 */
export const OUT_OF_SCOPE_THRESHOLD = 0.8;

/**
 * Spanish, French and German messages: most of their words are unknown to a model trained mostly on English, so
 * an HR question reads as out of scope more often. Chosen by the same cross-validation, per language, with the
 * articles' example questions (never in the scope model's training) as the HR lines at risk: at 0.8, 10 of 542
 * foreign example questions were lost against 108 of 154 foreign out-of-scope lines caught; at 0.95, 5 lost and
 * 90 caught. A foreign message the model lets through still meets retrieval, which says no article covers it.
 */
export const FOREIGN_OUT_OF_SCOPE_THRESHOLD = 0.95;

/**
 * A follow-up in an HR conversation ("and in march?", "what about for my wife") is short and often reads as
 * nothing in particular; it needs a surer model.
 */
const FOLLOW_UP_THRESHOLD = 0.95;
const FOLLOW_UP_MAX_STEMS = 4;

/**
 * Spots messages that are not about work or HR at all (the weather, a recipe, a story, stock prices, smart-home
 * commands): they get a short "I can help with HR questions such as…" reply, no article, and are never
 * escalated unless they also carry a crisis or a threat (escalation-check.ts).
 */
export class ScopeDetector implements Agent {
  readonly name = 'scope-detector';

  constructor(private readonly model: ScopeModel) {}

  run(state: PipelineState): void {
    if (state.text.raw.trim().length === 0) return;
    // An identifier (an SSN, an account number) says nothing about the topic, yet digits read as banking or
    // trivia to the model: it judges the message with personal numbers masked, as it is stored.
    const masked = maskPii(state.text.raw);
    const score = this.model.outOfScope(masked === state.text.raw ? state.text : analyzeText(masked));
    const followUp = state.previousUserText !== null && state.text.stems.length <= FOLLOW_UP_MAX_STEMS;
    const threshold = followUp
      ? FOLLOW_UP_THRESHOLD
      : state.text.language === 'en'
        ? OUT_OF_SCOPE_THRESHOLD
        : FOREIGN_OUT_OF_SCOPE_THRESHOLD;
    state.outOfScope = score >= threshold;
  }
}
