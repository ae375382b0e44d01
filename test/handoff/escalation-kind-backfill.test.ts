import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { createDb, type Db } from '../../src/db/create-db.js';
import {
  up as backfill,
  kindFromReason,
} from '../../src/db/migrations/20261207_2130_h14_backfill_escalation_kind.js';
import { migrateToLatest } from '../../src/db/migrator.js';
import { ESCALATION_KINDS, KIND_LABELS } from '../../src/modules/agents/escalation/kinds.js';
import {
  createTestDatabase,
  describeEachDatabase,
  type TestDatabase,
  tempDir,
} from '../helpers/databases.js';

const reason = (...parts: string[]) => `Escalated because ${parts.join('; ')}.`;

describe('the escalation kind an old reason shows', () => {
  it.each(ESCALATION_KINDS.filter((kind) => !['angry', 'repeated', 'high_priority'].includes(kind)))(
    'reads today’s label for %s',
    (kind) => {
      expect(kindFromReason(reason(`the message raises ${KIND_LABELS[kind]} ("x")`))).toBe(kind);
    },
  );

  it('takes the first concern named (the most urgent), then anger, a repeat, a high score', () => {
    expect(
      kindFromReason(
        reason('the message raises retaliation ("moved me")', 'the message raises discrimination ("age")'),
      ),
    ).toBe('retaliation');
    expect(kindFromReason(reason('the message raises harassment ("x")', 'the employee is angry'))).toBe(
      'harassment',
    );
    expect(kindFromReason(reason('the employee is angry', 'the same question was asked 3 times'))).toBe(
      'angry',
    );
    expect(kindFromReason(reason('the same question was asked 4 times'))).toBe('repeated');
    expect(kindFromReason(reason('priority is 8 (threshold 8)'))).toBe('high_priority');
  });

  it('reads the labels of earlier releases, and leaves a reason that names no kind alone', () => {
    expect(
      kindFromReason(reason('the message raises threat of violence or a workplace safety danger ("x")')),
    ).toBe('violence');
    expect(kindFromReason(reason('the message raises fraud or whistleblowing ("kickback")'))).toBe('fraud');
    expect(
      kindFromReason(reason('the message raises a conflict of interest or favouritism ("x")')),
    ).toBeNull();
    expect(kindFromReason('Escalated by HR')).toBeNull();
  });
});

describeEachDatabase('backfilling the escalation kind of old cases', (dialect) => {
  let database: TestDatabase;
  let db: Db;
  beforeAll(async () => {
    database = await createTestDatabase(dialect);
    db = createDb(loadConfig({ DATABASE_URL: database.url, DATA_DIR: tempDir() }).database, 2);
    await migrateToLatest(db);
  });
  afterAll(async () => {
    await db.destroy();
    await database.cleanup();
  });

  it('sets the kind where the reason shows one and a kind is missing, and touches nothing else', async () => {
    const k = db.kysely;
    await k.insertInto('users').values({ id: 'emp-old', is_vip: 0, created_at: 1, updated_at: 1 }).execute();
    const cases: [id: string, escalated: number, why: string | null, kind: string | null][] = [
      ['c-crisis', 1, reason('the message raises possible self-harm or personal crisis ("x")'), null],
      ['c-angry', 1, reason('the employee is angry'), null],
      ['c-kept', 1, reason('the employee is angry'), 'human_request'],
      ['c-unknown', 1, reason('the message raises a formal complaint about a colleague ("x")'), null],
      ['c-answered', 0, null, null],
    ];
    for (const [id, escalated, why, kind] of cases) {
      await k
        .insertInto('conversations')
        .values({
          id,
          user_id: 'emp-old',
          category: 'General',
          sentiment: 'Negative',
          priority: 5,
          status: escalated ? 'Escalated' : 'Answered',
          escalated,
          escalation_reason: why,
          escalation_kind: kind,
          attempt_count: 1,
          escalated_at: escalated ? 1 : null,
          assigned_to: null,
          assigned_at: null,
          resolved_at: null,
          resolved_by: null,
          case_number: null,
          first_response_at: null,
          last_agent_message_at: null,
          employee_seen_at: null,
          created_at: 1,
          updated_at: 1,
        })
        .execute();
      await k
        .insertInto('messages')
        .values({
          id: `m-${id}`,
          conversation_id: id,
          user_id: 'emp-old',
          role: 'user',
          content: 'an old question',
          category: 'General',
          sentiment: 'Negative',
          priority: 5,
          escalated,
          escalation_reason: why,
          escalation_kind: kind,
          attempt_count: 1,
          processing_time: null,
          kb_hit_count: null,
          kb_results: null,
          agent_trace: null,
          engine: null,
          created_at: 1,
        })
        .execute();
    }

    await backfill(k);
    await backfill(k); // running it again changes nothing

    const kinds = async (table: 'conversations' | 'messages') =>
      Object.fromEntries(
        (await k.selectFrom(table).select(['id', 'escalation_kind', 'priority']).orderBy('id').execute()).map(
          (row) => [row.id, [row.escalation_kind, row.priority]],
        ),
      );
    expect(await kinds('conversations')).toEqual({
      'c-angry': ['angry', 5],
      'c-answered': [null, 5],
      'c-crisis': ['crisis', 5],
      'c-kept': ['human_request', 5],
      'c-unknown': [null, 5],
    });
    expect(await kinds('messages')).toEqual({
      'm-c-angry': ['angry', 5],
      'm-c-answered': [null, 5],
      'm-c-crisis': ['crisis', 5],
      'm-c-kept': ['human_request', 5],
      'm-c-unknown': [null, 5],
    });
  });
});
