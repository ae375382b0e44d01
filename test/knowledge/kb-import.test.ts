import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { adminHeaders, createTestApp, type TestApp } from '../helpers/app.js';
import { describeEachDatabase } from '../helpers/databases.js';
import {
  docxHandbook,
  type HandbookSection,
  markdownHandbook,
  multipartBody,
  pdfHandbook,
  zipBomb,
} from './handbook-fixtures.js';

const handbook: HandbookSection[] = [
  {
    title: 'Volunteer days',
    paragraphs: [
      'Everyone may take two paid volunteer days each calendar year to help a registered charity of their choice.',
      'Book volunteer days in the portal under Time Off > Volunteering at least one week ahead.',
    ],
  },
  {
    title: 'Bringing dogs to the office',
    paragraphs: [
      'Dogs are welcome on the third floor on Fridays once the building manager has approved them in writing.',
    ],
    bullets: ['Keep the dog on a lead in shared areas', 'Clean up after it at once'],
  },
  {
    title: 'Desk plants',
    paragraphs: ['Each desk may hold up to three small potted plants; facilities waters them on Mondays.'],
  },
];

describeEachDatabase('importing a handbook', (kind) => {
  let t: TestApp;
  const count = async (table: 'kb_articles' | 'kb_article_versions' | 'audit_log') =>
    Number(
      (
        await t.db.kysely
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const upload = (fileName: string, content: Buffer | string, query = '') => {
    const { payload, headers } = multipartBody(fileName, content);
    return t.app.inject({
      method: 'POST',
      url: `/api/v1/kb/import${query}`,
      payload,
      headers: { ...headers, ...adminHeaders },
    });
  };
  const ask = async (message: string) =>
    (
      await t.app.inject({ method: 'POST', url: '/api/v1/query', payload: { user_id: 'emp-7', message } })
    ).json();

  /** The titles retrieval finds (published articles only: what employees can be answered from). */
  const searchTitles = async (q: string): Promise<string[]> =>
    (await t.app.inject({ method: 'GET', url: `/api/v1/kb/search?q=${encodeURIComponent(q)}` }))
      .json()
      .results.map((r: { title: string }) => r.title);

  beforeAll(async () => {
    t = await createTestApp(kind, { KB_IMPORT_MAX_BYTES: String(512 * 1024) });
  });
  afterAll(async () => t.close());

  it('previews a Word handbook without writing, then imports it and answers from it at once', async () => {
    const docx = await docxHandbook('Acme employee handbook', handbook);
    const before = await count('kb_articles');
    const preview = await upload('acme-handbook.docx', docx, '?dry_run=true');
    expect(preview.statusCode).toBe(200);
    expect(preview.json()).toMatchObject({
      dry_run: true,
      format: 'docx',
      created: 3,
      updated: 0,
      unchanged: 0,
    });
    expect(preview.json().articles.map((a: { title: string }) => a.title)).toEqual(
      handbook.map((s) => s.title),
    );
    expect(await count('kb_articles')).toBe(before);

    const res = await upload('acme-handbook.docx', docx);
    expect(res.statusCode).toBe(200);
    const report = res.json();
    expect(report).toMatchObject({ dry_run: false, source: 'acme-handbook.docx', created: 3 });
    for (const article of report.articles) {
      expect(article.action).toBe('created');
      expect(article.category).toBe(article.suggested_category);
    }
    expect(report.articles[0].category).toBe('LeaveManagement');
    expect(await count('kb_articles')).toBe(before + 3);

    const answer = await ask('how many paid volunteer days can I take for a charity?');
    expect(answer.response).toContain('two paid volunteer days');
    const article = (
      await t.app.inject({ method: 'GET', url: `/api/v1/kb/${report.articles[0].id}` })
    ).json();
    expect(article).toMatchObject({ version: 1, status: 'published', source: 'acme-handbook.docx' });
  });

  it('re-importing an edited handbook updates only the edited section, as version 2', async () => {
    const edited = handbook.map((s) =>
      s.title === 'Desk plants'
        ? {
            ...s,
            paragraphs: [
              'Each desk may hold up to five small potted plants; facilities waters them on Mondays.',
            ],
          }
        : s,
    );
    const res = await upload('acme-handbook.docx', await docxHandbook('Acme employee handbook', edited));
    expect(res.statusCode).toBe(200);
    const report = res.json();
    expect(report).toMatchObject({ created: 0, updated: 1, unchanged: 2 });
    const plants = report.articles.find((a: { title: string }) => a.title === 'Desk plants');
    expect(plants).toMatchObject({ action: 'updated', version: 2 });

    const versions = await t.app.inject({
      method: 'GET',
      url: `/api/v1/kb/${plants.id}/versions`,
      headers: adminHeaders,
    });
    expect(versions.statusCode).toBe(200);
    const list = versions.json().versions;
    expect(list.map((v: { version: number }) => v.version)).toEqual([2, 1]);
    expect(list[0].content).toContain('up to five small potted plants');
    expect(list[1].content).toContain('up to three small potted plants');
    expect(list[0]).toMatchObject({
      source: 'acme-handbook.docx',
      author: expect.stringContaining('bootstrap'),
    });
    const unchanged = report.articles.find((a: { title: string }) => a.title === 'Volunteer days');
    expect(unchanged).toMatchObject({ action: 'unchanged', version: 1 });
  });

  it('re-importing a handbook that dropped a section reports it, keeps it answering, and unpublishes it only when asked', async () => {
    const sections: HandbookSection[] = [
      {
        title: 'Bicycle parking',
        paragraphs: ['Bicycles go in the basement rack; the door code is printed on the back of your badge.'],
      },
      {
        title: 'Rooftop terrace',
        paragraphs: [
          'The rooftop terrace is open to staff from 11:00 to 19:00 on weekdays from May to September.',
        ],
      },
    ];
    const first = await upload('campus-guide.md', markdownHandbook('Campus guide', sections));
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ created: 2, removed: [] });
    const terrace = first.json().articles.find((a: { title: string }) => a.title === 'Rooftop terrace');
    const shortened = markdownHandbook('Campus guide', sections.slice(0, 1));

    // Told, not decided for: the dropped section is listed and still published, with a warning naming it.
    const kept = await upload('campus-guide.md', shortened);
    expect(kept.statusCode).toBe(200);
    expect(kept.json()).toMatchObject({
      unchanged: 1,
      removed: [
        { id: terrace.id, title: 'Rooftop terrace', status: 'published', version: 1, action: 'kept' },
      ],
    });
    expect(kept.json().warnings.join(' ')).toMatch(/"Rooftop terrace".*unpublish_removed=true/);
    expect(await searchTitles('rooftop terrace opening hours')).toContain('Rooftop terrace');

    // A preview of unpublishing writes nothing.
    const versionsBefore = await count('kb_article_versions');
    const preview = await upload('campus-guide.md', shortened, '?dry_run=true&unpublish_removed=true');
    expect(preview.json().removed).toEqual([
      { id: terrace.id, title: 'Rooftop terrace', status: 'draft', version: 2, action: 'unpublished' },
    ]);
    expect(await count('kb_article_versions')).toBe(versionsBefore);

    const unpublished = await upload('campus-guide.md', shortened, '?unpublish_removed=true');
    expect(unpublished.statusCode).toBe(200);
    expect(unpublished.json().removed).toEqual([
      { id: terrace.id, title: 'Rooftop terrace', status: 'draft', version: 2, action: 'unpublished' },
    ]);
    expect(unpublished.json().warnings).toEqual([]);
    const stored = (
      await t.app.inject({ method: 'GET', url: `/api/v1/kb/${terrace.id}`, headers: adminHeaders })
    ).json();
    expect(stored).toMatchObject({ status: 'draft', version: 2 });
    expect(await searchTitles('rooftop terrace opening hours')).not.toContain('Rooftop terrace');

    // Articles from other files are never reported: the Word handbook's sections are not in this file either.
    expect(unpublished.json().removed.map((r: { title: string }) => r.title)).not.toContain('Desk plants');
  });

  it('an answer names the article version it quoted, in the response, the conversation and the webhook', async () => {
    const hook = await t.app.inject({
      method: 'POST',
      url: '/api/v1/webhooks',
      payload: { url: 'http://127.0.0.1:9/hooks', events: ['query.created'] },
      headers: adminHeaders,
    });
    expect(hook.statusCode).toBe(201);
    const answer = await ask('how many potted plants may I keep on my desk?');
    expect(answer.response).toContain('up to five small potted plants');
    const quoted = answer.metadata.answer.articles[0];
    expect(quoted).toMatchObject({ title: 'Desk plants', version: 2 });

    const conversation = await t.app.inject({
      method: 'GET',
      url: `/api/v1/conversations/${answer.conversation_id}?user_id=emp-7`,
      headers: adminHeaders,
    });
    const reply = conversation.json().messages.find((m: { role: string }) => m.role === 'assistant');
    expect(reply.answer.articles[0]).toMatchObject({ id: quoted.id, version: 2 });

    const delivery = await t.db.kysely
      .selectFrom('webhook_deliveries')
      .select('payload')
      .where('webhook_id', '=', hook.json().id)
      .executeTakeFirstOrThrow();
    expect(JSON.parse(delivery.payload).data.metadata.answer.articles[0]).toMatchObject({
      id: quoted.id,
      version: 2,
    });
  });

  it('imports Markdown and PDF handbooks the same way', async () => {
    const md = markdownHandbook('Site rules', [
      {
        title: 'Bike storage',
        paragraphs: ['Bikes go in the basement cage; the door code changes every quarter.'],
      },
    ]);
    expect((await upload('site.md', md)).json()).toMatchObject({ format: 'markdown', created: 1 });
    const pdf = await pdfHandbook('Site rules', [
      {
        title: 'Visitor badges',
        paragraphs: ['Visitors collect a paper badge at reception and return it on leaving.'],
      },
    ]);
    expect((await upload('site.pdf', pdf)).json()).toMatchObject({ format: 'pdf', created: 1 });
  });

  it.each([
    ['an unknown type', 'payroll.xlsx', () => Buffer.from('PK not really'), 415],
    ['a damaged PDF', 'broken.pdf', () => Buffer.from('%PDF-1.7\nnothing here'), 422],
    ['a DOCX that is not a ZIP', 'fake.docx', () => Buffer.from('plain text pretending'), 422],
    ['a ZIP bomb', 'bomb.docx', () => zipBomb(6 * 1024 * 1024), 413],
    [
      'a file over KB_IMPORT_MAX_BYTES',
      'huge.md',
      () => Buffer.from(`# Big\n\n${'word '.repeat(120_000)}`),
      413,
    ],
    ['an empty file', 'empty.md', () => Buffer.alloc(0), 422],
  ] as const)(
    'refuses %s with a 4xx in the error shape and writes nothing',
    async (_what, name, make, status) => {
      const [articles, versions] = [await count('kb_articles'), await count('kb_article_versions')];
      const res = await upload(name, make());
      expect(res.statusCode).toBe(status);
      expect(res.json().error).toMatchObject({ code: expect.any(String), message: expect.any(String) });
      expect([await count('kb_articles'), await count('kb_article_versions')]).toEqual([articles, versions]);
    },
  );

  it('refuses a body that is not multipart with 415, and a missing admin key with 401', async () => {
    const json = await t.app.inject({
      method: 'POST',
      url: '/api/v1/kb/import',
      payload: { file: 'x' },
      headers: adminHeaders,
    });
    expect(json.statusCode).toBe(415);
    const { payload, headers } = multipartBody('a.md', '# A\n\ntext');
    expect(
      (await t.app.inject({ method: 'POST', url: '/api/v1/kb/import', payload, headers })).statusCode,
    ).toBe(401);
  });

  it('lands an import whole or not at all when the database fails half-way', async () => {
    // A trigger that fails the second article's insert: the first must not stay behind.
    if (kind === 'sqlite')
      await sql`CREATE TRIGGER refuse_boom BEFORE INSERT ON kb_articles WHEN NEW.title = 'Boom' BEGIN SELECT RAISE(ABORT, 'boom'); END`.execute(
        t.db.kysely,
      );
    else {
      await sql`CREATE FUNCTION refuse_boom() RETURNS trigger AS $$ BEGIN IF NEW.title = 'Boom' THEN RAISE EXCEPTION 'boom'; END IF; RETURN NEW; END $$ LANGUAGE plpgsql`.execute(
        t.db.kysely,
      );
      await sql`CREATE TRIGGER refuse_boom BEFORE INSERT ON kb_articles FOR EACH ROW EXECUTE FUNCTION refuse_boom()`.execute(
        t.db.kysely,
      );
    }
    try {
      const [articles, versions, audits] = [
        await count('kb_articles'),
        await count('kb_article_versions'),
        await count('audit_log'),
      ];
      const md = '# Two\n\n## Fine section\n\nThis one would be written first.\n\n## Boom\n\nThis one fails.';
      const res = await upload('two.md', md);
      expect(res.statusCode).toBe(500);
      expect([
        await count('kb_articles'),
        await count('kb_article_versions'),
        await count('audit_log'),
      ]).toEqual([articles, versions, audits]);
      const search = await t.app.inject({ method: 'GET', url: '/api/v1/kb/search?q=written%20first' });
      expect(search.json().results.map((r: { title: string }) => r.title)).not.toContain('Fine section');
    } finally {
      await sql`DROP TRIGGER refuse_boom${sql.raw(kind === 'sqlite' ? '' : ' ON kb_articles')}`.execute(
        t.db.kysely,
      );
    }
  });

  it('keeps scripts and remote images out of an imported HTML page and warns about them', async () => {
    const html =
      '<h1>Policies</h1><h2>Lost badges</h2><p onmouseover="steal()">Report a lost badge to security within 24 hours.' +
      '<img src="https://tracker.example/p.gif"></p><script>steal()</script>';
    const res = await upload('policies.html', html);
    expect(res.statusCode).toBe(200);
    expect(res.json().warnings.join(' ')).toMatch(
      /script element.*image|image.*script element|script element/,
    );
    const id = res.json().articles[0].id;
    const article = (await t.app.inject({ method: 'GET', url: `/api/v1/kb/${id}` })).json();
    expect(article.content).toBe('Report a lost badge to security within 24 hours.');
  });
});

describeEachDatabase('drafts and review', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(kind);
  });
  afterAll(async () => t.close());

  const draft = {
    title: 'Sabbatical leave',
    content:
      'After seven years of service you may take a paid sabbatical of six weeks, agreed with your manager.',
    category: 'LeaveManagement',
    tags: ['sabbatical'],
    status: 'draft',
  };

  it('a draft is never answered from and hidden from employees until published', async () => {
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/v1/kb',
      payload: draft,
      headers: adminHeaders,
    });
    expect(created.statusCode).toBe(201);
    const { id } = created.json();
    const search = async () =>
      (await t.app.inject({ method: 'GET', url: '/api/v1/kb/search?q=paid%20sabbatical%20seven%20years' }))
        .json()
        .results.map((r: { id: string }) => r.id);
    expect(await search()).not.toContain(id);
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/kb/${id}` })).statusCode).toBe(404);
    expect(
      (await t.app.inject({ method: 'GET', url: `/api/v1/kb/${id}`, headers: adminHeaders })).json().status,
    ).toBe('draft');
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/kb?status=draft' })).statusCode).toBe(401);
    const drafts = await t.app.inject({
      method: 'GET',
      url: '/api/v1/kb?status=draft',
      headers: adminHeaders,
    });
    expect(drafts.json().articles.map((a: { id: string }) => a.id)).toEqual([id]);

    const published = await t.app.inject({
      method: 'POST',
      url: `/api/v1/kb/${id}/publish`,
      headers: adminHeaders,
    });
    expect(published.json()).toMatchObject({ status: 'published', version: 2 });
    expect(await search()).toContain(id);
    const audit = await t.app.inject({
      method: 'GET',
      url: `/api/v1/audit?target_id=${id}`,
      headers: adminHeaders,
    });
    expect(audit.json().entries.map((e: { action: string }) => e.action)).toEqual(
      expect.arrayContaining(['kb.create', 'kb.publish']),
    );
  });

  it('lists articles due for review and drops one once reviewed, with its owner', async () => {
    const due = async () =>
      (
        await t.app.inject({
          method: 'GET',
          url: '/api/v1/kb?review_due=true&limit=100',
          headers: adminHeaders,
        })
      ).json();
    // A fresh knowledge base was created just now: nothing is due within the default year.
    expect((await due()).total).toBe(0);
    const old = Date.now() - 400 * 24 * 60 * 60 * 1000;
    await t.db.kysely.updateTable('kb_articles').set({ created_at: old }).execute();
    const list = await due();
    expect(list.total).toBeGreaterThan(50);
    const first = list.articles[0];
    const reviewed = await t.app.inject({
      method: 'POST',
      url: `/api/v1/kb/${first.id}/review`,
      payload: { owner: 'Priya (benefits)' },
      headers: adminHeaders,
    });
    expect(reviewed.statusCode).toBe(200);
    expect(reviewed.json()).toMatchObject({ owner: 'Priya (benefits)', reviewed_at: expect.any(String) });
    const after = await due();
    expect(after.total).toBe(list.total - 1);
    expect(after.articles.map((a: { id: string }) => a.id)).not.toContain(first.id);
  });
});
