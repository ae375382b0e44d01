import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import { type Browser, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app.js';

const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

// A real browser enforcing the real header: the only way to know the pages work under the policy.
describe.skipIf(!fs.existsSync(CHROMIUM_PATH))('content-security policy in a real browser', () => {
  let t: TestApp;
  let browser: Browser;
  let baseUrl: string;

  beforeAll(async () => {
    t = await createTestApp('sqlite');
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    baseUrl = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
    browser = await chromium.launch({
      executablePath: CHROMIUM_PATH,
      headless: true,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
      ],
    });
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it.each([
    ['/', 'body'],
    ['/admin', 'body'],
    ['/docs/', '.swagger-ui .info'],
    ['/redoc', '.api-content'],
  ])(
    '%s renders without a single policy violation',
    async (url, readySelector) => {
      const context = await browser.newContext();
      const page = await context.newPage();
      const violations: string[] = [];
      page.on('console', (message) => {
        const text = message.text();
        if (!/Content Security Policy|Refused to/i.test(text)) return;
        // ReDoc's sidebar footer always tries to fetch Redocly's logo from their CDN; the policy blocking that
        // third-party request is intended (no browsing data leaves for a CDN) and ReDoc hides the broken image.
        if (text.includes('https://cdn.redoc.ly/redoc/logo-mini.svg')) return;
        violations.push(text);
      });
      await page.addInitScript(() => {
        document.addEventListener('securitypolicyviolation', (event) => {
          console.error(`Refused to load (CSP ${event.violatedDirective}): ${event.blockedURI}`);
        });
      });
      const response = await page.goto(`${baseUrl}${url}`, { waitUntil: 'load' });
      expect(response?.status()).toBe(200);
      await page.waitForSelector(readySelector, { timeout: 20_000 });
      await page.waitForLoadState('networkidle');
      await context.close();
      expect(violations).toEqual([]);
    },
    40_000,
  );
});
