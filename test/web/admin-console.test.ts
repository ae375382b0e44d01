import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { adminHeaders, TEST_ADMIN_KEY } from '../helpers/app.js';
import {
  describeInBrowserOnEachDatabase,
  launchBrowser,
  openPage,
  screenshot,
  signInToConsole,
  startWebServer,
  type WebServer,
} from './browser.js';

describeInBrowserOnEachDatabase(
  'admin console: escalations, dashboard, knowledge base, employees',
  (kind) => {
    let browser: Browser;
    let server: WebServer;
    let escalatedId: string;
    let receiver: http.Server | undefined;

    const api = async (method: string, url: string, payload?: unknown, admin = false) => {
      const response = await server.testApp.app.inject({
        method: method as 'GET',
        url,
        payload: payload as Record<string, unknown>,
        headers: admin ? adminHeaders : {},
      });
      return response.json();
    };

    beforeAll(async () => {
      [browser, server] = await Promise.all([launchBrowser(), startWebServer({}, kind)]);
      // A small history for the queue and the dashboard: answered, rated and escalated questions.
      const answered = await api('POST', '/api/v1/query', {
        message: 'How do I enroll in the 401k?',
        user_id: 'emp-ana',
      });
      await api('POST', '/api/v1/feedback', {
        conversation_id: answered.conversation_id,
        user_id: 'emp-ana',
        rating: 4,
      });
      await api('POST', '/api/v1/query', { message: 'When is payday this month?', user_id: 'emp-ana' });
      await api('POST', '/api/v1/query', {
        message: 'Where can I park my bicycle at the office?',
        user_id: 'emp-bo',
      });
      // Words no article contains: a knowledge gap for the dashboard.
      await api('POST', '/api/v1/query', { message: 'xylophone zeppelin marmalade', user_id: 'emp-bo' });
      const escalated = await api('POST', '/api/v1/query', {
        message: 'My manager keeps harassing me in meetings and I am scared to report it.',
        user_id: 'emp-cy',
      });
      expect(escalated.metadata.escalated).toBe(true);
      escalatedId = escalated.conversation_id;

      // One delivery that succeeds (a local receiver) and one that fails (it answers 500), for the chart.
      receiver = http.createServer((req, res) => {
        req.resume();
        req.on('end', () => res.writeHead(req.url === '/ok' ? 200 : req.url === '/gone' ? 410 : 500).end());
      });
      await new Promise<void>((resolve) => receiver!.listen(0, '127.0.0.1', resolve));
      const { port } = receiver.address() as AddressInfo;
      for (const path of ['/ok', '/broken']) {
        const hook = await api(
          'POST',
          '/api/v1/webhooks',
          { url: `http://127.0.0.1:${port}${path}`, events: ['query.created'], max_attempts: 1 },
          true,
        );
        await api('POST', `/api/v1/webhooks/${hook.id}/test`, undefined, true);
      }
    });
    afterAll(async () => {
      await browser?.close();
      await server?.close();
      receiver?.close();
    });

    it('lists cases compactly, opens the case page, assigns, replies, notes, resolves and reopens', async () => {
      const { page, externalRequests, pageErrors, context } = await openPage(browser);
      await signInToConsole(page, server.baseUrl, 'escalations');
      const section = page.locator('#section-body');
      const row = section.locator('.case-row').filter({ hasText: 'emp-cy' });
      await row.waitFor();
      expect(await row.textContent()).toMatch(/HR-\d+/);
      expect(await row.textContent()).toMatch(/due in|overdue by/);
      await screenshot(page, 'admin-escalations');

      await section.getByLabel('Your name').fill('Dana');
      await section.getByLabel('Your name').press('Tab');
      await row.locator('a.case-link').click();
      const casePage = section.getByRole('article');
      await casePage.locator('#case-heading').waitFor();
      expect(await casePage.getByLabel('Transcript').textContent()).toContain('harassing');

      await casePage.getByRole('button', { name: 'Assign to me' }).click();
      await section.getByText(/assigned to you/).waitFor();
      await section.getByLabel('Message to the employee').fill('Could you tell me when this started?');
      await section.getByRole('button', { name: 'Reply' }).click();
      await section
        .getByText(/waiting on the employee/)
        .first()
        .waitFor();
      await section.getByLabel('Internal note').fill('Manager is on leave until Monday.');
      await section.getByRole('button', { name: 'Add note' }).click();
      await section.getByText('Manager is on leave until Monday.').waitFor();
      await section.getByLabel('Message to the employee').fill('Thank you. I will call you today.');
      await section.getByRole('button', { name: 'Resolve' }).click();
      await section.getByRole('button', { name: 'Reopen' }).waitFor();

      const conversation = await api('GET', `/api/v1/conversations/${escalatedId}`);
      expect(conversation.status).toBe('Resolved');
      expect(conversation.messages.filter((m: { role: string }) => m.role === 'agent')).toHaveLength(2);
      expect(JSON.stringify(conversation)).not.toContain('Manager is on leave');

      await section.getByRole('button', { name: 'Reopen' }).click();
      await section.getByText(/reopened/).waitFor();
      expect((await api('GET', `/api/v1/conversations/${escalatedId}`)).status).toBe('Assigned');

      // The sign-in page shows only the form, and the case pages fit a phone.
      await page.setViewportSize({ width: 390, height: 844 });
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
      await page.goto(`${server.baseUrl}/admin#escalations`);
      await section.locator('.case-row').first().waitFor();
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
      expect(externalRequests).toEqual([]);
      expect(pageErrors).toEqual([]);
      await context.close();
    });

    it('draws the dashboard charts from local Chart.js with the summary figures and knowledge gaps', async () => {
      const { page, externalRequests, pageErrors, context } = await openPage(browser);
      await signInToConsole(page, server.baseUrl, 'dashboard');
      const section = page.locator('#section-body');
      await section.locator('.card').first().waitFor();
      const questions = section.locator('.card', { hasText: 'Questions' }).locator('.value');
      expect(Number(await questions.textContent())).toBeGreaterThanOrEqual(4);
      expect(await section.locator('.card', { hasText: 'Average rating' }).textContent()).toContain(
        '4.00 / 5 from 1 rating',
      );
      await page.waitForFunction(() => document.querySelectorAll('#section-body canvas').length === 5);
      await page.waitForFunction(() => 'Chart' in window);
      // Each canvas has been drawn on by Chart.js (it records the chart instance on the canvas).
      const drawn = await page.evaluate(() => {
        const chart = (window as unknown as { Chart: { getChart(c: HTMLCanvasElement): unknown } }).Chart;
        return [...document.querySelectorAll('#section-body canvas')].every((c) =>
          Boolean(chart.getChart(c as HTMLCanvasElement)),
        );
      });
      expect(drawn).toBe(true);
      expect(await section.getByRole('img', { name: /Sentiment mix/ }).count()).toBe(1);
      await section.getByRole('heading', { name: 'Unanswered questions' }).waitFor();
      await screenshot(page, 'admin-dashboard');
      expect(await section.locator('section', { hasText: 'Unanswered questions' }).textContent()).toContain(
        'xylophone zeppelin marmalade',
      );
      // Every chart has its numbers as a table too.
      const sentimentData = section.locator('figure', { hasText: 'Sentiment mix' }).locator('details');
      await sentimentData.getByText('Show the data').click();
      expect(await sentimentData.getByRole('table').textContent()).toContain('Neutral');
      const deliveryData = section.locator('figure', { hasText: 'Webhook deliveries' }).locator('details');
      await deliveryData.getByText('Show the data').click();
      // Today's bucket: one succeeded, one failed.
      expect(await deliveryData.locator('tbody tr').last().locator('td').allTextContents()).toEqual([
        '1',
        '1',
      ]);

      await section.getByLabel('Period', { exact: true }).selectOption('1');
      await page.waitForFunction(() => document.querySelectorAll('#section-body canvas').length === 5);
      expect(Number(await questions.textContent())).toBeGreaterThanOrEqual(4);
      expect(externalRequests).toEqual([]);
      expect(pageErrors).toEqual([]);
      await context.close();
    });

    it('searches, views, creates, edits and deletes knowledge-base articles', async () => {
      const { page, externalRequests, pageErrors, context } = await openPage(browser);
      await signInToConsole(page, server.baseUrl, 'kb');
      const section = page.locator('#section-body');
      await section.locator('tbody tr').first().waitFor();
      // The shipped knowledge base spans several pages of 25.
      await section.getByText(/^1–25 of \d+$/).waitFor();
      expect(await section.getByRole('button', { name: 'Previous' }).count()).toBe(0);
      await section.getByRole('button', { name: 'Next' }).click();
      await section.getByText(/^26–50 of \d+$/).waitFor();
      await section.getByRole('button', { name: 'Previous' }).click();
      await section.getByText(/^1–25 of \d+$/).waitFor();
      await section.getByLabel('Search articles').fill('direct deposit');
      await section.getByRole('button', { name: 'Search', exact: true }).click();
      await section.getByText(/\d+ result\(s\)/).waitFor();
      const first = section.locator('tbody tr').first();
      const title = (await first.locator('td').first().textContent()) ?? '';
      expect(title.toLowerCase()).toContain('deposit');
      await first.getByRole('button', { name: title, exact: true }).click();
      await section.getByRole('article', { name: `Article: ${title}` }).waitFor();
      await screenshot(page, 'admin-kb');

      await section.getByRole('button', { name: 'New article' }).click();
      const form = section.getByRole('form', { name: 'New article' });
      await form.getByLabel('Title').fill('Bicycle parking at the office');
      await form.getByLabel('Article category').selectOption('General');
      await form.getByLabel('Tags').fill('bicycle, parking, office');
      await form
        .getByLabel('Content')
        .fill('Bicycle racks are in the garage next to the north entrance. Badge access applies.');
      await form.getByRole('button', { name: 'Create article' }).click();
      await section.getByRole('article', { name: 'Article: Bicycle parking at the office' }).waitFor();

      // The change reaches retrieval at once.
      const hits = await api('GET', '/api/v1/kb/search?q=bicycle%20parking');
      expect(hits.results[0].title).toBe('Bicycle parking at the office');

      await section
        .getByRole('article', { name: 'Article: Bicycle parking at the office' })
        .getByRole('button', { name: 'Edit' })
        .click();
      const edit = section.getByRole('form', { name: 'Edit article' });
      await edit.getByLabel('Title').fill('Bicycle parking and showers');
      await edit.getByRole('button', { name: 'Save article' }).click();
      await section.getByRole('article', { name: 'Article: Bicycle parking and showers' }).waitFor();

      await section.getByLabel('Search articles').fill('bicycle');
      await section.getByRole('button', { name: 'Search', exact: true }).click();
      await section.getByRole('button', { name: 'Delete: Bicycle parking and showers' }).click();
      await page.getByRole('dialog').getByRole('button', { name: 'Delete' }).click();
      await section.getByText('Article deleted.').waitFor();
      const after = await api('GET', '/api/v1/kb/search?q=bicycle%20showers');
      expect(after.results.map((r: { title: string }) => r.title)).not.toContain(
        'Bicycle parking and showers',
      );
      expect(externalRequests).toEqual([]);
      expect(pageErrors).toEqual([]);
      await context.close();
    });

    it('shows a banner for a webhook the system stopped, on every section', async () => {
      const { port } = receiver!.address() as AddressInfo;
      const hook = await api(
        'POST',
        '/api/v1/webhooks',
        { url: `http://127.0.0.1:${port}/gone`, events: ['query.created'] },
        true,
      );
      const test = await api('POST', `/api/v1/webhooks/${hook.id}/test`, undefined, true);
      expect(test.status_code).toBe(410);
      const page = await browser.newPage();
      try {
        await signInToConsole(page, server.baseUrl, 'kb');
        const banner = page.locator('#stopped-webhooks');
        await banner.getByText('1 webhook stopped delivering').waitFor();
        expect(await banner.textContent()).toContain(`127.0.0.1:${port}/gone`);
        expect(await banner.textContent()).toContain('410 Gone');
        await banner.getByRole('link', { name: 'Review webhooks' }).click();
        await page.locator('#section-title', { hasText: 'Webhooks' }).waitFor();
        await api('PUT', `/api/v1/webhooks/${hook.id}`, { is_active: true }, true);
        await page.getByRole('button', { name: 'Dashboard' }).click();
        await banner.waitFor({ state: 'hidden' });
      } finally {
        await page.close();
        await server.testApp.app.inject({
          method: 'DELETE',
          url: `/api/v1/webhooks/${hook.id}`,
          headers: adminHeaders,
        });
      }
    });

    it("lists and searches employees, opens one's conversations, sets VIP and the e-mail address", async () => {
      const { page, externalRequests, pageErrors, context } = await openPage(browser);
      await signInToConsole(page, server.baseUrl, 'employees');
      const section = page.locator('#section-body');
      // The list: everyone who asked, most recently active first, with their latest question.
      const employees = section.getByRole('list', { name: 'Employees' });
      await employees.getByRole('link', { name: 'emp-cy' }).waitFor();
      expect(await employees.getByRole('listitem').count()).toBe(3);
      await expect
        .poll(() => employees.getByRole('listitem').filter({ hasText: 'emp-ana' }).textContent())
        .toContain('When is payday this month?');
      // A harassment report is a confidential case: its words never appear in the list.
      const cy = await employees.getByRole('listitem').filter({ hasText: 'emp-cy' }).textContent();
      expect(cy).toContain('Latest question is in a confidential case.');
      expect(cy).not.toContain('harassing');
      await screenshot(page, 'admin-employee-list');
      await section.getByLabel('Find an employee').fill('ANA');
      await section.getByRole('button', { name: 'Search' }).click();
      await section.getByText('1–1 of 1 employee(s)', { exact: false }).waitFor();
      await employees.getByRole('link', { name: 'emp-ana' }).click();
      await section.getByText('2 conversation(s), newest first.').waitFor();
      const first = section.locator('details.item').first();
      await first.locator('summary').click();
      await first.locator('.transcript li').first().waitFor();
      await section.getByText('emp-ana is not VIP.').waitFor();
      await section.getByRole('button', { name: 'Set VIP' }).click();
      await section.getByText('emp-ana is VIP.').waitFor();
      // The address HR's replies are e-mailed to: a typo is refused in plain words, then saved.
      await section.getByLabel("E-mail for HR's replies").fill('ana.example.com');
      await section.getByRole('button', { name: 'Save e-mail' }).click();
      await section.getByText('Not saved: E-mail address (email) is not a valid e-mail address.').waitFor();
      await section.getByLabel("E-mail for HR's replies").fill('ana@example.com');
      await section.getByRole('button', { name: 'Save e-mail' }).click();
      await section.getByText('E-mail saved.').waitFor();
      expect((await api('GET', '/api/v1/users/emp-ana', undefined, true)).email).toBe('ana@example.com');
      await screenshot(page, 'admin-employees');

      const next = await api('POST', '/api/v1/query', {
        message: 'How do I enroll in the 401k?',
        user_id: 'emp-ana',
      });
      const baseline = await api('POST', '/api/v1/query', {
        message: 'How do I enroll in the 401k?',
        user_id: 'emp-new',
      });
      expect(next.priority).toBeGreaterThan(baseline.priority);
      expect(externalRequests).toEqual([]);
      expect(pageErrors).toEqual([]);
      await context.close();
    });
  },
);
