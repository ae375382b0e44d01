import { describe, expect, it } from 'vitest';
import type { Category } from '../../src/modules/agents/types.js';
import { buildTestOrchestrator, input } from './fixtures.js';

const { orchestrator } = buildTestOrchestrator();

const cases: [string, Category][] = [
  ['When is payday this month?', 'Payroll'],
  ['when will the money land in my bank', 'Payroll'],
  ['my paycheque is smaller than usual', 'Payroll'],
  ['How do I put my wife on my medical insurance?', 'Benefits'],
  ['what does the company put into my 401k', 'Benefits'],
  ['How many vacation days can I carry over?', 'LeaveManagement'],
  ['my kid is sick and I need to stay home tomorrow', 'LeaveManagement'],
  ['can I work from a cafe two days a week', 'Policy'],
  ['is it ok to accept a gift from a vendor', 'Policy'],
  ['When is my performance review?', 'Performance'],
  ['what do I need to do to get promoted', 'Performance'],
  ['How do I apply for an internal job?', 'Recruitment'],
  ['what do I get for recommending a friend who gets hired', 'Recruitment'],
  ['I forgot my password for the portal', 'General'],
  ['where is the lost and found in the building', 'General'],
  ['I moved, where do I change my address on file', 'General'],
];

describe('categorizer', () => {
  it.each(cases)('%s → %s', async (message, expected) => {
    const result = await orchestrator.run(input(message));
    expect(result.category).toBe(expected);
    expect(result.categoryConfidence).toBeGreaterThan(0);
    expect(result.categoryConfidence).toBeLessThanOrEqual(1);
  });

  it('tolerates typos', async () => {
    expect((await orchestrator.run(input('how do i enrol in benifits insurence'))).category).toBe('Benefits');
    expect((await orchestrator.run(input('how many vacaton days do i have'))).category).toBe(
      'LeaveManagement',
    );
  });

  it.each([
    ['¿Cuándo me pagan la nómina?', 'Payroll'],
    ['¿Cuántos días libres me quedan este año?', 'LeaveManagement'],
    ['Est-ce que la mutuelle couvre mon conjoint ?', 'Benefits'],
    ["J'ai oublié mon mot de passe", 'General'],
    ['Wie viel Resturlaub habe ich dieses Jahr?', 'LeaveManagement'],
    ['Wann wird das Gehalt überwiesen?', 'Payroll'],
  ] as [string, Category][])('categorizes %s as %s', async (message, expected) => {
    expect((await orchestrator.run(input(message))).category).toBe(expected);
  });

  it('lets a short follow-up lean on the previous user turn', async () => {
    const history = [
      { role: 'user' as const, content: 'How much paid time off do full-time employees accrue?' },
      { role: 'assistant' as const, content: 'Full-time employees accrue 15 days a year.' },
    ];
    const result = await orchestrator.run(input('what about part-timers?', { history }));
    expect(result.category).toBe('LeaveManagement');
  });

  it('files reports of misconduct under Policy and personal crises under General', async () => {
    expect((await orchestrator.run(input('my manager keeps making sexual comments about me'))).category).toBe(
      'Policy',
    );
    expect((await orchestrator.run(input('I feel like I want to die'))).category).toBe('General');
    expect(
      (await orchestrator.run(input('I want to die, between my overtime and my review I cannot cope')))
        .category,
    ).toBe('General');
  });

  it('files a report under Policy even when it names pay, a review or hiring (the label guide)', async () => {
    const ask = async (message: string) => (await orchestrator.run(input(message))).category;
    expect(await ask('my lead gave me the lowest review score because I am pregnant, he said so')).toBe(
      'Policy',
    );
    expect(await ask('our foreman edits the timesheets so the night crew is paid for fewer hours')).toBe(
      'Policy',
    );
    // Without a report the same subjects keep their topic.
    expect(await ask('when will my review score be final')).toBe('Performance');
  });

  it('keeps the topic of an angry message or a request for a person', async () => {
    const ask = async (message: string) => (await orchestrator.run(input(message))).category;
    expect(await ask('get me a real person on the phone about my overtime pay, right now')).toBe('Payroll');
    expect(await ask('this is a joke, fix my vacation balance now')).toBe('LeaveManagement');
    expect(await ask('can I talk to a human please')).toBe('General');
  });

  it('files a bare acknowledgement under General', async () => {
    expect((await orchestrator.run(input('ok cool, got it'))).category).toBe('General');
    expect((await orchestrator.run(input('perfect, thanks'))).category).toBe('General');
  });

  it('falls back to General when nothing in the message is recognisable', async () => {
    expect((await orchestrator.run(input('zzzz qqqq'))).category).toBe('General');
  });
});
