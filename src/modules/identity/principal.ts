import { type Permission, permissionsOf, type Role } from './roles.js';

/** How the caller proved who they are. */
export type AuthSource = 'none' | 'bootstrap' | 'token' | 'oidc' | 'session';

/**
 * The person or integration behind a request. Routes and services ask it questions (`can`, `userId`) instead
 * of looking at headers, so the same rules hold for API tokens, OIDC bearer tokens and the pages' session.
 */
export interface Principal {
  /** For the audit log and the pages: "token:<name>", "oidc:<subject> <email>", or "anonymous". */
  readonly name: string;
  /** The employee id this principal asks questions as (the OIDC user claim); null for API tokens and anonymous. */
  readonly userId: string | null;
  readonly roles: readonly Role[];
  readonly source: AuthSource;
  /** OIDC subject and email, when signed in through the provider. */
  readonly subject?: string;
  readonly email?: string;
  can(permission: Permission): boolean;
}

function build(fields: Omit<Principal, 'can'>): Principal {
  const granted = permissionsOf(fields.roles);
  return Object.freeze({ ...fields, can: (permission: Permission) => granted.has(permission) });
}

export const anonymous: Principal = build({ name: 'anonymous', userId: null, roles: [], source: 'none' });

/** A personal API token (or the bootstrap admin key, which acts as the hr_admin token named "bootstrap"). */
export const tokenPrincipal = (name: string, role: Role, source: 'token' | 'bootstrap' = 'token') =>
  build({ name: `token:${name}`, userId: null, roles: [role], source });

/** Someone signed in through the OpenID provider, by bearer token or by the pages' session. */
export function oidcPrincipal(identity: OidcIdentity, source: 'oidc' | 'session'): Principal {
  const email = identity.email ? ` ${identity.email}` : '';
  return build({
    name: `oidc:${identity.subject}${email}`,
    userId: identity.userId,
    roles: identity.roles,
    source,
    subject: identity.subject,
    ...(identity.email ? { email: identity.email } : {}),
  });
}

/** What is kept of a verified OIDC token (and in the pages' session cookie). */
export interface OidcIdentity {
  subject: string;
  email?: string;
  userId: string;
  roles: Role[];
}

/** Staff hold at least one role; everyone else who signed in is an employee. */
export const isStaff = (principal: Principal) => principal.roles.length > 0;
