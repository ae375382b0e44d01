import type { ConcernKind, EscalationKind, Sentiment } from '../types.js';

/** What the rules and the concern model can find in a message, most urgent first. */
export const CONCERN_KINDS: readonly ConcernKind[] = [
  'crisis',
  'violence',
  'harassment',
  'discrimination',
  'retaliation',
  'safety',
  'fraud',
  'legal',
  'human_request',
];

/** Every value of metadata.escalation_kind: a concern, or why a case without one still goes to a person. */
export const ESCALATION_KINDS: readonly EscalationKind[] = [
  ...CONCERN_KINDS,
  'repeated',
  'angry',
  'high_priority',
];

/** Plain-text names, for escalation reasons and the console. */
export const KIND_LABELS: Record<EscalationKind, string> = {
  crisis: 'possible self-harm or a personal crisis',
  violence: 'violence or a threat of violence',
  harassment: 'harassment or bullying',
  discrimination: 'discrimination',
  retaliation: 'retaliation',
  safety: 'a workplace safety hazard or injury',
  fraud: 'fraud, theft or unpaid wages',
  legal: 'legal action or a labour-law violation',
  human_request: 'a request to speak with a person',
  repeated: 'a question asked again and again',
  angry: 'an angry employee',
  high_priority: 'a high priority',
};

/** Reports of something that happened (everything but the request for a person): these make a message Negative. */
export const isReport = (kind: ConcernKind): boolean => kind !== 'human_request';

/** The most urgent of two kinds (either may be null). */
export function moreUrgent(a: EscalationKind | null, b: EscalationKind | null): EscalationKind | null {
  if (a === null) return b;
  if (b === null) return a;
  return ESCALATION_KINDS.indexOf(a) <= ESCALATION_KINDS.indexOf(b) ? a : b;
}

export const isEscalationKind = (value: unknown): value is EscalationKind =>
  typeof value === 'string' && (ESCALATION_KINDS as readonly string[]).includes(value);

export type { ConcernKind, EscalationKind, Sentiment };
