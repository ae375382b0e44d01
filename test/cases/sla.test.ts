import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.js';
import { slaStanding, slaState } from '../../src/modules/cases/sla.js';

const base = { DATA_DIR: '/tmp/hr-sla-config' };
const MIN = 60_000;

describe('response-time targets', () => {
  it('defaults to a tighter first response for priority 9 and up', () => {
    const { sla } = loadConfig(base);
    expect(sla.firstResponseMinutes).toEqual([
      { minPriority: 9, value: 60 },
      { minPriority: 1, value: 240 },
    ]);
    expect(sla.resolutionHours).toEqual([
      { minPriority: 9, value: 24 },
      { minPriority: 1, value: 72 },
    ]);
  });

  it('takes one number for every priority, or bands', () => {
    expect(loadConfig({ ...base, SLA_FIRST_RESPONSE_MINUTES: '120' }).sla.firstResponseMinutes).toEqual([
      { minPriority: 1, value: 120 },
    ]);
    expect(loadConfig({ ...base, SLA_RESOLUTION_HOURS: '1:48, 7:24, 10:4' }).sla.resolutionHours).toEqual([
      { minPriority: 10, value: 4 },
      { minPriority: 7, value: 24 },
      { minPriority: 1, value: 48 },
    ]);
  });

  it.each(['abc', '9:60', '0:10,1:20', '1:0', '1:60,1:30', '11:5,1:60', '-5'])(
    'refuses SLA_FIRST_RESPONSE_MINUTES=%s, naming the variable',
    (value) => {
      expect(() => loadConfig({ ...base, SLA_FIRST_RESPONSE_MINUTES: value })).toThrow(ConfigError);
      expect(() => loadConfig({ ...base, SLA_FIRST_RESPONSE_MINUTES: value })).toThrow(
        /SLA_FIRST_RESPONSE_MINUTES/,
      );
    },
  );

  it('measures from the escalation and counts a late first answer as a breach', () => {
    const policy = loadConfig(base).sla;
    const escalated_at = 0;
    const open = { priority: 9, escalated_at, first_response_at: null, resolved_at: null };
    expect(slaState(policy, open, 59 * MIN)?.first_response_breached).toBe(false);
    expect(slaStanding(policy, open, 50 * MIN)).toBe('due_soon');
    expect(slaStanding(policy, open, 10 * MIN)).toBe('on_track');
    expect(slaState(policy, open, 61 * MIN)?.first_response_breached).toBe(true);
    const answeredLate = { ...open, first_response_at: 70 * MIN };
    expect(slaState(policy, answeredLate, 80 * MIN)?.first_response_breached).toBe(true);
    expect(slaStanding(policy, answeredLate, 80 * MIN)).toBe('on_track');
    const resolved = { ...answeredLate, resolved_at: 90 * MIN };
    expect(slaStanding(policy, resolved, 100 * 60 * MIN)).toBe('met');
    expect(slaState(policy, { ...open, escalated_at: null }, 0)).toBeNull();
  });
});
