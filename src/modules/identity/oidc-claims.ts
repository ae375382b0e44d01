import type { OidcIdentity } from './principal.js';
import { isRole, type Role } from './roles.js';

/** The same characters an employee id may have anywhere else in the API. */
const USER_ID = /^[A-Za-z0-9._@+-]{1,128}$/;

export class ClaimError extends Error {}

/** A claim by name; a dotted name reaches into nested objects (Keycloak's realm_access.roles) when no claim has it whole. */
export function claimAt(claims: Record<string, unknown>, name: string): unknown {
  if (name in claims) return claims[name];
  let value: unknown = claims;
  for (const part of name.split('.')) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string, unknown>)[part];
  }
  return value;
}

// Providers send roles as an array, or as one space- or comma-separated string; unknown role names are ignored,
// so a provider's other groups never grant anything here.
function rolesFrom(value: unknown): Role[] {
  const names = Array.isArray(value) ? value : typeof value === 'string' ? value.split(/[\s,]+/) : [];
  return [...new Set(names.filter(isRole))];
}

/** Who a verified token or ID token names, in the terms of this service. */
export function identityFromClaims(
  claims: Record<string, unknown>,
  settings: { userClaim: string; rolesClaim: string },
): OidcIdentity {
  const subject = claims.sub;
  if (typeof subject !== 'string' || subject === '') throw new ClaimError('The token has no subject (sub)');
  const userId = claimAt(claims, settings.userClaim);
  if (typeof userId !== 'string' || !USER_ID.test(userId)) {
    throw new ClaimError(`The token has no usable "${settings.userClaim}" claim to identify the employee`);
  }
  const email = typeof claims.email === 'string' ? claims.email : undefined;
  return {
    subject,
    userId,
    roles: rolesFrom(claimAt(claims, settings.rolesClaim)),
    ...(email ? { email } : {}),
  };
}
