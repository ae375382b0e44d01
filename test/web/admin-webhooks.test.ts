import { createPublicKey, verify } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_ADMIN_KEY } from '../helpers/app.js';
import {
  chromiumAvailable,
  launchBrowser,
  openPage,
  screenshot,
  signInToConsole,
  startWebServer,
  type WebServer,
} from './browser.js';

interface Receiver {
  url: string;
  requests: Array<{ headers: http.IncomingHttpHeaders; body: string }>;
  close(): Promise<void>;
}

/** A real local endpoint that answers 200 and remembers what it got. */
async function startReceiver(): Promise<Receiver> {
  const requests: Receiver['requests'] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      requests.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"received":true}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hooks/hr`,
    requests,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

describe.skipIf(!chromiumAvailable)('admin console: webhooks in a real browser', () => {
  let browser: Browser;
  let server: WebServer;
  let receiver: Receiver;

  beforeAll(async () => {
    [browser, server, receiver] = await Promise.all([launchBrowser(), startWebServer(), startReceiver()]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await receiver?.close();
  });

  it('creates a webhook, tests it against a local receiver, reads and filters its delivery log, redelivers', async () => {
    const { page, externalRequests, pageErrors, context } = await openPage(browser);
    await signInToConsole(page, server.baseUrl);
    await page.getByRole('button', { name: 'Webhooks' }).click();
    await page.getByText('No webhooks yet').waitFor();

    await page.getByRole('button', { name: 'New webhook' }).click();
    const form = page.getByRole('form', { name: 'New webhook' });
    await form.getByLabel('URL').fill(receiver.url);
    await form.getByLabel('Description').fill('Case tool');
    await form.getByLabel('query.escalated').check();
    await form.getByRole('button', { name: 'Create webhook' }).click();

    // The secret is shown once, with a copy button.
    const secret = page.getByRole('region', { name: 'Signing secret' });
    await secret.waitFor();
    expect(await secret.locator('code').textContent()).toMatch(/^whsec_[A-Za-z0-9+/=]{40,}$/);
    await secret.getByRole('button', { name: 'Copy secret' }).click();
    await secret.getByText(/Copied\.|Selected/).waitFor();

    const row = page.locator('tr', { hasText: receiver.url });
    await row.getByText('Active').waitFor();
    expect(await row.textContent()).toContain('query.created, query.escalated');

    await row.getByRole('button', { name: /^Test/ }).click();
    await row.getByText(/Test delivered: HTTP 200 in \d+ ms/).waitFor();
    expect(receiver.requests).toHaveLength(1);
    const received = receiver.requests[0]!;
    expect(JSON.parse(received.body).event).toBe('webhook.test');
    expect(received.headers['webhook-signature']).toMatch(/^v1,/);
    expect(received.headers['x-webhook-signature']).toMatch(/^[0-9a-f]{64}$/);

    await row.getByRole('button', { name: /^Deliveries/ }).click();
    const log = page.getByRole('region', { name: /Delivery log/ });
    const delivery = log.locator('tr[data-delivery-id]');
    await delivery.first().waitFor();
    expect(await delivery.count()).toBe(1);
    expect(await delivery.first().textContent()).toContain('webhook.test');
    expect(await delivery.first().textContent()).toContain('success');
    await delivery.first().getByRole('button', { name: 'Attempts and payload' }).click();
    const attempt = log.getByRole('table', { name: 'Attempts' }).locator('tbody tr');
    // The payload spans the whole log, not its last column.
    const payload = log.locator('pre.payload');
    await payload.waitFor();
    expect(await payload.textContent()).toContain('"event": "webhook.test"');
    const [payloadWidth, logWidth] = await Promise.all([
      payload.evaluate((e) => e.getBoundingClientRect().width),
      log.locator('table.deliveries').evaluate((e) => e.getBoundingClientRect().width),
    ]);
    expect(payloadWidth).toBeGreaterThan(logWidth * 0.9);
    expect(await attempt.count()).toBe(1);
    expect(await attempt.first().textContent()).toContain('200');
    await screenshot(page, 'admin-webhooks');

    await log.getByLabel('Status').selectOption('failed');
    await log.getByText('No deliveries match.').waitFor();
    await log.getByLabel('Status').selectOption('success');
    await log.getByLabel('Event').selectOption('query.created');
    await log.getByText('No deliveries match.').waitFor();
    await log.getByLabel('Event').selectOption('webhook.test');
    await delivery.first().waitFor();

    await delivery
      .first()
      .getByRole('button', { name: /^Redeliver/ })
      .click();
    await log.getByText('Redelivery of webhook.test queued.').waitFor();

    expect(externalRequests).toEqual([]);
    expect(pageErrors).toEqual([]);
    await context.close();
  });

  it('edits, pauses and resumes, rotates the secret and deletes after confirmation', async () => {
    const { page, externalRequests, pageErrors, context } = await openPage(browser);
    await signInToConsole(page, server.baseUrl);
    await page.goto(`${server.baseUrl}/admin#webhooks`);
    const row = page.locator('tr', { hasText: receiver.url });
    await row.waitFor();

    await row.getByRole('button', { name: /^Edit/ }).click();
    const form = page.getByRole('form', { name: 'Edit webhook' });
    await form.getByLabel('Description').fill('Case tool (EU)');
    await form.getByLabel('Minimum priority').fill('7');
    await form.getByRole('button', { name: 'Save changes' }).click();
    await page.locator('#section-body').getByText('Webhook saved.').waitFor();
    await row.getByText('Case tool (EU)').waitFor();

    await row.getByRole('button', { name: /^Pause/ }).click();
    await row.getByText('Paused').waitFor();
    await row.getByRole('button', { name: /^Resume/ }).click();
    await row.getByText('Active').waitFor();

    await row.getByRole('button', { name: /^Rotate secret/ }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Rotate secret' }).click();
    const secret = page.getByRole('region', { name: 'Signing secret' });
    await secret.getByText('New signing secret:').waitFor();

    // Cancelling the confirmation keeps the webhook; confirming deletes it.
    await row.getByRole('button', { name: /^Delete/ }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Cancel' }).click();
    expect(await row.count()).toBe(1);
    await row.getByRole('button', { name: /^Delete/ }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Delete' }).click();
    await page.getByText('No webhooks yet').waitFor();
    const list = await (
      await fetch(`${server.baseUrl}/api/v1/webhooks`, {
        headers: { authorization: `Bearer ${TEST_ADMIN_KEY}` },
      })
    ).json();
    expect(list.total).toBe(0);
    expect(externalRequests).toEqual([]);
    expect(pageErrors).toEqual([]);
    await context.close();
  });

  it('creates an Ed25519 webhook with a retry schedule and an extra header; the shown public key verifies its test event', async () => {
    const { page, externalRequests, pageErrors, context } = await openPage(browser);
    await signInToConsole(page, server.baseUrl);
    await page.goto(`${server.baseUrl}/admin#webhooks`);
    await page.getByRole('button', { name: 'New webhook' }).click();
    const form = page.getByRole('form', { name: 'New webhook' });
    await form.getByLabel('URL').fill(receiver.url);
    await form.getByLabel('Signature scheme').selectOption('ed25519');
    await form.getByLabel(/Retry schedule/).fill('1, 2, ten');
    await form.getByRole('button', { name: 'Create webhook' }).click();
    await form.getByText('Write the retry schedule as whole seconds').waitFor();
    await form.getByLabel(/Retry schedule/).fill('1, 2');
    await form.getByLabel('Extra headers').fill('X-Tenant: acme');
    await form.getByRole('button', { name: 'Create webhook' }).click();

    const shown = page.getByRole('region', { name: 'Signing secret' });
    await shown.getByText('Public key (Ed25519):').waitFor();
    const publicKey = (await shown.locator('code').textContent()) ?? '';
    expect(publicKey).toMatch(/^whpk_[A-Za-z0-9+/]{43}=$/);
    const row = page.locator('tr', { hasText: receiver.url });
    await row.locator('code.public-key', { hasText: publicKey }).waitFor();

    const before = receiver.requests.length;
    await row.getByRole('button', { name: /^Test/ }).click();
    await row.getByText(/Test delivered: HTTP 200/).waitFor();
    const received = receiver.requests[before]!;
    expect(received.headers['x-tenant']).toBe('acme');
    expect(received.headers['x-webhook-signature']).toBeUndefined();
    const key = createPublicKey({
      key: { kty: 'OKP', crv: 'Ed25519', x: Buffer.from(publicKey.slice(5), 'base64').toString('base64url') },
      format: 'jwk',
    });
    const signature = String(received.headers['webhook-signature']);
    expect(signature).toMatch(/^v1a,/);
    const message = `${received.headers['webhook-id']}.${received.headers['webhook-timestamp']}.${received.body}`;
    expect(verify(null, Buffer.from(message), key, Buffer.from(signature.slice(4), 'base64'))).toBe(true);

    const stored = await (
      await fetch(`${server.baseUrl}/api/v1/webhooks`, {
        headers: { authorization: `Bearer ${TEST_ADMIN_KEY}` },
      })
    ).json();
    expect(stored.webhooks[0]).toMatchObject({
      signature_scheme: 'ed25519',
      public_key: publicKey,
      retry_schedule: [1, 2],
      headers: { 'x-tenant': '****' },
    });

    // Editing keeps the masked header and the schedule when left as shown.
    await row.getByRole('button', { name: /^Edit/ }).click();
    const edit = page.getByRole('form', { name: 'Edit webhook' });
    expect(await edit.getByLabel(/Retry schedule/).inputValue()).toBe('1, 2');
    await edit.getByLabel('Description').fill('Signed with Ed25519');
    await edit.getByRole('button', { name: 'Save changes' }).click();
    await row.getByText('Signed with Ed25519').waitFor();
    await row.getByRole('button', { name: /^Test/ }).click();
    await expect.poll(() => receiver.requests.length, { timeout: 30_000 }).toBe(before + 2);
    expect(receiver.requests.at(-1)?.headers['x-tenant']).toBe('acme');
    expect(externalRequests).toEqual([]);
    expect(pageErrors).toEqual([]);
    await context.close();
  });
});
