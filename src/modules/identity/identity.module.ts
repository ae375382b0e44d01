import type { FastifyPluginAsync } from 'fastify';
import type { AppContext } from '../../context.js';
import type { Authenticator } from './authenticate.js';
import { meRoutes } from './me.routes.js';
import type { OidcProvider } from './oidc-provider.js';
import { tokensRoutes } from './tokens.routes.js';
import type { TokensService } from './tokens.service.js';

export interface IdentityModuleOptions {
  ctx: AppContext;
  tokens: TokensService;
  authenticator: Authenticator;
  oidc: OidcProvider | undefined;
}

/** Who is calling and what they may do: personal API tokens, "who am I", and (oidc mode) the pages' sign-in. */
export const identityModule: FastifyPluginAsync<IdentityModuleOptions> = async (app, { ctx, tokens }) => {
  await app.register(tokensRoutes, { tokens });
  await app.register(meRoutes, { mode: ctx.config.auth.mode });
};
