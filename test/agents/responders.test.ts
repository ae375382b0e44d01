import { describe, expect, it } from 'vitest';
import { buildTestOrchestrator, input } from './fixtures.js';

const { orchestrator } = buildTestOrchestrator();

describe('specialist responders', () => {
  it('answer from the most relevant article, name it and add next steps', async () => {
    const result = await orchestrator.run(input('How many vacation days carry over to next year?'));
    expect(result.escalated).toBe(false);
    expect(result.response).toContain('According to our article "How much vacation you earn"');
    expect(result.response).toContain('carry over');
    expect(result.response).toContain('Next steps:');
    expect(result.kbResults[0]?.id).toBe('pto-accrual');
    expect(result.engine).toBe('local');
  });

  it('quote only the relevant sentences, not the whole article', async () => {
    const result = await orchestrator.run(input('What happens after five failed password attempts?'));
    expect(result.response).toContain('locks for 30 minutes');
    expect(result.response.length).toBeLessThan(700);
  });

  it('say honestly when nothing relevant was found instead of inventing policy', async () => {
    const result = await orchestrator.run(input('Do we get a stipend for learning a second language?'));
    expect(result.escalated).toBe(false);
    expect(result.response).toMatch(/couldn't find an article/);
    expect(result.response).not.toMatch(/According to our article/);
    expect(result.response).toMatch(/talk to a person/);
  });
});

describe('escalation responder', () => {
  it('acknowledges, gives the case reference and when a person will reply', async () => {
    const result = await orchestrator.run(
      input('I want to speak to a real person about my direct deposit', { conversationId: 'case-42' }),
    );
    expect(result.escalated).toBe(true);
    expect(result.response).toContain('case-42');
    expect(result.response).toMatch(/within 1 business day/);
  });

  it('matches the empathy to an angry employee', async () => {
    const result = await orchestrator.run(input('This is ridiculous, my paycheck is wrong AGAIN!!!'));
    expect(result.response).toMatch(/sorry/i);
    expect(result.response).toMatch(/frustrating/);
  });

  it('answers harassment reports confidentially and sooner', async () => {
    const result = await orchestrator.run(input('My manager keeps making sexual comments about me'));
    expect(result.response).toMatch(/confidential/);
    expect(result.response).toMatch(/within 4 business hours/);
  });

  it('points to immediate help first for crisis messages', async () => {
    const result = await orchestrator.run(
      input("I don't want to live anymore", { conversationId: 'case-7' }),
    );
    expect(result.escalated).toBe(true);
    const firstParagraph = result.response.split('\n\n')[0]!;
    expect(firstParagraph).toMatch(/988/);
    expect(firstParagraph).toMatch(/emergency/);
    expect(firstParagraph).toMatch(/Employee Assistance Program/);
    expect(result.response).toContain('case-7');
  });
});
