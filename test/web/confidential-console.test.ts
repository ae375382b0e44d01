import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminHeaders } from '../helpers/app.js';
import {
  chromiumAvailable,
  launchBrowser,
  openPage,
  signInToConsole,
  startWebServer,
  type WebServer,
} from './browser.js';

const REPORTER = 'emp-quiet-reporter';
const WORDS = 'pinned me against the filing cabinet';

/**
 * The console as an hr_agent (not cleared for confidential cases) renders it: the case is in the list with its
 * priority and a Confidential badge, but neither the reporter's id nor their words appear anywhere on the page.
 */
describe.skipIf(!chromiumAvailable)('the console for staff not cleared for confidential cases', () => {
  let browser: Browser;
  let server: WebServer;
  let agentToken: string;

  beforeAll(async () => {
    [browser, server] = await Promise.all([launchBrowser(), startWebServer()]);
    const inject = server.testApp.app.inject.bind(server.testApp.app);
    const token = await inject({
      method: 'POST',
      url: '/api/v1/tokens',
      headers: adminHeaders,
      payload: { name: 'console-agent', role: 'hr_agent' },
    });
    agentToken = token.json().token;
    for (const [user_id, message] of [
      [REPORTER, `My supervisor sexually harassed me and ${WORDS} after the meeting`],
      ['emp-open-case', 'can I speak to a real person about my pension please'],
    ]) {
      const asked = await inject({ method: 'POST', url: '/api/v1/query', payload: { user_id, message } });
      expect(asked.json().metadata.escalated).toBe(true);
    }
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('shows the confidential case without its reporter or words, in the case list and the employee list', async () => {
    const { page, pageErrors, context } = await openPage(browser);
    try {
      await signInToConsole(page, server.baseUrl, 'escalations', agentToken);
      const section = page.locator('#section-body');
      const confidential = section.locator('.case-row').filter({ hasText: 'Confidential' });
      await confidential.waitFor();
      await section.locator('.case-row').filter({ hasText: 'emp-open-case' }).waitFor();
      expect(await confidential.textContent()).toContain('Employee withheld');
      let text = await page.locator('body').innerText();
      expect(text).not.toContain(REPORTER);
      expect(text).not.toContain(WORDS);
      expect(text).not.toContain('harass');

      await page.goto(`${server.baseUrl}/admin#employees`);
      const employees = section.getByRole('list', { name: 'Employees' });
      await employees.getByRole('link', { name: 'emp-open-case' }).waitFor();
      // The reporter is an employee like any other here, with no confidential case to their name.
      const row = employees.getByRole('listitem').filter({ hasText: REPORTER });
      await row.waitFor();
      expect(await row.textContent()).not.toContain('confidential case');
      text = await page.locator('body').innerText();
      expect(text).not.toContain(WORDS);
      expect(text).not.toContain('harass');
      expect(pageErrors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
