import { type Kysely, sql } from 'kysely';
import { countRows, offsetPage } from '../../db/pagination.js';
import type { Database } from '../../db/schema.js';

/** An employee as the console's list shows them, before the preview rule is applied. */
export interface EmployeeListRow {
  id: string;
  is_vip: number;
  email: string | null;
  created_at: number;
  conversation_count: number;
  open_case_count: number;
  /** When they last asked anything; null for an employee HR added before their first question. */
  last_question_at: number | null;
}

export interface LastQuestion {
  content: string;
  conversation_id: string;
  /** The conversation it belongs to is a confidential case. */
  confidential: boolean;
}

const OPEN_STATUSES = ['Escalated', 'Assigned', 'WaitingOnEmployee'] as const;

/** LIKE treats % and _ as wildcards; a search for "a_b" means those characters literally. */
const likePattern = (text: string) => `%${text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** The SQL of the console's employee list: search, paging, and each employee's latest question. */
export class EmployeesRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /** The ids of confidential conversations, to leave them out of what uncleared staff see. */
  private confidentialIds() {
    return this.db.selectFrom('conversations as cc').select('cc.id').where('cc.confidential', '=', 1);
  }

  /**
   * Employees whose id or e-mail contains `search` (any case), most recently active first. The counts and
   * the latest question time are correlated subqueries, each one range of an existing index
   * (conversations by user, messages_user_questions_idx), so a page costs a few lookups per employee.
   */
  async list(search: string, skip: number, limit: number, includeConfidential: boolean) {
    let base = this.db.selectFrom('users as u');
    if (search) {
      const pattern = likePattern(search);
      base = base.where((eb) =>
        eb.or([
          sql<boolean>`lower(u.id) like ${pattern} escape '\\'`,
          sql<boolean>`lower(coalesce(u.email, '')) like ${pattern} escape '\\'`,
        ]),
      );
    }
    const [rows, total] = await Promise.all([
      base
        .select((eb) => [
          'u.id',
          'u.is_vip',
          'u.email',
          'u.created_at',
          eb
            .selectFrom('conversations as c')
            .select((c) => c.fn.countAll<number>().as('n'))
            .whereRef('c.user_id', '=', 'u.id')
            .$if(!includeConfidential, (q) => q.where('c.confidential', '=', 0))
            .as('conversation_count'),
          eb
            .selectFrom('conversations as c')
            .select((c) => c.fn.countAll<number>().as('n'))
            .whereRef('c.user_id', '=', 'u.id')
            .where('c.status', 'in', OPEN_STATUSES)
            .$if(!includeConfidential, (q) => q.where('c.confidential', '=', 0))
            .as('open_case_count'),
          // 0 for an employee who never asked: one ordering on both engines (their NULLs sort differently).
          eb.fn
            .coalesce(
              eb
                .selectFrom('messages as m')
                .select((m) => m.fn.max('m.created_at').as('t'))
                .whereRef('m.user_id', '=', 'u.id')
                .where('m.role', '=', 'user')
                .$if(!includeConfidential, (q) =>
                  q.where('m.conversation_id', 'not in', this.confidentialIds()),
                ),
              sql.lit(0),
            )
            .as('last_question_at'),
        ])
        // Never-asked employees (added by HR) sort last, by when they were added.
        .orderBy('last_question_at', 'desc')
        .orderBy('u.created_at', 'desc')
        .orderBy('u.id')
        .$call((q) => offsetPage(q, { skip, limit }))
        .execute(),
      countRows(base),
    ]);
    return {
      rows: rows.map(
        (r): EmployeeListRow => ({
          ...r,
          conversation_count: Number(r.conversation_count ?? 0),
          open_case_count: Number(r.open_case_count ?? 0),
          last_question_at: Number(r.last_question_at) || null,
        }),
      ),
      total,
    };
  }

  /**
   * Each employee's latest question and whether its conversation is confidential; with `includeConfidential`
   * false, the latest question outside confidential cases.
   */
  async lastQuestions(userIds: string[], includeConfidential: boolean): Promise<Map<string, LastQuestion>> {
    if (userIds.length === 0) return new Map();
    const rows = await this.db
      .selectFrom('messages as m')
      .innerJoin('conversations as c', 'c.id', 'm.conversation_id')
      .select(['m.user_id', 'm.content', 'm.conversation_id', 'c.confidential'])
      .where('m.user_id', 'in', userIds)
      .where('m.role', '=', 'user')
      .$if(!includeConfidential, (q) => q.where('c.confidential', '=', 0))
      .where((eb) =>
        eb(
          'm.created_at',
          '=',
          eb
            .selectFrom('messages as latest')
            .select((l) => l.fn.max('latest.created_at').as('t'))
            .whereRef('latest.user_id', '=', 'm.user_id')
            .where('latest.role', '=', 'user')
            .$if(!includeConfidential, (q) =>
              q.where('latest.conversation_id', 'not in', this.confidentialIds()),
            ),
        ),
      )
      // Two questions in the same millisecond: the larger id wins, the same on both engines.
      .orderBy('m.id')
      .execute();
    const latest = new Map<string, LastQuestion>();
    for (const row of rows) {
      if (row.user_id === null) continue;
      latest.set(row.user_id, {
        content: row.content,
        conversation_id: row.conversation_id,
        confidential: Number(row.confidential) === 1,
      });
    }
    return latest;
  }
}
