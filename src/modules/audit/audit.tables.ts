/** The audit trail of administrative actions: who (actor + address), what (action on a target), when. */
export interface AuditLogTable {
  id: string;
  created_at: number;
  /** Who: "token:<name>" (a personal API token, or "bootstrap" for the admin key), "oidc:<subject> <email>", or system. */
  actor: string;
  ip: string;
  /** "<target_type>.<verb>", e.g. webhook.create, kb.update, escalation.resolve. */
  action: string;
  target_type: string;
  target_id: string | null;
  /** JSON object with what changed (secrets removed, PII masked), or null. */
  details: string | null;
  request_id: string | null;
}

export interface AuditTables {
  audit_log: AuditLogTable;
}
