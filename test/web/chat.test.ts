import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminHeaders } from '../helpers/app.js';
import {
  chromiumAvailable,
  launchBrowser,
  openPage,
  screenshot,
  startWebServer,
  type WebServer,
} from './browser.js';

async function ask(page: Page, text: string): Promise<void> {
  const before = await page.locator('li.msg.bot').count();
  await page.getByRole('textbox', { name: 'Message' }).fill(text);
  await page.getByRole('textbox', { name: 'Message' }).press('Enter');
  await page.locator('li.msg.bot').nth(before).waitFor();
}

describe.skipIf(!chromiumAvailable)('employee chat in a real browser', () => {
  let browser: Browser;
  let server: WebServer;

  beforeAll(async () => {
    [browser, server] = await Promise.all([launchBrowser(), startWebServer()]);
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
    const answer = page.locator('li.msg.bot').last();
    expect((await answer.locator('.answer').textContent())?.length).toBeGreaterThan(20);
    const badges = answer.getByRole('group', { name: 'Classification' });
    expect(await badges.textContent()).toContain('Payroll');
    expect(await badges.textContent()).toMatch(/Priority \d+/);
    // The articles are collapsed until asked for.
    const articles = answer.locator('details.kb');
    expect(await articles.getAttribute('open')).toBeNull();
    await articles.locator('summary').first().click();
    expect(await articles.locator('details.kb-article').count()).toBeGreaterThan(0);
    expect(await answer.locator('.notice').count()).toBe(0);

    const caseRef = (await page.locator('#case-ref').textContent()) ?? '';
    const conversationId = caseRef.replace('Case ', '');
    expect(conversationId).toMatch(/^[0-9a-f-]{36}$/);

    // The send button works as well as Enter, and the follow-up stays in the same conversation.
    await page
      .getByRole('textbox', { name: 'Message' })
      .fill('And how do I change the bank account it goes to?');
    await page.getByRole('button', { name: 'Send' }).click();
    await page.locator('li.msg.bot').nth(1).waitFor();
    expect(await page.locator('#case-ref').textContent()).toBe(caseRef);
    const stored = await (await fetch(`${server.baseUrl}/api/v1/conversations/${conversationId}`)).json();
    expect(stored.messages.filter((m: { role: string }) => m.role === 'user')).toHaveLength(2);
    expect(stored.user_id).toBe('emp-browser-1');

    // A reload shows the same conversation again.
    await page.reload();
    await page.locator('li.msg.bot').nth(1).waitFor();
    expect(await page.locator('li.msg.user').count()).toBe(2);
    const restored = page.locator('li.msg.bot').first().getByRole('group', { name: 'Classification' });
    expect(await restored.textContent()).toContain('Payroll');
    expect(await page.locator('#case-ref').textContent()).toBe(caseRef);

    await page.locator('li.msg.bot').last().getByRole('button', { name: 'Rate 5 out of 5' }).click();
    await page.getByText('Thanks — rated 5 of 5.').waitFor();
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
    const answer = page.locator('li.msg.bot').last();
    const notice = answer.getByRole('note', { name: 'Escalated to HR' });
    await notice.waitFor();
    const caseId = await notice.locator('code.case-id').textContent();
    expect(caseId).toMatch(/^[0-9a-f-]{36}$/);
    expect(await page.locator('#case-ref').textContent()).toBe(`Case ${caseId}`);
    expect(await answer.getByRole('group', { name: 'Classification' }).textContent()).toContain('Angry');
    await screenshot(page, 'chat-escalated');

    await page.getByRole('button', { name: 'Mark resolved' }).click();
    await page.getByText('You marked this conversation as resolved').waitFor();
    const stored = await (await fetch(`${server.baseUrl}/api/v1/conversations/${caseId}`)).json();
    expect(stored.status).toBe('Resolved');

    // A second press is refused by the API and explained inline.
    await page.getByRole('button', { name: 'Mark resolved' }).click();
    await page.getByRole('alert').filter({ hasText: 'already resolved' }).waitFor();
    expect(externalRequests).toEqual([]);
    expect(pageErrors).toEqual([]);
    await context.close();
  });

  it("shows HR's answer to an escalated question when the employee comes back", async () => {
    const { page, externalRequests, pageErrors, context } = await openPage(browser);
    await page.goto(`${server.baseUrl}/`);
    await ask(page, 'I want to speak to a real person about a complaint against my supervisor.');
    const caseId = await page.locator('li.msg.bot').last().locator('code.case-id').textContent();
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
    await page.locator('li.msg.bot').waitFor();
    expect(await page.locator('#error').textContent()).toBe('');
    expect(externalRequests).toEqual([]);
    expect(pageErrors).toEqual([]);
    await context.close();
  });
});
