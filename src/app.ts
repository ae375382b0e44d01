import { randomUUID } from 'node:crypto';
import Fastify, { type FastifyInstance } from 'fastify';
import { resolveAdminKey } from './admin-key.js';
import { type Clock, systemClock } from './clock.js';
import type { Config } from './config.js';
import type { AppContext } from './context.js';
import { createDb, type Db } from './db/create-db.js';
import { migrateToLatest } from './db/migrator.js';
import { registerControlCharacterGuard } from './http/control-characters.js';
import { registerErrorHandling } from './http/error-handler.js';
import { registerOpenApi } from './http/openapi.js';
import { frameworkErrors, registerSecurity } from './http/security.js';
import { serializersBuiltOnFirstUse } from './http/serialization.js';
import { registerValidation } from './http/validation.js';
import { loggerOptions } from './logger.js';
import { analyticsRoutes } from './modules/analytics/analytics.routes.js';
import { registerMetrics } from './modules/analytics/metrics.routes.js';
import { registerAuditContext } from './modules/audit/audit.js';
import { auditModule } from './modules/audit/audit.routes.js';
import { casesRoutes } from './modules/cases/cases.routes.js';
import { handoffRoutes } from './modules/handoff/handoff.routes.js';
import { healthModule } from './modules/health/health.routes.js';
import { registerAccessControl } from './modules/identity/access.js';
import { Authenticator } from './modules/identity/authenticate.js';
import { identityModule } from './modules/identity/identity.module.js';
import { OidcProvider } from './modules/identity/oidc-provider.js';
import { PagesSession } from './modules/identity/session.js';
import { sessionKey } from './modules/identity/session-secret.js';
import { TokensService } from './modules/identity/tokens.service.js';
import { createEmployeeNotifier } from './modules/notifications/employee-notifier.js';
import { ConversationRetention } from './modules/privacy/conversation-retention.js';
import { employeeDataRoutes } from './modules/privacy/employee-data.routes.js';
import { answeringModule } from './modules/queries/answering.module.js';
import { webhooksModule } from './modules/webhooks/webhooks.module.js';
import { webModule } from './web/web.routes.js';

export interface BuildOptions {
  /** Replaces the system clock (tests of retries, leases and time windows). */
  clock?: Clock;
  /** Use this database instead of opening one from config (it is then not closed with the app). */
  db?: Db;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Shared, mutable readiness flags (an object, so a flag set inside a plugin is seen by every route). */
    readiness: { agent: boolean };
  }
}

const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** Builds the whole application; the server entry and the tests both start here. */
export async function buildApp(
  config: Readonly<Config>,
  options: BuildOptions = {},
): Promise<FastifyInstance> {
  const app = Fastify({
    logger: loggerOptions(config),
    bodyLimit: config.bodyLimitBytes,
    requestTimeout: config.requestTimeoutMs,
    http: {
      // Node looks for expired requests only every connectionsCheckingInterval (30 s by default), which made a
      // 30 s timeout last 39–69 s; checking a few times per window keeps the real window within a second of the
      // setting. Headers count against the same window (Node's own default allows them 60 s).
      connectionsCheckingInterval: Math.min(1000, Math.ceil(config.requestTimeoutMs / 4)),
      headersTimeout: config.requestTimeoutMs,
    },
    frameworkErrors,
    schemaController: { compilersFactory: { buildSerializer: serializersBuiltOnFirstUse } },
    trustProxy: config.trustProxy,
    // Accept a caller's request id when it is sane so traces join up across services.
    genReqId: (req) => {
      const incoming = req.headers['x-request-id'];
      return typeof incoming === 'string' && REQUEST_ID.test(incoming) ? incoming : randomUUID();
    },
  });

  const db = options.db ?? createDb(config.database, config.databasePoolSize);
  if (!options.db) app.addHook('onClose', async () => db.destroy());
  await migrateToLatest(db);

  const ctx: AppContext = { config, db, clock: options.clock ?? systemClock, log: app.log };
  if (config.legacyDataDir) {
    app.log.warn(
      { dataDir: config.dataDir },
      'Using the database found in ./data (older layout; runtime state now defaults to ./var). To move it, stop ' +
        'the server and run: mkdir -p var && mv data/hr-platform.db* data/admin-api-key var/',
    );
  }
  const adminKey = resolveAdminKey(config.adminApiKey, config.dataDir, app.log as never);

  // A callback hook, not an async one: it runs on every response, and a promise per response is measurable.
  app.addHook('onSend', (request, reply, payload, done) => {
    reply.header('x-request-id', request.id);
    done(null, payload);
  });
  app.decorate('readiness', { agent: false });
  registerErrorHandling(app);
  registerValidation(app);
  registerControlCharacterGuard(app);
  const tokens = new TokensService(ctx);
  const oidc = config.auth.mode === 'oidc' ? new OidcProvider(config.auth.oidc) : undefined;
  const authenticator = new Authenticator(adminKey, tokens, oidc);
  await registerSecurity(app, config, authenticator);
  let session: PagesSession | undefined;
  if (config.auth.mode === 'oidc') {
    // Registered before the access check, which reads the session the plugin has decrypted.
    const secure = config.auth.oidc.publicUrl.startsWith('https:');
    await PagesSession.register(app, sessionKey(config.auth.sessionSecret, config.dataDir), secure);
    session = new PagesSession(() => ctx.clock.now());
    authenticator.session = session;
  }
  registerAccessControl(app, authenticator, config.auth.mode);
  registerAuditContext(app);
  if (config.auth.mode === 'open') {
    app.log.warn(
      'AUTH_MODE is open: employees are not authenticated (anyone can ask as any user_id). ' +
        'Set AUTH_MODE=oidc to have people sign in (docs/security.md).',
    );
  }
  await registerOpenApi(app);
  registerMetrics(app, ctx);

  await app.register(healthModule, { ctx });
  await app.register(identityModule, { ctx, tokens, oidc, session });
  await app.register(answeringModule, { ctx });
  await app.register(auditModule, { ctx });
  await app.register(webhooksModule, { ctx });
  await app.register(webModule, { ctx });
  const notifier = createEmployeeNotifier(ctx);
  app.addHook('onClose', async () => {
    await notifier.settled();
    notifier.close();
  });
  await app.register(handoffRoutes, { ctx, notifier });
  await app.register(casesRoutes, { ctx });
  await app.register(analyticsRoutes, { ctx });
  await app.register(employeeDataRoutes, { ctx });
  // Conversation retention runs where the delivery worker runs (the worker CLI starts its own).
  if (config.workerEmbedded && config.conversationRetentionDays !== undefined) {
    const retention = new ConversationRetention(
      { db: db.kysely, clock: ctx.clock, log: app.log },
      config.conversationRetentionDays,
    );
    app.addHook('onReady', async () => retention.start());
    app.addHook('onClose', async () => retention.stop());
  }

  return app;
}
