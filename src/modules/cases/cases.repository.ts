import {
  type Expression,
  type ExpressionBuilder,
  type Insertable,
  type Kysely,
  type RawBuilder,
  type SqlBool,
  sql,
} from 'kysely';
import type { PriorityBand } from '../../config.js';
import type { ConversationStatus } from '../../db/core-tables.js';
import { offsetPage } from '../../db/pagination.js';
import type { Database } from '../../db/schema.js';
import type { CannedRepliesTable, CaseNotesTable } from './cases.tables.js';
import type { SlaPolicy } from './sla.js';

/** Case statuses as the workspace names them, and the conversation statuses behind them. */
export type CaseStatus = 'open' | 'assigned' | 'waiting_on_employee' | 'resolved';

export const STATUS_OF_CASE: Record<CaseStatus, ConversationStatus> = {
  open: 'Escalated',
  assigned: 'Assigned',
  waiting_on_employee: 'WaitingOnEmployee',
  resolved: 'Resolved',
};

/** Every status in which a person still owes the employee something or waits on them. */
export const ACTIVE_STATUSES: ConversationStatus[] = ['Escalated', 'Assigned', 'WaitingOnEmployee'];

export type CaseView = 'open' | 'mine' | 'unassigned' | 'overdue' | 'resolved' | 'all';
export type CaseSort = 'priority' | 'waiting' | 'due' | 'updated' | 'reference';

export interface CaseFilter {
  view: CaseView;
  /** The acting person's name, for the `mine` view. */
  agent?: string | undefined;
  status?: CaseStatus | undefined;
  category?: string | undefined;
  assignee?: string | undefined;
  minPriority?: number | undefined;
  /** A case reference (HR-1042) or part of an employee id. */
  search?: string | undefined;
  /** false: the search by employee id leaves confidential cases out (for staff not cleared to read them). */
  searchConfidentialOwners?: boolean;
}

type Eb = ExpressionBuilder<Database, 'conversations'>;

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/**
 * A band table as SQL: `case when priority >= 9 then 3600000 … else 14400000 end`. The values are validated
 * integers from the configuration, inlined as literals so both engines type the sum as a bigint.
 */
function bandSql(bands: PriorityBand[], unitMs: number): RawBuilder<number> {
  const [last, ...rest] = [...bands].reverse();
  if (!last) throw new Error('no response-time band configured');
  if (rest.length === 0) return sql<number>`${sql.lit(last.value * unitMs)}`;
  const whens = [...rest]
    .reverse()
    .map(
      (b) => sql`when conversations.priority >= ${sql.lit(b.minPriority)} then ${sql.lit(b.value * unitMs)}`,
    );
  return sql<number>`(case ${sql.join(whens, sql` `)} else ${sql.lit(last.value * unitMs)} end)`;
}

/** SQL for the due times of the targets, and whether a waiting case has missed one, at `now`. */
export function slaSql(policy: SlaPolicy) {
  const firstDue = sql<number>`(conversations.escalated_at + ${bandSql(policy.firstResponseMinutes, MINUTE)})`;
  const resolutionDue = sql<number>`(conversations.escalated_at + ${bandSql(policy.resolutionHours, HOUR)})`;
  const nextDue = sql<number>`(case when conversations.first_response_at is null then ${firstDue} else ${resolutionDue} end)`;
  const overdue = (now: number) =>
    sql<boolean>`((conversations.first_response_at is null and ${firstDue} < ${sql.lit(now)}) or ${resolutionDue} < ${sql.lit(now)})`;
  return { nextDue, overdue };
}

/** All SQL of the case list, internal notes, canned replies and case numbers. */
export class CasesRepository {
  constructor(private readonly db: Kysely<Database>) {}

  private where(filter: CaseFilter, policy: SlaPolicy, now: number) {
    const { overdue } = slaSql(policy);
    return (eb: Eb) => {
      const all: Expression<SqlBool>[] = [eb('conversations.escalated_at', 'is not', null)];
      const active = eb('conversations.status', 'in', ACTIVE_STATUSES);
      if (filter.view === 'open') all.push(active);
      if (filter.view === 'mine') all.push(active, eb('conversations.assigned_to', '=', filter.agent ?? ''));
      if (filter.view === 'unassigned') all.push(active, eb('conversations.assigned_to', 'is', null));
      if (filter.view === 'overdue') all.push(active, overdue(now));
      if (filter.view === 'resolved') all.push(eb('conversations.status', '=', 'Resolved'));
      if (filter.status) all.push(eb('conversations.status', '=', STATUS_OF_CASE[filter.status]));
      if (filter.category) all.push(eb('conversations.category', '=', filter.category));
      if (filter.assignee) all.push(eb('conversations.assigned_to', '=', filter.assignee));
      if (filter.minPriority) all.push(eb('conversations.priority', '>=', filter.minPriority));
      if (filter.search) {
        const reference = /^(?:HR-?)?(\d{1,9})$/i.exec(filter.search.trim());
        const needle = `%${filter.search
          .trim()
          .toLowerCase()
          .replace(/[\\%_]/g, '')}%`;
        all.push(
          eb.or([
            ...(reference ? [eb('conversations.case_number', '=', Number(reference[1]))] : []),
            // Staff who may not read confidential cases cannot find one by its employee either.
            filter.searchConfidentialOwners === false
              ? eb.and([
                  eb('conversations.confidential', '=', 0),
                  eb(eb.fn('lower', ['conversations.user_id']), 'like', needle),
                ])
              : eb(eb.fn('lower', ['conversations.user_id']), 'like', needle),
          ]),
        );
      }
      return eb.and(all);
    };
  }

  /** One page of cases, with the order the team asked for; ties fall back to priority, then the longest waiting. */
  async list(
    filter: CaseFilter,
    sort: CaseSort,
    order: 'asc' | 'desc',
    skip: number,
    limit: number,
    policy: SlaPolicy,
    now: number,
  ) {
    const { nextDue } = slaSql(policy);
    const where = this.where(filter, policy, now);
    let page = this.db
      .selectFrom('conversations')
      .leftJoin('users', 'users.id', 'conversations.user_id')
      .selectAll('conversations')
      .select('users.is_vip')
      .where(where);
    const direction = order === 'asc' ? sql`asc` : sql`desc`;
    if (sort === 'priority') page = page.orderBy(sql`conversations.priority ${direction}`);
    if (sort === 'waiting')
      page = page.orderBy(sql`conversations.escalated_at ${order === 'asc' ? sql`desc` : sql`asc`}`);
    if (sort === 'due') page = page.orderBy(sql`${nextDue} ${direction}`);
    if (sort === 'updated') page = page.orderBy(sql`conversations.updated_at ${direction}`);
    if (sort === 'reference') page = page.orderBy(sql`conversations.case_number ${direction}`);
    page = page
      .orderBy('conversations.priority', 'desc')
      .orderBy('conversations.escalated_at', 'asc')
      .orderBy('conversations.id');
    const [rows, total] = await Promise.all([
      offsetPage(page, { skip, limit }).execute(),
      this.count(filter, policy, now),
    ]);
    return { rows, total };
  }

  async count(filter: CaseFilter, policy: SlaPolicy, now: number): Promise<number> {
    const row = await this.db
      .selectFrom('conversations')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where(this.where(filter, policy, now))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  /** The employee's questions in each listed case, oldest first, for the one-line summary. */
  questions(conversationIds: string[]) {
    if (conversationIds.length === 0) return Promise.resolve([]);
    return this.db
      .selectFrom('messages')
      .select(['conversation_id', 'content'])
      .where('conversation_id', 'in', conversationIds)
      .where('role', '=', 'user')
      .orderBy('created_at')
      .orderBy('id')
      .execute();
  }

  /** The next case number; the counter row is locked until the caller's transaction ends. */
  async nextCaseNumber(): Promise<number> {
    const row = await this.db
      .updateTable('counters')
      .set((eb) => ({ value: eb('value', '+', 1) }))
      .where('name', '=', 'case_number')
      .returning('value')
      .executeTakeFirstOrThrow();
    return Number(row.value);
  }

  async insertNote(row: Insertable<CaseNotesTable>): Promise<void> {
    await this.db.insertInto('case_notes').values(row).execute();
  }

  notes(conversationId: string) {
    return this.db
      .selectFrom('case_notes')
      .selectAll()
      .where('conversation_id', '=', conversationId)
      .orderBy('created_at')
      .orderBy('id')
      .execute();
  }

  cannedReplies() {
    return this.db.selectFrom('canned_replies').selectAll().orderBy('title').execute();
  }

  getCannedReply(id: string) {
    return this.db.selectFrom('canned_replies').selectAll().where('id', '=', id).executeTakeFirst();
  }

  cannedReplyByTitle(title: string) {
    return this.db.selectFrom('canned_replies').selectAll().where('title', '=', title).executeTakeFirst();
  }

  async insertCannedReply(row: Insertable<CannedRepliesTable>): Promise<void> {
    await this.db.insertInto('canned_replies').values(row).execute();
  }

  async updateCannedReply(id: string, changes: { title?: string; body?: string; updated_at: number }) {
    const result = await this.db
      .updateTable('canned_replies')
      .set(changes)
      .where('id', '=', id)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  async deleteCannedReply(id: string): Promise<boolean> {
    const result = await this.db.deleteFrom('canned_replies').where('id', '=', id).executeTakeFirst();
    return Number(result.numDeletedRows) === 1;
  }
}
