import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminHeaders } from '../helpers/app.js';
import {
  chromiumAvailable,
  horizontalOverflow,
  launchBrowser,
  openPage,
  screenshot,
  seriousAccessibilityViolations,
  signInToConsole,
  startWebServer,
  type WebServer,
} from './browser.js';

// A real browser on a shared two-core machine: generous bounds, waiting for states, never a fixed sleep.
describe.skipIf(!chromiumAvailable)('console: canned replies in a real browser', { timeout: 180_000 }, () => {
  let browser: Browser;
  let server: WebServer;
  let caseId: string;

  const stored = async () => {
    const res = await server.testApp.app.inject({
      method: 'GET',
      url: '/api/v1/canned-replies',
      headers: adminHeaders,
    });
    return res.json().canned_replies as { id: string; title: string; body: string }[];
  };

  beforeAll(async () => {
    [browser, server] = await Promise.all([launchBrowser(), startWebServer()]);
    const res = await server.testApp.app.inject({
      method: 'POST',
      url: '/api/v1/query',
      payload: {
        message: 'I would like to talk to a person about my contract, please.',
        user_id: 'emp-canned',
      },
    });
    expect(res.json().metadata.escalated).toBe(true);
    caseId = res.json().conversation_id;
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('adds, refuses an empty text, changes and deletes a reply; the case page offers it', async () => {
    const { page, externalRequests, pageErrors, context } = await openPage(browser);
    await signInToConsole(page, server.baseUrl, 'replies');
    await page.getByText('No canned replies yet').waitFor();

    // An empty text is refused in plain words, naming the field, and nothing is stored.
    await page.getByLabel('Title').fill('Payslip re-issued');
    await page.getByRole('button', { name: 'Add', exact: true }).click();
    await page.getByRole('alert').filter({ hasText: 'Write the text of the reply.' }).waitFor();
    expect(await stored()).toEqual([]);

    await page.getByLabel('Text').fill('Your payslip was re-issued today.\nIt is in the portal.');
    await page.getByRole('button', { name: 'Add', exact: true }).click();
    await page.getByRole('listitem').filter({ hasText: 'Payslip re-issued' }).waitFor();
    expect(await stored()).toMatchObject([
      { title: 'Payslip re-issued', body: 'Your payslip was re-issued today.\nIt is in the portal.' },
    ]);

    await screenshot(page, 'admin-canned-replies');

    // A second reply with the same title: the server's conflict is shown, not swallowed.
    await page.getByLabel('Title').fill('Payslip re-issued');
    await page.getByLabel('Text').fill('Another text');
    await page.getByRole('button', { name: 'Add', exact: true }).click();
    await page.getByRole('alert').filter({ hasText: 'already exists' }).waitFor();
    expect(await stored()).toHaveLength(1);

    await page.getByRole('button', { name: 'Change "Payslip re-issued"' }).click();
    expect(await page.getByLabel('Title').inputValue()).toBe('Payslip re-issued');
    await page.getByLabel('Text').fill('Your corrected payslip is in the portal.');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.getByText('Your corrected payslip is in the portal.').waitFor();
    expect((await stored())[0]?.body).toBe('Your corrected payslip is in the portal.');

    // The case page's menu inserts it into the message to the employee.
    await page.goto(`${server.baseUrl}/admin#escalations/${caseId}`);
    await page.getByLabel('Canned reply').selectOption({ label: 'Payslip re-issued' });
    expect(await page.getByLabel('Message to the employee').inputValue()).toBe(
      'Your corrected payslip is in the portal.',
    );

    // From the case to everything else the employee asked.
    await page.getByRole('link', { name: 'All conversations of emp-canned' }).click();
    await page.getByText('1 conversation(s), newest first.').waitFor();

    await page.goto(`${server.baseUrl}/admin#replies`);
    await page.getByRole('button', { name: 'Delete "Payslip re-issued"' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Delete' }).click();
    await page.getByText('No canned replies yet').waitFor();
    expect(await stored()).toEqual([]);

    expect(externalRequests).toEqual([]);
    expect(pageErrors).toEqual([]);
    await context.close();
  });

  it('fits a 390 px phone and has no serious accessibility violations', async () => {
    const { page, pageErrors, context } = await openPage(browser);
    await page.setViewportSize({ width: 390, height: 844 });
    await signInToConsole(page, server.baseUrl, 'replies');
    await page.getByRole('heading', { name: 'Add a canned reply' }).waitFor();
    expect(await horizontalOverflow(page)).toBe(0);
    await page.getByRole('button', { name: 'Add', exact: true }).scrollIntoViewIfNeeded();
    expect(await page.getByRole('button', { name: 'Add', exact: true }).isVisible()).toBe(true);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    expect(pageErrors).toEqual([]);
    await context.close();
  });
});
