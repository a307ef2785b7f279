/**
 * The weekly plan is mailed once a week. In the sidebar, a second Generate now says the week's
 * mail was already sent, and the weekly panel offers Mail it again, which sends it once more. The
 * panel's buttons hold their labels, a client's long name included.
 */
import type { Browser, Locator } from 'playwright-core';
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

/** How far from its container's left edge each row of a wrapping row of buttons starts, in pixels. */
function rowStarts(container: Locator): Promise<number[]> {
  return container.evaluate((row) => {
    const left = row.getBoundingClientRect().left;
    const starts = new Map<number, number>();
    for (const b of row.querySelectorAll('button')) {
      const r = b.getBoundingClientRect();
      const top = Math.round(r.top);
      starts.set(top, Math.min(starts.get(top) ?? Infinity, r.left - left));
    }
    return [...starts.values()].map(Math.round);
  });
}

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

  it("holds a long client name inside Mark debt reviewed, and starts each row of the weekly panel's and the add buttons at its edge", async () => {
    const playground = await startPlayground(demoRegistry());
    try {
      const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
      const side = await openSidebar(page, playground.url, 'Northwind Health');
      const weekly = side.getByRole('region', { name: 'Weekly plan' });
      const mark = weekly.getByRole('button', { name: 'Mark debt reviewed (Northwind Health)' });
      await mark.waitFor();
      // The label fits the button: nothing of it spills below its border.
      const box = await mark.evaluate((b) => ({ content: b.scrollHeight, height: b.clientHeight }));
      expect(box.content).toBeLessThanOrEqual(box.height);
      // Every button that starts a row of the panel's actions starts at the row's edge.
      const rows = await rowStarts(weekly.locator('.actions').first());
      expect(rows.length).toBeGreaterThan(1);
      expect(rows).toEqual(rows.map(() => 0));
      // So does each row of the client view's add buttons (+ Goal … + Review).
      const addRows = await rowStarts(side.locator('.add-row'));
      expect(addRows.length).toBeGreaterThan(1);
      expect(addRows).toEqual(addRows.map(() => 0));
      await screenshot(page, 'weekly-panel-long-client-name');
      await page.close();
    } finally {
      await playground.stop();
    }
  }, 90000);
});
