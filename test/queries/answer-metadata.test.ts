import { afterAll, beforeAll, expect, it } from 'vitest';
import { adminHeaders, createTestApp, type TestApp } from '../helpers/app.js';
import { describeEachDatabase } from '../helpers/databases.js';

interface Answer {
  conversation_id: string;
  response: string;
  metadata: {
    escalated: boolean;
    kb_results: { title: string }[];
    answer: { status: string; articles: { id: string; title: string }[] };
  };
}

// The shipped knowledge base, as a new install serves it.
describeEachDatabase('answers that state the fact (metadata.answer)', (kind) => {
  let t: TestApp;
  const ask = async (message: string, conversationId?: string): Promise<Answer> => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/query',
      payload: {
        user_id: 'emp-answers',
        message,
        ...(conversationId ? { conversation_id: conversationId } : {}),
      },
    });
    expect(res.statusCode).toBe(200);
    return res.json() as Answer;
  };

  beforeAll(async () => {
    t = await createTestApp(kind);
  });
  afterAll(async () => t.close());

  it('names the quoted article in metadata.answer and states the fact, with a list quoted whole', async () => {
    const body = await ask('My dad passed away yesterday. How much bereavement leave can I take?');
    expect(body.metadata.answer.status).toBe('answered');
    expect(body.metadata.answer.articles[0]?.title).toBe('Bereavement leave');
    expect(body.metadata.answer.articles[0]?.id).toMatch(/\S/);
    expect(body.response).toContain('"Bereavement leave"');
    expect(body.response).toContain('five working days');
    // A sentence that introduces a list comes with its items, never alone.
    expect(body.response).toContain('Paid leave available:\n- Up to five working days');
    expect(body.response.split(/\s+/).length).toBeLessThanOrEqual(130);
    // Every earlier field is still there.
    expect(body.metadata.kb_results.length).toBeGreaterThan(0);
  });

  it('gives a follow-up in the same conversation the part not yet said', async () => {
    const first = await ask('How do I resign?');
    expect(first.metadata.answer.articles[0]?.title).toBe('Resigning and the offboarding process');
    const second = await ask('How do I resign? What else should I know?', first.conversation_id);
    expect(second.metadata.answer.status).toBe('answered');
    const quoted = (text: string) => text.split('\n\n')[0]!.replace(/^[^:]*: /, '');
    expect(quoted(second.response)).not.toBe(quoted(first.response));
    expect(second.response).not.toContain('Tell your manager first, in a conversation if possible.');
  });

  it('frames the answer in Spanish and keeps the quoted policy in English', async () => {
    const body = await ask('¿Cuántos días de vacaciones tengo al año?');
    expect(body.metadata.answer.status).toBe('answered');
    expect(body.metadata.answer.articles[0]?.title).toBe('PTO accrual: how much paid time off you earn');
    expect(body.response).toMatch(/^Según nuestro artículo/);
    expect(body.response).toContain('15 days a year');
    expect(body.response).toContain('Próximos pasos:');
  });

  it('says plainly that no article covers a question and offers a person', async () => {
    const body = await ask('Is there a company softball team I can join?');
    expect(body.metadata.answer).toEqual({ status: 'not_covered', articles: [] });
    expect(body.response).toMatch(/couldn't find an article/);
    expect(body.response).toMatch(/talk to a person/);
    const spanish = await ask('¿Hay un equipo de softball en la empresa?');
    expect(spanish.metadata.answer.status).toBe('not_covered');
    expect(spanish.response).toMatch(/^No encontré ningún artículo/);
  });

  it('marks an escalation as escalated and quotes no article, with the notice in the employee language', async () => {
    const body = await ask('I want to speak to a real person about my direct deposit');
    expect(body.metadata.escalated).toBe(true);
    expect(body.metadata.answer).toEqual({ status: 'escalated', articles: [] });
    const spanish = await ask('Quiero hablar con una persona de recursos humanos sobre mi nómina, por favor');
    expect(spanish.metadata.answer.status).toBe('escalated');
    expect(spanish.response).toContain('Su número de caso es');
    expect(spanish.response).not.toContain('Your case reference');
  });

  it('answers from an article added at run time, by its own words, without a restart', async () => {
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/v1/kb',
      headers: adminHeaders,
      payload: {
        title: 'Bicycle commuting allowance',
        category: 'Benefits',
        tags: ['bicycle', 'commuting'],
        content:
          'Employees who cycle to work receive a bicycle commuting allowance of $20 a month. Claim it under Expenses with the category Bicycle Commuting.',
      },
    });
    expect(created.statusCode).toBe(201);
    const body = await ask('How much is the bicycle commuting allowance?');
    expect(body.metadata.answer.status).toBe('answered');
    expect(body.metadata.answer.articles[0]?.title).toBe('Bicycle commuting allowance');
    expect(body.response).toContain('$20 a month');
  });

  it('streams the same metadata.answer in the done event, and documents it in OpenAPI', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/query/stream',
      payload: { user_id: 'emp-answers', message: 'When are W-2s published?' },
    });
    expect(res.statusCode).toBe(200);
    const done = res.body.split('\n\n').find((event) => event.startsWith('event: done'));
    const data = JSON.parse(
      done!
        .split('\n')
        .find((line) => line.startsWith('data: '))!
        .slice(6),
    ) as Answer;
    expect(data.metadata.answer.status).toBe('answered');
    expect(data.metadata.answer.articles[0]?.title).toBe('W-2 forms and year-end tax documents');
    expect(data.response).toContain('January 31');
    const spec = (await t.app.inject({ method: 'GET', url: '/openapi.json' })).json();
    const schema = JSON.stringify(spec.paths['/api/v1/query'].post.responses['200']);
    expect(schema).toContain('not_covered');
    expect(schema).toContain('out_of_scope');
  });
});
