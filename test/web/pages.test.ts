import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_ADMIN_KEY } from '../helpers/app.js';
import {
  chromiumAvailable,
  launchBrowser,
  openPage,
  screenshot,
  startWebServer,
  type WebServer,
} from './browser.js';

// A real browser on a shared two-core machine: generous per-scenario bounds, never a fixed sleep.
describe.skipIf(!chromiumAvailable)(
  'web pages in a real browser: loading, offline assets, sign-in',
  { timeout: 120_000 },
  () => {
    let browser: Browser;
    let server: WebServer;

    beforeAll(async () => {
      [browser, server] = await Promise.all([launchBrowser(), startWebServer()]);
    });
    afterAll(async () => {
      await browser?.close();
      await server?.close();
    });

    it('serves the chat page with its controls and no request leaving the machine', async () => {
      const { page, externalRequests, pageErrors, missingAssets, context } = await openPage(browser);
      await page.goto(`${server.baseUrl}/`);
      await page.getByLabel('Message').waitFor();
      expect(await page.getByRole('button', { name: 'Send' }).isEnabled()).toBe(true);
      // The employee id is generated once and kept for the next visit.
      const employeeId = await page.getByLabel('Employee ID').inputValue();
      expect(employeeId).toMatch(/^emp-/);
      await page.reload();
      expect(await page.getByLabel('Employee ID').inputValue()).toBe(employeeId);
      await screenshot(page, 'chat-empty');
      expect(missingAssets).toEqual([]);
      expect(externalRequests).toEqual([]);
      expect(pageErrors).toEqual([]);
      await context.close();
    });

    it('shows a validation message inline instead of sending an empty question', async () => {
      const { page, externalRequests, pageErrors, context } = await openPage(browser);
      await page.goto(`${server.baseUrl}/`);
      await page.getByRole('button', { name: 'Send' }).click();
      await page.getByRole('alert').filter({ hasText: 'Type a question first' }).waitFor();
      expect(externalRequests).toEqual([]);
      expect(pageErrors).toEqual([]);
      await context.close();
    });

    it('refuses a wrong admin key and signs in with the right one, keeping it for the tab only', async () => {
      const { page, externalRequests, pageErrors, missingAssets, context } = await openPage(browser);
      await page.goto(`${server.baseUrl}/admin`);
      await screenshot(page, 'admin-signin');
      await page.getByLabel('API key').fill('not-the-key');
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.getByRole('alert').filter({ hasText: 'not accepted' }).waitFor();

      await page.getByLabel('API key').fill(TEST_ADMIN_KEY);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.getByRole('navigation', { name: 'Console sections' }).waitFor();
      // Wait for the state asserted, not a neighbouring one: the navigation can show before focus has moved.
      await page.waitForFunction(() => document.activeElement?.id === 'section-title', undefined, {
        timeout: 15_000,
      });
      expect(await page.evaluate(() => sessionStorage.getItem('hr-admin-key'))).toBe(TEST_ADMIN_KEY);
      expect(await page.evaluate(() => localStorage.getItem('hr-admin-key'))).toBeNull();

      // Keyboard: a section opens with Enter and focus moves to its heading for screen-reader users.
      await page.getByRole('button', { name: 'Knowledge base' }).focus();
      await page.keyboard.press('Enter');
      await page.locator('#section-body table').waitFor();
      await page.waitForFunction(() => document.activeElement?.textContent === 'Knowledge base', undefined, {
        timeout: 15_000,
      });
      expect(await page.getByRole('button', { name: 'Knowledge base' }).getAttribute('aria-current')).toBe(
        'page',
      );

      // A reload in the same tab stays signed in; signing out forgets the key.
      await page.reload();
      await page.getByRole('navigation', { name: 'Console sections' }).waitFor();
      await page.getByRole('button', { name: 'Sign out' }).click();
      await page.getByLabel('API key').waitFor();
      expect(await page.evaluate(() => sessionStorage.getItem('hr-admin-key'))).toBeNull();
      expect(missingAssets).toEqual([]);
      expect(externalRequests).toEqual([]);
      expect(pageErrors).toEqual([]);
      await context.close();
    });

    it('gives every control on every page and console section an accessible name', async () => {
      const { page, pageErrors, context } = await openPage(browser);
      const unnamed = () =>
        page.evaluate(() =>
          [...document.querySelectorAll('input, select, textarea, button')]
            .filter((node) => (node as HTMLElement).offsetParent !== null)
            .filter((node) => {
              const control = node as HTMLInputElement;
              return !(
                control.labels?.length ||
                control.getAttribute('aria-label') ||
                control.getAttribute('aria-labelledby') ||
                (control.tagName === 'BUTTON' && control.textContent?.trim())
              );
            })
            .map((node) => node.outerHTML.slice(0, 120)),
        );
      await page.goto(`${server.baseUrl}/`);
      await page.getByLabel('Message').waitFor();
      expect(await unnamed()).toEqual([]);

      await page.goto(`${server.baseUrl}/admin`);
      expect(await unnamed()).toEqual([]);
      await page.getByLabel('API key').fill(TEST_ADMIN_KEY);
      await page.getByRole('button', { name: 'Sign in' }).click();
      for (const section of ['Dashboard', 'Cases', 'Webhooks', 'Knowledge base', 'Employees']) {
        await page.getByRole('button', { name: section, exact: true }).click();
        await page.waitForFunction(
          () => !document.querySelector('#section-body')?.textContent?.includes('Loading'),
        );
        if (section === 'Webhooks') await page.getByRole('button', { name: 'New webhook' }).click();
        if (section === 'Knowledge base') await page.getByRole('button', { name: 'New article' }).click();
        expect({ section, unnamed: await unnamed() }).toEqual({ section, unnamed: [] });
      }
      expect(pageErrors).toEqual([]);
      await context.close();
    });

    it('renders Swagger UI at /docs and ReDoc at /redoc with local assets only', async () => {
      const { page, externalRequests, pageErrors, context } = await openPage(browser);
      await page.goto(`${server.baseUrl}/docs`);
      await page.locator('.swagger-ui .info .title').waitFor();
      expect(await page.locator('.swagger-ui .info .title').textContent()).toContain(
        'HR Intelligence Platform API',
      );
      await screenshot(page, 'docs-swagger');

      await page.goto(`${server.baseUrl}/redoc`);
      await page.locator('.api-info h1, [role="main"] h1').first().waitFor({ timeout: 20_000 });
      expect(await page.locator('h1').first().textContent()).toContain('HR Intelligence Platform API');
      await screenshot(page, 'docs-redoc');
      expect(externalRequests).toEqual([]);
      // ReDoc's footer logo pointed at its CDN; the server rewrites it, so not even a blocked attempt remains.
      expect(pageErrors).toEqual([]);
      await context.close();
    });
  },
);
