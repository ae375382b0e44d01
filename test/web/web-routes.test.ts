import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app.js';

// The serving side of the pages, without a browser (runs even where Chromium is not installed).
describe('web console routes', () => {
  let testApp: TestApp;

  beforeAll(async () => {
    testApp = await createTestApp('sqlite');
  });
  afterAll(async () => {
    await testApp.close();
  });

  const get = (url: string, headers: Record<string, string> = {}) =>
    testApp.app.inject({ method: 'GET', url, headers });

  it('serves the chat and the console as HTML that is revalidated on every visit', async () => {
    for (const [url, title] of [
      ['/', 'HR Assistant'],
      ['/admin', 'HR Console'],
    ] as const) {
      const res = await get(url);
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toContain('text/html');
      expect(res.headers['cache-control']).toBe('no-cache');
      expect(res.body).toContain(`<title>${title}</title>`);
      expect(res.headers['content-security-policy']).toContain("script-src 'self'");
    }
    const slash = await get('/admin/');
    expect(slash.statusCode).toBe(302);
    expect(slash.headers.location).toBe('/admin');
  });

  it('references only local scripts and styles, never inline code', async () => {
    for (const url of ['/', '/admin']) {
      const html = (await get(url)).body;
      expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
      expect(html).not.toMatch(/\son[a-z]+=/i);
      for (const [, ref] of html.matchAll(/(?:src|href)="([^"]+)"/g)) {
        // Page links (the console, the chat, the docs, the single sign-on route) are navigation, not assets.
        if (
          ref?.startsWith('/admin') ||
          ref?.startsWith('/auth/') ||
          ref === '/' ||
          ref === '/docs' ||
          ref?.startsWith('#')
        )
          continue;
        expect(ref).toMatch(/^\/assets\//);
        expect((await get(ref!)).statusCode).toBe(200);
      }
    }
  });

  it('serves assets with validators and a short cache lifetime', async () => {
    const res = await get('/assets/chat.js');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('javascript');
    expect(res.headers['cache-control']).toContain('max-age=300');
    const etag = res.headers.etag as string;
    expect(etag).toBeTruthy();
    expect((await get('/assets/chat.js', { 'if-none-match': etag })).statusCode).toBe(304);
  });

  it('serves Chart.js from node_modules, gzipped when the client accepts it', async () => {
    const gz = await testApp.app.inject({
      method: 'GET',
      url: '/assets/chart.js',
      headers: { 'accept-encoding': 'gzip, deflate' },
    });
    expect(gz.statusCode).toBe(200);
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gz.headers['cache-control']).toContain('max-age=86400');
    expect(gz.rawPayload.length).toBeLessThan(100_000);
    const plain = await get('/assets/chart.js');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(gunzipSync(gz.rawPayload).equals(plain.rawPayload)).toBe(true);
    expect(plain.body).toContain('Chart');
  });

  it('leaves unknown paths to the API 404 in the common error shape', async () => {
    for (const url of ['/assets/nothing.js', '/assets/../package.json', '/admin/extra']) {
      const res = await get(url);
      expect(res.statusCode).toBe(404);
      expect(res.json().error.code).toBe('NOT_FOUND');
    }
  });
});
