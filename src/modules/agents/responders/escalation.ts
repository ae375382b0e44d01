import { ESCALATION_FRAMING, type EscalationFraming } from '../answer/escalation-framing.js';
import type { Agent, PipelineState } from '../types.js';

const URGENT_KINDS = new Set(['crisis', 'violence', 'safety', 'harassment', 'discrimination', 'retaliation']);

/** Hands the case to a person: acknowledges with matching empathy, gives the reference and the timing, in the employee's language. */
export class EscalationResponder implements Agent {
  readonly name = 'escalation-responder';

  run(state: PipelineState): void {
    state.response = composeEscalation(state);
    state.engine = 'local';
  }
}

function composeEscalation(state: PipelineState): string {
  const kind = state.escalationKind;
  const say = ESCALATION_FRAMING[state.text.language];
  const urgent = (kind !== null && URGENT_KINDS.has(kind)) || state.priority >= 8;
  const parts = [opener(state, say)];
  parts.push(`${say.reference(state.input.conversationId)} ${urgent ? say.urgentReply : say.reply}`);
  const helpful = state.relevantHits[0];
  if (helpful && kind !== 'crisis') parts.push(say.meanwhile(helpful.title));
  return parts.join('\n\n');
}

/** The first paragraph: immediate help for a crisis or danger, matching empathy otherwise. */
function opener(state: PipelineState, say: EscalationFraming): string {
  const kind = state.escalationKind;
  if (kind === 'crisis') return say.crisis;
  if (kind === 'safety' || kind === 'violence') return say.safety;
  if (kind === 'harassment' || kind === 'discrimination' || kind === 'retaliation') return say.mistreatment;
  if (kind === 'fraud') return say.fraud;
  if (kind === 'legal') return say.legal;
  if (kind === 'human_request') return say.human;
  if (state.sentiment === 'Angry') return say.angry;
  if (kind === 'repeated') return say.repeat;
  if (state.sentiment === 'Negative') return say.negative;
  return say.plain;
}
