import fs from 'node:fs';
import { createRequire } from 'node:module';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import { openApiWebhooks } from '../modules/webhooks/event-catalog.js';
import { APP_VERSION } from '../version.js';

const require = createRequire(import.meta.url);

const redocPage = `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>HR Intelligence Platform API — ReDoc</title>
</head>
<body>
  <div id="redoc"></div>
  <script src="/redoc/redoc.standalone.js"></script>
  <script src="/redoc/init.js"></script>
</body>
</html>`;

// Kept in its own file so the page works under a content-security policy without inline scripts.
const redocInit = `Redoc.init('/openapi.json', { hideDownloadButton: false, disableSearch: false }, document.getElementById('redoc'));`;

/** OpenAPI 3 generated from the route schemas, Swagger UI at /docs, ReDoc at /redoc — all assets local. */
export async function registerOpenApi(app: FastifyInstance): Promise<void> {
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'HR Intelligence Platform API',
        version: APP_VERSION,
        description:
          'Employee HR questions answered by a multi-agent pipeline, human handoff, analytics and signed webhooks. ' +
          'Administrative routes need `Authorization: Bearer <ADMIN_API_KEY>` or `X-API-Key: <ADMIN_API_KEY>`.',
      },
      // The event catalog's plain JSON path items; the plugin's OpenAPI types live in a transitive package.
      webhooks: openApiWebhooks() as never,
      components: {
        securitySchemes: {
          bearerAuth: { type: 'http', scheme: 'bearer' },
          apiKeyHeader: { type: 'apiKey', in: 'header', name: 'X-API-Key' },
        },
      },
    },
  });
  await app.register(swaggerUi, { routePrefix: '/docs', uiConfig: { validatorUrl: null } });

  // ReDoc's footer links a logo on its CDN; the docs must work offline, so that one URL becomes an empty image.
  // Read on the first request, not at start: the bundle is ~1 MB of text most processes never serve.
  let redocText: string | undefined;
  const redocBundle = () => {
    redocText ??= fs
      .readFileSync(require.resolve('redoc/bundles/redoc.standalone.js'), 'utf8')
      .replaceAll('https://cdn.redoc.ly/redoc/logo-mini.svg', 'data:,');
    return redocText;
  };
  app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  app.get('/redoc', { schema: { hide: true } }, async (_request, reply) =>
    reply.type('text/html').send(redocPage),
  );
  app.get('/redoc/redoc.standalone.js', { schema: { hide: true } }, async (_request, reply) =>
    reply.type('application/javascript').header('cache-control', 'public, max-age=86400').send(redocBundle()),
  );
  app.get('/redoc/init.js', { schema: { hide: true } }, async (_request, reply) =>
    reply.type('application/javascript').send(redocInit),
  );
}
