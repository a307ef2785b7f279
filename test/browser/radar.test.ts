/**
 * The technology radar in the playground: the Radar tab in Build Your Own Radar's columns, and the
 * sidebar's drawing of it, opened on demand, its blips reached with the keyboard.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  demoRegistry,
  launchBrowser,
  openSidebar,
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

describe('the technology radar', () => {
  it("shows the Radar tab with Build Your Own Radar's columns, Adopt first and Hold last", async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(playground.url);
    await page.getByRole('tab', { name: 'Radar', exact: true }).click();
    await page.getByRole('region', { name: 'Sheet Radar' }).waitFor();
    const row = (r: number) =>
      page.$$eval(`#grid tr[data-row="${r}"] td`, (tds) =>
        tds.slice(1, 8).map((td) => td.textContent ?? ''),
      );
    await expect(row(1)).resolves.toEqual([
      'name',
      'ring',
      'quadrant',
      'isNew',
      'description',
      'clients',
      'source',
    ]);
    await expect(row(2)).resolves.toEqual([
      'Trunk-based development',
      'Adopt',
      'Techniques',
      'FALSE',
      'Short-lived branches, merged daily',
      '',
      'ring set in Radar overrides; quadrant set in Radar overrides',
    ]);
    const mongo = await row(8);
    expect(mongo.slice(0, 3)).toEqual(['MongoDB', 'Hold', 'Platforms']);
    expect(mongo[5]).toBe('Lumen Logistics (proposed)');
    await screenshot(page, 'radar-tab');
    await page.close();
  });

  it('draws the radar in the sidebar when opened: four quadrants, four rings, numbered blips reached with Tab', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const side = await openSidebar(page, playground.url);
    await side.getByText('Technology radar').click();
    const drawing = side.getByRole('group', { name: 'Technology radar: 7 technologies' });
    await drawing.waitFor();
    await expect(side.locator('g.rb').count()).resolves.toBe(7);
    for (const q of ['Techniques', 'Tools', 'Platforms', 'Languages & Frameworks'])
      await expect(side.locator('text.rq', { hasText: q }).count()).resolves.toBe(1);
    await side.getByText('Technology radar').focus();
    await page.keyboard.press('Tab');
    const focused = () =>
      side.locator(':focus').evaluate((el) => el.getAttribute('aria-label') ?? '');
    await expect(focused()).resolves.toBe(
      '1. Trunk-based development: Adopt, Techniques. Short-lived branches, merged daily',
    );
    await page.keyboard.press('Tab');
    await expect(focused()).resolves.toMatch(
      /^2\. PostgreSQL: Adopt, Platforms\. Standard under P-1/,
    );
    await drawing.scrollIntoViewIfNeeded();
    await screenshot(page, 'sidebar-radar');
    await page.close();
  });
});
