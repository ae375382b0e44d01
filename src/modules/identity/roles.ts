/**
 * Who may do what. A route declares one Access; a principal holds roles; a role grants permissions. The table
 * below is the whole policy, so reading it answers "can an hr_agent do X" without reading any route.
 */

export const ROLES = ['hr_agent', 'hr_confidential', 'hr_admin', 'auditor'] as const;
export type Role = (typeof ROLES)[number];

export const PERMISSIONS = [
  /** The escalation queue (confidential cases appear there without their text). */
  'escalations:read',
  /** Any employee's conversations and user record. */
  'conversations:read',
  /** Take (assign) and answer (resolve) escalated conversations as HR. */
  'conversations:manage',
  /** The text of confidential cases (harassment, violence, crisis, discrimination, retaliation, fraud). */
  'confidential:read',
  /** Create, change and delete knowledge-base articles. */
  'kb:write',
  /** VIP flags, export and erasure of an employee's data. */
  'employees:manage',
  'webhooks:manage',
  /** Personal API tokens: create, list, revoke. */
  'tokens:manage',
  'audit:read',
  'analytics:read',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

/**
 * What a route needs: `public` (no credentials looked at), `employee` (anyone who may ask: in open mode every
 * caller, in oidc mode any signed-in person or token), or one permission.
 */
export type Access = 'public' | 'employee' | Permission;

const AGENT: Permission[] = ['escalations:read', 'conversations:read', 'conversations:manage', 'kb:write'];

export const GRANTS: Readonly<Record<Role, readonly Permission[]>> = {
  hr_agent: AGENT,
  hr_confidential: [...AGENT, 'confidential:read'],
  hr_admin: PERMISSIONS,
  auditor: ['audit:read', 'analytics:read'],
};

export const isRole = (value: unknown): value is Role =>
  typeof value === 'string' && (ROLES as readonly string[]).includes(value);

export function permissionsOf(roles: readonly Role[]): Set<Permission> {
  return new Set(roles.flatMap((role) => GRANTS[role]));
}
