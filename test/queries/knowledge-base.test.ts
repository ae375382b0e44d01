import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminHeaders, createTestApp, type TestApp } from '../helpers/app.js';
import { describeEachDatabase } from '../helpers/databases.js';

const article = {
  title: 'Bicycle commuting allowance',
  content:
    'Employees who commute by bicycle at least three days a week receive a monthly bicycle commuting allowance ' +
    'of 40 dollars, paid with the second payroll run of each month. Register the bicycle in the employee portal.',
  category: 'Benefits',
  tags: ['Bike', 'commute', 'bike'],
};

describeEachDatabase('knowledge base API', (kind) => {
  let t: TestApp;
  const kbCount = async () =>
    Number(
      (
        await t.db.kysely
          .selectFrom('kb_articles')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  beforeAll(async () => {
    t = await createTestApp(kind);
  });
  afterAll(async () => t.close());

  it('seeds the shipped articles on first start, at least ten per category', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/kb?limit=100' });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.total).toBeGreaterThanOrEqual(70);
    for (const category of [
      'Recruitment',
      'Payroll',
      'Benefits',
      'Policy',
      'LeaveManagement',
      'Performance',
      'General',
    ]) {
      const page = (
        await t.app.inject({ method: 'GET', url: `/api/v1/kb?category=${category}&limit=1` })
      ).json();
      expect(page.total, category).toBeGreaterThanOrEqual(10);
      expect(page.articles[0].category).toBe(category);
    }
    const health = (await t.app.inject({ method: 'GET', url: '/api/v1/health' })).json();
    expect(health.agent_ready).toBe(true);
  });

  it('creates, reads, updates and deletes an article, and retrieval follows at once', async () => {
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/v1/kb',
      headers: adminHeaders,
      payload: article,
    });
    expect(created.statusCode).toBe(201);
    const body = created.json();
    expect(body.tags).toEqual(['bike', 'commute']);
    const id = body.id as string;

    const search = (
      await t.app.inject({ method: 'GET', url: '/api/v1/kb/search?q=bicycle%20commuting%20allowance' })
    ).json();
    expect(search.results[0].title).toBe(article.title);

    const asked = (
      await t.app.inject({
        method: 'POST',
        url: '/api/v1/query',
        payload: { message: 'Is there a bicycle commuting allowance?' },
      })
    ).json();
    expect(asked.metadata.kb_results.map((r: { title: string }) => r.title)).toContain(article.title);

    const updated = await t.app.inject({
      method: 'PUT',
      url: `/api/v1/kb/${id}`,
      headers: adminHeaders,
      payload: { title: 'Cycling to work allowance' },
    });
    expect(updated.statusCode).toBe(200);
    expect(updated.json().title).toBe('Cycling to work allowance');
    expect(updated.json().content).toBe(article.content);
    expect(updated.json().tags).toEqual(['bike', 'commute']);
    const afterUpdate = (
      await t.app.inject({ method: 'GET', url: '/api/v1/kb/search?q=bicycle%20commuting' })
    ).json();
    expect(afterUpdate.results[0].title).toBe('Cycling to work allowance');

    const fetched = await t.app.inject({ method: 'GET', url: `/api/v1/kb/${id}` });
    expect(fetched.json().title).toBe('Cycling to work allowance');

    const deleted = await t.app.inject({ method: 'DELETE', url: `/api/v1/kb/${id}`, headers: adminHeaders });
    expect(deleted.statusCode).toBe(204);
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/kb/${id}` })).statusCode).toBe(404);
    const afterDelete = (
      await t.app.inject({ method: 'GET', url: '/api/v1/kb/search?q=bicycle%20commuting' })
    ).json();
    expect(afterDelete.results.map((r: { id: string }) => r.id)).not.toContain(id);
    expect(
      (await t.app.inject({ method: 'DELETE', url: `/api/v1/kb/${id}`, headers: adminHeaders })).statusCode,
    ).toBe(404);
  });

  it('requires the admin key for writes but not for reads', async () => {
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/kb', payload: article })).statusCode).toBe(
      401,
    );
    const someId = (await t.app.inject({ method: 'GET', url: '/api/v1/kb?limit=1' })).json().articles[0].id;
    expect(
      (await t.app.inject({ method: 'PUT', url: `/api/v1/kb/${someId}`, payload: { title: 'x' } }))
        .statusCode,
    ).toBe(401);
    expect((await t.app.inject({ method: 'DELETE', url: `/api/v1/kb/${someId}` })).statusCode).toBe(401);
  });

  describe('rejects malformed input and stores nothing', () => {
    const cases: [string, unknown][] = [
      ['unknown category', { ...article, category: 'Snacks' }],
      ['empty title', { ...article, title: '' }],
      ['missing content', { title: 'x', category: 'Policy' }],
      ['tags not strings', { ...article, tags: [1, 2] }],
      ['extra field', { ...article, author: 'me' }],
    ];
    it.each(cases)('%s', async (_label, payload) => {
      const before = await kbCount();
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/v1/kb',
        headers: adminHeaders,
        payload: payload as object,
      });
      expect(res.statusCode).toBe(422);
      expect(res.json().error.code).toBe('VALIDATION_ERROR');
      expect(await kbCount()).toBe(before);
    });

    it('bad ids, empty updates, bad queries', async () => {
      expect((await t.app.inject({ method: 'GET', url: '/api/v1/kb/not-a-uuid' })).statusCode).toBe(422);
      const someId = (await t.app.inject({ method: 'GET', url: '/api/v1/kb?limit=1' })).json().articles[0].id;
      const empty = await t.app.inject({
        method: 'PUT',
        url: `/api/v1/kb/${someId}`,
        headers: adminHeaders,
        payload: {},
      });
      expect(empty.statusCode).toBe(422);
      for (const url of [
        '/api/v1/kb?limit=101',
        '/api/v1/kb?category=Nope',
        '/api/v1/kb/search',
        '/api/v1/kb/search?q=',
      ]) {
        expect((await t.app.inject({ method: 'GET', url })).statusCode, url).toBe(422);
      }
    });
  });
});

describeEachDatabase('knowledge base across processes', (kind) => {
  it('another process’s import reaches this process’s retrieval within a refresh, and titles stay unique', async () => {
    const t = await createTestApp(kind);
    try {
      const { KnowledgeService } = await import('../../src/modules/knowledge/knowledge.service.js');
      const { KnowledgeIndex } = await import('../../src/modules/knowledge/retrieval-index.js');
      const { systemClock } = await import('../../src/clock.js');
      // A second writer on the same database, like `npm run kb:import` or another replica.
      const other = new KnowledgeService(t.db, systemClock, new KnowledgeIndex([]));
      const imported = await other.import([
        {
          title: 'Sabbatical after ten years',
          content: 'Employees with ten years of continuous service may take a paid sabbatical of four weeks.',
          category: 'LeaveManagement',
          tags: ['sabbatical'],
        },
      ]);
      expect(imported.map((a) => a.action)).toEqual(['created']);
      const search = async () =>
        (await t.app.inject({ method: 'GET', url: '/api/v1/kb/search?q=paid%20sabbatical' })).json()
          .results as {
          title: string;
        }[];
      let titles: string[] = [];
      for (let i = 0; i < 40 && !titles.includes('Sabbatical after ten years'); i++) {
        await new Promise((resolve) => setTimeout(resolve, 250));
        titles = (await search()).map((r) => r.title);
      }
      expect(titles).toContain('Sabbatical after ten years');

      const duplicate = await t.app.inject({
        method: 'POST',
        url: '/api/v1/kb',
        headers: adminHeaders,
        payload: { title: 'Sabbatical after ten years', content: 'x', category: 'Policy' },
      });
      expect(duplicate.statusCode).toBe(409);
      expect(duplicate.json().error.code).toBe('CONFLICT');
    } finally {
      await t.close();
    }
  });
});
