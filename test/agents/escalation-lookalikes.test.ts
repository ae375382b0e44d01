import { describe, expect, it } from 'vitest';
import { findTriggers } from '../../src/modules/agents/escalation-rules.js';
import { normalizeText } from '../../src/modules/agents/nlp/normalize.js';
import { buildTestOrchestrator, input } from './fixtures.js';

/**
 * Look-alikes: everyday messages that share words or shape with reports (business threats, private
 * lawsuits, a manager saying no, reading a policy), and reports worded without the textbook terms.
 */
const { orchestrator } = buildTestOrchestrator();

const kinds = (message: string) => findTriggers(normalizeText(message)).map((trigger) => trigger.kind);

describe('phrase rules on look-alikes', () => {
  it.each([
    'the client threatened to cancel the contract, who in sales should I loop in',
    'our biggest account is threatening to move to a competitor, can I offer a discount',
    "I'm thinking about suing my landlord, does the EAP offer legal advice?",
    'my neighbor is taking me to court over the fence, can I get a day off',
    "I'm going through a hard time, can I change my hours for a few weeks",
    'is there an FAQ about how harassment investigations work, for my HR certificate',
  ])('no trigger: %s', (message) => {
    expect(kinds(message)).toEqual([]);
  });

  it.each([
    [
      'my manager said if I mention the overtime thing again I can start looking for another job',
      'retaliation',
    ],
    ["our manager says we'll lose our jobs if we complain about the breaks", 'retaliation'],
    ["I'm writing to formally notify you that I've retained counsel", 'legal'],
    ['ppl at work keep calling me the n word as a "joke"', 'discrimination'],
    ["I've been pressured to approve expenses I know are fake", 'fraud'],
    ["my boss said he'll ruin my reputation if I leave", 'bullying'],
    ['mein Chef sagt, Frauen gehören nicht in die Werkstatt', 'discrimination'],
    ['the customer threatened to come back and hurt me', 'safety'],
    ['they keep denying my request for a ramp at the entrance and I use a wheelchair', 'discrimination'],
    ["I was told not to report my injury or I'd lose my bonus", 'retaliation'],
    ['each time a man with less experience got the promotion', 'discrimination'],
    ['they passed me over for the promotion after I returned from disability leave', 'discrimination'],
    ['I was told to backdate the safety certificates before the audit', 'fraud'],
    ["my boss is forcing me to work while I'm on medical leave", 'retaliation'],
    ["there's no fire extinguisher in the kitchen and the manager says it's not needed", 'safety'],
    ['my manager changed my hours without telling me', 'fraud'],
  ])('%s → %s', (message, kind) => {
    expect(kinds(message)).toContain(kind);
  });
});

describe('whole pipeline on look-alikes', () => {
  it.each([
    'I switched banks last week, how do I update where my paycheck gets deposited?',
    'a journalist emailed me about our new office, who handles press questions?',
    "can you send me the whistleblower policy? I'm just curious what it covers",
    'with the layoffs announced, will my benefits continue through the end of the month?',
    'I want to complain about the parking garage lighting',
    "we're killing it this quarter, is there a team bonus?",
    "the internal audit starts Monday, where do I find last year's expense approvals",
    'my legal last name changed after my divorce, how do I update payroll',
    'mi banco cambió el número de cuenta, ¿dónde actualizo mis datos para la nómina?',
    "I'm pregnant and so excited, when should I tell my manager about maternity leave?",
    "what's the policy on remote work from abroad? just want to read it",
    'where are the rules on reporting fraud written down?',
    'where is the procedure for discrimination complaints in the handbook?',
    // An ambiguous word with a harmless context: the concern model is not sure enough to confirm it.
    'my divorce attorney wants copies of my last six pay stubs',
    'I flubbed the client demo badly, is that going to hurt my review?',
    // Mishaps away from work, playful or weather "threats", a broken coffee machine, one's own legal matters.
    'I sprained my ankle hiking this weekend, can I work from home Monday',
    'nobody was hurt but I dented the company truck, what form do I fill',
    'our director threatened to make everyone do karaoke at the offsite lol',
    "there's a threat of snow tomorrow, is the office open",
    'my wallet was stolen on the bus with my badge in it, how do I get a new badge',
    'can the union rep sit in on my performance review',
    'can you send me the grievance procedure',
    'a client of ours is being sued, does that affect our project',
    'mi abogado de divorcio necesita mis recibos de nómina',
    'the coffee machine is not working again, who fixes it',
    'my condition is stable now, can I come back full time',
    "I can't log my hours because the app is down",
  ])('does not escalate: %s', async (message) => {
    expect((await orchestrator.run(input(message))).escalated).toBe(false);
  });

  it.each([
    'I told HR about the shortages in the register and since then I only get night shifts',
    'a man in the parking lot said he would wait for me after my shift',
    'some days I think everybody would be better without me around',
    'my manager asks me to approve invoices for a company owned by his brother',
    'the team lead calls me lazy in front of everyone almost every day',
    "since I told my boss I'm pregnant she stopped inviting me to client meetings",
    // A policy question that reports something, or names a crisis or danger, still goes to a person.
    'where are the rules on reporting fraud? my manager is falsifying invoices',
    'what is the procedure if I want to kill myself',
    'what are the rules when a coworker threatens to bring a gun',
    'my manager told me not to log my overtime hours',
    'they moved my desk next to the bathroom after I asked for a disability accommodation',
    'we pay invoices every month to a supplier nobody has ever met',
  ])('escalates: %s', async (message) => {
    expect((await orchestrator.run(input(message))).escalated).toBe(true);
  });
});
