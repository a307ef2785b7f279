/**
 * One formula pasted over a selected block in the playground fills the block as Sheets fills it:
 * each cell's relative references moved by its place in the block, the `$` parts kept. The page
 * sends the selection; the emulator's `SheetsEditor.fill` writes it through `formula-fill.ts`, the
 * code `Range.setFormula` uses on a block.
 */

import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  launchBrowser,
  screenshot,
  startPlayground,
  writeRegistry,
  type Playground,
  gridCell,
} from '../support/playground.js';
import { tempDir } from '../support/temp.js';

let browser: Browser;
let playground: Playground;

beforeAll(async () => {
  const file = join(tempDir('playground-fill-'), 'registry.json');
  writeRegistry(file, { user: 'cto@example.com', timeZone: 'Europe/London' });
  browser = await launchBrowser();
  playground = await startPlayground(file);
}, 90000);

afterAll(async () => {
  await playground?.stop();
  await browser?.close();
});

const cell = gridCell;

async function go(page: Page, a1: string): Promise<void> {
  const box = page.getByLabel('Name box');
  await box.fill(a1);
  await box.press('Enter');
}

async function paste(page: Page, text: string): Promise<void> {
  await page.locator('#grid').evaluate((grid, clip) => {
    const data = new DataTransfer();
    data.setData('text/plain', clip);
    grid.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true }));
  }, text);
}

describe('pasting one formula over a selected block', () => {
  it("fills a selected block with one pasted formula, each cell's references moved", async () => {
    const page = await browser.newPage({ viewport: { width: 1100, height: 520 } });
    await page.goto(playground.url);
    await page.getByRole('region', { name: 'Sheet Sheet1' }).waitFor();

    // Numbers in A1:B3, pasted as a tab-separated block.
    await go(page, 'A1');
    await paste(page, '1\t2\n3\t4\n5\t6\n');
    await expect.poll(() => cell(page, 3, 2).textContent()).toBe('6');

    // D1:E3 selected with Shift and the arrows, then one formula pasted over it.
    await go(page, 'D1');
    // The keys go to the grid once D1 is the active cell (on a busy machine, a moment later).
    await expect.poll(() => cell(page, 1, 4).getAttribute('class')).toContain('active');
    await page.keyboard.press('Shift+ArrowDown');
    await page.keyboard.press('Shift+ArrowDown');
    await page.keyboard.press('Shift+ArrowRight');
    await expect.poll(() => cell(page, 3, 5).getAttribute('class')).toContain('in-box');
    await paste(page, '=A1*10+$A$1');

    await expect.poll(() => cell(page, 3, 5).textContent()).toBe('61');
    const shown = await page.$$eval('#grid tbody tr', (trs) =>
      trs
        .slice(0, 3)
        .map((tr) => [4, 5].map((c) => tr.querySelector(`td[data-c="${c}"]`)?.textContent)),
    );
    expect(shown).toEqual([
      ['11', '21'],
      ['31', '41'],
      ['51', '61'],
    ]);
    // The last cell's own formula, in the formula bar: its references moved two rows, one column.
    await go(page, 'E3');
    await expect.poll(() => page.getByLabel('Formula bar').textContent()).toBe('=B3*10+$A$1');
    await screenshot(page, 'fill-block-with-one-formula');
    await page.close();
  });
});
