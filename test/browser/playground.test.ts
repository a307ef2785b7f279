import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, FrameLocator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addonMenu,
  launchBrowser,
  screenshot,
  startPlayground,
  writeRegistry,
  type Playground,
} from '../support/playground.js';
import { tempDir } from '../support/temp.js';

let browser: Browser;
let playground: Playground;
const file = join(tempDir('playground-'), 'registry.json');
/** The pace `npm start` has: a sidebar call takes a moment, so its busy state can be seen. */
const PACE = ['--pace', '0.3'];

beforeAll(async () => {
  browser = await launchBrowser();
  // An empty workbook of the CTO's, in London, whose clock the tests below read.
  writeRegistry(file, { user: 'cto@example.com', timeZone: 'Europe/London' });
  playground = await startPlayground(file, PACE);
}, 90000);

afterAll(async () => {
  await playground?.stop();
  await browser?.close();
});

async function openPage(): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1400, height: 860 } });
  await page.goto(playground.url);
  await page.getByRole('tab', { name: 'Sheet1' }).waitFor();
  return page;
}

async function menu(page: Page, item: string): Promise<void> {
  await addonMenu(page).click();
  await page.getByRole('menuitem', { name: item }).click();
}

async function sidebar(page: Page): Promise<FrameLocator> {
  await menu(page, 'Open registry');
  const frame = page.frameLocator('#sidebar-frame');
  await frame.getByRole('heading', { name: 'CTO Registry' }).waitFor();
  return frame;
}

async function gridText(page: Page): Promise<string[][]> {
  return page.$$eval('#grid tr', (rows) =>
    rows.map((r) => [...r.querySelectorAll('td')].map((td) => td.textContent ?? '')),
  );
}

async function state(
  page: Page,
  tab?: string,
): Promise<{ tabs: { id: number; name: string }[]; grid: ({ t: string } | null)[][] }> {
  const all = (await (await page.request.get(`${playground.url}/api/state`)).json()) as {
    tabs: { id: number; name: string }[];
  };
  const id = tab ? all.tabs.find((t) => t.name === tab)?.id : undefined;
  return (await (
    await page.request.get(`${playground.url}/api/state${id === undefined ? '' : `?tab=${id}`}`)
  ).json()) as never;
}

describe('the playground in a browser', () => {
  it('runs Set up registry from the add-on menu and shows the new tabs', async () => {
    const page = await openPage();
    await menu(page, 'Set up registry');
    await page.getByRole('tab', { name: 'Settings' }).click();
    await page.locator('#grid td', { hasText: 'Capacity (hours per week)' }).waitFor();
    const tabs = await page.getByRole('tab').allTextContents();
    expect(tabs).toEqual([
      'Sheet1',
      'Overview',
      'Priorities',
      'Weekly Plan',
      'Plan History',
      'Decision log',
      'Radar',
      'Principles',
      'Dependencies',
      'Settings',
      'Radar overrides',
    ]);
    expect((await gridText(page))[2]?.slice(1, 3)).toEqual(['Capacity (hours per week)', '20']);
    await screenshot(page, 'setup-registry');
    await page.close();
  });

  it('adds a client and a debt item in the sidebar, and the row appears in the grid with its ID', async () => {
    const page = await openPage();
    const side = await sidebar(page);
    await side.getByRole('button', { name: 'Add client' }).click();
    await side.getByLabel('Client name').fill('Acme');
    await side.getByLabel('Hours per week').fill('2');
    await side.getByLabel('Founder emails').fill('ann@acme.io');
    await side.getByLabel('Founder emails').press('Enter');
    await side.getByRole('status').filter({ hasText: 'Acme added' }).waitFor();
    // The one call's answer shows the new client at once: chosen in the switcher, its sections open.
    expect(await side.getByLabel('Client', { exact: true }).inputValue()).not.toBe('');
    expect(await side.locator('#client-switcher option:checked').textContent()).toBe('Acme');
    await side.getByRole('button', { name: '+ Debt' }).waitFor();
    await screenshot(page, 'client-added');

    await side.getByRole('button', { name: '+ Debt' }).click();
    await side.getByLabel('Title').fill('Upgrade Postgres 12 before end of life');
    await side.getByLabel('Priority').selectOption('High');
    await side.getByLabel('Impact (1–5)').selectOption('4');
    await side.getByLabel('Effort (1–5)').selectOption('2');
    await side.getByLabel('Tags').fill('database, postgres');
    await side.getByRole('button', { name: 'Add technical debt item' }).click();
    // The call takes a moment: the button is disabled and a progress bar shows meanwhile.
    // Both looked for at once while the call runs: one after the other, the call could end between.
    await Promise.all([
      side.getByRole('progressbar', { name: 'Saving' }).waitFor(),
      side.locator('button:disabled', { hasText: 'Saving…' }).waitFor(),
    ]);
    await side.getByRole('status').filter({ hasText: 'D-1 added to Acme' }).waitFor();

    await page.getByRole('tab', { name: 'Acme' }).click();
    await page.locator('#grid td', { hasText: 'D-1' }).waitFor();
    const row = (await gridText(page)).find((r) => r[1] === 'D-1');
    expect(row?.slice(1, 9)).toEqual([
      'D-1',
      'Upgrade Postgres 12 before end of life',
      '',
      'High',
      '4',
      '2',
      'Do now',
      'Open',
    ]);
    await screenshot(page, 'client-and-debt-added');
    await page.close();
  });

  it('shows a validation error at the field, focuses it, and writes nothing', async () => {
    const page = await openPage();
    const before = JSON.stringify((await state(page, 'Acme')).grid);
    const side = await sidebar(page);
    await side.getByRole('button', { name: '+ Debt' }).click();
    await side.getByLabel('Owner').fill('Priya');
    await side.getByRole('button', { name: 'Add technical debt item' }).click();
    const field = side.locator('[data-field="title"]');
    await field.getByRole('alert').filter({ hasText: 'Title is required.' }).waitFor();
    expect(await side.getByLabel('Title').getAttribute('aria-invalid')).toBe('true');
    expect(await side.getByLabel('Title').evaluate((e) => e === document.activeElement)).toBe(true);
    expect(await side.getByLabel('Owner').inputValue()).toBe('Priya');
    expect(JSON.stringify((await state(page, 'Acme')).grid)).toBe(before);
    await screenshot(page, 'validation-error');
    await page.close();
  });

  it("shows the server's rejection of a duplicate client name and keeps what was typed", async () => {
    const page = await openPage();
    const side = await sidebar(page);
    await side.getByRole('button', { name: 'Add client' }).click();
    await side.getByLabel('Client name').fill('ACME');
    await side.getByLabel('Hours per week').fill('1');
    await side.getByRole('button', { name: 'Add client' }).click();
    await side
      .getByRole('alert')
      .filter({ hasText: 'A client named Acme already exists. Choose another name.' })
      .waitFor();
    expect(await side.getByLabel('Client name').inputValue()).toBe('ACME');
    expect(await side.getByLabel('Hours per week').inputValue()).toBe('1');
    expect((await state(page)).tabs.filter((t) => /acme/i.test(t.name)).map((t) => t.name)).toEqual(
      ['Acme'],
    );
    await screenshot(page, 'server-rejection');
    await page.close();
  });

  it('advances the emulated clock to next Monday 07:00', async () => {
    const page = await openPage();
    await page.getByRole('button', { name: 'Advance to next Monday 07:00' }).click();
    await page.locator('#clock', { hasText: '07:00 (Europe/London)' }).waitFor();
    const text = await page.locator('#clock').textContent();
    const day = new Date(`${text?.slice(0, 10)}T12:00:00Z`).getUTCDay();
    expect(day).toBe(1);
    await screenshot(page, 'clock-advanced');
    await page.close();
  });

  it('keeps everything across a restart of the server', async () => {
    await playground.stop();
    expect(existsSync(file)).toBe(true);
    playground = await startPlayground(file, PACE);
    const page = await openPage();
    await page.getByRole('tab', { name: 'Acme' }).click();
    await page.locator('#grid td', { hasText: 'Upgrade Postgres 12 before end of life' }).waitFor();
    const side = await sidebar(page);
    await side.getByText('Technical debt (1)').waitFor();
    expect(
      await side
        .locator('.items')
        .getByRole('button', { name: /^D-1 Upgrade Postgres 12/ })
        .count(),
    ).toBe(1);
    await screenshot(page, 'after-restart');
    await page.close();
  });

  it('refuses unknown functions and malformed requests with a 4xx and a clear message', async () => {
    const page = await openPage();
    const post = (data: string, type = 'application/json') =>
      page.request.post(`${playground.url}/api/run`, {
        data: Buffer.from(data),
        headers: { 'content-type': type },
      });
    const unknown = await post(JSON.stringify({ fn: 'eval', args: ['1+1'] }));
    expect(unknown.status()).toBe(404);
    expect(await unknown.json()).toEqual({
      ok: false,
      error: 'The add-on has no function named eval.',
    });
    const malformed = await post('{"fn":');
    expect(malformed.status()).toBe(400);
    expect(((await malformed.json()) as { error: string }).error).toBe(
      'The request body is not valid JSON.',
    );
    const wrongType = await post('fn=getRegistry', 'text/plain');
    expect(wrongType.status()).toBe(415);
    expect(((await wrongType.json()) as { error: string }).error).toBe(
      'Send the request body as application/json.',
    );
    await page.close();
  });
});
