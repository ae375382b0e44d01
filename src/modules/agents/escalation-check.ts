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
    if (state.outOfScope) {
      this.checkOutOfScope(state);
      return;
    }
    this.check(state, state.triggers);
  }

  /**
   * A message about the weather, a story or stock prices is nobody's case: tone, repeats, priority and the
   * concern model's reading of it do not escalate ("tell me a story
   * where the hero gets shot", "stocks are crashing, I'm wiped out"). What a phrase rule finds in so many words
   * still does, and so does any sign of a crisis, however it was found (a person in crisis may open with small
   * talk); the message is then no longer treated as out of scope.
   */
  private checkOutOfScope(state: PipelineState): void {
    const stated = state.triggers.filter((trigger) => trigger.kind === 'crisis' || trigger.byRule);
    if (stated.length === 0) return;
    state.outOfScope = false;
    this.check(state, stated);
  }

  private check(state: PipelineState, triggers: PipelineState['triggers']): void {
    const reasons: string[] = [];
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
