import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type * as client from 'openid-client';
import { Type } from 'typebox';
import { AppError, badRequest } from '../../errors.js';
import { ClaimError, identityFromClaims } from './oidc-claims.js';
import type { OidcProvider } from './oidc-provider.js';
import type { PagesSession } from './session.js';

export interface LoginRoutesOptions {
  oidc: OidcProvider;
  session: PagesSession;
}

/** Only a path on this site: "//evil.example" and absolute URLs would make the login an open redirect. */
function safeReturnPath(value: string | undefined): string {
  return value !== undefined && /^\/(?![/\\])[^\s]*$/.test(value) ? value : '/';
}

/**
 * The pages' sign-in through the company's provider: authorization code with PKCE, state and nonce kept in the
 * encrypted session cookie until the provider sends the person back, then who they are (from the verified ID
 * token) kept there instead.
 */
export const loginRoutes: FastifyPluginAsyncTypebox<LoginRoutesOptions> = async (app, { oidc, session }) => {
  const { publicUrl, scopes } = oidc.settings;
  const redirectUri = `${publicUrl}/auth/callback`;
  const hidden = { hide: true };

  app.get(
    '/auth/login',
    {
      schema: {
        ...hidden,
        querystring: Type.Object({ return_to: Type.Optional(Type.String({ maxLength: 500 })) }),
      },
    },
    async (request, reply) => {
      const configuration = await oidc.configuration();
      const client = await oidc.client();
      const verifier = client.randomPKCECodeVerifier();
      const state = client.randomState();
      const nonce = client.randomNonce();
      request.session.set('login', {
        verifier,
        state,
        nonce,
        returnTo: safeReturnPath(request.query.return_to),
      });
      const url = client.buildAuthorizationUrl(configuration, {
        redirect_uri: redirectUri,
        scope: scopes,
        code_challenge: await client.calculatePKCECodeChallenge(verifier),
        code_challenge_method: 'S256',
        state,
        nonce,
      });
      return reply.redirect(url.href);
    },
  );

  app.get('/auth/callback', { schema: hidden }, async (request, reply) => {
    const login = request.session.get('login');
    if (!login) throw badRequest('No sign-in is in progress here; start again from the page');
    const configuration = await oidc.configuration();
    const client = await oidc.client();
    let tokens: Awaited<ReturnType<typeof client.authorizationCodeGrant>>;
    try {
      tokens = await client.authorizationCodeGrant(configuration, new URL(request.url, publicUrl), {
        pkceCodeVerifier: login.verifier,
        expectedState: login.state,
        expectedNonce: login.nonce,
        idTokenExpected: true,
      });
    } catch (error) {
      request.log.warn({ err: error }, 'sign-in refused');
      throw new AppError('UNAUTHORIZED', 'The sign-in could not be completed; start again from the page');
    }
    const claims = tokens.claims();
    if (!claims || !tokens.id_token) throw new AppError('UNAUTHORIZED', 'The provider sent no ID token');
    try {
      session.signIn(request, identityFromClaims(claims, oidc.settings), tokens.id_token);
    } catch (error) {
      if (error instanceof ClaimError) throw new AppError('UNAUTHORIZED', error.message);
      throw error;
    }
    return reply.redirect(login.returnTo);
  });

  app.post(
    '/auth/logout',
    {
      config: { access: 'employee' },
      schema: { ...hidden, response: { 200: Type.Object({ redirect: Type.String() }) } },
    },
    async (request) => {
      const idToken = request.session.get('id_token');
      request.session.delete();
      const configuration = await oidc.configuration();
      const home = `${publicUrl}/`;
      // Ending the provider's session too, so "sign out" on a shared computer really signs the person out.
      if (!configuration.serverMetadata().end_session_endpoint) return { redirect: home };
      const client = await oidc.client();
      const url = client.buildEndSessionUrl(configuration, {
        post_logout_redirect_uri: home,
        ...(idToken ? { id_token_hint: idToken } : {}),
      });
      return { redirect: url.href };
    },
  );
};
