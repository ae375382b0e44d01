import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { AppError } from '../../errors.js';
import { presentedKey } from '../../http/admin-auth.js';
import type { OidcProvider } from './oidc-provider.js';
import { anonymous, oidcPrincipal, type Principal, tokenPrincipal } from './principal.js';
import { BOOTSTRAP_NAME, TOKEN_PREFIX, type TokensService } from './tokens.service.js';

const digest = (value: string) => createHash('sha256').update(value).digest();
const JWT = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*\.[A-Za-z0-9_-]*$/;

const unauthorized = (message: string) =>
  new AppError('UNAUTHORIZED', message, { 'www-authenticate': 'Bearer' });

/** Where a principal may come from besides a bearer credential: the pages' signed-in session. */
export interface SessionReader {
  principalOf(request: FastifyRequest): Principal | undefined;
  /** Whether a change made with the session carries the page's CSRF token. */
  csrfValid(request: FastifyRequest): boolean;
}

/**
 * Says who is calling: the bootstrap admin key, a personal API token (hrt_…), an OIDC bearer token, the pages'
 * session, or nobody. A credential that is presented but not valid is a 401, never a silent fall back to
 * anonymous, so a revoked or expired token cannot keep working under a weaker identity.
 */
export class Authenticator {
  private readonly bootstrapDigest: Buffer;
  private readonly bootstrap = tokenPrincipal(BOOTSTRAP_NAME, 'hr_admin', 'bootstrap');
  session: SessionReader | undefined;

  constructor(
    bootstrapKey: string,
    private readonly tokens: TokensService,
    private readonly oidc: OidcProvider | undefined,
  ) {
    this.bootstrapDigest = digest(bootstrapKey);
  }

  /** Whether the request carries credentials (so it must be authenticated before anything else is decided). */
  hasCredentials(request: FastifyRequest): boolean {
    return (
      presentedKey(request) !== undefined ||
      (this.session !== undefined && request.headers.cookie !== undefined)
    );
  }

  isBootstrapKey(credential: string): boolean {
    // Hashing both sides gives equal-length buffers, so the comparison time reveals nothing about the key.
    return timingSafeEqual(digest(credential), this.bootstrapDigest);
  }

  async principalFor(request: FastifyRequest): Promise<Principal> {
    const credential = presentedKey(request);
    if (credential === undefined) return this.session?.principalOf(request) ?? anonymous;
    if (this.isBootstrapKey(credential)) return this.bootstrap;
    if (credential.startsWith(TOKEN_PREFIX)) {
      const principal = await this.tokens.authenticate(credential);
      if (!principal) throw unauthorized('The API token is unknown, revoked or expired');
      return principal;
    }
    if (this.oidc && JWT.test(credential)) {
      return oidcPrincipal(await this.oidc.verifyAccessToken(credential), 'oidc');
    }
    throw unauthorized('Invalid credentials: send an API token or a token from the identity provider');
  }
}
