import type { FastifyInstance } from 'fastify';
import { adminHeaders } from '../helpers/app.js';

/**
 * Issues one API token per staff member (name → role) through the real token endpoint, as an administrator
 * would, and returns each member's bearer token.
 */
export async function issueStaffTokens<Name extends string>(
  app: FastifyInstance,
  roles: Record<Name, string>,
): Promise<Record<Name, string>> {
  const tokens = {} as Record<Name, string>;
  for (const [name, role] of Object.entries(roles) as [Name, string][]) {
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/tokens',
      headers: adminHeaders,
      payload: { name, role },
    });
    if (res.statusCode !== 201) throw new Error(`token for ${name} failed: ${res.statusCode} ${res.body}`);
    tokens[name] = res.json().token;
  }
  return tokens;
}
