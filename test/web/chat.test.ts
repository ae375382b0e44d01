import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { adminHeaders } from '../helpers/app.js';
import {
  describeInBrowserOnEachDatabase,
  launchBrowser,
  openPage,
  screenshot,
  seriousAccessibilityViolations,
  startWebServer,
  type WebServer,
} from './browser.js';

/** An answer bubble; the typing indicator shares its classes but is not one, so waiting on it would race. */
const ANSWER = 'li.msg.bot:not(.typing)';

async function ask(page: Page, text: string): Promise<void> {
  const before = await page.locator(ANSWER).count();
  await page.getByRole('textbox', { name: 'Message' }).fill(text);
  await page.getByRole('textbox', { name: 'Message' }).press('Enter');
  await page.locator(ANSWER).nth(before).waitFor();
}

describeInBrowserOnEachDatabase('employee chat in a real browser', (kind) => {
  let browser: Browser;
  let server: WebServer;

  beforeAll(async () => {
    [browser, server] = await Promise.all([launchBrowser(), startWebServer({}, kind)]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('answers a question with badges and articles, continues the conversation and takes a rating', async () => {
    const { page, externalRequests, pageErrors, context } = await openPage(browser);
    await page.goto(`${server.baseUrl}/`);
    await page.getByLabel('Employee ID').fill('emp-browser-1');
    await page.getByLabel('Employee ID').press('Tab');

    await ask(page, 'When do we get paid each month, and is it by direct deposit?');
    const answer = page.locator(ANSWER).last();
    expect((await answer.locator('.answer').textContent())?.length).toBeGreaterThan(20);
    // A human label, no internal enums, scores or timings.
    expect(await answer.locator('.badge.cat').textContent()).toBe('Pay & payroll');
    expect(await answer.textContent()).not.toMatch(/Priority \d|relevance|Answered in|Payroll ·/);
    expect(await answer.getByRole('button', { name: 'Talk to a person' }).count()).toBe(1);
    expect(await answer.locator('.notice').count()).toBe(0);
    // No case reference on an ordinary answer.
    expect(await page.locator('#case-ref').textContent()).toBe('');
    const conversationId = await page.evaluate(() => localStorage.getItem('hr-conversation-id'));
    expect(conversationId).toMatch(/^[0-9a-f-]{36}$/);
    const caseRef = '';

    // The send button works as well as Enter, and the follow-up stays in the same conversation.
    await page
      .getByRole('textbox', { name: 'Message' })
      .fill('And how do I change the bank account it goes to?');
    await page.getByRole('button', { name: 'Send' }).click();
    await page.locator(ANSWER).nth(1).waitFor();
    expect(await page.locator('#case-ref').textContent()).toBe(caseRef);
    const stored = await (await fetch(`${server.baseUrl}/api/v1/conversations/${conversationId}`)).json();
    expect(stored.messages.filter((m: { role: string }) => m.role === 'user')).toHaveLength(2);
    expect(stored.user_id).toBe('emp-browser-1');

    // A reload shows the same conversation again.
    await page.reload();
    await page.locator(ANSWER).nth(1).waitFor();
    expect(await page.locator('li.msg.user').count()).toBe(2);
    expect(await page.locator(ANSWER).first().locator('.badge.cat').textContent()).toBe('Pay & payroll');
    expect(await page.locator('#case-ref').textContent()).toBe(caseRef);

    await page.locator(ANSWER).last().getByRole('button', { name: 'Rate 5 out of 5' }).click();
    await page.getByText('Thanks, rated 5 of 5.').waitFor();
    // Only the conversation pane scrolls; the page itself stays at the top with the header in view.
    expect(await page.evaluate(() => window.scrollY)).toBe(0);
    await screenshot(page, 'chat-answer');

    expect(externalRequests).toEqual([]);
    expect(pageErrors).toEqual([]);
    await context.close();
  });

  it('shows the escalation notice with the case reference for an angry message, then marks it resolved', async () => {
    const { page, externalRequests, pageErrors, context } = await openPage(browser);
    await page.goto(`${server.baseUrl}/`);
    await ask(
      page,
      'This is absolutely unacceptable!!! My paycheck has been wrong for THREE months and nobody answers me. I am furious.',
    );
    const answer = page.locator(ANSWER).last();
    const notice = answer.getByRole('note');
    await notice.waitFor();
    const reference = (await page.locator('#case-ref').textContent())?.replace('Case ', '') ?? '';
    expect(reference).toMatch(/^HR-\d+$/);
    expect(await notice.textContent()).toContain(reference);
    // A calm notice only: no rating and no articles on an escalated answer.
    expect(await answer.locator('.rating').count()).toBe(0);
    expect(await answer.locator('details.kb').count()).toBe(0);
    const caseId = await page.evaluate(() => localStorage.getItem('hr-conversation-id'));
    await screenshot(page, 'chat-escalated');

    await page.getByRole('button', { name: 'Mark resolved' }).click();
    await page.getByText('You marked this conversation as resolved').waitFor();
    const stored = await (await fetch(`${server.baseUrl}/api/v1/conversations/${caseId}`)).json();
    expect(stored.status).toBe('Resolved');

    // Once resolved, the button cannot be pressed again.
    expect(await page.locator('#resolve').isDisabled()).toBe(true);
    expect(externalRequests).toEqual([]);
    expect(pageErrors).toEqual([]);
    await context.close();
  });

  it("shows HR's answer to an escalated question when the employee comes back", async () => {
    const { page, externalRequests, pageErrors, context } = await openPage(browser);
    await page.goto(`${server.baseUrl}/`);
    await ask(page, 'I want to speak to a real person about a complaint against my supervisor.');
    await page.locator(ANSWER).last().getByRole('note').waitFor();
    const caseId = await page.evaluate(() => localStorage.getItem('hr-conversation-id'));
    expect(caseId).toMatch(/^[0-9a-f-]{36}$/);

    const resolved = await server.testApp.app.inject({
      method: 'POST',
      url: `/api/v1/conversations/${caseId}/resolve`,
      headers: adminHeaders,
      payload: {
        response: 'Hi, this is Dana from HR. I have booked a call with you tomorrow at 10:00.',
        resolved_by: 'Dana',
      },
    });
    expect(resolved.statusCode).toBe(200);

    await page.reload();
    const reply = page.locator('li.msg.agent');
    await reply.waitFor();
    expect(await reply.textContent()).toContain('booked a call with you tomorrow');
    expect(await reply.textContent()).toContain('HR team');
    expect(externalRequests).toEqual([]);
    expect(pageErrors).toEqual([]);
    await context.close();
  });

  it('fits a 390 px phone: no horizontal scrolling, 44 px controls, no serious accessibility violations', async () => {
    const { page, pageErrors, context } = await openPage(browser);
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${server.baseUrl}/`);
    await ask(
      page,
      'Where is the leave policy? https://intranet.example.com/policies/leave/annual-leave-entitlement-and-carryover-rules-2026',
    );
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    const small = await page.evaluate(() =>
      [...document.querySelectorAll('button, summary')]
        .filter((e) => e.getClientRects().length > 0)
        .map((e) => ({ text: e.textContent?.trim(), ...e.getBoundingClientRect().toJSON() }))
        .filter((r) => r.width < 44 || r.height < 44),
    );
    expect(small).toEqual([]);
    // The header stays compact on a phone.
    expect(
      await page.locator('header.topbar').evaluate((e) => e.getBoundingClientRect().height),
    ).toBeLessThan(80);
    const violations = await seriousAccessibilityViolations(page);
    expect(violations).toEqual([]);
    expect(pageErrors).toEqual([]);
    await context.close();
  });

  it('explains bad input and an unreachable server inline, keeping the typed question', async () => {
    const { page, externalRequests, pageErrors, context } = await openPage(browser);
    await page.goto(`${server.baseUrl}/`);
    const box = page.getByRole('textbox', { name: 'Message' });
    const alert = page.getByRole('alert');
    const question = 'How many vacation days do I have?';

    // Checked in the page before sending.
    await page.getByLabel('Employee ID').fill('not a valid id!');
    await box.fill(question);
    await page.getByRole('button', { name: 'Send' }).click();
    await alert.filter({ hasText: 'Employee ID can only use' }).waitFor();

    // Rejected by the server's schema (the request is altered on the way, as a buggy client would send it).
    await page.getByLabel('Employee ID').fill('emp-browser-3');
    await page.route('**/api/v1/query', (route) =>
      route.continue({ postData: JSON.stringify({ message: question, user_id: 'emp-browser-3', extra: 1 }) }),
    );
    await box.fill(question);
    await page.getByRole('button', { name: 'Send' }).click();
    await alert.filter({ hasText: 'Your message was not sent' }).waitFor();
    expect(await alert.textContent()).not.toContain('Cannot reach');
    expect(await box.inputValue()).toBe(question);
    expect(await page.locator('li.msg').count()).toBe(0);

    await page.unroute('**/api/v1/query');
    await page.route('**/api/v1/query', (route) => route.abort('connectionrefused'));
    await page.getByRole('button', { name: 'Send' }).click();
    await alert.filter({ hasText: 'Cannot reach the server' }).waitFor();
    expect(await box.inputValue()).toBe(question);
    expect(await page.locator('li.msg').count()).toBe(0);
    await screenshot(page, 'chat-error');
    expect(await page.locator('body').textContent()).toContain('HR Assistant');

    // Once the server answers again, the same question goes through.
    await page.unroute('**/api/v1/query');
    await page.getByRole('button', { name: 'Send' }).click();
    await page.locator(ANSWER).waitFor();
    expect(await page.locator('#error').textContent()).toBe('');
    expect(externalRequests).toEqual([]);
    expect(pageErrors).toEqual([]);
    await context.close();
  });
});
