import { priorityOf, rawPriority } from './escalation/priority.js';
import type { Agent, EscalationKind, PipelineState } from './types.js';

/** The score (base plus modifiers) at which a case goes to a person even without a concern. */
export const ESCALATION_PRIORITY = 8;
export const ESCALATION_ATTEMPTS = 3;

/**
 * Decides whether a person must take over, says why in plain words, and sets the priority from what is
 * at stake (escalation/priority.ts): the kind's floor plus the modifiers.
 */
export class EscalationCheck implements Agent {
  readonly name = 'escalation-check';

  run(state: PipelineState): void {
    const reasons: string[] = [];
    const triggers = state.triggers;
    for (const trigger of triggers)
      reasons.push(`the message raises ${trigger.label} ("${trigger.matched}")`);
    const angry = state.sentiment === 'Angry';
    const repeated = state.attemptCount >= ESCALATION_ATTEMPTS;
    const score = rawPriority({
      sentiment: state.sentiment,
      attemptCount: state.attemptCount,
      isVip: state.input.isVip,
    });
    if (angry) reasons.push('the employee is angry');
    if (repeated) reasons.push(`the same question was asked ${state.attemptCount} times`);
    if (score >= ESCALATION_PRIORITY)
      reasons.push(`priority reached ${score} (threshold ${ESCALATION_PRIORITY})`);
    if (reasons.length > 0) {
      const kind: EscalationKind =
        triggers[0]?.kind ?? (angry ? 'angry' : repeated ? 'repeated' : 'high_priority');
      state.escalated = true;
      state.escalationKind = kind;
      state.escalationReason = `Escalated because ${reasons.join('; ')}.`;
    }
    state.priority = priorityOf({
      kind: state.escalationKind,
      sentiment: state.sentiment,
      attemptCount: state.attemptCount,
      isVip: state.input.isVip,
    });
  }
}
