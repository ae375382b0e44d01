import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Clock } from '../../clock.js';
import type { Db } from '../../db/create-db.js';
import { redactForLogs } from '../security/log-redaction.js';
import { type AuditDb, insertAuditEntry } from './audit.repository.js';

/** Who did it and from where; taken from the request at the route, passed down to the service. */
export interface AuditActor {
  actor: string;
  ip: string;
  request_id: string;
}

/** Who/where default to the request being handled (see registerAuditContext), else the system. */
export interface AuditEvent extends Partial<AuditActor> {
  /** "<target_type>.<verb>": webhook.create, webhook.rotate_secret, kb.update, user.vip, escalation.assign … */
  action: string;
  target_type: string;
  target_id: string | null;
  details?: Record<string, unknown>;
}

/** An actor for work nobody asked for over HTTP (CLI imports, scheduled jobs). */
export const systemActor = (name = 'system'): AuditActor => ({ actor: name, ip: 'local', request_id: '' });

/**
 * The person making this request, as the access check identified them ("token:<name>", "oidc:<subject> <email>",
 * or "anonymous"), with the address it came from.
 */
export function auditActor(request: FastifyRequest): AuditActor {
  return {
    actor: request.principal.name,
    ip: request.ip,
    request_id: request.id,
  };
}

const actorStore = new AsyncLocalStorage<AuditActor>();

/**
 * Makes the acting admin of each request available to the services it calls, so a service records an audit
 * entry in one line without HTTP types reaching it. Runs just before the handler, which then executes inside.
 */
export function registerAuditContext(app: FastifyInstance): void {
  app.addHook('preHandler', (request, _reply, done) => actorStore.run(auditActor(request), done));
}

/** The actor of the request being handled, if any. */
export const currentAuditActor = (): AuditActor | undefined => actorStore.getStore();

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
  const ambient = currentAuditActor() ?? systemActor();
  await insertAuditEntry(handle, {
    id: randomUUID(),
    created_at: clock.now(),
    actor: event.actor ?? ambient.actor,
    ip: event.ip ?? ambient.ip,
    action: event.action,
    target_type: event.target_type,
    target_id: event.target_id,
    details: event.details === undefined ? null : JSON.stringify(sanitize(event.details)),
    request_id: (event.request_id ?? ambient.request_id) || null,
  });
}
