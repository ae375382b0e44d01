import { toIso } from '../../clock.js';
import type { AppContext } from '../../context.js';
import type { LogPage } from '../../db/pagination.js';
import { type AuditFilter, listAuditEntries } from './audit.repository.js';
import type { AuditLogTable } from './audit.tables.js';

function present(row: AuditLogTable) {
  return {
    id: row.id,
    at: toIso(row.created_at),
    actor: row.actor,
    ip: row.ip,
    action: row.action,
    target_type: row.target_type,
    target_id: row.target_id,
    details: row.details === null ? null : (JSON.parse(row.details) as Record<string, unknown>),
    request_id: row.request_id,
  };
}

/** Reading the audit log (entries are written by recordAudit, inside each change's own transaction). */
export class AuditService {
  constructor(private readonly ctx: AppContext) {}

  async list(filter: AuditFilter, page: LogPage) {
    const { rows, total, nextCursor } = await listAuditEntries(this.ctx.db.kysely, filter, page);
    return { entries: rows.map(present), total, skip: page.skip, limit: page.limit, next_cursor: nextCursor };
  }
}
