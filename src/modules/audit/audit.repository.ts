import type { Kysely } from 'kysely';
import { countRows, type LogPage, logPage } from '../../db/pagination.js';
import type { Database } from '../../db/schema.js';
import type { AuditLogTable } from './audit.tables.js';

/** A database handle or an open transaction: audit rows are written in the same transaction as the change. */
export type AuditDb = Kysely<Database>;

export interface AuditFilter {
  action?: string;
  target_type?: string;
  target_id?: string;
}

export async function insertAuditEntry(db: AuditDb, row: AuditLogTable): Promise<void> {
  await db.insertInto('audit_log').values(row).execute();
}

function filtered(db: AuditDb, filter: AuditFilter) {
  let query = db.selectFrom('audit_log');
  if (filter.action !== undefined) query = query.where('action', '=', filter.action);
  if (filter.target_type !== undefined) query = query.where('target_type', '=', filter.target_type);
  if (filter.target_id !== undefined) query = query.where('target_id', '=', filter.target_id);
  return query;
}

/** Newest first (`id` breaks ties between entries written in the same millisecond), by offset or by cursor. */
export async function listAuditEntries(
  db: AuditDb,
  filter: AuditFilter,
  page: LogPage,
): Promise<{ rows: AuditLogTable[]; total: number; nextCursor: string | null }> {
  const [{ rows, nextCursor }, total] = await Promise.all([
    logPage(filtered(db, filter).selectAll(), page),
    countRows(filtered(db, filter)),
  ]);
  return { rows, total, nextCursor };
}
