import { describe, expect, it } from 'vitest';
import { loadShippedArticles } from '../../bench/kb-fixture.js';
import { createOrchestrator } from '../../src/modules/agents/orchestrator.js';
import { input } from './fixtures.js';

// Lines written for this test, none of them in data/training (the scope model never saw them).
const OUT_OF_SCOPE: [string, string][] = [
  ['chit-chat', 'hey, what are you up to this evening?'],
  ['chit-chat', 'can you tell me a story about a brave little toaster'],
  ['chit-chat', 'do you prefer summer or winter'],
  ['trivia', 'who composed the four seasons'],
  ['trivia', 'how many moons does jupiter have'],
  ['time', 'what time is it in sydney right now'],
  ['place', 'where am i at the moment'],
  ['weather', 'will there be thunderstorms in dallas tonight'],
  ['weather', 'is it going to be foggy tomorrow morning'],
  ['recipe', 'how do i make a vegan chili'],
  ['shopping', 'find me a cheap blender under fifty bucks'],
  ['travel', 'book me two nights in a hotel in prague for my honeymoon'],
  ['banking', 'move 300 from checking to my savings'],
  ['stocks', 'what is amazon stock trading at today'],
  ['smart-home', 'switch off the hallway lamp'],
  ['smart-home', 'play some classical music in the kitchen'],
  ['es', '¿qué tiempo hará el sábado en valencia?'],
  ['fr', 'donne-moi une recette de ratatouille'],
  ['de', 'wie hoch ist der eiffelturm?'],
];

// HR questions in out-of-scope words: they must keep their normal answer.
const IN_SCOPE: string[] = [
  'if it snows heavily, is the office closed and do I still get paid?',
  'can I book my own hotel for the sales conference and claim it back',
  'how does the employee share purchase plan work',
  'I changed banks last week, where do I enter my new account for my salary?',
  'what time does the benefits team answer the phone',
  'where do I go on my first day at the office',
  'I want to take two weeks off to travel to Peru, how do I request it',
];

const { orchestrator } = createOrchestrator(loadShippedArticles());

describe('out-of-scope messages', () => {
  it('none of them escalates, and at most one quotes an article', async () => {
    const quoting: string[] = [];
    for (const [, message] of OUT_OF_SCOPE) {
      const result = await orchestrator.run(input(message));
      expect(result.escalated, message).toBe(false);
      if (result.relevantCount > 0 || /according to our article/i.test(result.response))
        quoting.push(message);
    }
    // Known miss: "where am i at the moment" reads as a question about one's standing (scope 0.78) and
    // retrieval finds a Performance article for it.
    expect(quoting.length, quoting.join(' | ')).toBeLessThanOrEqual(1);
  });

  it('recognises most of them as out of scope: General, the HR-assistant reply, no search results', async () => {
    const recognised: string[] = [];
    for (const [, message] of OUT_OF_SCOPE) {
      const result = await orchestrator.run(input(message));
      if (!result.outOfScope) continue;
      recognised.push(message);
      expect(result.category).toBe('General');
      expect(result.kbResults).toEqual([]);
      expect(result.response).toMatch(
        /I can help with HR questions such as|preguntas de RR|questions RH|Personalfragen/,
      );
    }
    // Cross-validation catches ~56% of unseen out-of-scope lines; the rest get "no article covers this".
    expect(recognised.length).toBeGreaterThanOrEqual(Math.floor(OUT_OF_SCOPE.length * 0.4));
  });

  it('replies in the employee language', async () => {
    expect((await orchestrator.run(input('raconte-moi une blague sur les chats'))).response).toMatch(
      /questions RH/,
    );
    expect((await orchestrator.run(input('¿me cuentas un chiste de gatos?'))).response).toMatch(
      /preguntas de RR\. HH\./,
    );
    expect((await orchestrator.run(input('erzähl mir einen witz über katzen'))).response).toMatch(
      /Personalfragen/,
    );
    expect((await orchestrator.run(input('tell me a funny story about a pirate parrot'))).response).toMatch(
      /I can help with HR questions such as/,
    );
  });

  it.each(IN_SCOPE)('HR question in out-of-scope words stays in scope: "%s"', async (message) => {
    const result = await orchestrator.run(input(message));
    expect(result.outOfScope).toBe(false);
  });

  it('anger, repeats and a gloomy tone do not escalate chit-chat', async () => {
    const angry = await orchestrator.run(input('play my road trip playlist NOW!!!'));
    expect(angry.escalated).toBe(false);
    const repeated = await orchestrator.run(
      input('how many moons does jupiter have', {
        previousQuestions: ['how many moons does jupiter have', 'how many moons does jupiter have'],
      }),
    );
    expect(repeated.escalated).toBe(false);
  });

  it('a crisis or a threat inside chit-chat still escalates', async () => {
    const crisis = await orchestrator.run(
      input("what's the weather tomorrow, not that it matters, i want to end my life"),
    );
    expect(crisis.escalated).toBe(true);
    expect(crisis.outOfScope).toBe(false);
    expect(crisis.category).toBe('General');
    const threat = await orchestrator.run(
      input("forget the recipes, i'm going to kill my boss when he walks in tomorrow"),
    );
    expect(threat.escalated).toBe(true);
    expect(threat.outOfScope).toBe(false);
  });
});
