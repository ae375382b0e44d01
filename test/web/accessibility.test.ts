import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminHeaders } from '../helpers/app.js';
import {
  chromiumAvailable,
  horizontalOverflow,
  launchBrowser,
  openPage,
  seriousAccessibilityViolations,
  signInToConsole,
  startWebServer,
  type WebServer,
} from './browser.js';

/** An answer bubble; the typing indicator shares its classes but is not one, so waiting on it would race. */
const ANSWER = 'li.msg.bot:not(.typing)';

/** Visible controls lying partly outside the viewport's width: a control nobody can reach without side-scrolling. */
function unreachableControls(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll('a[href], button, input, select, textarea, summary')]
      .filter((e) => e.getClientRects().length > 0 && !e.closest('[hidden], .visually-hidden, .skip-link'))
      .filter((e) => {
        const r = e.getBoundingClientRect();
        return r.left < -1 || r.right > document.documentElement.clientWidth + 1;
      })
      .map(
        (e) =>
          `${e.tagName.toLowerCase()} "${(e.textContent || e.getAttribute('aria-label') || '').trim().slice(0, 40)}"`,
      ),
  );
}

interface Screen {
  name: string;
  /** Opens the screen in a signed-in (console) or fresh (chat, sign-in) page and waits until it is drawn. */
  open(page: Page): Promise<void>;
}

// Every console page and the chat, each checked at a phone's and a laptop's size. A real browser on a shared
// two-core machine: generous bounds, waiting for what each screen draws, never a fixed sleep.
describe.skipIf(!chromiumAvailable)(
  'accessibility and small screens: every page',
  { timeout: 600_000 },
  () => {
    let browser: Browser;
    let server: WebServer;
    let receiver: http.Server;
    let caseId: string;
    let screens: Screen[];

    const inject = async (method: string, url: string, payload?: unknown, admin = false) =>
      (
        await server.testApp.app.inject({
          method: method as 'GET',
          url,
          payload: payload as Record<string, unknown>,
          headers: admin ? adminHeaders : {},
        })
      ).json();

    beforeAll(async () => {
      [browser, server] = await Promise.all([launchBrowser(), startWebServer()]);
      receiver = http.createServer((req, res) => {
        req.resume();
        req.on('end', () => res.writeHead(200).end());
      });
      await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
      const { port } = receiver.address() as AddressInfo;
      const answered = await inject('POST', '/api/v1/query', {
        message: 'How many vacation days do I get per year?',
        user_id: 'emp-a11y-1',
      });
      await inject('POST', '/api/v1/feedback', {
        conversation_id: answered.conversation_id,
        user_id: 'emp-a11y-1',
        rating: 5,
      });
      const escalated = await inject('POST', '/api/v1/query', {
        message: 'I want to speak with someone in HR about a problem with my manager, please.',
        user_id: 'emp-a11y-2',
      });
      expect(escalated.metadata.escalated).toBe(true);
      caseId = escalated.conversation_id;
      await inject(
        'POST',
        '/api/v1/canned-replies',
        { title: 'We are on it', body: 'Thanks, we will call you today.' },
        true,
      );
      const hook = await inject(
        'POST',
        '/api/v1/webhooks',
        { url: `http://127.0.0.1:${port}/hook`, events: ['query.created'] },
        true,
      );
      await inject('POST', `/api/v1/webhooks/${hook.id}/test`, undefined, true);

      const consoleScreen = (
        name: string,
        hash: string,
        ready: (page: Page) => Promise<unknown>,
      ): Screen => ({
        name,
        async open(page) {
          await signInToConsole(page, server.baseUrl, hash);
          await ready(page);
        },
      });
      const body = (page: Page) => page.locator('#section-body');
      screens = [
        {
          name: 'console sign-in',
          async open(page) {
            await page.goto(`${server.baseUrl}/admin`);
            await page.getByLabel('API key').waitFor();
          },
        },
        consoleScreen('dashboard', 'dashboard', (page) =>
          page.waitForFunction(() => document.querySelectorAll('#section-body canvas').length > 0),
        ),
        consoleScreen('case list', 'escalations', (page) =>
          body(page).locator('.case-row').first().waitFor(),
        ),
        consoleScreen('case page', `escalations/${caseId}`, (page) =>
          page.getByLabel('Message to the employee').waitFor(),
        ),
        consoleScreen('canned replies', 'replies', (page) => page.getByText('We are on it').waitFor()),
        consoleScreen('webhooks', 'webhooks', (page) =>
          body(page).getByText(`127.0.0.1:${port}`).first().waitFor(),
        ),
        {
          name: 'webhook delivery log',
          async open(page) {
            await signInToConsole(page, server.baseUrl, 'webhooks');
            await body(page)
              .getByRole('button', { name: /^Deliveries/ })
              .first()
              .click();
            const log = page.getByRole('region', { name: /Delivery log/ });
            await log.getByRole('button', { name: 'Attempts and payload' }).first().click();
            await log.locator('pre.payload').first().waitFor();
          },
        },
        consoleScreen('knowledge base', 'kb', (page) =>
          body(page).locator('tbody tr, .item').first().waitFor(),
        ),
        consoleScreen('employees', 'employees', (page) =>
          body(page).getByRole('link', { name: 'emp-a11y-2' }).waitFor(),
        ),
        consoleScreen('employee page', 'employees/emp-a11y-1', (page) =>
          body(page).getByText('conversation(s), newest first').waitFor(),
        ),
        {
          name: 'chat with an answer',
          async open(page) {
            await page.goto(`${server.baseUrl}/`);
            await page.getByRole('textbox', { name: 'Message' }).fill('How do I request parental leave?');
            await page.getByRole('button', { name: 'Send' }).click();
            await page.locator(ANSWER).waitFor();
          },
        },
        {
          name: 'chat with an escalated answer and My cases open',
          async open(page) {
            await page.goto(`${server.baseUrl}/`);
            await page
              .getByRole('textbox', { name: 'Message' })
              .fill('Please let me talk to a person in HR about my contract.');
            await page.getByRole('button', { name: 'Send' }).click();
            await page.getByText('Your question is with the HR team.').waitFor();
            await page.getByRole('button', { name: /^My cases/ }).click();
            await page.locator('#case-list .case-item').first().waitFor();
          },
        },
      ];
    }, 180_000);
    afterAll(async () => {
      await browser?.close();
      await server?.close();
      receiver?.close();
    });

    for (const [width, height] of [
      [390, 844],
      [1280, 800],
    ] as const) {
      it(`at ${width}×${height}: no horizontal scrolling, every control reachable, no serious axe-core violations`, async () => {
        const problems: string[] = [];
        for (const screen of screens) {
          const { page, pageErrors, context } = await openPage(browser);
          await page.setViewportSize({ width, height });
          await screen.open(page);
          const overflow = await horizontalOverflow(page);
          if (overflow > 0) problems.push(`${screen.name}: ${overflow} px wider than the screen`);
          for (const control of await unreachableControls(page)) {
            problems.push(`${screen.name}: ${control} lies outside the screen`);
          }
          for (const violation of await seriousAccessibilityViolations(page)) {
            problems.push(`${screen.name}: ${violation}`);
          }
          for (const error of pageErrors) problems.push(`${screen.name}: script error ${error}`);
          await context.close();
        }
        expect(problems).toEqual([]);
      });
    }
  },
);
