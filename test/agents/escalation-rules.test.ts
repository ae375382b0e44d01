import { describe, expect, it } from 'vitest';
import { HARMLESS_USES, withoutHarmlessUses } from '../../src/modules/agents/escalation/harmless-uses.js';
import { isPolicyQuestion } from '../../src/modules/agents/escalation/policy-question.js';
import { matchRules, RULE_TABLE } from '../../src/modules/agents/escalation/rule-table.js';
import { normalizeText } from '../../src/modules/nlp/normalize.js';
import { buildTestOrchestrator, input } from './fixtures.js';

const { orchestrator } = buildTestOrchestrator();
const kindsFound = (message: string) =>
  matchRules(withoutHarmlessUses(normalizeText(message))).map((match) => match.kind);

/** Every rule of the table with its kind and language, for it.each. */
const rules = RULE_TABLE.flatMap((table) =>
  Object.entries(table.rules).flatMap(([language, list]) =>
    list.map((rule, position) => ({ kind: table.kind, language, position, ...rule })),
  ),
);

describe('the rule table', () => {
  it('has rules for every kind in every language, each pattern one readable line', () => {
    for (const table of RULE_TABLE)
      for (const list of Object.values(table.rules)) expect(list.length).toBeGreaterThan(0);
    for (const rule of rules) expect(rule.pattern.source.length).toBeLessThan(500);
  });

  it.each(rules)('$kind/$language #$position catches its example', ({ kind, pattern, example }) => {
    expect(pattern.test(normalizeText(example))).toBe(true);
    expect(kindsFound(example)).toContain(kind);
  });

  it.each(rules)(
    '$kind/$language #$position leaves its counter-example alone',
    ({ kind, counterExample }) => {
      expect(kindsFound(counterExample)).not.toContain(kind);
    },
  );

  it.each(rules)(
    '$kind/$language #$position: the example escalates end to end with its kind',
    async ({ kind, example }) => {
      const result = await orchestrator.run(input(example));
      expect(result.escalated).toBe(true);
      expect(result.escalationKind).toBe(kind);
    },
  );

  it.each(rules.filter((rule) => rule.kind !== 'human_request'))(
    '$kind/$language #$position: the counter-example is not escalated end to end',
    async ({ counterExample }) => {
      const result = await orchestrator.run(input(counterExample));
      expect(result.escalationReason).toBeNull();
      expect(result.escalated).toBe(false);
    },
  );
});

describe('harmless uses and policy questions', () => {
  it.each(HARMLESS_USES)('removes the harmless use in "$example"', ({ example }) => {
    const folded = normalizeText(example);
    expect(withoutHarmlessUses(folded)).not.toBe(folded);
  });

  it.each([
    'what is the harassment policy?',
    'how do I report fraud?',
    'where is the procedure for discrimination complaints?',
    'is retaliation covered in the code of conduct?',
  ])('a question about the policy is not a report: %s', async (message) => {
    expect(isPolicyQuestion(normalizeText(message))).toBe(true);
    expect((await orchestrator.run(input(message))).escalated).toBe(false);
  });

  it.each([
    'how do I report my supervisor for harassing me?',
    'what does the policy say when my manager keeps touching my shoulders?',
  ])('a question that tells of an event is a report: %s', async (message) => {
    expect(isPolicyQuestion(normalizeText(message))).toBe(false);
    expect((await orchestrator.run(input(message))).escalated).toBe(true);
  });
});
