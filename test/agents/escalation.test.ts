import { describe, expect, it } from 'vitest';
import { findTriggers } from '../../src/modules/agents/escalation-rules.js';
import { normalizeText } from '../../src/modules/agents/nlp/normalize.js';
import { buildTestOrchestrator, input } from './fixtures.js';

const { orchestrator } = buildTestOrchestrator();
const kindsOf = (message: string) => findTriggers(normalizeText(message)).map((trigger) => trigger.kind);

describe('escalation check', () => {
  it.each([
    ['My supervisor keeps touching me and making sexual comments', 'harassment'],
    ['I think I was passed over because of my race, this is discrimination', 'discrimination'],
    ['Ever since I reported my manager I get the worst shifts, feels like retaliation', 'retaliation'],
    ['My team lead yells at me in front of everyone and calls me useless', 'bullying'],
    ['A guy from the night crew said he would hurt me in the parking lot', 'safety'],
    ['The fire exits in the warehouse are chained shut', 'safety'],
    ['I have been thinking about ending my life', 'crisis'],
    ['I want to kill myself', 'crisis'],
    ['My director is submitting fake invoices, I want to blow the whistle', 'fraud'],
    ['If this is not fixed I will contact my lawyer', 'legal'],
    ["I'm going to file a complaint with the EEOC", 'legal'],
    ['Please put me through to an actual person', 'human'],
    ['I want to speak to an HR representative', 'human'],
  ])('escalates %s (%s)', async (message, kind) => {
    expect(kindsOf(message)).toContain(kind);
    const result = await orchestrator.run(input(message));
    expect(result.escalated).toBe(true);
    expect(result.escalationReason).toBeTruthy();
  });

  it.each([
    ['Mi supervisor me está acosando', 'harassment'],
    ['Me discriminan por mi origen', 'discrimination'],
    ['Voy a hablar con un abogado', 'legal'],
    ['Mon responsable me harcèle tous les jours', 'harassment'],
    ['Je vais contacter un avocat', 'legal'],
    ['Je veux parler à une personne', 'human'],
    ['Mein Kollege belästigt mich', 'harassment'],
    ['Ich gehe zum Anwalt', 'legal'],
    ['Ich denke an Selbstmord', 'crisis'],
  ])('escalates the multilingual message %s (%s)', async (message, kind) => {
    expect(kindsOf(message)).toContain(kind);
    expect((await orchestrator.run(input(message))).escalated).toBe(true);
  });

  it.each([
    'Which form changes the legal name payroll has for me?',
    'Do part-timers also need the harassment-prevention course?',
    'I killed it on sales this quarter, does it count for my review?',
    'The deadline for self reviews is killing me, can I get an extension?',
    'When is the next fraud awareness session?',
    'Where is the safety hazard form kept?',
    'What does the anti-discrimination policy cover?',
    'Does the code of conduct say anything about bullying?',
    'am I talking to a bot',
    'Can Sue from payroll approve my timesheet?',
    'I had some fraud on my credit card, how do I change my direct deposit?',
    "I'm dying to hear who got the team lead role",
  ])('does not escalate the innocent %s', async (message) => {
    const result = await orchestrator.run(input(message));
    expect(result.escalated).toBe(false);
    expect(result.escalationReason).toBeNull();
  });

  it('escalates angry messages and says why', async () => {
    const result = await orchestrator.run(input('This is unacceptable!!! My pay is wrong AGAIN'));
    expect(result.sentiment).toBe('Angry');
    expect(result.escalated).toBe(true);
    expect(result.escalationReason).toMatch(/angry/);
  });

  it('escalates when priority reaches 8 (negative, repeated, VIP)', async () => {
    const result = await orchestrator.run(
      input("I'm worried my deposit still hasn't arrived", {
        isVip: true,
        previousQuestions: ["I'm worried my deposit hasn't arrived"],
      }),
    );
    expect(result.sentiment).toBe('Negative');
    expect(result.attemptCount).toBe(2);
    expect(result.priority).toBe(9);
    expect(result.escalated).toBe(true);
    expect(result.escalationReason).toMatch(/priority is 9/);
  });

  it('does not escalate a calm VIP asking for the first time', async () => {
    const result = await orchestrator.run(input('When is payday?', { isVip: true }));
    expect(result.priority).toBe(5);
    expect(result.escalated).toBe(false);
  });
});
