import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import { ManualClock } from '../../src/clock.js';
import { seedConversation } from '../handoff/seed.js';
import { adminHeaders, createTestApp, type TestApp } from '../helpers/app.js';
import { describeEachDatabase } from '../helpers/databases.js';

const T0 = Date.UTC(2026, 5, 1, 12, 0, 0);
const MIN = 60_000;
const HOUR = 60 * MIN;
const UNKNOWN = '00000000-0000-4000-8000-000000000000';

describeEachDatabase('the agent workspace', (kind) => {
  let t: TestApp;
  const clock = new ManualClock(T0);
  const db = () => t.db.kysely;
  const admin = (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: object) =>
    t.app.inject({ method, url, headers: adminHeaders, ...(payload && { payload }) });
  const anonymous = (method: 'GET' | 'POST', url: string, payload?: object) =>
    t.app.inject({ method, url, ...(payload && { payload }) });
  const ids = (body: { cases: { conversation_id: string }[] }) => body.cases.map((c) => c.conversation_id);

  beforeAll(async () => {
    t = await createTestApp(
      kind,
      { SLA_FIRST_RESPONSE_MINUTES: '9:60,1:240', SLA_RESOLUTION_HOURS: '9:24,1:72' },
      { clock },
    );
  });
  afterAll(async () => t.close());
  beforeEach(async () => {
    clock.set(T0);
    await db().deleteFrom('case_notes').execute();
    await db().deleteFrom('messages').execute();
    await db().deleteFrom('conversations').execute();
    await db().deleteFrom('users').execute();
  });

  const escalated = (userId: string, priority: number, minutesAgo: number, extra = {}) =>
    seedConversation(db(), {
      userId,
      priority,
      category: 'LeaveManagement',
      sentiment: 'Negative',
      reason: 'asked for a person',
      escalatedAt: T0 - minutesAgo * MIN,
      turns: [{ question: `Question from ${userId}`, at: T0 - minutesAgo * MIN }],
      ...extra,
    });

  it('gives each escalated conversation a short case reference, in order, and none to answered ones', async () => {
    const ask = (message: string, user_id: string) =>
      anonymous('POST', '/api/v1/query', { message, user_id }).then((r) => r.json());
    const first = await ask(
      'My manager keeps making sexual comments about me and I want to talk to a person in HR.',
      'e1',
    );
    const second = await ask(
      'I want to report harassment by my supervisor, please get me a person in HR.',
      'e2',
    );
    const plain = await ask('Is the staff canteen open on Saturdays?', 'e3');
    expect(first.metadata.escalated && second.metadata.escalated).toBe(true);
    const get = (id: string) => anonymous('GET', `/api/v1/conversations/${id}`).then((r) => r.json());
    const [a, b, c] = await Promise.all([
      get(first.conversation_id),
      get(second.conversation_id),
      get(plain.conversation_id),
    ]);
    expect(a.case_reference).toMatch(/^HR-\d+$/);
    expect(Number(b.case_reference.slice(3))).toBe(Number(a.case_reference.slice(3)) + 1);
    expect(c.case_reference).toBeNull();
    expect(c.case_status).toBeNull();
    expect(a.case_status).toBe('open');
    // The answer names the short reference, never the conversation's UUID.
    expect(first.response).toContain(a.case_reference);
    expect(first.response).not.toContain(first.conversation_id);
    expect(a.messages.at(-1).content).toBe(first.response);
  });

  it('computes response-time targets by priority band, and marks breaches', async () => {
    const urgent = await escalated('e-urgent', 9, 90); // first response due 60 min after escalation: breached
    const normal = await escalated('e-normal', 5, 90); // due after 240 min: on track
    const [u, n] = await Promise.all([
      admin('GET', `/api/v1/cases/${urgent}`),
      admin('GET', `/api/v1/cases/${normal}`),
    ]);
    expect(u.statusCode).toBe(200);
    expect(u.json().sla).toEqual({
      first_response_due_at: new Date(T0 - 30 * MIN).toISOString(),
      resolution_due_at: new Date(T0 - 90 * MIN + 24 * HOUR).toISOString(),
      first_response_breached: true,
      resolution_breached: false,
    });
    expect(u.json().sla_standing).toBe('breached');
    expect(n.json().sla).toMatchObject({
      first_response_due_at: new Date(T0 + 150 * MIN).toISOString(),
      resolution_due_at: new Date(T0 - 90 * MIN + 72 * HOUR).toISOString(),
      first_response_breached: false,
      resolution_breached: false,
    });
    expect(n.json().sla_standing).toBe('on_track');
    // The queue carries the same fields.
    const queue = (await admin('GET', '/api/v1/escalations')).json();
    expect(queue.escalations[0].sla.first_response_breached).toBe(true);

    // A reply before the target keeps the first response met; the resolution target still runs.
    expect(
      (await admin('POST', `/api/v1/conversations/${normal}/reply`, { message: 'Looking into it.' }))
        .statusCode,
    ).toBe(200);
    clock.advance(80 * HOUR);
    const later = (await admin('GET', `/api/v1/cases/${normal}`)).json();
    expect(later.sla.first_response_breached).toBe(false);
    expect(later.sla.resolution_breached).toBe(true);
    expect(later.first_response_at).toBe(new Date(T0).toISOString());
  });

  it('lists cases compactly with saved views, filters and sorting', async () => {
    const urgentOld = await escalated('e-a', 9, 120); // overdue (first response 60 min)
    const mid = await escalated('e-b', 6, 30, { category: 'Payroll' });
    const mine = await escalated('e-c', 7, 60, { status: 'Assigned', assignedTo: 'Dana' });
    const theirs = await escalated('e-d', 4, 10, { status: 'Assigned', assignedTo: 'Sam' });
    const closed = await escalated('e-e', 8, 500, {
      status: 'Resolved',
      resolvedAt: T0 - 10 * MIN,
      resolvedBy: 'Sam',
    });
    await seedConversation(db(), { userId: 'e-f', turns: [{ question: 'Payday?', at: T0 }] });

    const open = (await admin('GET', '/api/v1/cases?agent=Dana')).json();
    expect(ids(open)).toEqual([urgentOld, mine, mid, theirs]); // assigned cases stay in "open"
    expect(open.views).toEqual({ open: 4, unassigned: 2, overdue: 1, mine: 1 });
    const item = open.cases[0];
    expect(item).toMatchObject({
      case_status: 'open',
      sla_standing: 'breached',
      waiting_seconds: 7200,
      question_count: 1,
    });
    expect(item.summary).toContain('Question from e-a');
    expect(item).not.toHaveProperty('transcript');

    expect(ids((await admin('GET', '/api/v1/cases?view=mine&agent=Dana')).json())).toEqual([mine]);
    expect(ids((await admin('GET', '/api/v1/cases?view=unassigned')).json())).toEqual([urgentOld, mid]);
    expect(ids((await admin('GET', '/api/v1/cases?view=overdue')).json())).toEqual([urgentOld]);
    expect(ids((await admin('GET', '/api/v1/cases?view=resolved')).json())).toEqual([closed]);
    expect(ids((await admin('GET', '/api/v1/cases?view=all&sort=waiting')).json())).toEqual([
      closed,
      urgentOld,
      mine,
      mid,
      theirs,
    ]);
    expect(ids((await admin('GET', '/api/v1/cases?category=Payroll')).json())).toEqual([mid]);
    expect(ids((await admin('GET', '/api/v1/cases?assignee=Sam')).json())).toEqual([theirs]);
    expect(ids((await admin('GET', '/api/v1/cases?status=assigned&sort=priority&order=asc')).json())).toEqual(
      [theirs, mine],
    );
    expect(ids((await admin('GET', '/api/v1/cases?min_priority=7')).json())).toEqual([urgentOld, mine]);
    expect(ids((await admin('GET', '/api/v1/cases?sort=due&order=asc')).json())[0]).toBe(urgentOld);
    expect(ids((await admin('GET', '/api/v1/cases?q=e-b')).json())).toEqual([mid]);
    const page = (await admin('GET', '/api/v1/cases?limit=2&skip=1')).json();
    expect(page).toMatchObject({ total: 4, skip: 1, limit: 2 });
    expect(ids(page)).toEqual([mine, mid]);
  });

  it('refuses bad list parameters and anonymous callers in plain words', async () => {
    expect((await anonymous('GET', '/api/v1/cases')).statusCode).toBe(401);
    for (const query of ['view=nope', 'sort=colour', 'limit=0', 'min_priority=11', 'category=Snacks']) {
      const res = await admin('GET', `/api/v1/cases?${query}`);
      expect(res.statusCode, query).toBe(422);
      expect(res.json().error.code).toBe('VALIDATION_ERROR');
    }
  });

  it('replies without resolving; the employee answering puts the case back to assigned', async () => {
    const id = await escalated('e-reply', 6, 20);
    const res = await admin('POST', `/api/v1/conversations/${id}/reply`, {
      message: 'Could you tell me which dates?',
      agent: 'Dana',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      status: 'WaitingOnEmployee',
      case_status: 'waiting_on_employee',
      assigned_to: 'Dana',
      first_response_at: new Date(T0).toISOString(),
    });
    const messageId = res.json().message_id;
    const conversation = (await anonymous('GET', `/api/v1/conversations/${id}`)).json();
    expect(conversation.unread).toBe(true);
    expect(conversation.messages.at(-1)).toMatchObject({
      id: messageId,
      role: 'agent',
      content: 'Could you tell me which dates?',
    });

    // The employee looks: no longer unread.
    clock.advance(MIN);
    expect(
      (await anonymous('POST', `/api/v1/conversations/${id}/seen`, { user_id: 'someone-else' })).statusCode,
    ).toBe(404);
    expect(
      (await anonymous('POST', `/api/v1/conversations/${id}/seen`, { user_id: 'e-reply' })).json().unread,
    ).toBe(false);
    expect((await anonymous('GET', `/api/v1/conversations/${id}`)).json().unread).toBe(false);

    // The employee answers: the case is Dana's again.
    clock.advance(MIN);
    const answer = await anonymous('POST', '/api/v1/query', {
      message: 'From 3 to 7 August.',
      user_id: 'e-reply',
      conversation_id: id,
    });
    expect(answer.statusCode).toBe(200);
    const after = (await admin('GET', `/api/v1/cases/${id}`)).json();
    expect(after).toMatchObject({ status: 'Assigned', case_status: 'assigned', assigned_to: 'Dana' });

    // Reassign keeps the status; resolve then reopen.
    expect(
      (await admin('POST', `/api/v1/conversations/${id}/assign`, { agent: 'Sam' })).json().assigned_to,
    ).toBe('Sam');
    const resolved = await admin('POST', `/api/v1/conversations/${id}/resolve`, {
      response: 'Booked.',
      resolved_by: 'Sam',
    });
    expect(resolved.json().case_status).toBe('resolved');
    expect((await admin('POST', `/api/v1/conversations/${id}/reply`, { message: 'More?' })).statusCode).toBe(
      409,
    );
    const reopened = await admin('POST', `/api/v1/conversations/${id}/reopen`);
    expect(reopened.statusCode).toBe(200);
    expect(reopened.json()).toMatchObject({
      status: 'Assigned',
      case_status: 'assigned',
      assigned_to: 'Sam',
      resolved_at: null,
    });
    expect((await admin('POST', `/api/v1/conversations/${id}/reopen`)).statusCode).toBe(409);

    const actions = await db()
      .selectFrom('audit_log')
      .select('action')
      .where('target_id', '=', id)
      .orderBy('created_at')
      .execute();
    expect(actions.map((a) => a.action)).toEqual(
      expect.arrayContaining([
        'escalation.reply',
        'escalation.assign',
        'escalation.resolve',
        'escalation.reopen',
      ]),
    );
  });

  it('refuses replies that are empty, too long, anonymous, or to cases that do not exist', async () => {
    const id = await escalated('e-bad', 5, 5);
    expect((await anonymous('POST', `/api/v1/conversations/${id}/reply`, { message: 'hi' })).statusCode).toBe(
      401,
    );
    expect((await admin('POST', `/api/v1/conversations/${id}/reply`, { message: '   ' })).statusCode).toBe(
      422,
    );
    expect(
      (await admin('POST', `/api/v1/conversations/${id}/reply`, { message: 'x'.repeat(4001) })).statusCode,
    ).toBe(422);
    expect(
      (await admin('POST', `/api/v1/conversations/${UNKNOWN}/reply`, { message: 'hi' })).statusCode,
    ).toBe(404);
    const answered = await seedConversation(db(), {
      userId: 'e-fine',
      turns: [{ question: 'Payday?', at: T0 }],
    });
    expect(
      (await admin('POST', `/api/v1/conversations/${answered}/reply`, { message: 'hi' })).statusCode,
    ).toBe(409);
    const rows = await db().selectFrom('messages').select('id').where('role', '=', 'agent').execute();
    expect(rows).toHaveLength(0);
  });

  it('keeps internal notes away from the employee', async () => {
    const id = await escalated('e-note', 5, 5);
    const res = await admin('POST', `/api/v1/conversations/${id}/notes`, {
      content: 'Spoke to the manager; do not forward.',
      author: 'Dana',
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ author: 'Dana', content: 'Spoke to the manager; do not forward.' });
    expect((await admin('GET', `/api/v1/conversations/${id}/notes`)).json().notes).toHaveLength(1);
    expect((await anonymous('GET', `/api/v1/conversations/${id}/notes`)).statusCode).toBe(401);
    expect((await anonymous('POST', `/api/v1/conversations/${id}/notes`, { content: 'x' })).statusCode).toBe(
      401,
    );
    const employeeView = await anonymous('GET', `/api/v1/conversations/${id}`);
    expect(employeeView.body).not.toContain('do not forward');
    const lookup = await anonymous('POST', '/api/v1/conversations/lookup', { conversation_ids: [id] });
    expect(lookup.body).not.toContain('do not forward');
    expect((await admin('POST', `/api/v1/conversations/${UNKNOWN}/notes`, { content: 'x' })).statusCode).toBe(
      404,
    );
    expect((await admin('POST', `/api/v1/conversations/${id}/notes`, { content: '' })).statusCode).toBe(422);
  });

  it('manages canned replies (admin only, unique titles)', async () => {
    expect((await anonymous('GET', '/api/v1/canned-replies')).statusCode).toBe(401);
    const created = await admin('POST', '/api/v1/canned-replies', {
      title: 'Ask for dates',
      body: 'Which dates do you mean?',
    });
    expect(created.statusCode).toBe(201);
    const { id } = created.json();
    expect(
      (await admin('POST', '/api/v1/canned-replies', { title: 'Ask for dates', body: 'again' })).statusCode,
    ).toBe(409);
    expect((await admin('POST', '/api/v1/canned-replies', { title: '', body: 'x' })).statusCode).toBe(422);
    const updated = await admin('PATCH', `/api/v1/canned-replies/${id}`, { body: 'Which days exactly?' });
    expect(updated.json()).toMatchObject({ title: 'Ask for dates', body: 'Which days exactly?' });
    expect((await admin('GET', '/api/v1/canned-replies')).json().canned_replies).toHaveLength(1);
    expect((await admin('DELETE', `/api/v1/canned-replies/${id}`)).statusCode).toBe(204);
    expect((await admin('DELETE', `/api/v1/canned-replies/${id}`)).statusCode).toBe(404);
    expect((await admin('GET', '/api/v1/canned-replies')).json().canned_replies).toHaveLength(0);
  });

  it("lists an employee's cases by the ids the browser kept, with unread markers and titles", async () => {
    const a = await escalated('e-mine', 5, 30);
    const b = await seedConversation(db(), {
      userId: 'e-mine',
      turns: [{ question: 'When is payday this month?', at: T0 - MIN }],
    });
    const other = await escalated('e-other', 5, 30);
    await admin('POST', `/api/v1/conversations/${a}/reply`, { message: 'Which dates?' });
    const res = await anonymous('POST', '/api/v1/conversations/lookup', {
      conversation_ids: [a, b, other, UNKNOWN],
      user_id: 'e-mine',
    });
    expect(res.statusCode).toBe(200);
    const list = res.json().conversations;
    expect(list.map((c: { id: string }) => c.id).sort()).toEqual([a, b].sort());
    const byId = Object.fromEntries(list.map((c: { id: string }) => [c.id, c]));
    expect(byId[a]).toMatchObject({
      unread: true,
      case_status: 'waiting_on_employee',
      title: 'Question from e-mine',
    });
    expect(byId[b]).toMatchObject({
      unread: false,
      case_reference: null,
      title: 'When is payday this month?',
    });
    expect(
      (await anonymous('POST', '/api/v1/conversations/lookup', { conversation_ids: [] })).statusCode,
    ).toBe(422);
    expect(
      (await anonymous('POST', '/api/v1/conversations/lookup', { conversation_ids: ['nope'] })).statusCode,
    ).toBe(422);
  });

  it('stores an employee e-mail address as a profile field', async () => {
    const res = await admin('PUT' as 'POST', '/api/v1/users/e-mail', { email: 'ana@example.com' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ user_id: 'e-mail', is_vip: false, email: 'ana@example.com' });
    const bad = await admin('PUT' as 'POST', '/api/v1/users/e-mail', { email: 'not an address' });
    expect(bad.statusCode).toBe(422);
  });
});
