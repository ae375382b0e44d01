import type { EscalationKind, Sentiment } from '../types.js';

export const BASE_PRIORITY = 3;

/** What is at stake sets the starting point: a life, then a person's safety and dignity, then money and law. */
const FLOOR: Partial<Record<EscalationKind, number>> = {
  crisis: 10,
  violence: 10,
  harassment: 8,
  discrimination: 8,
  retaliation: 8,
  safety: 8,
  fraud: 7,
  legal: 7,
};

/**
 * Escalations that report nothing (anger, a repeated question, a request for a person, a high score) stay
 * below every report of harassment, discrimination, retaliation or danger, however the modifiers add up:
 * an angry VIP asking for the third time must not be answered before an employee who was assaulted.
 */
export const UNREPORTED_CEILING = 7;

/** Only a threat to a life reaches 10, so a crisis is never queued behind another case of equal priority. */
export const REPORT_CEILING = 9;
const LIFE_AT_STAKE = new Set<EscalationKind>(['crisis', 'violence']);

export interface PriorityInput {
  kind: EscalationKind | null;
  sentiment: Sentiment;
  /** 1 + earlier questions that are essentially the same. */
  attemptCount: number;
  isVip: boolean;
}

/** The product's modifiers: Negative +2, Angry +3, asked before +2, VIP +2. */
export function modifiers({ sentiment, attemptCount, isVip }: Omit<PriorityInput, 'kind'>): number {
  let sum = 0;
  if (sentiment === 'Negative') sum += 2;
  if (sentiment === 'Angry') sum += 3;
  if (attemptCount >= 2) sum += 2;
  if (isVip) sum += 2;
  return sum;
}

const clamp = (value: number): number => Math.min(10, Math.max(1, value));

/** The score before any escalation kind is known: base 3 plus the modifiers. */
export const rawPriority = (input: Omit<PriorityInput, 'kind'>): number =>
  clamp(BASE_PRIORITY + modifiers(input));

/**
 * The priority of a case: the kind's floor (base 3 for other kinds) plus the modifiers, clamped to 1–10.
 * Crisis and violence are always 10, other reports stop at REPORT_CEILING, and escalations that report
 * nothing are held at UNREPORTED_CEILING.
 */
export function priorityOf(input: PriorityInput): number {
  const floor = input.kind === null ? undefined : FLOOR[input.kind];
  if (input.kind !== null && LIFE_AT_STAKE.has(input.kind)) return 10;
  if (floor !== undefined) return Math.min(clamp(floor + modifiers(input)), REPORT_CEILING);
  const priority = rawPriority(input);
  return input.kind === null ? priority : Math.min(priority, UNREPORTED_CEILING);
}
