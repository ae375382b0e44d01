import type { Agent, PipelineState } from './types.js';

export const ESCALATION_PRIORITY = 8;
export const ESCALATION_ATTEMPTS = 3;

/** Decides whether a person must take over, and says why in plain words. */
export class EscalationCheck implements Agent {
  readonly name = 'escalation-check';

  run(state: PipelineState): void {
    const reasons: string[] = [];
    const triggers = state.triggers;
    for (const trigger of triggers)
      reasons.push(`the message raises ${trigger.label} ("${trigger.matched}")`);
    if (state.sentiment === 'Angry') reasons.push('the employee is angry');
    if (state.attemptCount >= ESCALATION_ATTEMPTS)
      reasons.push(`the same question was asked ${state.attemptCount} times`);
    if (state.priority >= ESCALATION_PRIORITY)
      reasons.push(`priority is ${state.priority} (threshold ${ESCALATION_PRIORITY})`);
    if (reasons.length === 0) return;
    state.escalated = true;
    state.escalationKind =
      triggers[0]?.kind ??
      (state.sentiment === 'Angry'
        ? 'anger'
        : state.attemptCount >= ESCALATION_ATTEMPTS
          ? 'repeat'
          : 'priority');
    const text = reasons.join('; ');
    state.escalationReason = `Escalated because ${text}.`;
  }
}
