/**
 * The weekly plan is mailed once a week. In the sidebar, a second Generate now says the week's
 * mail was already sent, and the weekly panel offers Mail it again, which sends it once more.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  demoRegistry,
  launchBrowser,
  openSidebar,
  screenshot,
  startPlayground,
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
    // The demo registry, as the CTO's, in London: the status below reads in that zone.
    const playground = await startPlayground(demoRegistry());
    try {
      const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
      const side = await openSidebar(page, playground.url);
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
