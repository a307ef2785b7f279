/**
 * The playground's page keeps a sheet's layout as Sheets does: frozen rows and the column letters
 * are opaque and stay above the rows scrolled under them, and the panels under the sheet keep one
 * height however many toasts and mails they list, the newest first.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addonMenu,
  demoRegistry,
  launchBrowser,
  screenshot,
  startPlayground,
  type Playground,
} from '../support/playground.js';

let browser: Browser;
let playground: Playground;

beforeAll(async () => {
  browser = await launchBrowser();
  playground = await startPlayground(
    demoRegistry((_rt, addon) => {
      addon.call('refreshPriorities');
    }),
  );
}, 90000);

afterAll(async () => {
  await playground?.stop();
  await browser?.close();
});

async function openTab(tab: string): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await page.goto(playground.url);
  await page.getByRole('tab', { name: tab, exact: true }).click();
  await page.getByRole('region', { name: `Sheet ${tab}` }).waitFor();
  return page;
}

/** The part of the window the column letters and the frozen rows take, at the grid's top. */
async function frozenBand(
  page: Page,
): Promise<{ x: number; y: number; width: number; height: number }> {
  return page.evaluate(() => {
    const grid = document.querySelector('#grid') as HTMLElement;
    const box = grid.getBoundingClientRect();
    const frozen = [...grid.querySelectorAll('tr.frozen')];
    const last = frozen.at(-1)?.querySelector('td:nth-child(2)')?.getBoundingClientRect();
    return {
      x: box.left,
      y: box.top,
      width: grid.clientWidth,
      height: (last?.bottom ?? box.top) - box.top,
    };
  });
}

describe('the playground page layout', () => {
  it('draws the column letters and the frozen rows of Priorities unchanged and on top when the list is scrolled under them', async () => {
    const page = await openTab('Priorities');
    const band = await frozenBand(page);
    // Priorities freezes its first four rows: letters (24 px) and rows 1 to 4 under them.
    expect(await page.locator('#grid tr.frozen').count()).toBe(4);
    expect(band.height).toBeGreaterThan(100);
    const still = await page.screenshot({ clip: band });

    await page.locator('#grid').evaluate((g) => (g.scrollTop = 137));
    await expect.poll(() => page.locator('#grid').evaluate((g) => g.scrollTop)).toBe(137);
    await page.waitForTimeout(200);
    await screenshot(page, 'playground-frozen-rows-scrolled');
    // Not a pixel of the scrolled rows shows through the letters or the frozen rows.
    const scrolled = await page.screenshot({ clip: band });
    expect(scrolled.equals(still)).toBe(true);

    // What is drawn at the title's place in the band is the frozen cell, and it is opaque.
    const hits = await page.evaluate(({ x, y, height }) => {
      const at = (dy: number) => {
        const el = document.elementFromPoint(x + 450, y + dy) as HTMLElement;
        const cell = el.closest('td, th') as HTMLElement;
        return {
          row: cell.closest('tr')?.getAttribute('data-row') ?? 'letters',
          frozen: cell.tagName === 'TH' || !!cell.closest('tr.frozen'),
          background: getComputedStyle(cell).backgroundColor,
        };
      };
      return [5, 30, 55, 80, height - 5].map(at);
    }, band);
    expect(hits.map((h) => h.row)).toEqual(['letters', '1', '2', '3', '4']);
    for (const hit of hits) {
      expect(hit.frozen).toBe(true);
      expect(hit.background).toMatch(/^rgb\(/); // rgb(), not rgba(): no transparency
    }
    // The first row scrolled under the band starts below it, not half under the letters.
    const firstFree = await page.evaluate(({ x, y, height }) => {
      const el = document.elementFromPoint(x + 450, y + height + 2) as HTMLElement;
      return Number(el.closest('tr')?.getAttribute('data-row'));
    }, band);
    expect(firstFree).toBeGreaterThan(4);
    await page.close();
  }, 60000);

  it('keeps the grid and the panels at one height after five toasts, the newest toast first and in view', async () => {
    const page = await openTab('Overview');
    const heights = () =>
      page.evaluate(() => ({
        grid: document.querySelector('#grid')!.getBoundingClientRect().height,
        panels: document.querySelector('footer')!.getBoundingClientRect().height,
      }));
    const before = await heights();
    expect(before.grid).toBeGreaterThan(500);

    // Each run of Generate weekly plan toasts; five of them fill the list the page keeps.
    for (let n = 1; n <= 5; n++) {
      await addonMenu(page).click();
      await page.getByRole('menuitem', { name: 'Generate weekly plan' }).click();
      await expect
        .poll(() => page.locator('#messages li').count(), { timeout: 15000 })
        .toBeGreaterThanOrEqual(n);
    }
    const state = (await (await page.request.get(`${playground.url}/api/state`)).json()) as {
      toasts: { title: string; message: string }[];
    };
    expect(state.toasts.length).toBe(5);
    const newest = state.toasts.at(-1)!;

    await expect(heights()).resolves.toEqual(before);
    const first = page.locator('#messages li').first();
    await expect(first.textContent()).resolves.toBe(`${newest.title}: ${newest.message}`);
    // The newest toast is wholly inside its panel's visible area.
    const inView = await page.evaluate(() => {
      const list = document.querySelector('#messages')!.getBoundingClientRect();
      const item = document.querySelector('#messages li')!.getBoundingClientRect();
      return item.top >= list.top && item.bottom <= list.bottom && list.bottom <= innerHeight;
    });
    expect(inView).toBe(true);
    await screenshot(page, 'playground-panels-after-toasts');
    await page.close();
  }, 90000);
});
