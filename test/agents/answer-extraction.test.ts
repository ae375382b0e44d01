import { describe, expect, it } from 'vitest';
import { extractAnswer } from '../../src/modules/agents/answer/extract.js';
import { carriesFact, questionType } from '../../src/modules/agents/answer/question-type.js';
import { passagesOf, splitSentences } from '../../src/modules/knowledge/passages.js';
import { analyzeText } from '../../src/modules/nlp/analyze.js';
import { normalizeText } from '../../src/modules/nlp/normalize.js';

const ARTICLE = [
  'The Company offers paid bereavement leave when someone close to you dies.',
  '',
  'Paid leave available:',
  '- Up to five working days for the death of a spouse, child, parent or sibling.',
  '- Up to three working days for the death of a grandparent, aunt or uncle.',
  '',
  'The days do not need to be consecutive and can be used within three months of the death. Timesheets are due by 10:00 a.m. on Monday.',
  '',
  'How to record it:',
  '',
  '- Tell your manager.',
  '- Enter the time in the employee portal under Time Off > Request Time Off.',
].join('\n');

const extract = (question: string, alreadySaid: string[] = []) =>
  extractAnswer({
    content: ARTICLE,
    stems: analyzeText(question).stems,
    type: questionType(normalizeText(question)),
    weight: () => 1,
    title: 'Bereavement leave',
    alreadySaid,
    maxWords: 85,
  });

describe('article passages', () => {
  it('keeps a list with the sentence that introduces it, even across a blank line', () => {
    const { units } = passagesOf(ARTICLE);
    const intros = units.filter((unit) => unit.kind === 'intro');
    expect(intros.map((unit) => unit.text)).toEqual(['Paid leave available:', 'How to record it:']);
    expect(intros.map((unit) => unit.items.length)).toEqual([2, 2]);
  });

  it('splits sentences at full stops, but not inside times such as "10:00 a.m. on Monday"', () => {
    expect(splitSentences('Timesheets are due by 10:00 a.m. on Monday. Managers approve them.')).toEqual([
      'Timesheets are due by 10:00 a.m. on Monday.',
      'Managers approve them.',
    ]);
    expect(splitSentences('Bring an ID, e.g. A passport. Then sign.')).toHaveLength(2);
  });
});

describe('answer extraction', () => {
  it('reads the kind of fact a question asks for, in four languages', () => {
    expect(questionType('how many days do i get')).toBe('amount');
    expect(questionType('cuantos dias me dan')).toBe('amount');
    expect(questionType('when is it due')).toBe('when');
    expect(questionType('wann ist zahltag')).toBe('when');
    expect(questionType('where do i enter it')).toBe('where');
    expect(questionType('who do i call')).toBe('who');
    expect(questionType('can i take it later')).toBe('rule');
    // A bare topic ending in "paid?" or "date" still asks for an amount or a date.
    expect(questionType('jury duty paid?')).toBe('amount');
    expect(questionType('bonus payout date?')).toBe('when');
  });

  it('reads a range ("four to eight reviewers") as an amount', () => {
    expect(carriesFact('amount', 'You choose four to eight reviewers.')).toBe(1);
    expect(carriesFact('amount', 'You choose your reviewers.')).toBe(0);
  });

  it('quotes a list with its introducing sentence and all of its items', () => {
    const { text, found } = extract('How much paid leave is available when my parent dies?');
    expect(found).toBe(true);
    expect(text).toContain('Paid leave available:');
    expect(text).toContain('five working days');
    expect(text).toContain('three working days');
  });

  it('never ends on a heading, and a follow-up gets the part not yet said', () => {
    const first = extract('How do I record bereavement leave?');
    expect(first.text).toContain('How to record it:');
    expect(first.text).toContain('Request Time Off');
    expect(first.text.trim().endsWith(':')).toBe(false);
    const second = extract('How do I record bereavement leave? Anything else?', [first.text]);
    expect(second.text).not.toContain('Request Time Off');
    expect(second.text.trim().endsWith(':')).toBe(false);
  });

  it('prefers the sentence carrying the asked-for fact', () => {
    const { text } = extract('When do I have to use the days by?');
    expect(text).toContain('within three months');
  });
});

describe('answer extraction: the sentences around the match', () => {
  const BADGES = [
    'Every employee receives a photo badge.',
    '',
    'Getting a badge: new employees receive theirs at orientation on their first day.',
    '',
    'Lost badge: report it in the portal under Workplace > Badge Request. A replacement is ready the next business day.',
    '',
    'Forms with a wrong address are corrected by the service desk. The corrected form follows within ten business days.',
  ].join('\n');
  const ask = (question: string, tags: string[] = []) =>
    extractAnswer({
      content: BADGES,
      stems: analyzeText(question).stems,
      type: questionType(normalizeText(question)),
      weight: () => 1,
      title: 'Badges',
      tags,
      alreadySaid: [],
      maxWords: 40,
    }).text;

  it('quotes the rest of the paragraph, where the asked-for fact often follows the matching sentence', () => {
    const text = ask('my form has a wrong address');
    expect(text).toContain('corrected by the service desk');
    expect(text).toContain('ten business days');
    expect(text).not.toContain('orientation');
  });

  it('counts the aspect word of a longer tag ("lost badge") as a word of the question', () => {
    const text = ask('lost badge', ['badge', 'lost badge']);
    expect(text).toContain('Badge Request');
    expect(text).not.toContain('orientation');
  });
});

describe('answer extraction: a label names the kind of fact', () => {
  const FINAL = [
    'Your last paycheck includes your regular pay and any unused PTO.',
    '',
    'When you receive it:',
    '- If you resign: with the usual payroll run.',
    '- If the Company ends your employment: on your final working date.',
    '',
    'Keep your account open until the last payment arrives.',
  ].join('\n');
  const ask = (question: string) =>
    extractAnswer({
      content: FINAL,
      stems: analyzeText(question).stems,
      type: questionType(normalizeText(question)),
      weight: () => 1,
      title: 'Last paycheck',
      alreadySaid: [],
      maxWords: 30,
    }).text;

  it('answers a question naming only the topic from the list labelled with the asked-for kind ("When…:")', () => {
    const text = ask('last paycheck when');
    expect(text).toContain('When you receive it:');
    expect(text).toContain('usual payroll run');
  });

  it('answers what the article includes from the sentence that says so, not from the timing list', () => {
    const text = ask('does my last paycheck include unused pto');
    expect(text).toContain('includes your regular pay');
  });
});

describe('answer extraction: everyday words reach the policy words', () => {
  const SAFETY = [
    'Keep walkways clear and follow the signs in your work area.',
    '',
    'You must report a spill or broken furniture in the portal.',
    '',
    'You will never be disciplined for reporting a spill in good faith.',
  ].join('\n');
  it('answers "could I get in trouble for…" with the sentence about discipline', () => {
    const question = 'could I get in trouble for reporting a spill';
    const { text } = extractAnswer({
      content: SAFETY,
      stems: analyzeText(question).stems,
      type: questionType(normalizeText(question)),
      weight: () => 1,
      title: 'Workplace safety',
      alreadySaid: [],
      maxWords: 12,
    });
    expect(text).toContain('never be disciplined');
  });
});

describe('answer extraction: how many of the thing asked about', () => {
  const FEEDBACK = [
    'Feedback is collected once a year, over three weeks in November.',
    '',
    'You choose four to eight reviewers from your team.',
  ].join('\n');
  it('prefers the sentence that counts the asked-for thing over another amount', () => {
    const question = 'how many feedback reviewers';
    const { text } = extractAnswer({
      content: FEEDBACK,
      stems: analyzeText(question).stems,
      type: questionType(normalizeText(question)),
      weight: () => 1,
      title: 'Feedback reviewers',
      alreadySaid: [],
      maxWords: 10,
    });
    expect(text).toContain('four to eight reviewers');
    expect(text).not.toContain('three weeks');
  });
});

describe('answer extraction: a short answer continues into the next paragraph', () => {
  const LOST = [
    'Every employee gets a photo badge on the first day.',
    '',
    'Lost badge: report it at the security desk.',
    '',
    'A replacement badge is free and ready the next business day.',
  ].join('\n');
  it('adds the next paragraph when the quoted answer is still short and it is on the point', () => {
    const question = 'lost my badge';
    const { text } = extractAnswer({
      content: LOST,
      stems: analyzeText(question).stems,
      type: questionType(normalizeText(question)),
      weight: () => 1,
      title: 'Badges',
      alreadySaid: [],
      maxWords: 60,
    });
    expect(text).toContain('security desk');
    expect(text).toContain('next business day');
  });
});
