/**
 * The Decision records dialog, opened from the add-on menu: records pasted at a client are
 * previewed (rows to add, a title the client already has flagged), then imported into the
 * client's Decisions, where the grid shows them.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addonMenu,
  demoRegistry,
  launchBrowser,
  openSidebar,
  screenshot,
  startPlayground,
  type Playground,
} from '../support/playground.js';
import { zipBytes } from '../../emulator/blob.js';

let browser: Browser;
let playground: Playground;

beforeAll(async () => {
  browser = await launchBrowser();
  playground = await startPlayground(demoRegistry());
}, 90000);

afterAll(async () => {
  await playground?.stop();
  await browser?.close();
});

/**
 * Two records as engineers keep them (MADR 4, then adr-tools' `# 7.`, which keeps its number while
 * it is free), and Lumen's own ADR-1 again.
 */
const PASTED = `---
status: accepted
date: 2026-11-02
tags: [queue, events]
---
# Queue shipment events in SQS

## Context and Problem Statement

Carriers post bursts of 5,000 events a minute.

## Decision Outcome

Chosen option: SQS, because it absorbs the bursts.

---

# 7. Keep the carrier API behind a gateway

Date: 2026-11-09

## Status

Proposed

## Context

Three carriers, three auth schemes.

---

# Move shipment events to MongoDB

## Status

Proposed
`;

/** The dialog stays open in the playground until closed, as a modal dialog in Sheets does. */
async function closeDialog(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Close dialog' }).click();
  await page.locator('#addon-dialog').waitFor({ state: 'detached' });
  await page.close();
}

async function gridRows(page: Page): Promise<string[][]> {
  return page.$$eval('#grid tr', (trs) =>
    trs.map((r) => [...r.querySelectorAll('td')].map((td) => td.textContent ?? '')),
  );
}

describe('the Decision records dialog', () => {
  it("imports two pasted ADRs at a client from the Decision records dialog, and both are in the client's Decisions section", async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 860 } });
    await page.goto(playground.url);
    await addonMenu(page).click();
    await page.getByRole('menuitem', { name: 'Decision records…' }).click();
    const dialog = page.frameLocator('#dialog-frame');
    await dialog.getByLabel('Client').selectOption({ label: 'Lumen Logistics' });
    await dialog.getByLabel('Paste records').fill(PASTED);
    await dialog.getByRole('button', { name: 'Preview' }).click();

    const preview = dialog.locator('#import-preview');
    await preview.getByText('To add at Lumen Logistics: 2 decisions').waitFor();
    const rows = await preview
      .locator('tbody tr')
      .evaluateAll((trs) =>
        trs.map((r) => [...r.querySelectorAll('td')].map((td) => td.textContent ?? '')),
      );
    expect(rows).toEqual([
      ['ADR-7', 'Keep the carrier API behind a gateway', 'Proposed', 'pasted-2.md'],
      ['ADR-8', 'Queue shipment events in SQS', 'Accepted', 'pasted-1.md'],
    ]);
    expect(await preview.textContent()).toContain(
      'pasted-3.md: "Move shipment events to MongoDB" is ADR-1',
    );
    await screenshot(page, 'decision-records-preview');

    await dialog.getByRole('button', { name: 'Import 2 decisions' }).click();
    await dialog
      .getByRole('status')
      .filter({ hasText: 'Added 2 decisions to the Decisions of Lumen Logistics: ADR-7, ADR-8.' })
      .waitFor();
    await dialog.getByText('To add at').waitFor({ state: 'detached' });
    await screenshot(page, 'decision-records-imported');

    await page.getByRole('button', { name: 'Close dialog' }).click();
    await page.getByRole('tab', { name: 'Lumen Logistics' }).click();
    await page.locator('#grid td', { hasText: 'ADR-8' }).first().waitFor();
    const grid = await gridRows(page);
    const decisions = grid.filter((r) => /^ADR-\d+$/.test(r[1] ?? '')).map((r) => r.slice(1, 4));
    expect(decisions).toEqual([
      ['ADR-1', 'Move shipment events to MongoDB', 'Proposed'],
      ['ADR-7', 'Keep the carrier API behind a gateway', 'Proposed'],
      ['ADR-8', 'Queue shipment events in SQS', 'Accepted'],
    ]);
    await page.locator('#grid td', { hasText: 'ADR-8' }).first().scrollIntoViewIfNeeded();
    await screenshot(page, 'decision-records-in-grid');
    await page.close();
  }, 60000);

  it("exports a client's decisions as MADR from the dialog and shows the zip's link in Drive", async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 860 } });
    await page.goto(playground.url);
    await addonMenu(page).click();
    await page.getByRole('menuitem', { name: 'Decision records…' }).click();
    const dialog = page.frameLocator('#dialog-frame');
    await dialog.getByRole('tab', { name: 'Export records' }).click();
    await dialog.getByLabel('Client').selectOption({ label: 'Acorn Pay' });
    await dialog.getByRole('button', { name: 'Export to Drive' }).click();
    const link = dialog.getByRole('status').getByRole('link');
    await link.waitFor();
    expect(await link.textContent()).toMatch(
      /^acorn-pay-decision-records-madr-\d{4}-\d{2}-\d{2}\.zip$/,
    );
    expect(await link.getAttribute('href')).toMatch(/^https:\/\/drive\.google\.com\//);
    expect(await dialog.getByRole('status').textContent()).toMatch(
      /^1 decision of 1 client in \d+ files: /,
    );
    await screenshot(page, 'decision-records-exported');
    await closeDialog(page);
  }, 60000);

  it("previews records chosen as an .md file and a zip of a repo's docs/adr, the zip's README skipped with why", async () => {
    const fixtures = resolve(import.meta.dirname, '../fixtures/adr');
    const inZip = [
      'nygard/0001-record-architecture-decisions.md',
      'nygard/0002-use-a-monolith.md',
      'not-adr/README.md',
    ];
    const zip = zipBytes(
      inZip.map((f) => ({
        name: `docs/adr/${f.split('/')[1]}`,
        bytes: readFileSync(resolve(fixtures, f)),
      })),
    );
    const page = await browser.newPage({ viewport: { width: 1400, height: 860 } });
    await page.goto(playground.url);
    await addonMenu(page).click();
    await page.getByRole('menuitem', { name: 'Decision records…' }).click();
    const dialog = page.frameLocator('#dialog-frame');
    await dialog.getByLabel('Client').selectOption({ label: 'Northwind Health' });
    await dialog.getByLabel('Or choose .md files or a zip of docs/adr').setInputFiles([
      {
        name: '0007-use-postgresql-for-billing.md',
        mimeType: 'text/markdown',
        buffer: readFileSync(resolve(fixtures, 'madr4/0007-use-postgresql-for-billing.md')),
      },
      { name: 'adr.zip', mimeType: 'application/zip', buffer: zip },
    ]);
    await dialog.getByRole('button', { name: 'Preview' }).click();
    const preview = dialog.locator('#import-preview');
    await preview.getByText('To add at Northwind Health: 3 decisions').waitFor();
    const rows = await preview
      .locator('tbody tr')
      .evaluateAll((trs) => trs.map((r) => r.querySelector('td')?.textContent ?? ''));
    expect(rows).toEqual(['ADR-1', 'ADR-2', 'ADR-7']);
    expect(await preview.textContent()).toMatch(/Skipped: 1README\.md: /);
    await screenshot(page, 'decision-records-files-preview');
    await closeDialog(page);
  }, 60000);

  it("opens the Decision records dialog from the sidebar's client view, that client chosen", async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 860 } });
    const side = await openSidebar(page, playground.url, 'Lumen Logistics');
    await side.getByRole('region', { name: 'Lumen Logistics registry' }).waitFor();
    await side.getByRole('button', { name: 'Import/export ADRs…' }).click();
    const dialog = page.frameLocator('#dialog-frame');
    await dialog.getByRole('tab', { name: 'Import records' }).waitFor();
    expect(await page.getByRole('dialog', { name: 'Decision records' }).count()).toBe(1);
    // The list comes from the dialog's one call: waited for before it is read.
    await dialog
      .getByLabel('Client')
      .locator('option', { hasText: 'Northwind Health' })
      .waitFor({ state: 'attached' });
    expect(await dialog.getByLabel('Client').locator('option').allTextContents()).toEqual([
      'Acorn Pay',
      'Lumen Logistics',
      'Northwind Health',
    ]);
    // The client the sidebar shows, not the first in the list.
    const select = dialog.getByLabel('Client');
    expect(await select.evaluate((e) => (e as HTMLSelectElement).selectedOptions[0]?.text)).toBe(
      'Lumen Logistics',
    );
    await screenshot(page, 'decision-records-from-sidebar');
    await closeDialog(page);
  }, 60000);
});
