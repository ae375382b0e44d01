import { sql } from 'kysely';
import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import { ManualClock } from '../../src/clock.js';
import { adminHeaders, createTestApp, type TestApp } from '../helpers/app.js';
import { describeEachDatabase } from '../helpers/databases.js';

const T0 = Date.UTC(2026, 5, 1, 12, 0, 0);
const MIN = 60_000;

interface QueueEntry {
  conversation_id: string;
  user_id: string;
  priority: number;
  escalation_kind: string | null;
}

describeEachDatabase('escalation queue ordered by what is at stake', (kind) => {
  let t: TestApp;
  const clock = new ManualClock(T0);
  const db = () => t.db.kysely;

  const ask = async (userId: string, message: string) => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/query',
      payload: { user_id: userId, message },
    });
    expect(response.statusCode).toBe(200);
    return response.json() as {
      conversation_id: string;
      priority: number;
      metadata: { escalated: boolean; escalation_kind: string | null };
    };
  };
  const queue = async (): Promise<QueueEntry[]> => {
    const response = await t.app.inject({ method: 'GET', url: '/api/v1/escalations', headers: adminHeaders });
    expect(response.statusCode).toBe(200);
    return (response.json() as { escalations: QueueEntry[] }).escalations;
  };
  const setVip = (userId: string, isVip: boolean) =>
    t.app.inject({
      method: 'PUT',
      url: `/api/v1/users/${userId}`,
      headers: adminHeaders,
      payload: { is_vip: isVip },
    });

  beforeAll(async () => {
    t = await createTestApp(kind, {}, { clock });
  });
  afterAll(async () => t.close());
  beforeEach(async () => {
    clock.set(T0);
    await db().deleteFrom('audit_log').execute();
    await db().deleteFrom('messages').execute();
    await db().deleteFrom('conversations').execute();
    await db().deleteFrom('users').execute();
  });

  it('puts a crisis and a harassment report ahead of an angry VIP who wrote first, and says why', async () => {
    const vip = await setVip('angry-vip', true);
    expect(vip.statusCode).toBe(200);
    const angry = await ask('angry-vip', 'THIRD TIME ASKING!!! where is my overtime pay, this is RIDICULOUS');
    clock.advance(10 * MIN);
    const harassment = await ask(
      'reporter',
      'my shift lead keeps touching my waist and I have told him to stop',
    );
    clock.advance(10 * MIN);
    const crisis = await ask('struggling', "I can't cope anymore, I keep thinking about ending it all");

    expect(angry.metadata.escalation_kind).toBe('angry');
    expect(harassment.metadata.escalation_kind).toBe('harassment');
    expect(crisis.metadata.escalation_kind).toBe('crisis');
    expect(crisis.priority).toBe(10);
    expect(harassment.priority).toBeGreaterThanOrEqual(8);
    expect(angry.priority).toBeLessThan(harassment.priority);

    const entries = await queue();
    expect(entries.map((entry) => entry.escalation_kind)).toEqual(['crisis', 'harassment', 'angry']);
    const stored = await db()
      .selectFrom('conversations')
      .select('escalation_kind')
      .where('id', '=', crisis.conversation_id)
      .executeTakeFirstOrThrow();
    expect(stored.escalation_kind).toBe('crisis');
  });

  it('keeps a waiting case in its place when a calmer follow-up arrives', async () => {
    const crisis = await ask('struggling', "I can't cope anymore, I keep thinking about ending it all");
    const followUp = await t.app.inject({
      method: 'POST',
      url: '/api/v1/query',
      payload: { user_id: 'struggling', conversation_id: crisis.conversation_id, message: 'ok thanks' },
    });
    expect(followUp.statusCode).toBe(200);
    const [entry] = await queue();
    expect(entry).toMatchObject({
      conversation_id: crisis.conversation_id,
      priority: 10,
      escalation_kind: 'crisis',
    });
  });

  it('re-prioritizes open cases when the VIP flag changes, and audits it in the same transaction', async () => {
    const first = await ask('first', 'can I speak to a real person about my pension please');
    clock.advance(5 * MIN);
    const second = await ask('second', 'can I speak to a real person about my pension please');
    expect(first.metadata.escalation_kind).toBe('human_request');
    expect((await queue()).map((entry) => entry.user_id)).toEqual(['first', 'second']);

    expect((await setVip('second', true)).statusCode).toBe(200);
    const reordered = await queue();
    expect(reordered.map((entry) => entry.user_id)).toEqual(['second', 'first']);
    expect(reordered[0]!.priority).toBe(first.priority + 2);
    const audit = await db().selectFrom('audit_log').selectAll().where('action', '=', 'user.vip').execute();
    expect(audit).toHaveLength(1);
    expect(JSON.parse(audit[0]!.details!)).toMatchObject({
      is_vip: true,
      reprioritized: [
        { conversation_id: second.conversation_id, from: first.priority, to: first.priority + 2 },
      ],
    });

    expect((await setVip('second', false)).statusCode).toBe(200);
    expect((await queue()).map((entry) => entry.user_id)).toEqual(['first', 'second']);
  });

  it('rolls the VIP change and the re-prioritization back when the audit entry cannot be written', async () => {
    const open = await ask('employee', 'can I speak to a real person about my pension please');
    await sql`alter table audit_log rename to audit_log_unavailable`.execute(db());
    try {
      const response = await setVip('employee', true);
      expect(response.statusCode).toBe(500);
    } finally {
      await sql`alter table audit_log_unavailable rename to audit_log`.execute(db());
    }
    const user = await db()
      .selectFrom('users')
      .selectAll()
      .where('id', '=', 'employee')
      .executeTakeFirstOrThrow();
    expect(user.is_vip).toBe(0);
    const [entry] = await queue();
    expect(entry).toMatchObject({ conversation_id: open.conversation_id, priority: open.priority });
  });
});
