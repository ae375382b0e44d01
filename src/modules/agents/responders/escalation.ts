import type { Agent, PipelineState } from '../types.js';

const URGENT_KINDS = new Set(['crisis', 'violence', 'safety', 'harassment', 'discrimination', 'retaliation']);

/** Hands the case to a person: acknowledges with matching empathy, gives the reference and the timing. */
export class EscalationResponder implements Agent {
  readonly name = 'escalation-responder';

  run(state: PipelineState): void {
    state.response = composeEscalation(state);
    state.engine = 'local';
  }
}

function composeEscalation(state: PipelineState): string {
  const kind = state.escalationKind;
  const reference = state.input.conversationId;
  const urgent = (kind !== null && URGENT_KINDS.has(kind)) || state.priority >= 8;
  const when = urgent
    ? 'A member of the HR team will contact you within 4 business hours, and sooner if they can.'
    : 'A member of the HR team will reply within 1 business day.';
  const parts: string[] = [];
  if (kind === 'crisis') {
    parts.push(
      "I'm really sorry you're going through this, and I'm glad you reached out. Your safety comes first: if you are in immediate danger or thinking about harming yourself, please call your local emergency number (911 in the US) now, or call or text 988 to reach the Suicide & Crisis Lifeline (US). Our Employee Assistance Program (EAP) also offers free, confidential counselling 24 hours a day.",
    );
  } else if (kind === 'safety' || kind === 'violence') {
    parts.push(
      'Thank you for raising this. If anyone is in immediate danger, move to safety and call emergency services (911 in the US) first, then tell your supervisor or site security.',
    );
  } else if (kind === 'harassment' || kind === 'discrimination' || kind === 'retaliation') {
    parts.push(
      "I'm sorry this is happening, and thank you for telling us. Concerns like this are handled confidentially by a trained HR specialist, and retaliation against anyone who raises one is prohibited.",
    );
  } else if (kind === 'fraud') {
    parts.push(
      'Thank you for speaking up. Reports like this are reviewed confidentially, and people who raise concerns in good faith are protected from retaliation.',
    );
  } else if (kind === 'legal') {
    parts.push(
      "I understand this is serious. I've passed it to the HR team so the right person can review it with you.",
    );
  } else if (kind === 'human_request') {
    parts.push("Of course — I've asked a member of the HR team to pick this up with you.");
  } else if (state.sentiment === 'Angry') {
    parts.push(
      "I'm sorry — I can see this has been really frustrating, and you shouldn't have to keep chasing it.",
    );
  } else if (kind === 'repeated') {
    parts.push("I'm sorry my earlier answers didn't resolve this. It's time a person looked at it.");
  } else if (state.sentiment === 'Negative') {
    parts.push("I'm sorry you're dealing with this. I've made sure a person will look at it.");
  } else {
    parts.push("I've passed your question to the HR team so a person can look at it.");
  }
  parts.push(`Your case reference is ${reference}. ${when}`);
  const helpful = state.relevantHits[0];
  if (helpful && kind !== 'crisis') parts.push(`In the meantime, our article "${helpful.title}" may help.`);
  return parts.join('\n\n');
}
