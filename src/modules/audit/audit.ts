import { randomUUID } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import type { Clock } from '../../clock.js';
import type { Db } from '../../db/create-db.js';
import { presentedKey } from '../../http/admin-auth.js';
import { keyFingerprint } from '../security/client-identity.js';
import { redactForLogs } from '../security/log-redaction.js';
import { type AuditDb, insertAuditEntry } from './audit.repository.js';

/** Who did it and from where; taken from the request at the route, passed down to the service. */
export interface AuditActor {
  actor: string;
  ip: string;
  request_id: string;
}

export interface AuditEvent extends AuditActor {
  /** "<target_type>.<verb>": webhook.create, webhook.rotate_secret, kb.update, user.vip, escalation.assign … */
  action: string;
  target_type: string;
  target_id: string | null;
  details?: Record<string, unknown>;
}

/** An actor for work nobody asked for over HTTP (CLI imports, scheduled jobs). */
export const systemActor = (name = 'system'): AuditActor => ({ actor: name, ip: 'local', request_id: '' });

/** The admin making this request, named by key fingerprint, with the address it came from. */
export function auditActor(request: FastifyRequest): AuditActor {
  const key = presentedKey(request);
  return {
    actor: key === undefined ? 'anonymous' : `admin:${keyFingerprint(key)}`,
    ip: request.ip,
    request_id: request.id,
  };
}

const SECRET_FIELD = /secret|password|token|api[-_]?key|authorization/i;

// The trail must not become a second copy of what it protects: credentials dropped, identifiers masked.
function sanitize(details: Record<string, unknown>): Record<string, unknown> {
  const copy: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(details)) {
    copy[key] = SECRET_FIELD.test(key) ? '[redacted]' : redactForLogs(value);
  }
  return copy;
}

/** Writes one audit entry; call it with the transaction that makes the change, so both commit or neither. */
export async function recordAudit(db: AuditDb | Db, event: AuditEvent, clock: Clock): Promise<void> {
  const handle = 'kysely' in db ? db.kysely : db;
  await insertAuditEntry(handle, {
    id: randomUUID(),
    created_at: clock.now(),
    actor: event.actor,
    ip: event.ip,
    action: event.action,
    target_type: event.target_type,
    target_id: event.target_id,
    details: event.details === undefined ? null : JSON.stringify(sanitize(event.details)),
    request_id: event.request_id || null,
  });
}
