import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { describeEachDatabase } from '../helpers/databases.js';
import { issueStaffTokens } from './staff-tokens.js';

const REPORTER = 'emp-reporter-7';
const REPORT = 'My team lead keeps sending me sexual messages at night and grabbed my arm in the car park';
const WORDS = 'grabbed my arm in the car park';
const COLLEAGUE = 'emp-pension-3';

/**
 * Who filed a confidential case is as sensitive as what they wrote: staff without the confidential:read
 * permission see that the case exists (priority, waiting time, status) but never the reporter's id, in any list,
 * search, or response they can reach.
 */
describeEachDatabase('the reporter of a confidential case', (kind) => {
  let t: TestApp;
  const token = {} as Record<'agent' | 'cleared' | 'auditor', string>;
  let confidentialId: string;
  let ordinaryId: string;
  const as = (who: keyof typeof token) => ({ authorization: `Bearer ${token[who]}` });
  const get = (url: string, who: keyof typeof token) =>
    t.app.inject({ method: 'GET', url, headers: as(who) });
  const ask = async (user_id: string, message: string) => {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/query', payload: { user_id, message } });
    expect(res.statusCode).toBe(200);
    expect(res.json().metadata.escalated).toBe(true);
    return res.json().conversation_id as string;
  };
  const find = (items: { conversation_id: string; user_id?: string | null }[], id: string) =>
    items.find((item) => item.conversation_id === id);

  beforeAll(async () => {
    t = await createTestApp(kind);
    Object.assign(
      token,
      await issueStaffTokens(t.app, { agent: 'hr_agent', cleared: 'hr_confidential', auditor: 'auditor' }),
    );
    confidentialId = await ask(REPORTER, REPORT);
    ordinaryId = await ask(COLLEAGUE, 'can I speak to a real person about my pension please');
  });
  afterAll(async () => t.close());

  it('is withheld from the escalation queue and the case list, while ordinary cases keep their employee', async () => {
    const queue = await get('/api/v1/escalations', 'agent');
    expect(queue.statusCode).toBe(200);
    expect(find(queue.json().escalations, confidentialId)).toMatchObject({
      confidential: true,
      user_id: null,
    });
    expect(find(queue.json().escalations, ordinaryId)).toMatchObject({
      confidential: false,
      user_id: COLLEAGUE,
    });
    expect(queue.body).not.toContain(REPORTER);

    const cases = await get('/api/v1/cases?view=all', 'agent');
    expect(cases.statusCode).toBe(200);
    const item = find(cases.json().cases, confidentialId);
    expect(item).toMatchObject({ confidential: true, user_id: null, escalation_reason: null, summary: '' });
    expect(item).toHaveProperty('priority');
    expect(item).toHaveProperty('waiting_seconds');
    expect(find(cases.json().cases, ordinaryId)).toMatchObject({ confidential: false, user_id: COLLEAGUE });
    expect(cases.body).not.toContain(REPORTER);
    expect(cases.body).not.toContain(WORDS);

    // Staff cleared for confidential cases see who reported it.
    const cleared = await get('/api/v1/cases?view=all', 'cleared');
    expect(find(cleared.json().cases, confidentialId)).toMatchObject({
      confidential: true,
      user_id: REPORTER,
    });
    const clearedQueue = await get('/api/v1/escalations', 'cleared');
    expect(find(clearedQueue.json().escalations, confidentialId)?.user_id).toBe(REPORTER);
  });

  it('cannot be found by searching for the employee, nor by listing their conversations', async () => {
    const search = await get(`/api/v1/cases?view=all&q=${REPORTER}`, 'agent');
    expect(search.statusCode).toBe(200);
    expect(search.json()).toMatchObject({ cases: [], total: 0 });
    const clearedSearch = await get(`/api/v1/cases?view=all&q=${REPORTER}`, 'cleared');
    expect(clearedSearch.json().total).toBe(1);
    // An ordinary case is still found by its employee.
    expect((await get(`/api/v1/cases?view=all&q=${COLLEAGUE}`, 'agent')).json().total).toBe(1);

    const list = await get(`/api/v1/users/${REPORTER}/conversations`, 'agent');
    expect(list.statusCode).toBe(200);
    expect(list.json()).toMatchObject({ conversations: [], total: 0 });
    expect(list.body).not.toContain(confidentialId);
    const clearedList = await get(`/api/v1/users/${REPORTER}/conversations`, 'cleared');
    expect(clearedList.json().total).toBe(1);
    expect(clearedList.json().conversations[0]).toMatchObject({ id: confidentialId, confidential: true });
  });

  it('is withheld from a lookup by id and from the answer to an assignment', async () => {
    const lookup = await t.app.inject({
      method: 'POST',
      url: '/api/v1/conversations/lookup',
      headers: as('agent'),
      payload: { conversation_ids: [confidentialId, ordinaryId] },
    });
    expect(lookup.statusCode).toBe(200);
    const conversations = lookup.json().conversations;
    expect(conversations.find((c: { id: string }) => c.id === confidentialId)).toMatchObject({
      user_id: null,
      title: '',
      escalation_reason: null,
    });
    expect(conversations.find((c: { id: string }) => c.id === ordinaryId).user_id).toBe(COLLEAGUE);
    expect(lookup.body).not.toContain(REPORTER);
    expect(lookup.body).not.toContain('sexual');

    // The chat in the open mode (no credentials) looks up its own ids and sees them whole.
    const own = await t.app.inject({
      method: 'POST',
      url: '/api/v1/conversations/lookup',
      payload: { conversation_ids: [confidentialId], user_id: REPORTER },
    });
    expect(own.json().conversations[0]).toMatchObject({ user_id: REPORTER, confidential: true });

    const assign = await t.app.inject({
      method: 'POST',
      url: `/api/v1/conversations/${confidentialId}/assign`,
      headers: as('agent'),
      payload: { agent: 'Sam' },
    });
    expect(assign.statusCode).toBe(200);
    expect(assign.json()).toMatchObject({ user_id: null, confidential: true, assigned_to: 'Sam' });
    expect(assign.body).not.toContain(REPORTER);
  });

  it('leaves no trace of the case in the employee list for uncleared staff', async () => {
    const entry = async (who: keyof typeof token) => {
      const res = await get(`/api/v1/users?q=${REPORTER}`, who);
      expect(res.statusCode).toBe(200);
      return res.json().employees.find((e: { user_id: string }) => e.user_id === REPORTER);
    };
    expect(await entry('agent')).toMatchObject({
      conversation_count: 0,
      open_case_count: 0,
      last_question: null,
      last_question_at: null,
      last_question_confidential: false,
      last_conversation_id: null,
    });
    expect(await entry('cleared')).toMatchObject({
      conversation_count: 1,
      open_case_count: 1,
      last_question_confidential: true,
      last_conversation_id: confidentialId,
    });
    // An ordinary employee's row is unchanged for the agent.
    const colleague = (await get(`/api/v1/users?q=${COLLEAGUE}`, 'agent')).json().employees[0];
    expect(colleague).toMatchObject({ conversation_count: 1, last_conversation_id: ordinaryId });
    expect(colleague.last_question).toContain('pension');
  });

  it("keeps the case's internal notes to cleared staff", async () => {
    const note = (who: keyof typeof token) =>
      t.app.inject({
        method: 'POST',
        url: `/api/v1/conversations/${confidentialId}/notes`,
        headers: as(who),
        payload: { content: 'Spoke to the witness in the car park' },
      });
    const refused = await note('agent');
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.code).toBe('FORBIDDEN');
    expect((await note('cleared')).statusCode).toBe(201);
    const read = await get(`/api/v1/conversations/${confidentialId}/notes`, 'agent');
    expect(read.statusCode).toBe(403);
    expect(read.body).not.toContain('witness');
    const clearedRead = await get(`/api/v1/conversations/${confidentialId}/notes`, 'cleared');
    expect(clearedRead.json().notes).toHaveLength(1);
    // Nothing half-written: the refused note was never stored.
    const stored = await t.db.kysely
      .selectFrom('case_notes')
      .select('id')
      .where('conversation_id', '=', confidentialId)
      .execute();
    expect(stored).toHaveLength(1);
  });

  it.each(['agent', 'auditor'] as const)(
    'appears in no GET response an uncleared %s can reach',
    async (who) => {
      const fill = (url: string) =>
        url
          .replace(':id', confidentialId)
          .replace(':user_id', REPORTER)
          .replace(/:[a-z_]+/g, 'x');
      const reached: string[] = [];
      for (const route of t.app.routeAccess) {
        if (route.method !== 'GET' || route.url.includes('/stream')) continue;
        const res = await get(fill(route.url), who);
        if (res.statusCode !== 200) continue;
        reached.push(route.url);
        expect(res.body, route.url).not.toContain(WORDS);
        expect(res.body, route.url).not.toContain('sexual');
        // The employee directory (and routes addressed by an employee's id) name the reporter as an employee;
        // they must still not point at the case. Everything else must not name them at all.
        if (route.url.includes(':user_id') || route.url === '/api/v1/users') {
          expect(res.body, route.url).not.toContain(confidentialId);
        } else {
          expect(res.body, route.url).not.toContain(REPORTER);
        }
      }
      // The sweep really read the lists the console uses (the agent) and the audit log and analytics (the auditor).
      expect(reached).toEqual(
        expect.arrayContaining(
          who === 'agent'
            ? [
                '/api/v1/escalations',
                '/api/v1/cases',
                '/api/v1/users',
                '/api/v1/users/:user_id/conversations',
              ]
            : ['/api/v1/audit', '/api/v1/analytics/summary'],
        ),
      );
    },
  );
});
