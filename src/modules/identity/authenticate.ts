import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { AppError } from '../../errors.js';
import { presentedKey } from '../../http/admin-auth.js';
import { keyFingerprint } from '../security/client-identity.js';
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
  /** Each request is authenticated once, though both the rate limiter and the access check ask who it is. */
  private readonly principals = new WeakMap<FastifyRequest, Promise<Principal>>();
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

  /** `principalFor`, run at most once per request (a refused credential stays refused). */
  principalOnce(request: FastifyRequest): Promise<Principal> {
    let principal = this.principals.get(request);
    if (principal === undefined) {
      principal = this.principalFor(request);
      this.principals.set(request, principal);
    }
    return principal;
  }

  /**
   * The rate-limit bucket of whoever a request's valid credential names: one per personal API token (and the
   * bootstrap key), one per person signed in through the provider however many access tokens they hold. Undefined
   * without a credential or with one that is not valid, so that request counts against its address: inventing
   * tokens must not buy anyone a fresh bucket.
   */
  async rateLimitIdentity(request: FastifyRequest): Promise<string | undefined> {
    let principal: Principal;
    try {
      principal = await this.principalOnce(request);
    } catch {
      return undefined;
    }
    switch (principal.source) {
      case 'none':
        return undefined;
      case 'oidc':
      case 'session':
        return `person:${keyFingerprint(principal.subject ?? principal.name)}`;
      default:
        return `token:${keyFingerprint(presentedKey(request) ?? principal.name)}`;
    }
  }

  private async principalFor(request: FastifyRequest): Promise<Principal> {
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
