import { describe, expect, it } from 'vitest';
import {
  priorityOf,
  REPORT_CEILING,
  UNREPORTED_CEILING,
} from '../../src/modules/agents/escalation/priority.js';
import { buildTestOrchestrator, input } from './fixtures.js';

const { orchestrator } = buildTestOrchestrator();
const calm = { sentiment: 'Neutral', attemptCount: 1, isVip: false } as const;

describe('priority by what is at stake', () => {
  it('puts crisis and violence at 10 whatever the tone', () => {
    expect(priorityOf({ ...calm, kind: 'crisis' })).toBe(10);
    expect(priorityOf({ ...calm, kind: 'violence' })).toBe(10);
  });

  it('starts reports of mistreatment and danger at 8, wrongdoing and legal steps at 7, and adds the modifiers', () => {
    for (const kind of ['harassment', 'discrimination', 'retaliation', 'safety'] as const)
      expect(priorityOf({ ...calm, kind })).toBe(8);
    expect(priorityOf({ ...calm, kind: 'fraud' })).toBe(7);
    expect(priorityOf({ ...calm, kind: 'legal', sentiment: 'Negative' })).toBe(9);
    expect(priorityOf({ ...calm, kind: 'harassment', sentiment: 'Angry', isVip: true })).toBe(REPORT_CEILING);
  });

  it('lets only a threat to a life reach 10', () => {
    const worst = { sentiment: 'Angry', attemptCount: 3, isVip: true } as const;
    for (const kind of ['harassment', 'discrimination', 'retaliation', 'safety', 'fraud', 'legal'] as const)
      expect(priorityOf({ ...worst, kind })).toBe(REPORT_CEILING);
    expect(priorityOf({ ...worst, kind: 'crisis' })).toBe(10);
  });

  it('keeps every escalation that reports nothing below every report of mistreatment or danger', () => {
    const worst = { sentiment: 'Angry', attemptCount: 3, isVip: true } as const;
    for (const kind of ['angry', 'repeated', 'high_priority', 'human_request'] as const)
      expect(priorityOf({ ...worst, kind })).toBe(UNREPORTED_CEILING);
    expect(UNREPORTED_CEILING).toBeLessThan(priorityOf({ ...calm, kind: 'harassment' }));
  });

  it('leaves an ordinary question at base 3 plus its modifiers', () => {
    expect(priorityOf({ ...calm, kind: null })).toBe(3);
    expect(priorityOf({ ...calm, kind: null, isVip: true })).toBe(5);
    expect(priorityOf({ ...calm, kind: null, sentiment: 'Negative' })).toBe(5);
  });
});

describe('the pipeline sets kind and priority together', () => {
  it('ranks a crisis at 10 and an angry complaint below a harassment report', async () => {
    const crisis = await orchestrator.run(input("I can't cope anymore, I keep thinking about ending it all"));
    const angry = await orchestrator.run(
      input('payroll got my overtime wrong AGAIN, this is RIDICULOUS!!!', { isVip: true }),
    );
    const harassment = await orchestrator.run(
      input('a coworker keeps touching my waist and I told him to stop'),
    );
    expect(crisis.escalationKind).toBe('crisis');
    expect(crisis.priority).toBe(10);
    expect(harassment.escalationKind).toBe('harassment');
    expect(harassment.priority).toBeGreaterThanOrEqual(8);
    expect(angry.escalated).toBe(true);
    expect(angry.priority).toBeLessThan(harassment.priority);
  });

  it('escalates an angry message as angry and says why', async () => {
    const result = await orchestrator.run(input('This is unacceptable!!! My pay is wrong AGAIN'));
    expect(result.sentiment).toBe('Angry');
    expect(result.escalationKind).toBe('angry');
    expect(result.escalationReason).toMatch(/angry/);
    expect(result.priority).toBe(6);
  });

  it('escalates a worried VIP asking again as high_priority, held at the ceiling', async () => {
    const result = await orchestrator.run(
      input("I'm worried my deposit still hasn't arrived", {
        isVip: true,
        previousQuestions: ["I'm worried my deposit hasn't arrived"],
      }),
    );
    expect(result.sentiment).toBe('Negative');
    expect(result.attemptCount).toBe(2);
    expect(result.escalationKind).toBe('high_priority');
    expect(result.escalationReason).toMatch(/priority reached 9/);
    expect(result.priority).toBe(UNREPORTED_CEILING);
  });

  it('does not escalate a calm VIP asking for the first time', async () => {
    const result = await orchestrator.run(input('When is payday?', { isVip: true }));
    expect(result.priority).toBe(5);
    expect(result.escalated).toBe(false);
    expect(result.escalationKind).toBeNull();
  });
});
