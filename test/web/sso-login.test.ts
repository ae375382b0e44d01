import net from 'node:net';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { OidcTestProvider, oidcEnv } from '../identity/oidc-harness.js';
import { chromiumAvailable, launchBrowser, openPage, screenshot } from './browser.js';

const people = {
  alice: { email: 'alice@example.com', roles: [] },
  hank: { email: 'hank@example.com', roles: ['hr_agent'] },
};

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** The provider's own pages: any login name with any password, then consent. */
async function signInAtProvider(page: Page, login: string): Promise<void> {
  await page.locator('input[name="login"]').waitFor();
  await page.locator('input[name="login"]').fill(login);
  await page.locator('input[name="password"]').fill('any password');
  await page.getByRole('button', { name: 'Sign-in' }).click();
  await page.getByRole('button', { name: 'Continue' }).click();
}

describe.skipIf(!chromiumAvailable)('signing in through the company provider in a real browser', () => {
  let browser: Browser;
  let provider: OidcTestProvider;
  let t: TestApp;
  let base: string;

  beforeAll(async () => {
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    provider = await OidcTestProvider.start(people, [`${base}/auth/callback`]);
    t = await createTestApp('sqlite', {
      ...oidcEnv(provider.issuer, base),
      OIDC_SCOPES: 'openid email roles',
    });
    await t.app.listen({ port, host: '127.0.0.1' });
    browser = await launchBrowser();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await t?.close();
    await provider?.close();
  });

  it('takes an employee from the chat to the provider and back, asks as them, and signs them out', async () => {
    const { page, context, pageErrors } = await openPage(browser);
    await page.goto(`${base}/`);
    await signInAtProvider(page, 'alice');
    await page.getByText('Signed in as alice@example.com').waitFor();
    expect(await page.getByLabel('Employee ID').isVisible()).toBe(false);

    const cookie = (await context.cookies(base)).find((c) => c.name === 'hr_session');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax' });

    await page.getByLabel('Message').fill('When is payday?');
    await page.getByRole('button', { name: 'Send' }).click();
    await page.locator('.messages li').nth(1).waitFor();
    const owners = await t.db.kysely.selectFrom('conversations').select('user_id').execute();
    expect(owners.map((o) => o.user_id)).toEqual(['alice@example.com']);
    await screenshot(page, 'chat-signed-in');

    // The session cookie alone is not enough for a change: the page's CSRF token must come with it.
    const forged = await context.request.post(`${base}/api/v1/query`, { data: { message: 'Hi' } });
    expect(forged.status()).toBe(403);

    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('button', { name: 'Yes, sign me out' }).click();
    await page.locator('input[name="login"]').waitFor();
    const after = await context.request.get(`${base}/api/v1/me`);
    expect(after.status()).toBe(401);
    expect(pageErrors.filter((e) => !e.includes('401'))).toEqual([]);
    await context.close();
  }, 180_000);

  it('signs HR staff into the console with their role, and names them there', async () => {
    const { page, context } = await openPage(browser);
    await page.goto(`${base}/admin`);
    await page.getByRole('link', { name: 'Sign in with your company account' }).click();
    await signInAtProvider(page, 'hank');
    await page.getByText('Signed in as hank@example.com').waitFor();
    await page.getByRole('button', { name: 'Cases' }).click();
    await page.getByRole('heading', { name: 'Cases' }).waitFor();
    await screenshot(page, 'console-signed-in');
    const me = await context.request.get(`${base}/api/v1/me`);
    expect((await me.json()).roles).toEqual(['hr_agent']);
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('button', { name: 'Yes, sign me out' }).click();
    expect((await context.request.get(`${base}/api/v1/me`)).status()).toBe(401);
    await context.close();
  }, 180_000);
});
