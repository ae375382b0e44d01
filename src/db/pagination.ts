import { type SelectQueryBuilder, sql } from 'kysely';
import { invalid } from '../errors.js';

/**
 * Paging for every list: offset pages (`skip`/`limit`, what the API has always accepted) and, for the
 * append-only logs (audit log, webhook deliveries), keyset cursors, which neither skip nor repeat an entry when
 * new ones arrive between two pages and cost the same on the thousandth page as on the first.
 */

export interface OffsetPage {
  skip: number;
  limit: number;
}

/** Applies an offset page to a query that is already ordered. */
export function offsetPage<DB, TB extends keyof DB, O>(
  query: SelectQueryBuilder<DB, TB, O>,
  page: OffsetPage,
): SelectQueryBuilder<DB, TB, O> {
  return query.offset(page.skip).limit(page.limit);
}

/** How many rows a (filtered, unordered, unpaged) query matches. */
export async function countRows<DB, TB extends keyof DB, O>(
  query: SelectQueryBuilder<DB, TB, O>,
): Promise<number> {
  const row = await query
    .clearSelect()
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .executeTakeFirst();
  return Number((row as { n?: number | string } | undefined)?.n ?? 0);
}

/** Where a log page ends: the last entry's time and id (logs are listed newest first, id breaking ties). */
export interface LogKey {
  created_at: number;
  id: string;
}

/** The opaque form handed to clients: base64url of the key, which they pass back unchanged. */
export function encodeCursor(key: LogKey): string {
  return Buffer.from(JSON.stringify([key.created_at, key.id])).toString('base64url');
}

/** A cursor this API issued, or a 422 naming the parameter (never a 500, never a silently empty page). */
export function decodeCursor(cursor: string): LogKey {
  const refused = () => invalid('cursor: not a cursor from this list (pass next_cursor back unchanged)');
  if (!/^[A-Za-z0-9_-]{1,400}$/.test(cursor)) throw refused();
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw refused();
  }
  if (!Array.isArray(parsed) || parsed.length !== 2) throw refused();
  const [createdAt, id] = parsed as unknown[];
  if (!Number.isSafeInteger(createdAt) || (createdAt as number) < 0) throw refused();
  if (typeof id !== 'string' || id.length === 0 || id.length > 128) throw refused();
  return { created_at: createdAt as number, id };
}

/** A log page: either from an offset or after a cursor; both say where the next page starts. */
export type LogPage = OffsetPage & { cursor?: string | undefined };

/**
 * One page of a log, newest first (`created_at` desc, then `id` desc). After a cursor, only entries older than
 * it; otherwise from `skip`. One row more than the page is read, to know whether a next page exists.
 */
export async function logPage<DB, TB extends keyof DB, O extends LogKey>(
  query: SelectQueryBuilder<DB, TB, O>,
  page: LogPage,
): Promise<{ rows: O[]; nextCursor: string | null }> {
  if (page.cursor !== undefined && page.skip > 0) throw invalid('Use either cursor or skip, not both');
  let ordered = query.orderBy(sql`created_at`, 'desc').orderBy(sql`id`, 'desc');
  if (page.cursor !== undefined) {
    const key = decodeCursor(page.cursor);
    ordered = ordered.where(
      sql<boolean>`(created_at < ${key.created_at} or (created_at = ${key.created_at} and id < ${key.id}))`,
    );
  } else {
    ordered = ordered.offset(page.skip);
  }
  const rows = (await ordered.limit(page.limit + 1).execute()) as O[];
  const more = rows.length > page.limit;
  const shown = more ? rows.slice(0, page.limit) : rows;
  const last = shown[shown.length - 1];
  return { rows: shown, nextCursor: more && last ? encodeCursor(last) : null };
}
