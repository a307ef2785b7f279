/**
 * A client's Delivery section and the Overview in the playground, on the demo registry: the
 * weeks as typed with their live band formulas, and per client the latest bands with their
 * trend and the exit criteria met, as refresh writes them.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
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

function rowText(page: Page, row: number): Promise<string[]> {
  return page.$$eval(`#grid tr[data-row="${row}"] td[data-c]`, (tds) =>
    tds.map((td) => td.textContent ?? ''),
  );
}

async function goTo(page: Page, cell: string): Promise<void> {
  const box = page.getByLabel('Name box');
  await box.fill(cell);
  await box.press('Enter');
}

/** The 1-based row whose column A shows `text`, among the rows drawn. */
async function rowOf(page: Page, text: string): Promise<number> {
  const rows = await page.$$eval('#grid tbody tr', (trs) =>
    trs.map((tr) => [
      Number(tr.getAttribute('data-row')),
      tr.querySelector('td[data-c="1"]')?.textContent ?? '',
    ]),
  );
  const found = rows.find(([, a]) => a === text);
  if (!found) throw new Error(`no row showing ${text}`);
  return found[0] as number;
}

describe('delivery in the playground', () => {
  it("shows a client's Delivery weeks with their bands and reliability, and the Overview's bands with trends", async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(playground.url);
    await page.getByRole('tab', { name: 'Lumen Logistics', exact: true }).click();
    await page.getByRole('region', { name: 'Sheet Lumen Logistics' }).waitFor();
    await goTo(page, 'A60');
    const title = await rowOf(page, 'Delivery');
    await goTo(page, `A${title}`);
    const header = await rowText(page, title + 1);
    expect(header.slice(0, 5)).toEqual([
      'Week',
      'Deployments',
      'Lead time (hours)',
      'Change failure (%)',
      'Time to restore (hours)',
    ]);
    const latest = await rowText(page, title + 7);
    // The sixth week: one deployment, 200 hours, 25% failed, 48 hours to restore, 4 of 8 shipped.
    expect(latest.slice(1, 14)).toEqual([
      '1',
      '200',
      '25%',
      '48',
      '8',
      '4',
      '6',
      '3',
      'High',
      'Medium',
      'Low',
      'Medium',
      '50%',
    ]);
    await screenshot(page, 'delivery-section');
    // The band columns, to the right of the measures.
    await goTo(page, `O${title}`);
    await screenshot(page, 'delivery-section-bands');

    await page.getByRole('tab', { name: 'Overview', exact: true }).click();
    await page.getByRole('region', { name: 'Sheet Overview' }).waitFor();
    const head = await rowText(page, 2);
    const rows = await Promise.all([3, 4, 5].map((r) => rowText(page, r)));
    const shown = rows.map((r) =>
      ['Client', 'Deploy band', 'Change failure band', 'Exit criteria'].map(
        (h) => r[head.indexOf(h)],
      ),
    );
    expect(shown).toEqual([
      ['Acorn Pay', 'High →', 'Low ↓', '0 of 6 met'],
      ['Lumen Logistics', 'High →', 'Low ↓', '0 of 6 met'],
      ['Northwind Health', 'Elite ↑', 'Elite ↑', '2 of 6 met'],
    ]);
    await goTo(page, 'V1');
    await screenshot(page, 'overview-delivery-bands');

    await page.getByRole('tab', { name: 'Priorities', exact: true }).click();
    await page.getByRole('region', { name: 'Sheet Priorities' }).waitFor();
    await goTo(page, 'A40');
    await expect(
      page.locator('#grid td', { hasText: /^Change failure falling$/ }).count(),
    ).resolves.toBe(1);
    await page.close();
  });
});
