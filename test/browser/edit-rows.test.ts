import { join } from 'node:path';
import type { Browser, FrameLocator, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  launchBrowser,
  screenshot,
  startPlayground,
  type Playground,
} from '../support/playground.js';
import { tempDir } from '../support/temp.js';

let browser: Browser;
let playground: Playground;

beforeAll(async () => {
  browser = await launchBrowser();
  playground = await startPlayground(join(tempDir('playground-'), 'registry.json'), ['--demo']);
}, 90000);

afterAll(async () => {
  await playground?.stop();
  await browser?.close();
});

async function openClient(name: string): Promise<{ page: Page; side: FrameLocator }> {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  await page.goto(playground.url);
  await page.getByRole('button', { name: 'Extensions ▸ CTO Registry' }).click();
  await page.getByRole('menuitem', { name: 'Open registry' }).click();
  const side = page.frameLocator('#sidebar-frame');
  await side.getByLabel('Client', { exact: true }).selectOption({ label: name });
  await side.getByRole('region', { name: `${name} registry` }).waitFor();
  await page.getByRole('tab', { name }).click();
  return { page, side };
}

/**
 * The grid's last row whose first column reads `firstCell`, cell by cell (the row number first):
 * the Review log is the tab's last section, and a date may also start a Delivery week above it.
 */
async function gridRow(page: Page, firstCell: string): Promise<string[]> {
  await page.locator('#grid td', { hasText: firstCell }).first().waitFor();
  const rows = await page.$$eval('#grid tr', (trs) =>
    trs.map((r) => [...r.querySelectorAll('td')].map((td) => td.textContent ?? '')),
  );
  return rows.filter((r) => r[1] === firstCell).at(-1) ?? [];
}

/** Opens a section's list in the client view (Team and Review log start closed). */
async function openList(side: FrameLocator, section: string): Promise<Locator> {
  const list = side.locator('details', { has: side.getByText(new RegExp(`^${section} \\(`)) });
  if ((await list.getAttribute('open')) === null) await list.locator('summary').click();
  return list;
}

/** Opens the entry whose line reads `text` for editing. */
async function openEntry(side: FrameLocator, section: string, text: string): Promise<void> {
  await (await openList(side, section)).getByRole('button', { name: text }).click();
}

describe('editing rows without an ID in the sidebar', () => {
  it('edits a team entry and a review from the client view, and the sheet shows the change', async () => {
    const { page, side } = await openClient('Northwind Health');
    await side.getByRole('button', { name: '+ Team' }).click();
    await side.getByLabel('Person / role').fill('Lead engineer (Ana)');
    await side.getByLabel('Gaps').fill('Infrastructure');
    await side.getByRole('button', { name: 'Add team entry' }).click();
    await side
      .getByRole('status')
      .filter({ hasText: 'Team entry added to Northwind Health' })
      .waitFor();

    await openEntry(side, 'Team', 'Lead engineer (Ana)');
    await side.getByRole('heading', { name: 'Edit team entry' }).waitFor();
    expect(await side.getByLabel('Gaps').inputValue()).toBe('Infrastructure');
    await side.getByLabel('Plan').fill('Pair with the platform contractor');
    await side.getByRole('button', { name: 'Save changes' }).click();
    await side
      .getByRole('status')
      .filter({ hasText: 'Team entry updated at Northwind Health' })
      .waitFor();
    await expect
      .poll(async () => (await gridRow(page, 'Lead engineer (Ana)')).slice(1, 5))
      .toEqual(['Lead engineer (Ana)', '', 'Infrastructure', 'Pair with the platform contractor']);

    await side.getByRole('button', { name: '+ Review' }).click();
    await side.getByLabel('Date').fill('2026-11-16');
    await side.getByLabel('Notes').fill('Board groomed; lead sync moved');
    await side.getByRole('button', { name: 'Add review' }).click();
    await side
      .getByRole('status')
      .filter({ hasText: 'Review added to Northwind Health' })
      .waitFor();

    await openEntry(side, 'Review log', 'Board groomed; lead sync moved');
    await side.getByRole('heading', { name: 'Edit review' }).waitFor();
    await side.getByLabel('PM reviewed').selectOption('Yes');
    await side.getByLabel('Lead sync').selectOption('No');
    await side.getByRole('button', { name: 'Save changes' }).click();
    await side
      .getByRole('status')
      .filter({ hasText: 'Review updated at Northwind Health' })
      .waitFor();
    await expect
      .poll(async () => (await gridRow(page, '2026-11-16')).slice(1, 6))
      .toEqual(['2026-11-16', 'Yes', '', 'No', 'Board groomed; lead sync moved']);
    await side.getByRole('region', { name: 'Northwind Health registry' }).waitFor();
    await openList(side, 'Team');
    await openList(side, 'Review log');
    await side
      .getByRole('button', { name: 'Board groomed; lead sync moved' })
      .scrollIntoViewIfNeeded();
    await page.locator('#grid td', { hasText: '2026-11-16' }).first().scrollIntoViewIfNeeded();
    await screenshot(page, 'team-and-review-edited');
    await page.close();
  }, 60000);

  it('refuses a change to a team entry another sidebar changed first, and asks to reload', async () => {
    const first = await openClient('Acorn Pay');
    await first.side.getByRole('button', { name: '+ Team' }).click();
    await first.side.getByLabel('Person / role').fill('Contract designer');
    await first.side.getByRole('button', { name: 'Add team entry' }).click();
    await first.side
      .getByRole('status')
      .filter({ hasText: 'Team entry added to Acorn Pay' })
      .waitFor();

    const second = await openClient('Acorn Pay');
    await openEntry(first.side, 'Team', 'Contract designer');
    await openEntry(second.side, 'Team', 'Contract designer');

    await first.side.getByLabel('Gaps').fill('Design system');
    await first.side.getByRole('button', { name: 'Save changes' }).click();
    await first.side
      .getByRole('status')
      .filter({ hasText: 'Team entry updated at Acorn Pay' })
      .waitFor();

    await second.side.getByLabel('Gaps').fill('Accessibility');
    await second.side.getByRole('button', { name: 'Save changes' }).click();
    const refused = second.side.getByRole('alert');
    await refused.filter({ hasText: 'was changed, moved or deleted at Acorn Pay' }).waitFor();
    expect(await refused.textContent()).toContain('reload to see it as it is now');
    await second.page.getByRole('tab', { name: 'Acorn Pay' }).click();
    await expect
      .poll(async () => (await gridRow(second.page, 'Contract designer'))[3])
      .toBe('Design system');
    await screenshot(second.page, 'team-edit-refused');
    await first.page.close();
    await second.page.close();
  }, 60000);
});
