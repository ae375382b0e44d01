import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_ADMIN_KEY } from '../helpers/app.js';
import { tempDir } from '../helpers/databases.js';
import { markdownHandbook } from '../knowledge/handbook-fixtures.js';
import {
  chromiumAvailable,
  launchBrowser,
  openPage,
  screenshot,
  signInToConsole,
  startWebServer,
  type WebServer,
} from './browser.js';

// A real browser on a shared two-core machine: generous bounds, waiting for states, never a fixed sleep.
describe.skipIf(!chromiumAvailable)(
  'console: knowledge base tools in a real browser',
  { timeout: 180_000 },
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

    it('previews and imports a handbook, shows its history, publishes a draft started from a knowledge gap', async () => {
      const file = path.join(tempDir(), 'site-rules.md');
      fs.writeFileSync(
        file,
        markdownHandbook('Site rules', [
          {
            title: 'Rooftop terrace',
            paragraphs: ['The rooftop terrace is open to staff from 11 am to 7 pm on weekdays.'],
          },
          {
            title: 'Parcel deliveries',
            paragraphs: ['Personal parcels may be delivered to reception and kept for five days.'],
          },
        ]),
      );
      // An unanswered question, so the gaps panel has a topic.
      const asked = await fetch(`${server.baseUrl}/api/v1/query`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ user_id: 'emp-ui', message: 'can I keep my pet tortoise at my desk?' }),
      });
      expect(asked.status).toBe(200);

      const { page, externalRequests, pageErrors, context } = await openPage(browser);
      await signInToConsole(page, server.baseUrl, 'kb');
      const section = page.locator('#section-body');
      await section.getByRole('button', { name: 'Import a handbook' }).click();
      const form = section.getByRole('form', { name: 'Import a handbook' });
      await form.getByLabel('Handbook file').setInputFiles(file);
      await form.getByRole('button', { name: 'Preview import' }).click();
      await form.getByText('2 articles in site-rules.md: 2 new, 0 changed, 0 unchanged.').waitFor();
      await form.getByText('Rooftop terrace', { exact: false }).first().waitFor();
      await screenshot(page, 'admin-kb-import-preview');
      await form.getByRole('button', { name: 'Import 2 articles' }).click();
      await section.getByText('Imported site-rules.md: 2 new, 0 changed.').waitFor();

      await section.getByLabel('Search articles').fill('rooftop terrace');
      await section.getByRole('button', { name: 'Search', exact: true }).click();
      await section.getByRole('button', { name: 'Rooftop terrace', exact: true }).click();
      await section.getByRole('button', { name: 'History' }).click();
      await section.getByText(/Version 1 — .* from site-rules\.md \(published\)/).waitFor();

      await section.getByRole('button', { name: 'Knowledge gaps' }).click();
      const gaps = section.getByRole('region', { name: 'Knowledge gaps' });
      await gaps.getByText('can I keep my pet tortoise at my desk?').waitFor();
      await screenshot(page, 'admin-kb-gaps');
      await gaps.getByRole('button', { name: 'Draft an article' }).first().click();
      await gaps.getByText(/Draft “.*” created/).waitFor();

      await section.getByRole('button', { name: 'Drafts' }).click();
      const drafts = section.getByRole('region', { name: 'Drafts' });
      const publish = drafts.getByRole('button', { name: /^Publish: / });
      await publish.first().waitFor();
      await publish.first().click();
      await drafts.getByText('No drafts.').waitFor();

      expect(externalRequests).toEqual([]);
      expect(pageErrors).toEqual([]);
      await context.close();
    });
  },
);
