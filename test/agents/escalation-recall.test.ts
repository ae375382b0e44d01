import { afterAll, describe, expect, it } from 'vitest';
import { MUST_ESCALATE, MUST_NOT_ESCALATE } from './escalation-table.js';
import { buildTestOrchestrator, input } from './fixtures.js';

/**
 * Recall per kind on a table of messages written for the tests (none is in the training data), and false
 * escalations on ordinary look-alikes. Prints the table; fails when a kind falls below the bar.
 */
const { orchestrator } = buildTestOrchestrator();
const ask = (message: string) => orchestrator.run(input(message));

/**
 * Regression bars, below today's figures on this table (printed by the test; docs/answering-engine.md). The
 * product target on new messages is 95% per kind; raise these as the model improves, never lower them.
 */
const MIN_RECALL = 0.65;
const MAX_FALSE_ESCALATIONS = 0.05;

const report: Record<string, { n: number; escalated: string; rightKind: string }> = {};
afterAll(() => console.table(report));

describe('escalation recall per kind on the test table', () => {
  it.each(Object.entries(MUST_ESCALATE))('%s', async (kind, messages) => {
    let escalated = 0;
    let rightKind = 0;
    const missed: string[] = [];
    for (const message of messages) {
      const result = await ask(message);
      if (result.escalated) escalated++;
      else missed.push(message);
      if (result.escalationKind === kind) rightKind++;
    }
    const pct = (count: number) => `${((100 * count) / messages.length).toFixed(0)}%`;
    report[kind] = { n: messages.length, escalated: pct(escalated), rightKind: pct(rightKind) };
    expect(missed.length / messages.length, `missed: ${missed.join(' | ')}`).toBeLessThanOrEqual(
      1 - MIN_RECALL,
    );
  });

  it('rarely escalates ordinary questions, policy questions, idioms and chit-chat', async () => {
    const escalated: string[] = [];
    for (const message of MUST_NOT_ESCALATE) if ((await ask(message)).escalated) escalated.push(message);
    report['not escalated'] = {
      n: MUST_NOT_ESCALATE.length,
      escalated: `${((100 * escalated.length) / MUST_NOT_ESCALATE.length).toFixed(0)}%`,
      rightKind: '',
    };
    expect(
      escalated.length / MUST_NOT_ESCALATE.length,
      `escalated: ${escalated.join(' | ')}`,
    ).toBeLessThanOrEqual(MAX_FALSE_ESCALATIONS);
  });
});
