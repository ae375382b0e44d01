import type { FastifyInstance, FastifyRequest, onRequestAsyncHookHandler, RouteOptions } from 'fastify';
import type { AuthConfig } from '../../config.js';
import { AppError } from '../../errors.js';
import type { Authenticator } from './authenticate.js';
import { anonymous, type Principal } from './principal.js';
import type { Access } from './roles.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** What the route needs (see roles.ts). Every /api route must say; start-up fails otherwise. */
    access?: Access;
  }
  interface FastifyRequest {
    /** Who is calling; anonymous until the route's access check has run (never for public routes). */
    principal: Principal;
  }
  interface FastifyInstance {
    /** The access each route declared, for the OpenAPI document and the role-matrix test. */
    routeAccess: { method: string; url: string; access: Access }[];
    /** An onRequest hook enforcing an access level, for routes registered outside the modules (tests, probes). */
    authorize(access: Access): onRequestAsyncHookHandler;
    /** The same for "hr_admin only", kept for the routes and probes that were written against the admin key. */
    requireAdmin: onRequestAsyncHookHandler;
  }
}

const PRINCIPAL = Symbol('principal');
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
type WithPrincipal = FastifyRequest & { [PRINCIPAL]?: Principal };

function enforce(access: Access, principal: Principal, mode: AuthConfig['mode']): void {
  if (access === 'public') return;
  if (access === 'employee') {
    if (mode === 'oidc' && principal.source === 'none') {
      throw new AppError('UNAUTHORIZED', 'Sign in, or send a bearer token', { 'www-authenticate': 'Bearer' });
    }
    return;
  }
  if (principal.source === 'none') {
    throw new AppError('UNAUTHORIZED', 'This needs an API token or a signed-in HR account', {
      'www-authenticate': 'Bearer',
    });
  }
  if (!principal.can(access)) {
    throw new AppError('FORBIDDEN', `Your role does not allow this (it needs the ${access} permission)`);
  }
}

const methodsOf = (route: RouteOptions) => (Array.isArray(route.method) ? route.method : [route.method]);

/**
 * Wires identity into every request. Each route declares `config.access`; a root hook authenticates the caller
 * (only when the route is not public, so static pages and health checks never touch the token store) and
 * answers 401 (who are you?) or 403 (not allowed) before the body is even validated.
 */
export function registerAccessControl(
  app: FastifyInstance,
  authenticator: Authenticator,
  mode: AuthConfig['mode'],
) {
  app.decorateRequest('principal', {
    getter(this: WithPrincipal) {
      return this[PRINCIPAL] ?? anonymous;
    },
    setter(this: WithPrincipal, value: Principal) {
      this[PRINCIPAL] = value;
    },
  });

  const check = async (request: FastifyRequest, access: Access) => {
    if (authenticator.hasCredentials(request)) request.principal = await authenticator.principalOnce(request);
    enforce(access, request.principal, mode);
    // A cookie is sent by the browser on its own, so a change made with it must prove it came from our page.
    if (request.principal.source === 'session' && !SAFE_METHODS.has(request.method)) {
      if (!authenticator.session?.csrfValid(request)) {
        throw new AppError('FORBIDDEN', 'Missing or invalid X-CSRF-Token (reload the page and try again)');
      }
    }
  };

  app.addHook('onRequest', (request, _reply, done) => {
    const access = request.routeOptions.config?.access;
    if (access === undefined || access === 'public') return done();
    // No credentials (the open-mode chat, on every question) is decided without a promise.
    if (!authenticator.hasCredentials(request)) {
      try {
        enforce(access, anonymous, mode);
      } catch (error) {
        return done(error as Error);
      }
      return done();
    }
    check(request, access).then(() => done(), done);
  });

  app.decorate('authorize', (access: Access) => async (request: FastifyRequest) => check(request, access));
  app.decorate('requireAdmin', async (request: FastifyRequest) => {
    await check(request, 'tokens:manage');
    if (!request.principal.roles.includes('hr_admin')) {
      throw new AppError('FORBIDDEN', 'This needs the hr_admin role');
    }
  });

  const routes: RouteOptions[] = [];
  app.decorate('routeAccess', [] as FastifyInstance['routeAccess']);
  app.addHook('onRoute', (route) => {
    if (route.url.startsWith('/api/')) routes.push(route);
  });
  app.addHook('onReady', async () => {
    for (const route of routes) {
      const access = route.config?.access;
      if (access === undefined)
        throw new Error(`${methodsOf(route).join(',')} ${route.url} declares no access`);
      for (const method of methodsOf(route)) app.routeAccess.push({ method, url: route.url, access });
    }
  });
}
