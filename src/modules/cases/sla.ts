import { toIso } from '../../clock.js';
import type { PriorityBand } from '../../config.js';

/** The response-time targets in force (from SLA_FIRST_RESPONSE_MINUTES and SLA_RESOLUTION_HOURS). */
export interface SlaPolicy {
  firstResponseMinutes: PriorityBand[];
  resolutionHours: PriorityBand[];
}

/** The moments of a case that its targets are measured from and against (epoch milliseconds). */
export interface SlaClock {
  priority: number;
  escalated_at: number | null;
  first_response_at: number | null;
  resolved_at: number | null;
}

export interface SlaState {
  first_response_due_at: string;
  resolution_due_at: string;
  /** True once the target passed without HR's first message (or HR wrote after it). */
  first_response_breached: boolean;
  resolution_breached: boolean;
}

export type SlaStanding = 'breached' | 'due_soon' | 'on_track' | 'met';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** The band that covers a priority: the one with the highest minimum not above it (bands are sorted highest first). */
export function bandValue(bands: PriorityBand[], priority: number): number {
  const band = bands.find((b) => priority >= b.minPriority) ?? bands[bands.length - 1];
  if (!band) throw new Error('no response-time band configured');
  return band.value;
}

export function dueTimes(policy: SlaPolicy, priority: number, escalatedAt: number) {
  return {
    firstResponseDue: escalatedAt + bandValue(policy.firstResponseMinutes, priority) * MINUTE,
    resolutionDue: escalatedAt + bandValue(policy.resolutionHours, priority) * HOUR,
  };
}

/**
 * Due times run on the wall clock from the escalation. The clock does not stop while HR waits on the
 * employee: the target is the team's promise to answer and close, which an unanswered follow-up does not
 * change. Null for conversations that never needed a person.
 */
export function slaState(policy: SlaPolicy, row: SlaClock, now: number): SlaState | null {
  if (row.escalated_at === null) return null;
  const { firstResponseDue, resolutionDue } = dueTimes(policy, row.priority, row.escalated_at);
  return {
    first_response_due_at: toIso(firstResponseDue),
    resolution_due_at: toIso(resolutionDue),
    first_response_breached: (row.first_response_at ?? row.resolved_at ?? now) > firstResponseDue,
    resolution_breached: (row.resolved_at ?? now) > resolutionDue,
  };
}

/** One word for the list: breached, due within the next quarter of its target, on track, or met. */
export function slaStanding(policy: SlaPolicy, row: SlaClock, now: number): SlaStanding | null {
  const state = slaState(policy, row, now);
  if (state === null || row.escalated_at === null) return null;
  if (state.first_response_breached && row.first_response_at === null && row.resolved_at === null)
    return 'breached';
  if (state.resolution_breached) return 'breached';
  if (row.resolved_at !== null) return 'met';
  const { firstResponseDue, resolutionDue } = dueTimes(policy, row.priority, row.escalated_at);
  const nextDue = row.first_response_at === null ? firstResponseDue : resolutionDue;
  const span = nextDue - row.escalated_at;
  return nextDue - now <= span / 4 ? 'due_soon' : 'on_track';
}

/** The due time a case is next measured against: its first response until HR has written, then its resolution. */
export function nextDueAt(policy: SlaPolicy, row: SlaClock): number | null {
  if (row.escalated_at === null || row.resolved_at !== null) return null;
  const { firstResponseDue, resolutionDue } = dueTimes(policy, row.priority, row.escalated_at);
  return row.first_response_at === null ? firstResponseDue : resolutionDue;
}
