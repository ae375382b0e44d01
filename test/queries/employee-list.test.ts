import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { seedConversation } from '../handoff/seed.js';
import { adminHeaders, createTestApp, type TestApp } from '../helpers/app.js';
import { describeEachDatabase } from '../helpers/databases.js';

const HOUR = 3_600_000;
const T0 = Date.UTC(2026, 10, 2, 9, 0, 0);
const CONFIDENTIAL_WORDS = 'the storeroom incident with my supervisor';

interface Listed {
  user_id: string;
  email: string | null;
  is_vip: boolean;
  conversation_count: number;
  open_case_count: number;
  last_question: string | null;
  last_question_at: string | null;
  last_question_confidential: boolean;
  last_conversation_id: string | null;
}

describeEachDatabase('employee list (GET /api/v1/users)', (kind) => {
  let t: TestApp;
  let agentToken: string;
  let confidentialId: string;
  const list = async (query = '', headers: Record<string, string> = adminHeaders) => {
    const res = await t.app.inject({ method: 'GET', url: `/api/v1/users${query}`, headers });
    return res;
  };
  const body = async (query = '') => (await list(query)).json() as { employees: Listed[]; total: number };

  beforeAll(async () => {
    t = await createTestApp(kind);
    const db = t.db.kysely;
    await seedConversation(db, {
      userId: 'ana.lopez',
      turns: [
        { question: 'How do I enroll in the pension plan?', at: T0 },
        { question: 'And   can I change\n my contribution later?', at: T0 + HOUR },
      ],
    });
    await seedConversation(db, {
      userId: 'ana.lopez',
      status: 'Assigned',
      escalatedAt: T0 + 2 * HOUR,
      assignedTo: 'Dana',
      turns: [{ question: 'My overtime is missing from this payslip.', at: T0 + 2 * HOUR }],
    });
    await seedConversation(db, {
      userId: 'bo_chen',
      turns: [{ question: 'Where do I find the holiday calendar?', at: T0 + 3 * HOUR }],
    });
    // Bo's latest question opens a confidential case: its words must not reach the list.
    confidentialId = await seedConversation(db, {
      userId: 'bo_chen',
      escalatedAt: T0 + 5 * HOUR,
      reason: 'harassment',
      turns: [{ question: `I need to report ${CONFIDENTIAL_WORDS}.`, at: T0 + 5 * HOUR }],
    });
    await db.updateTable('conversations').set({ confidential: 1 }).where('id', '=', confidentialId).execute();
    // "boxer" shares a prefix with bo_chen; "b%x" checks that LIKE wildcards are taken literally.
    await seedConversation(db, {
      userId: 'boxer',
      turns: [{ question: 'Is the gym discount still offered?', at: T0 + 4 * HOUR }],
    });
    // The seed helper leaves messages.user_id empty; the query service fills it, as here.
    await sql`update messages set user_id = (select c.user_id from conversations c where c.id = messages.conversation_id)`.execute(
      db,
    );
    // HR set Carla's e-mail before she ever asked anything.
    const put = await t.app.inject({
      method: 'PUT',
      url: '/api/v1/users/carla',
      headers: adminHeaders,
      payload: { email: 'Carla.Mendes@example.com' },
    });
    expect(put.statusCode).toBe(200);
    const token = await t.app.inject({
      method: 'POST',
      url: '/api/v1/tokens',
      headers: adminHeaders,
      payload: { name: 'list reader', role: 'hr_agent' },
    });
    agentToken = token.json().token;
  });
  afterAll(async () => t.close());

  it('lists employees, most recently active first, with counts and a preview of the latest question', async () => {
    const page = await body();
    expect(page.total).toBe(4);
    expect(page.employees.map((e) => e.user_id)).toEqual(['bo_chen', 'boxer', 'ana.lopez', 'carla']);
    const ana = page.employees.find((e) => e.user_id === 'ana.lopez');
    expect(ana).toMatchObject({
      conversation_count: 2,
      open_case_count: 1,
      last_question: 'My overtime is missing from this payslip.',
      last_question_at: new Date(T0 + 2 * HOUR).toISOString(),
      last_question_confidential: false,
      is_vip: false,
    });
    expect(page.employees.at(-1)).toMatchObject({
      user_id: 'carla',
      email: 'Carla.Mendes@example.com',
      conversation_count: 0,
      last_question: null,
      last_question_at: null,
      last_conversation_id: null,
    });
  });

  it('never previews a question from a confidential case, even to HR cleared for such cases', async () => {
    const res = await list();
    const bo = (res.json() as { employees: Listed[] }).employees.find((e) => e.user_id === 'bo_chen');
    expect(bo).toMatchObject({
      last_question: null,
      last_question_confidential: true,
      last_conversation_id: confidentialId,
      open_case_count: 1,
    });
    expect(res.body).not.toContain(CONFIDENTIAL_WORDS);
  });

  it('searches the id and the e-mail in any case, with % and _ taken literally', async () => {
    expect((await body('?q=BO')).employees.map((e) => e.user_id)).toEqual(['bo_chen', 'boxer']);
    expect((await body('?q=o_c')).employees.map((e) => e.user_id)).toEqual(['bo_chen']);
    expect((await body('?q=b%25x')).total).toBe(0);
    expect((await body('?q=mendes@EXAMPLE')).employees.map((e) => e.user_id)).toEqual(['carla']);
    expect((await body('?q=%20%20')).total).toBe(4);
  });

  it('pages with skip and limit', async () => {
    const first = await body('?limit=2');
    const second = await body('?limit=2&skip=2');
    expect(first.total).toBe(4);
    expect([...first.employees, ...second.employees].map((e) => e.user_id)).toEqual([
      'bo_chen',
      'boxer',
      'ana.lopez',
      'carla',
    ]);
  });

  it('is for HR: employees and anonymous callers are refused, an HR agent may read', async () => {
    expect((await list('', {})).statusCode).toBe(401);
    expect((await list('', { authorization: `Bearer ${agentToken}` })).statusCode).toBe(200);
  });

  it('refuses a bad page size or an over-long search in the one error shape', async () => {
    for (const query of ['?limit=0', '?limit=101', `?q=${'x'.repeat(129)}`, '?skip=-1']) {
      const res = await list(query);
      expect(res.statusCode, query).toBe(422);
      expect(res.json().error.code).toBe('VALIDATION_ERROR');
    }
  });
});
