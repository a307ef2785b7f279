/**
 * The Decision log tab in the playground: every decision across the demo's clients newest first,
 * the filter's buttons on its header, no private note, and an ID that opens its row.
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
  playground = await startPlayground(
    demoRegistry((_rt, addon) => {
      const { clients } = addon.call('getRegistry') as { clients: { id: string; name: string }[] };
      const northwind = clients.find((c) => c.name === 'Northwind Health');
      if (!northwind) throw new Error('no Northwind Health in the demo');
      for (const fields of [
        {
          title: 'Host on a managed Kubernetes',
          status: 'Accepted',
          proposedOn: '2026-09-01',
          decidedOn: '2026-09-15',
          decision: 'The team runs no servers of its own.',
          tags: 'infra',
          privateNote: 'PRIVATE the CTO doubts the budget',
        },
        {
          title: 'Serverless webhooks instead',
          status: 'Accepted',
          proposedOn: '2026-11-02',
          decidedOn: '2026-11-09',
          supersedes: 'ADR-1',
          decision: 'Bursty traffic; reduced ops overhead.',
          tags: 'infra, serverless',
        },
      ])
        addon.call('addItem', { clientId: northwind.id, kind: 'decision', fields });
      addon.call('refreshPriorities');
      addon.call('refreshPriorities');
    }),
  );
}, 90000);

afterAll(async () => {
  await playground?.stop();
  await browser?.close();
});

const cell = gridCell;

describe('the Decision log tab', () => {
  it('lists every decision newest first under a filter, without private notes, and an ID opens its row', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(playground.url);
    await page.getByRole('tab', { name: 'Decision log', exact: true }).click();
    await page.getByRole('region', { name: 'Sheet Decision log' }).waitFor();

    await expect(cell(page, 3, 1).textContent()).resolves.toBe('Client');
    const rows: string[] = [];
    for (let r = 4; r <= 7; r++)
      rows.push(`${await cell(page, r, 1).textContent()} ${await cell(page, r, 2).textContent()}`);
    expect(rows).toEqual([
      'Acorn Pay ADR-1',
      'Lumen Logistics ADR-1',
      'Northwind Health ADR-2',
      'Northwind Health ADR-1',
    ]);
    await expect(cell(page, 6, 11).textContent()).resolves.toBe(
      'Northwind Health: accepted ADR-2 Serverless webhooks instead (2026-11-09). Rationale: Bursty traffic; reduced ops overhead.',
    );
    // Sheets' filter buttons on every header cell of the log, and on no other row.
    await expect(page.locator('#grid tr[data-row="3"] td.filter-button').count()).resolves.toBe(11);
    await expect(page.locator('#grid td.filter-button').count()).resolves.toBe(11);
    await expect(page.locator('#grid').textContent()).resolves.not.toContain('PRIVATE');
    await screenshot(page, 'decision-log-tab');

    // The ID opens its client tab at the decision's row.
    await cell(page, 6, 2).click();
    await page.getByRole('button', { name: 'Open link' }).click();
    await page.getByRole('region', { name: 'Sheet Northwind Health' }).waitFor();
    const a1 = await page.getByLabel('Name box').inputValue();
    const row = Number(a1.slice(1));
    await expect(cell(page, row, 1).textContent()).resolves.toBe('ADR-2');
    await expect(cell(page, row, 2).textContent()).resolves.toBe('Serverless webhooks instead');
    await page.close();
  });
});
