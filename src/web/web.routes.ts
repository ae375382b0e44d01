import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import fastifyStatic from '@fastify/static';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { ModuleOptions } from '../context.js';

const require = createRequire(import.meta.url);

/**
 * The pages live next to this file in the source tree; a compiled build (dist/web) has no copy of them,
 * so fall back to the source folder rather than shipping a second set.
 */
function publicRoot(): string {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const candidates = [path.join(here, 'public'), path.resolve(here, '../../src/web/public')];
  const found = candidates.find((dir) => fs.existsSync(path.join(dir, 'index.html')));
  if (!found) throw new Error(`Web console files not found (looked in ${candidates.join(', ')})`);
  return found;
}

/** chart.js exports no subpath for its UMD bundle, so find it next to the package's main entry. */
function chartUmdPath(): string {
  const main = require.resolve('chart.js');
  return path.join(path.dirname(main), 'chart.umd.min.js');
}

interface Asset {
  body: Buffer;
  gzipped: Buffer;
  type: string;
}

function loadAsset(file: string, type: string): Asset {
  const body = fs.readFileSync(file);
  return { body, gzipped: gzipSync(body, { level: 9 }), type };
}

// No compression plugin is installed, so the few big or frequently fetched files are gzipped once at start-up.
function sendAsset(request: FastifyRequest, reply: FastifyReply, asset: Asset, cacheControl: string) {
  reply.type(asset.type).header('cache-control', cacheControl).header('vary', 'accept-encoding');
  const accepts = request.headers['accept-encoding'];
  if (typeof accepts === 'string' && /\bgzip\b/.test(accepts)) {
    return reply.header('content-encoding', 'gzip').send(asset.gzipped);
  }
  return reply.send(asset.body);
}

/** The employee chat at `/` and the HR console at `/admin`: static pages calling the public API. */
export const webModule: FastifyPluginAsync<ModuleOptions> = async (app) => {
  const root = publicRoot();
  const chatPage = loadAsset(path.join(root, 'index.html'), 'text/html; charset=utf-8');
  const adminPage = loadAsset(path.join(root, 'admin.html'), 'text/html; charset=utf-8');
  const chartJs = loadAsset(chartUmdPath(), 'application/javascript');
  const noCache = 'no-cache';

  await app.register(fastifyStatic, {
    root: path.join(root, 'assets'),
    prefix: '/assets/',
    // One route per file present at start-up, so unknown paths fall through to the API's 404 shape.
    wildcard: false,
    decorateReply: false,
    // Asset names are not fingerprinted: let browsers keep them briefly and revalidate by ETag after.
    maxAge: '5m',
    schemaHide: true,
  });

  const hidden = { schema: { hide: true } };
  app.get('/', hidden, async (request, reply) => sendAsset(request, reply, chatPage, noCache));
  app.get('/admin', hidden, async (request, reply) => sendAsset(request, reply, adminPage, noCache));
  app.get('/admin/', hidden, async (_request, reply) => reply.redirect('/admin'));
  app.get('/assets/chart.js', hidden, async (request, reply) =>
    sendAsset(request, reply, chartJs, 'public, max-age=86400'),
  );
};
