import { afterAll, beforeAll, expect, it } from 'vitest';
import { ManualClock } from '../../src/clock.js';
import { adminHeaders, createTestApp, type TestApp } from '../helpers/app.js';
import { describeEachDatabase } from '../helpers/databases.js';

interface Page {
  next_cursor: string | null;
  total: number;
  skip: number;
  limit: number;
}

/**
 * The append-only logs (audit log, webhook delivery log) page by cursor: walking them page by page gives every
 * entry exactly once, in the offset order, even when entries share a millisecond and new ones arrive between
 * pages; a cursor this API did not issue is a 422 in the error shape. Offset paging (`skip`) keeps working.
 */
describeEachDatabase('cursor pagination of the logs', (kind) => {
  let t: TestApp;
  const clock = new ManualClock(Date.UTC(2026, 5, 1));
  const get = (url: string) => t.app.inject({ method: 'GET', url, headers: adminHeaders });
  const addCannedReply = async (title: string) => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/canned-replies',
      headers: adminHeaders,
      payload: { title, body: `Body of ${title}` },
    });
    expect(res.statusCode).toBe(201);
  };

  /** Every page from the first, following next_cursor; `between` runs after the first page. */
  async function walk<T>(firstUrl: string, items: (page: Page) => T[], between?: () => Promise<void>) {
    const seen: T[] = [];
    let url = firstUrl;
    for (let pages = 0; pages < 50; pages++) {
      const res = await get(url);
      expect(res.statusCode).toBe(200);
      const page = res.json() as Page;
      seen.push(...items(page));
      if (page.next_cursor === null) return { seen, pages: pages + 1 };
      if (pages === 0 && between) await between();
      url = `${firstUrl}&cursor=${encodeURIComponent(page.next_cursor)}`;
    }
    throw new Error('the cursor walk did not end');
  }

  beforeAll(async () => {
    t = await createTestApp(kind, {}, { clock });
    // Seven entries, the first five in one millisecond: the id has to break the tie the same way each time.
    for (let i = 0; i < 7; i++) {
      await addCannedReply(`Reply ${i}`);
      if (i >= 4) clock.advance(1);
    }
  });
  afterAll(async () => t.close());

  it('walks the audit log by cursor in the offset order, each entry once', async () => {
    const ids = (page: Page) => (page as Page & { entries: { id: string }[] }).entries.map((e) => e.id);
    const all = ids((await get('/api/v1/audit?action=canned_reply.create&limit=100')).json());
    expect(all).toHaveLength(7);
    const { seen, pages } = await walk('/api/v1/audit?action=canned_reply.create&limit=3', ids);
    expect(pages).toBe(3);
    expect(seen).toEqual(all);
    // Offset paging still answers as before (and says where the cursor walk would continue).
    const second = (await get('/api/v1/audit?action=canned_reply.create&limit=3&skip=3')).json();
    expect(ids(second)).toEqual(all.slice(3, 6));
    expect(second).toMatchObject({ total: 7, skip: 3, limit: 3 });
    expect(typeof second.next_cursor).toBe('string');
  });

  it('neither repeats nor skips an entry when new ones are written between pages', async () => {
    const ids = (page: Page) => (page as Page & { entries: { id: string }[] }).entries.map((e) => e.id);
    const before = ids((await get('/api/v1/audit?action=canned_reply.create&limit=100')).json());
    const { seen } = await walk('/api/v1/audit?action=canned_reply.create&limit=2', ids, async () => {
      clock.advance(5);
      await addCannedReply('Written while paging A');
      await addCannedReply('Written while paging B');
    });
    // The walk saw exactly the entries that existed when it started: the newer ones are before its first page.
    expect(seen).toEqual(before);
    expect(new Set(seen).size).toBe(seen.length);
  });

  it('refuses a cursor it did not issue with a 422 naming the parameter', async () => {
    const forged = Buffer.from(JSON.stringify({ created_at: 1, id: 'x' })).toString('base64url');
    for (const cursor of ['not a cursor', 'AAAA', forged, Buffer.from('[1.5,"x"]').toString('base64url')]) {
      const res = await get(`/api/v1/audit?limit=2&cursor=${encodeURIComponent(cursor)}`);
      expect(res.statusCode, cursor).toBe(422);
      expect(res.json().error.code).toBe('VALIDATION_ERROR');
      expect(res.json().error.message).toContain('cursor');
    }
    const first = (await get('/api/v1/audit?limit=2')).json();
    const both = await get(`/api/v1/audit?limit=2&skip=2&cursor=${first.next_cursor}`);
    expect(both.statusCode).toBe(422);
    expect(both.json().error.message).toContain('cursor');
  });

  it('walks a webhook delivery log by cursor', async () => {
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/v1/webhooks',
      headers: adminHeaders,
      payload: { url: 'http://127.0.0.1:9/hook', events: ['query.created'] },
    });
    expect(created.statusCode).toBe(201);
    const hookId = created.json().id as string;
    // Five questions, three in the same millisecond; the worker is off, so each delivery stays pending.
    for (let i = 0; i < 5; i++) {
      const asked = await t.app.inject({
        method: 'POST',
        url: '/api/v1/query',
        payload: { message: `How many vacation days do I get? (${i})`, user_id: `emp-page-${i}` },
      });
      expect(asked.statusCode).toBe(200);
      if (i >= 2) clock.advance(1);
    }
    const ids = (page: Page) => (page as Page & { logs: { id: string }[] }).logs.map((l) => l.id);
    const base = `/api/v1/webhooks/${hookId}/deliveries`;
    const all = ids((await get(`${base}?limit=100`)).json());
    expect(all).toHaveLength(5);
    const { seen, pages } = await walk(`${base}?limit=2`, ids);
    expect(pages).toBe(3);
    expect(seen).toEqual(all);
    const bad = await get(`${base}?cursor=nope`);
    expect(bad.statusCode).toBe(422);
    expect(bad.json().error.code).toBe('VALIDATION_ERROR');
  });
});
