import type { FastifyPluginAsync } from 'fastify';
import type { AppContext } from '../../context.js';
import { loginRoutes } from './login.routes.js';
import { meRoutes } from './me.routes.js';
import type { OidcProvider } from './oidc-provider.js';
import type { PagesSession } from './session.js';
import { tokensRoutes } from './tokens.routes.js';
import type { TokensService } from './tokens.service.js';

export interface IdentityModuleOptions {
  ctx: AppContext;
  tokens: TokensService;
  /** Both set in the oidc mode only. */
  oidc: OidcProvider | undefined;
  session: PagesSession | undefined;
}

/** Who is calling and what they may do: personal API tokens, "who am I", and (oidc mode) the pages' sign-in. */
export const identityModule: FastifyPluginAsync<IdentityModuleOptions> = async (
  app,
  { ctx, tokens, oidc, session },
) => {
  await app.register(tokensRoutes, { tokens });
  await app.register(meRoutes, {
    mode: ctx.config.auth.mode,
    ...(session ? { csrfToken: (request) => session.csrfToken(request) } : {}),
  });
  if (oidc && session) await app.register(loginRoutes, { oidc, session });
};
