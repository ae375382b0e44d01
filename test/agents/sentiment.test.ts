import { describe, expect, it } from 'vitest';
import { classifySentiment, computePriority } from '../../src/modules/agents/sentiment-analyzer.js';
import type { Sentiment } from '../../src/modules/agents/types.js';
import { buildTestOrchestrator, input } from './fixtures.js';

const { orchestrator } = buildTestOrchestrator();

describe('sentiment analyzer', () => {
  it.each([
    ['How do I change my direct deposit?', 'Neutral'],
    ['Thank you all, the new parking permits made my mornings so much easier!', 'Positive'],
    ['We just had a baby and I am so excited! How do I add her to my plan?', 'Positive'],
    ["I'm really worried I picked the wrong health plan", 'Negative'],
    ["I still haven't been paid for last month", 'Negative'],
    ['THIS IS RIDICULOUS. My pay is wrong AGAIN!!!', 'Angry'],
    ['Where the hell is my paycheck?', 'Angry'],
    ['Third time asking and nobody answers. Fix it now!!', 'Angry'],
    ['Es inaceptable, todavía no me han pagado', 'Angry'],
    ["C'est inacceptable, je n'ai pas reçu mon salaire", 'Angry'],
    ['Mein Kollege belästigt mich ständig', 'Negative'],
    // Good news as an idiom inside a plain question.
    ['I crushed my sales target this quarter, what does the commission pay out on the extra?', 'Positive'],
    ['thrilled to report I passed my probation, what happens next with my review?', 'Positive'],
  ] as [string, Sentiment][])('%s → %s', async (message, expected) => {
    expect((await orchestrator.run(input(message))).sentiment).toBe(expected);
  });

  it('does not read acronyms as shouting or HR topic words as feelings', () => {
    expect(classifySentiment('Is PTO separate from FMLA leave?', 'is pto separate from fmla leave?')).toBe(
      'Neutral',
    );
    expect(classifySentiment('How do sick days work?', 'how do sick days work?')).toBe('Neutral');
  });

  it('counts a reported concern as negative even when calmly worded', () => {
    expect(
      classifySentiment('My lead keeps commenting on my body', 'my lead keeps commenting on my body', true),
    ).toBe('Negative');
  });
});

describe('sentiment beyond stock phrases (trained on data/training/sentiment)', () => {
  it.each([
    ['we shipped the new warehouse system and it works, great job all! team award?', 'Positive'],
    ['my team smashed the product launch, so proud! is there a bonus for that?', 'Positive'],
    ["I'm dying to see the new office, when is the move?", 'Neutral'],
    ['What is the process to put a teammate forward for recognition?', 'Neutral'],
    ['Wie beantrage ich Bildungsurlaub?', 'Neutral'],
    ["I'm really anxious, my visa expires next month and nobody has sent the renewal letter", 'Negative'],
    ['Is anybody in payroll capable of reading a timesheet??', 'Angry'],
    ['Last warning: reimburse me by Friday or I take this to the labor commissioner.', 'Angry'],
  ] as [string, Sentiment][])('%s → %s', (message, expected) => {
    expect(classifySentiment(message, message.toLowerCase())).toBe(expected);
  });
});

describe('an Angry reading without visible anger', () => {
  // The model leans Angry on these calm questions from their words alone ("every", "why", "my boss
  // wants"); with no shouting, !!, insult or ultimatum in the text the next reading is taken.
  it.each([
    'my boss wants me to write my own review, is that normal',
    'why do my hours show different on every stub',
  ])('%s is not Angry', (message) => {
    expect(classifySentiment(message, message.toLowerCase())).not.toBe('Angry');
  });

  it('still reads a demand as Angry when the text shows it', () => {
    const message = 'Stop sending me articles. Why was my raise 1%? Answer the question.';
    expect(classifySentiment(message, message.toLowerCase())).toBe('Angry');
  });
});

describe('priority rules', () => {
  it('starts at 3 and adds 2 for Negative, 3 for Angry, 2 for a repeat and 2 for a VIP', () => {
    expect(computePriority('Neutral', 1, false)).toBe(3);
    expect(computePriority('Positive', 1, false)).toBe(3);
    expect(computePriority('Negative', 1, false)).toBe(5);
    expect(computePriority('Angry', 1, false)).toBe(6);
    expect(computePriority('Neutral', 2, false)).toBe(5);
    expect(computePriority('Neutral', 1, true)).toBe(5);
    expect(computePriority('Negative', 2, true)).toBe(9);
    expect(computePriority('Angry', 3, true)).toBe(10); // 3 + 3 + 2 + 2 = 10
  });

  it('is applied by the pipeline using the VIP flag and the repeat count', async () => {
    const plain = await orchestrator.run(input('When is payday?'));
    expect(plain.priority).toBe(3);
    const vip = await orchestrator.run(input('When is payday?', { isVip: true }));
    expect(vip.priority).toBe(5);
    const repeatedVip = await orchestrator.run(
      input('When is payday?', { isVip: true, previousQuestions: ['when is payday'] }),
    );
    expect(repeatedVip.attemptCount).toBe(2);
    expect(repeatedVip.priority).toBe(7);
  });
});
