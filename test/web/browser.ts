import fs from 'node:fs';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { describe } from 'vitest';
import { createTestApp, TEST_ADMIN_KEY, type TestApp } from '../helpers/app.js';
import { type DatabaseKind, describeEachDatabase } from '../helpers/databases.js';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
// In CI the browser tests must run: a missing Chromium fails them there rather than skipping them.
export const chromiumAvailable = fs.existsSync(CHROMIUM_PATH) || process.env.CI === 'true';
if (!chromiumAvailable) {
  // CI installs Chromium (.ci/run); elsewhere say why the browser scenarios did not run instead of hiding it.
  process.stdout.write(
    `NOTICE: no Chromium at ${CHROMIUM_PATH} (apt-get install chromium, or set CHROMIUM_PATH): browser tests skipped.\n`,
  );
}

const SCREENSHOT_DIR = path.resolve('test-output/screenshots');
const DOCS_SCREENSHOT_DIR = path.resolve('docs/screenshots');

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

export interface WebServer {
  testApp: TestApp;
  baseUrl: string;
  close(): Promise<void>;
}

/**
 * Browser scenarios that store what HR and employees do (cases, replies, notes, My cases) run once per
 * database engine, as the API tests do; skipped with the notice above when there is no Chromium.
 */
export function describeInBrowserOnEachDatabase(title: string, body: (kind: DatabaseKind) => void): void {
  if (!chromiumAvailable) describe.skip(title, () => body('sqlite'));
  else describeEachDatabase(title, body);
}

/** The real application on a fresh database, listening on a loopback port the browser can reach. */
export async function startWebServer(
  env: Record<string, string> = {},
  kind: DatabaseKind = 'sqlite',
): Promise<WebServer> {
  const testApp = await createTestApp(kind, env);
  await testApp.app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = testApp.app.server.address() as AddressInfo;
  return { testApp, baseUrl: `http://127.0.0.1:${port}`, close: () => testApp.close() };
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

export interface WatchedPage {
  context: BrowserContext;
  page: Page;
  /** Requests that left the machine (must stay empty: every asset is served locally). */
  externalRequests: string[];
  /** Uncaught script errors and console errors (CSP violations are reported there too). */
  pageErrors: string[];
  /** Non-API resources (pages, scripts, styles, icons) answered with an error status. */
  missingAssets: string[];
}

/**
 * A fresh browser context (own storage) at 1280x800 that records any request to a non-loopback host and
 * any script error, so a test can fail on a CDN reference or a broken module.
 */
export async function openPage(browser: Browser): Promise<WatchedPage> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const externalRequests: string[] = [];
  const pageErrors: string[] = [];
  const missingAssets: string[] = [];
  const isExternal = (address: string) => {
    const url = new URL(address);
    if (url.protocol === 'data:' || url.protocol === 'blob:' || url.protocol === 'about:') return false;
    return !LOOPBACK.has(url.hostname);
  };
  // Nothing may leave the machine even if a page tries: external requests are aborted and recorded.
  await context.route(
    (url) => isExternal(url.toString()),
    (route) => route.abort('blockedbyclient'),
  );
  page.on('request', (request) => {
    if (isExternal(request.url())) externalRequests.push(request.url());
  });
  // ReDoc's bundle always renders its vendor logo from a CDN; the content-security policy (img-src 'self')
  // stops it in the browser before any connection, so a request blocked that way is not a leak.
  page.on('requestfailed', (request) => {
    if (/csp/i.test(request.failure()?.errorText ?? '')) {
      const index = externalRequests.indexOf(request.url());
      if (index >= 0) externalRequests.splice(index, 1);
    }
  });
  page.on('pageerror', (error) => pageErrors.push(error.message));
  page.on('response', (response) => {
    if (response.status() >= 400 && !new URL(response.url()).pathname.startsWith('/api/')) {
      missingAssets.push(`${response.status()} ${response.url()}`);
    }
  });
  page.on('console', (message) => {
    // Failed API calls are logged by the browser too; the pages show those inline, the tests check that.
    if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) {
      pageErrors.push(message.text());
    }
  });
  return { context, page, externalRequests, pageErrors, missingAssets };
}

/** The pictures the README shows; the rest stay in test-output only, to keep the repository small. */
const README_SCREENSHOTS = new Set([
  'chat-answer',
  'chat-escalated',
  'admin-dashboard',
  'admin-escalations',
  'admin-webhooks',
  'admin-kb',
  'admin-employees',
  'admin-employee-list',
  'admin-canned-replies',
]);

/**
 * Saves a screenshot under test-output/screenshots; with UPDATE_SCREENSHOTS=1 also refreshes the copy in
 * docs/screenshots that the README shows.
 */
export async function screenshot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const file = path.join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path: file, fullPage: false });
  if (process.env.UPDATE_SCREENSHOTS === '1' && README_SCREENSHOTS.has(name)) {
    fs.mkdirSync(DOCS_SCREENSHOT_DIR, { recursive: true });
    fs.copyFileSync(file, path.join(DOCS_SCREENSHOT_DIR, `${name}.png`));
  }
}

/**
 * Signs in to the console with the test admin key (or another API token) and waits for the menu; `section` is
 * the hash to land on.
 */
export async function signInToConsole(
  page: Page,
  baseUrl: string,
  section = '',
  key = TEST_ADMIN_KEY,
): Promise<void> {
  await page.goto(`${baseUrl}/admin${section ? `#${section}` : ''}`);
  await page.getByLabel('API key').fill(key);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('navigation', { name: 'Console sections' }).waitFor();
}

let axeSource: string | undefined;

/** axe-core run on the page as it is now: the ids of serious and critical violations, with the offending nodes. */
export async function seriousAccessibilityViolations(page: Page): Promise<string[]> {
  axeSource ??= fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
  return page.evaluate(async () => {
    // biome-ignore lint/suspicious/noExplicitAny: axe is injected into the page above
    const result = await (window as any).axe.run(document);
    return result.violations
      .filter((v: { impact: string }) => v.impact === 'serious' || v.impact === 'critical')
      .map(
        (v: { id: string; nodes: { target: string[] }[] }) =>
          `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
      );
  });
}

/** How far the page is wider than its viewport (0 = no horizontal scrolling). */
export function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}
