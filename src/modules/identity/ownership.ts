import type { AuthConfig } from '../../config.js';
import { AppError } from '../../errors.js';
import { isStaff, type Principal } from './principal.js';

/**
 * The employee a request acts for. A signed-in employee is who their token says: a body `user_id` naming someone
 * else is refused (403) rather than ignored, so a client bug cannot file questions under another person. Callers
 * without an employee identity (the open mode, integrations' API tokens) name the employee in the body as before.
 */
export function actingEmployee(principal: Principal, bodyUserId: string | undefined): string | undefined {
  if (principal.userId === null) return bodyUserId;
  if (bodyUserId !== undefined && bodyUserId !== principal.userId) {
    throw new AppError('FORBIDDEN', 'user_id must be your own (the one your sign-in names)');
  }
  return principal.userId;
}

/**
 * How much of a conversation this caller sees. A confidential case is whole for those cleared to read it, the
 * owner's view (no internal reason, no articles) for the employee, and closed (403) to other staff.
 */
export function conversationView(
  principal: Principal,
  ownerId: string,
  confidential: boolean,
): 'full' | 'owner' {
  if (!confidential || principal.can('confidential:read')) return 'full';
  if (principal.userId === ownerId || !principal.can('conversations:read')) return 'owner';
  throw new AppError('FORBIDDEN', 'This is a confidential case: reading it needs the hr_confidential role');
}

/**
 * Whether this caller may open a conversation owned by `ownerId`: HR with conversations:read may open any; a
 * signed-in employee only their own; staff without conversations:read none; in the open mode anyone else holding
 * the (unguessable) id, as the chat always did.
 */
export function mayOpenConversation(
  principal: Principal,
  mode: AuthConfig['mode'],
  ownerId: string,
): boolean {
  if (principal.can('conversations:read')) return true;
  if (principal.userId !== null) return principal.userId === ownerId;
  // Staff whose role does not cover conversations (an auditor, who reads conversation ids in the audit log) are
  // not let in by holding an id, as the anonymous chat is.
  if (isStaff(principal)) return false;
  return mode === 'open';
}
