import Tokens from '@fastify/csrf';
import secureSession from '@fastify/secure-session';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { SessionReader } from './authenticate.js';
import { type OidcIdentity, oidcPrincipal, type Principal } from './principal.js';

declare module '@fastify/secure-session' {
  interface SessionData {
    identity: OidcIdentity;
    /** Epoch ms after which the session no longer counts as signed in. */
    expires_at: number;
    /** Secret the page's CSRF tokens are made from and checked against. */
    csrf: string;
    /** The ID token, for the provider's sign-out (id_token_hint). */
    id_token: string;
    /** The login in progress: PKCE verifier, state, nonce and where to go afterwards. */
    login: { verifier: string; state: string; nonce: string; returnTo: string };
  }
}

export const SESSION_COOKIE = 'hr_session';
/** A working day: after that the person signs in again (silently, if the provider still knows them). */
export const SESSION_HOURS = 10;

const csrf: Tokens.TokensSimple = Tokens({});

/**
 * The pages' sign-in session: an encrypted, authenticated cookie (libsodium secretbox via @fastify/secure-session)
 * holding who signed in, so no server-side store is needed and any replica can read it. HttpOnly, SameSite=Lax,
 * Secure when the service is reached over https. Changes made with it need the X-CSRF-Token from GET /api/v1/me.
 */
export class PagesSession implements SessionReader {
  constructor(private readonly now: () => number) {}

  static async register(app: FastifyInstance, key: Buffer, secure: boolean): Promise<void> {
    await app.register(secureSession, {
      key,
      cookieName: SESSION_COOKIE,
      expiry: SESSION_HOURS * 3600,
      cookie: { path: '/', httpOnly: true, sameSite: 'lax', secure },
    });
  }

  principalOf(request: FastifyRequest): Principal | undefined {
    const session = request.session;
    const identity = session?.get('identity');
    const expiresAt = session?.get('expires_at');
    if (!identity || expiresAt === undefined || expiresAt <= this.now()) return undefined;
    return oidcPrincipal(identity, 'session');
  }

  signIn(request: FastifyRequest, identity: OidcIdentity, idToken: string): void {
    const session = request.session;
    session.set('login', undefined);
    session.set('identity', identity);
    session.set('expires_at', this.now() + SESSION_HOURS * 3_600_000);
    session.set('csrf', csrf.secretSync());
    session.set('id_token', idToken);
  }

  csrfToken(request: FastifyRequest): string | undefined {
    const secret = request.session?.get('csrf');
    return secret ? csrf.create(secret) : undefined;
  }

  csrfValid(request: FastifyRequest): boolean {
    const secret = request.session?.get('csrf');
    const token = request.headers['x-csrf-token'];
    return secret !== undefined && typeof token === 'string' && csrf.verify(secret, token);
  }
}
