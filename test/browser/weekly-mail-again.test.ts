/**
 * The weekly plan is mailed once a week. In the sidebar, a second Generate now says the week's
 * mail was already sent, and the weekly panel offers Mail it again, which sends it once more.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addonMenu,
  launchBrowser,
  screenshot,
  startPlayground,
  writeRegistry,
} from '../support/playground.js';

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
}, 90000);

afterAll(async () => {
  await browser?.close();
});

describe('one weekly mail, and Mail it again', () => {
  it('a second run says the mail was already sent; Mail it again sends it once more', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'playground-')), 'registry.json');
    // The demo registry, as the CTO's, in London: the status below reads in that zone.
    writeRegistry(file, { demo: true, user: 'cto@example.com', timeZone: 'Europe/London' });
    const playground = await startPlayground(file);
    try {
      const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
      await page.goto(playground.url);
      await addonMenu(page).click();
      await page.getByRole('menuitem', { name: 'Open registry' }).click();
      const side = page.frameLocator('#sidebar-frame');
      const weekly = side.getByRole('region', { name: 'Weekly plan' });
      const mailItAgain = weekly.getByRole('button', { name: 'Mail it again' });

      await weekly.getByRole('button', { name: 'Generate now' }).click();
      await side
        .getByRole('status')
        .filter({
          hasText: /^Plan for the week of \d{4}-\d\d-\d\d written and mailed to cto@example\.com$/,
        })
        .waitFor();
      await mailItAgain.waitFor();

      await weekly.getByRole('button', { name: 'Generate now' }).click();
      const alreadySent =
        /this week's mail already went to cto@example\.com \(\d{4}-\d\d-\d\d \d\d:\d\d\); Mail it again in the sidebar sends this plan/;
      await side
        .getByRole('status')
        .filter({
          hasText:
            /^Plan for the week of \d{4}-\d\d-\d\d written; this week's mail already went to/,
        })
        .waitFor();
      await weekly.getByText(alreadySent).waitFor();
      expect(await mailItAgain.isEnabled()).toBe(true);
      await expect
        .poll(() => page.locator('#outbox li', { hasText: 'Weekly plan, week of' }).count())
        .toBe(1);
      await screenshot(page, 'weekly-mail-already-sent');

      await mailItAgain.click();
      await side
        .getByRole('status')
        .filter({
          hasText:
            /^Plan for the week of \d{4}-\d\d-\d\d written and mailed again to cto@example\.com$/,
        })
        .waitFor();
      await expect
        .poll(() => page.locator('#outbox li', { hasText: 'Weekly plan, week of' }).count())
        .toBe(2);
      await screenshot(page, 'weekly-mail-again');
      await page.close();
    } finally {
      await playground.stop();
    }
  }, 90000);
});
