/**
 * The playground as a spreadsheet a person types in (issue 13): cells, rows, columns and
 * dropdowns edited by hand and read by the add-on on its next call; a founder view and a mail
 * opened inside the playground; requests from another origin or host refused; nothing fetched
 * from outside. One browser, one registry, few page loads.
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
  gridCell,
} from '../support/playground.js';

let browser: Browser;
let playground: Playground;
/** Every URL the browser asked for, to hold "nothing fetched from outside". */
const requested: string[] = [];

beforeAll(async () => {
  browser = await launchBrowser();
  playground = await startPlayground(demoRegistry());
}, 90000);

afterAll(async () => {
  await playground?.stop();
  await browser?.close();
});

async function openPage(path = '/'): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1400, height: 860 } });
  page.on('request', (r) => requested.push(r.url()));
  await page.goto(`${playground.url}${path}`);
  return page;
}

async function openTab(page: Page, name: string): Promise<void> {
  await page.getByRole('tab', { name, exact: true }).click();
  await page.getByRole('region', { name: `Sheet ${name}` }).waitFor();
}

/** Selects a cell through the name box, as a person can in Sheets. */
async function go(page: Page, a1: string): Promise<void> {
  const box = page.getByLabel('Name box');
  await box.fill(a1);
  await box.press('Enter');
}

/** The text a cell shows. */
const cell = gridCell;

/** Types into the selected cells from `a1` rightwards, Tab between them, Enter at the end. */
async function typeRow(page: Page, a1: string, values: string[]): Promise<void> {
  await go(page, a1);
  for (const [i, v] of values.entries()) {
    if (v) await page.keyboard.type(v);
    await page.keyboard.press(i === values.length - 1 ? 'Enter' : 'Tab');
  }
}

async function menu(page: Page, item: string): Promise<void> {
  await addonMenu(page).click();
  await page.getByRole('menuitem', { name: item }).click();
}

/** Rows of the drawn grid as their cells' texts, the row number first. */
async function gridRows(page: Page): Promise<string[][]> {
  return page.$$eval('#grid tbody tr', (trs) =>
    trs.map((r) => [...r.querySelectorAll('td')].map((td) => td.textContent ?? '')),
  );
}

describe('the playground is a spreadsheet you can type in', () => {
  it('takes a principle, a dependency, a capacity and a hand-typed debt row in a column of its own, with rows, notes, tabs and undo as in Sheets, and the add-on reads them', async () => {
    const page = await openPage();
    await page.getByRole('tab', { name: 'Sheet1' }).waitFor();

    // A principle pasted as a tab-separated row, as from another spreadsheet.
    await openTab(page, 'Principles');
    await go(page, 'A3');
    await page.locator('#grid').evaluate((grid) => {
      const data = new DataTransfer();
      data.setData(
        'text/plain',
        'P-2\tOne identity provider for every product\tSecurity\tA managed identity provider\tauth\tEvery auth stack is one more to patch\t2026-11-02\tActive\n',
      );
      grid.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true }));
    });
    await expect.poll(() => cell(page, 3, 5).textContent()).toBe('auth');
    expect(await cell(page, 3, 7).textContent()).toBe('2026-11-02');
    // Setup gave Status its dropdown and the columns that take a set form their notes.
    expect(await cell(page, 3, 8).getAttribute('class')).toMatch(/\bdd\b/);
    expect(await cell(page, 1, 5).getAttribute('class')).toMatch(/\bnote\b/);
    expect(await cell(page, 1, 2).getAttribute('class')).not.toMatch(/\bnote\b/);
    await screenshot(page, 'principles-tab');

    // A dependency typed cell by cell; Escape leaves a cell as it was.
    await openTab(page, 'Dependencies');
    await go(page, 'F3');
    await page.keyboard.type('not this');
    await page.keyboard.press('Escape');
    await typeRow(page, 'A3', [
      'Lumen Logistics',
      'Northwind Health',
      'patient export',
      'data',
      "Lumen's routing reads Northwind's export",
    ]);
    await expect.poll(() => cell(page, 3, 4).textContent()).toBe('data');
    expect(await cell(page, 3, 6).textContent()).toBe('');

    // Capacity in Settings: F2 opens the cell with its value, typed over.
    await openTab(page, 'Settings');
    await go(page, 'B2');
    await page.keyboard.press('F2');
    await screenshot(page, 'settings-tab');
    const editor = page.getByRole('textbox', { name: 'Edit B2' });
    expect(await editor.inputValue()).toBe('20');
    await editor.fill('12');
    const started = Date.now();
    await editor.press('Enter');
    await expect.poll(() => cell(page, 2, 2).textContent()).toBe('12');
    const roundTrip = Date.now() - started;
    console.log(`a typed cell, Enter to drawn again: ${roundTrip} ms`);

    // A column inserted into Acorn Pay's debt section, a row inserted below its last item.
    await openTab(page, 'Acorn Pay');
    await page.locator('#grid th[data-c="3"]').click({ button: 'right' });
    await page.getByRole('menuitem', { name: 'Insert 1 column left' }).click();
    await expect.poll(() => cell(page, 21, 4).textContent()).toBe('Area');
    await page.locator('#grid tr[data-row="23"] td.rowhead').click({ button: 'right' });
    await page.getByRole('menuitem', { name: 'Insert 1 row below' }).click();
    await expect.poll(() => cell(page, 26, 1).textContent()).toBe('Decisions');
    await typeRow(page, 'C21', ['Sprint']);
    await typeRow(page, 'A24', [
      'D-3',
      'Card numbers written to the request log',
      'S-14',
      'Security',
    ]);
    // The Priority cell's dropdown offers its values; typing filters them.
    await go(page, 'E24');
    await page.keyboard.type('Hi');
    await page.getByRole('option', { name: 'High' }).click();
    await typeRow(page, 'F24', ['5', '1', '', 'Open']);
    await typeRow(page, 'L24', ['security, pci']);
    await expect.poll(() => cell(page, 24, 5).textContent()).toBe('High');
    await expect
      .poll(async () => (await gridRows(page))[23]?.slice(1, 10))
      .toEqual([
        'D-3',
        'Card numbers written to the request log',
        'S-14',
        'Security',
        'High',
        '5',
        '1',
        '',
        'Open',
      ]);
    await go(page, 'A24');
    await screenshot(page, 'typed-debt-row');

    // A column hidden and shown again, a note, and a typo taken back with Ctrl+Z.
    await page.locator('#grid th[data-c="11"]').click({ button: 'right' });
    await page.getByRole('menuitem', { name: 'Hide column' }).click();
    await expect.poll(() => page.locator('#grid th[data-c="11"]').count()).toBe(0);
    await page.getByRole('button', { name: 'Show hidden columns after J' }).click();
    await expect.poll(() => page.locator('#grid th[data-c="11"]').count()).toBe(1);
    await cell(page, 24, 3).click({ button: 'right' });
    await page.getByRole('menuitem', { name: 'Insert note' }).click();
    await page.getByRole('textbox', { name: 'Note' }).fill("Our sprint, not the client's");
    await page.getByRole('button', { name: 'Save note' }).click();
    await expect
      .poll(() => cell(page, 24, 3).getAttribute('title'))
      .toBe("Our sprint, not the client's");
    await typeRow(page, 'B25', ['typo']);
    await expect.poll(() => cell(page, 25, 2).textContent()).toBe('typo');
    await page.keyboard.press('Control+z');
    await expect.poll(() => cell(page, 25, 2).textContent()).toBe('');

    // Tabs: Sheet1 renamed, a sheet added and deleted again.
    await page.getByRole('tab', { name: 'Sheet1' }).dblclick();
    await page.getByRole('textbox', { name: 'Sheet name' }).fill('Scratch');
    await page.getByRole('textbox', { name: 'Sheet name' }).press('Enter');
    await page.getByRole('tab', { name: 'Scratch' }).waitFor();
    // A sheet added is named as Sheets names it: Sheet and the count of tabs with it.
    const added = `Sheet${(await page.getByRole('tab').count()) + 1}`;
    await page.getByRole('button', { name: 'Add sheet' }).click();
    await page.getByRole('tab', { name: added }).click({ button: 'right' });
    await page.getByRole('menuitem', { name: 'Delete' }).click();
    await page
      .getByRole('alertdialog', { name: 'Are you sure?' })
      .getByRole('button', { name: 'OK' })
      .click();
    await expect.poll(() => page.getByRole('tab', { name: added }).count()).toBe(0);

    await menu(page, 'Refresh priorities');
    await openTab(page, 'Priorities');
    await page
      .locator('#grid td', { hasText: 'Card numbers written to the request log' })
      .waitFor();
    const rows = await gridRows(page);
    const ranked = rows.find((r) => r.includes('Card numbers written to the request log'));
    expect(ranked?.slice(1, 5)).toEqual([ranked?.[1], 'Acorn Pay', 'Debt', 'D-3']);
    expect(Number(ranked?.[1])).toBeGreaterThan(0);
    // Signals sit below the list from column B: client, signal, item, detail.
    const signals = rows.filter(
      (r) => r[3] === 'Principle conflict' || r[3] === 'Dependency notice',
    );
    expect(signals.some((r) => r[3] === 'Principle conflict' && r.join(' ').includes('P-2'))).toBe(
      true,
    );
    expect(
      signals.some(
        (r) =>
          r[2] === 'Lumen Logistics' &&
          r[3] === 'Dependency notice' &&
          r[4]?.startsWith('Northwind Health'),
      ),
    ).toBe(true);
    await screenshot(page, 'priorities-read-hand-edits');

    await menu(page, 'Generate weekly plan');
    await openTab(page, 'Weekly Plan');
    await page.locator('#grid td', { hasText: /^Capacity: .* allocated of 12 h/ }).waitFor();
    await screenshot(page, 'weekly-plan-new-capacity');

    // Undo takes back a person's edit, not the add-on's: the plan has been written since.
    await page.getByRole('button', { name: /Undo/ }).click();
    await page.getByRole('alertdialog', { name: 'There was a problem' }).waitFor();
    await page.getByRole('button', { name: 'OK' }).click();

    // A plan checkbox ticks with Space and with a click.
    const box = page.getByRole('checkbox').first();
    const name = (await box.getAttribute('aria-label')) ?? '';
    await go(page, name);
    await page.keyboard.press('Space');
    await expect
      .poll(() => page.getByRole('checkbox', { name }).getAttribute('aria-checked'))
      .toBe('true');
    await page.getByRole('checkbox', { name }).click();
    await expect
      .poll(() => page.getByRole('checkbox', { name }).getAttribute('aria-checked'))
      .toBe('false');
    await page.close();
  }, 120000);

  it('opens a founder view in a tab of its own as its viewers see it, and a mail with its HTML part', async () => {
    const page = await openPage();
    const registry = (await (
      await page.request.post(`${playground.url}/api/run`, {
        data: { fn: 'getRegistry', args: [] },
      })
    ).json()) as { result: { clients: { id: string; name: string }[] } };
    const lumen = registry.result.clients.find((c) => c.name === 'Lumen Logistics');
    await page.request.post(`${playground.url}/api/run`, {
      data: { fn: 'shareClientView', args: [{ clientId: lumen?.id }] },
    });
    await page.reload();
    const item = page.locator('#drive li', {
      hasText: 'Lumen Logistics — technical registry — viewers: sam@lumen.dev',
    });
    const [view] = await Promise.all([
      page.context().waitForEvent('page'),
      item.getByRole('link', { name: 'Open' }).click(),
    ]);
    view.on('request', (r) => requested.push(r.url()));
    await view.getByText('View only').waitFor();
    await view.getByText('As its viewers see it: sam@lumen.dev.', { exact: false }).waitFor();
    await view.locator('#grid td', { hasText: 'Lumen Logistics' }).first().waitFor();
    const tabs = await view.getByRole('tab').allTextContents();
    expect(tabs.length).toBeGreaterThan(1);
    expect(await view.getByRole('button', { name: /^Extensions/ }).count()).toBe(0);
    // A viewer's keys change nothing.
    await view.locator('#grid td[data-c="1"]').first().click();
    await view.keyboard.type('x');
    expect(await view.getByRole('textbox', { name: /^Edit / }).count()).toBe(0);
    await screenshot(view, 'founder-view-in-playground');
    await view.close();

    await page
      .locator('#outbox li', { hasText: 'Weekly plan, week of' })
      .first()
      .getByRole('button')
      .click();
    const mail = page.getByRole('dialog', { name: /^Mail: Weekly plan, week of/ });
    await mail.waitFor();
    const html = page.frameLocator('iframe[title="HTML part of the mail"]');
    await html.getByText('Acorn Pay', { exact: false }).first().waitFor();
    expect(await mail.getByLabel('Text part of the mail').textContent()).toContain(
      'Acorn Pay: 1 h',
    );
    expect(
      await page.locator('iframe[title="HTML part of the mail"]').getAttribute('sandbox'),
    ).toBe('');
    await screenshot(page, 'mail-html-and-text');
    await page.close();
    expect(
      requested.filter((u) => !u.startsWith(playground.url) && !u.startsWith('about:')),
    ).toEqual([]);
  }, 60000);

  it('refuses a request from another origin or for another host, and changes nothing', async () => {
    const context = await browser.newContext();
    const post = (headers: Record<string, string>) =>
      context.request.post(`${playground.url}/api/edit`, {
        data: { op: 'addTab' },
        headers,
      });
    const foreignOrigin = await post({ origin: 'http://evil.example' });
    expect(foreignOrigin.status()).toBe(403);
    expect(((await foreignOrigin.json()) as { error: string }).error).toBe(
      'The playground takes requests only from its own pages (this one came from "http://evil.example").',
    );
    const port = new URL(playground.url).port;
    const foreignHost = await post({ host: `rebound.example:${port}` });
    expect(foreignHost.status()).toBe(403);
    const crossSite = await post({ 'sec-fetch-site': 'cross-site' });
    expect(crossSite.status()).toBe(403);
    const read = await context.request.get(`${playground.url}/api/state`, {
      headers: { host: `rebound.example:${port}` },
    });
    expect(read.status()).toBe(403);
    const state = (await (await context.request.get(`${playground.url}/api/state`)).json()) as {
      tabs: { name: string }[];
    };
    expect(state.tabs.some((t) => /^Sheet\d+$/.test(t.name) && t.name !== 'Sheet1')).toBe(false);
    await context.close();
  });
});
