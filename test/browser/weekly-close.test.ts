/**
 * Closing the week in the playground: the CTO ticks an entry of the plan and types the hours
 * spent, the clock moves to next Monday, and Close the week in the sidebar records the week and
 * writes the new plan, the unticked entries carried over.
 */

import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  launchBrowser,
  openSidebar,
  screenshot,
  startPlayground,
  writeRegistry,
} from '../support/playground.js';
import { tempDir } from '../support/temp.js';

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
}, 90000);

afterAll(async () => {
  await browser?.close();
});

async function openTab(page: Page, name: string): Promise<void> {
  await page.getByRole('tab', { name, exact: true }).click();
  await page.getByRole('region', { name: `Sheet ${name}` }).waitFor();
}

describe('closing the week from the sidebar', () => {
  it('a ticked entry and typed hours go to Plan History, readable at 1,280 pixels; the new plan carries what was left', async () => {
    // The demo registry on Wednesday 18 November 2026, its plan for that week written.
    const file = join(tempDir('playground-close-'), 'registry.json');
    writeRegistry(
      file,
      {
        demo: true,
        now: '2026-11-18T10:00:00Z',
        user: 'cto@example.com',
        timeZone: 'Europe/London',
      },
      (_rt, addon) => addon.call('generateWeeklyPlan'),
    );
    const playground = await startPlayground(file);
    try {
      const page = await browser.newPage({ viewport: { width: 1400, height: 1250 } });
      const side = await openSidebar(page, playground.url);
      await openTab(page, 'Weekly Plan');
      // A client with no review logged reads as never reviewed, not as reviewed on its first date.
      const drifting = page.locator('#grid td', { hasText: 'Drifting: no review logged yet' });
      expect(await drifting.first().textContent()).toContain(
        'Drifting: no review logged yet, 8 days on the registry (since 2026-11-10; cadence 7 days).',
      );
      // The outbox's mail, wrapped over lines, has its bullet by its first line: the entry's
      // button meets the line at its top (vertical-align), not at its last line's baseline.
      const mail = page.locator('#outbox li button').first();
      expect(await mail.evaluate((b) => getComputedStyle(b).verticalAlign)).toBe('top');
      const height = await mail.evaluate((b) => (b as HTMLElement).offsetHeight);
      expect(height).toBeGreaterThan(30);
      await screenshot(page, 'weekly-plan-drifting');

      // The first box of the plan: the first client's PM board review.
      const box = page.getByRole('checkbox').first();
      const name = (await box.getAttribute('aria-label')) ?? '';
      await box.click();
      // The tick goes through the add-on's edit handling: on a busy machine it takes a moment.
      await expect
        .poll(() => page.getByRole('checkbox', { name }).getAttribute('aria-checked'), {
          timeout: 10000,
        })
        .toBe('true');

      // The hours spent at that client, typed beside its line's "Actual hours".
      const row = await page
        .locator('#grid tr', { has: page.locator('td[data-c="3"]', { hasText: 'Actual hours' }) })
        .first()
        .getAttribute('data-row');
      const nameBox = page.getByLabel('Name box');
      await nameBox.fill(`D${row}`);
      await nameBox.press('Enter');
      await page.keyboard.type('0.75');
      await page.keyboard.press('Enter');
      await page
        .locator(`#grid tr[data-row="${row}"] td[data-c="4"]`, { hasText: '0.75' })
        .waitFor();

      // Monday 23 November, 08:00 in London.
      const moved = await page.request.post(`${playground.url}/api/clock`, {
        data: { to: '2026-11-23T08:00:00Z' },
      });
      expect(moved.ok()).toBe(true);

      const weekly = side.getByRole('region', { name: 'Weekly plan' });
      await weekly.getByRole('button', { name: 'Close the week' }).click();
      await side
        .getByRole('status')
        .filter({
          hasText:
            /^Week of 2026-11-16 closed: 1 of \d+ entries done; review logged at [^.]+\. Plan for the week of 2026-11-23 written\.$/,
        })
        .waitFor();

      await openTab(page, 'Weekly Plan');
      await page.locator('#grid td', { hasText: /^Week of 2026-11-23 to 2026-11-29\./ }).waitFor();
      await page
        .locator('#grid td', { hasText: /\(carried over 1 week\)$/ })
        .first()
        .waitFor();
      await screenshot(page, 'weekly-plan-after-closing');

      await openTab(page, 'Plan History');
      // The week closed: 1 entry done at the first client, with its 0.75 h.
      const closed = page.locator('#grid tr[data-row="3"]');
      await closed.locator('td[data-c="5"]', { hasText: '0.75' }).waitFor();
      await closed.locator('td[data-c="6"]', { hasText: '1' }).waitFor();
      await screenshot(page, 'weekly-plan-history');

      // At 1,280 pixels with the sidebar closed, Plan History reads without scrolling sideways:
      // its last column ends inside the window and every focus is shown whole, wrapped.
      await page.getByRole('button', { name: 'Close sidebar' }).click();
      await page.setViewportSize({ width: 1280, height: 800 });
      const cellAt = (r: number, c: number) =>
        page.locator(`#grid tr[data-row="${r}"] td[data-c="${c}"]`);
      await expect(cellAt(2, 9).textContent()).resolves.toBe('Generated at');
      const last = await cellAt(2, 9).boundingBox();
      expect(last).not.toBeNull();
      expect((last?.x ?? 0) + (last?.width ?? 0)).toBeLessThanOrEqual(1280);
      await expect(page.locator('#grid').evaluate((g) => g.scrollLeft)).resolves.toBe(0);
      const rows = await page.locator('#grid tr[data-row] td[data-c="8"]').count();
      expect(rows).toBeGreaterThan(3);
      for (let r = 3; r <= rows; r++) {
        const focus = cellAt(r, 8);
        if ((await focus.count()) === 0) continue;
        const fits = await focus.evaluate((td) => {
          const inner = (td.firstElementChild as HTMLElement | null) ?? td;
          return inner.scrollWidth <= td.clientWidth + 1;
        });
        expect(fits, `focus on row ${r}`).toBe(true);
      }
      await screenshot(page, 'plan-history-1280');
      await page.close();
    } finally {
      await playground.stop();
    }
  }, 120000);

  it('"2h" typed in Actual hours: Close the week records nothing and names the cell and what is allowed', async () => {
    const file = join(tempDir('playground-close-2h-'), 'registry.json');
    writeRegistry(
      file,
      {
        demo: true,
        now: '2026-11-18T10:00:00Z',
        user: 'cto@example.com',
        timeZone: 'Europe/London',
      },
      (_rt, addon) => addon.call('generateWeeklyPlan'),
    );
    const playground = await startPlayground(file);
    try {
      const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
      const side = await openSidebar(page, playground.url);
      await openTab(page, 'Weekly Plan');
      const row = await page
        .locator('#grid tr', { has: page.locator('td[data-c="3"]', { hasText: 'Actual hours' }) })
        .first()
        .getAttribute('data-row');
      const nameBox = page.getByLabel('Name box');
      await nameBox.fill(`D${row}`);
      await nameBox.press('Enter');
      await page.keyboard.type('2h');
      await page.keyboard.press('Enter');
      await page.locator(`#grid tr[data-row="${row}"] td[data-c="4"]`, { hasText: '2h' }).waitFor();
      // Friday 20 November: the week can be closed by hand.
      const moved = await page.request.post(`${playground.url}/api/clock`, {
        data: { to: '2026-11-20T16:00:00Z' },
      });
      expect(moved.ok()).toBe(true);

      const weekly = side.getByRole('region', { name: 'Weekly plan' });
      await weekly.getByRole('button', { name: 'Close the week' }).click();
      await side
        .getByText(
          `The week of 2026-11-16 was not closed, nothing was recorded: Actual hours must be a number from 0 to 40; found "2h"`,
        )
        .waitFor();
      expect(await side.getByText(`(Weekly Plan, D${row})`).count()).toBe(1);
      // Told as what failed (red), not as what was done (green).
      expect(await side.getByRole('status').getAttribute('class')).toBe('status failed');
      await screenshot(page, 'weekly-close-actual-hours-refused');
      await page.close();
    } finally {
      await playground.stop();
    }
  }, 120000);
});
