/**
 * The Priorities tab in the playground at 1,280 pixels wide: the ranked list at the top, every
 * column of it on screen without scrolling sideways, titles wrapped rather than cut, the range
 * checks out of sight, and an ID that opens its row in the client tab.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  demoRegistry,
  launchBrowser,
  screenshot,
  startPlayground,
  type Playground,
  gridCell,
} from '../support/playground.js';

let browser: Browser;
let playground: Playground;

beforeAll(async () => {
  browser = await launchBrowser();
  // The demo as it opens, refreshed by the demo itself.
  playground = await startPlayground(demoRegistry());
}, 90000);

afterAll(async () => {
  await playground?.stop();
  await browser?.close();
});

const cell = gridCell;

describe('the Priorities tab at 1,280 pixels', () => {
  it('shows the ranked list from row 5 with every column on screen, titles wrapped, and an ID that opens its row', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(playground.url);
    await page.getByRole('tab', { name: 'Priorities', exact: true }).click();
    await page.getByRole('region', { name: 'Sheet Priorities' }).waitFor();

    await expect(cell(page, 4, 5).textContent()).resolves.toBe('Title');
    await expect(cell(page, 5, 1).textContent()).resolves.toBe('1');
    // The last column of the list, Link, ends inside the window: no sideways scroll to read it.
    const link = await cell(page, 4, 14).boundingBox();
    expect(link?.x).toBeDefined();
    expect((link?.x ?? 0) + (link?.width ?? 0)).toBeLessThanOrEqual(1280);
    await expect(page.locator('#grid').evaluate((g) => g.scrollLeft)).resolves.toBe(0);
    // The range checks' columns are not drawn.
    await expect(cell(page, 5, 15).count()).resolves.toBe(0);
    // Every title in the list is shown whole: wrapped in its cell, never cut at its edge.
    const titles = await page.$$eval('#grid tbody tr', (rows) =>
      rows
        .filter((r) => Number(r.getAttribute('data-row')) >= 5)
        .map((r) => r.querySelector('td[data-c="1"]')?.textContent ?? '')
        .filter((n) => /^\d+$/.test(n)),
    );
    expect(titles.length).toBeGreaterThan(5);
    for (let row = 5; row < 5 + titles.length; row++) {
      const fits = await cell(page, row, 5).evaluate((td) => {
        const inner = (td.firstElementChild as HTMLElement | null) ?? td;
        return inner.scrollWidth <= td.clientWidth + 1;
      });
      expect(fits, `title on row ${row}`).toBe(true);
    }
    await screenshot(page, 'priorities-tab');

    // Below the list: the count matrix, the signals and the problems, in the same columns.
    const below = page.getByLabel('Name box');
    await below.fill('A40');
    await below.press('Enter');
    await expect(
      page.locator('#grid td[data-c="1"]', { hasText: /^Signals$/ }).isVisible(),
    ).resolves.toBe(true);
    await screenshot(page, 'priorities-below-the-list');
    await below.fill('A1');
    await below.press('Enter');

    // The ID of the first row opens its client tab at that row.
    const id = (await cell(page, 5, 4).textContent()) ?? '';
    const client = (await cell(page, 5, 2).textContent()) ?? '';
    await cell(page, 5, 4).click();
    await page.getByRole('button', { name: 'Open link' }).click();
    await page.getByRole('region', { name: `Sheet ${client}` }).waitFor();
    const a1 = await page.getByLabel('Name box').inputValue();
    expect(a1).toMatch(/^A\d+$/);
    const row = Number(a1.slice(1));
    await expect(cell(page, row, 1).textContent()).resolves.toBe(id);
    await page.close();
  });
});
