/**
 * The founder's file as a founder opens it in the playground: the Summary first, with its status
 * and reasons, what is needed from them and what is at risk; then the detail tabs. And the
 * founder digest, the same Summary by mail, as it reaches them.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LoadedScript } from '../../emulator/index.js';
import { launchBrowser, demoRegistry, screenshot, startPlayground } from '../support/playground.js';

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
}, 90000);

afterAll(async () => {
  await browser?.close();
});

function lumenId(addon: LoadedScript): string {
  const { clients } = addon.call('getRegistry') as { clients: { id: string; name: string }[] };
  return clients.find((c) => c.name === 'Lumen Logistics')!.id;
}

/**
 * The demo registry with Lumen Logistics shared, its digest on Weekly, a decision its founder must
 * take and a critical risk; then the weekly run, which syncs the view and mails the digest.
 */
function sharedDemo(): string {
  return demoRegistry((rt, addon) => {
    const id = lumenId(addon);
    addon.call('addItem', {
      clientId: id,
      kind: 'decision',
      fields: {
        title: 'Raise the cloud budget for the EU launch',
        deciders: 'Sam, CTO',
        due: '2026-12-04',
        privateNote: 'Sam will push back',
      },
    });
    addon.call('addItem', {
      clientId: id,
      kind: 'risk',
      fields: {
        risk: 'Backups have never been restored',
        likelihood: 4,
        impact: 5,
        owner: 'Lead engineer',
        mitigation: 'Monthly restore drill',
        due: '2026-12-11',
      },
    });
    const tab = rt.spreadsheetApp().getActiveSpreadsheet().getSheetByName('Lumen Logistics')!;
    const labels = tab
      .getRange('A1:A30')
      .getValues()
      .map((r) => r[0]);
    tab.getRange(labels.indexOf('Founder digest') + 1, 2).setValue('Weekly');
    tab
      .getRange(labels.indexOf('Focus this week') + 1, 2)
      .setValue('Restore drill and the EU launch plan');
    addon.call('shareClientView', { clientId: id });
    addon.call('runWeeklyPlan', {});
  });
}

describe("the founder's file in the playground", () => {
  it('opens on the Summary, as its founder sees it, then the detail tabs; the digest carries the same', async () => {
    const playground = await startPlayground(sharedDemo());
    try {
      const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
      await page.goto(playground.url);
      const item = page.locator('#drive li', {
        hasText: 'Lumen Logistics — technical registry — viewers: sam@lumen.dev',
      });
      const [view] = await Promise.all([
        page.context().waitForEvent('page'),
        item.getByRole('link', { name: 'Open' }).click(),
      ]);
      await view.setViewportSize({ width: 1400, height: 1000 });
      await view.getByText('View only').waitFor();
      await view
        .locator('#grid td', { hasText: 'Lumen Logistics: technology update' })
        .first()
        .waitFor();
      expect(await view.getByRole('tab').allTextContents()).toEqual([
        'Summary',
        'Goals',
        'Technical debt',
        'Decisions',
        'Risks',
        'Team',
        'Technology radar',
      ]);
      const grid = (await view.locator('#grid').textContent()) ?? '';
      expect(grid).toContain('At risk');
      expect(grid).toContain('A critical risk is open: Backups have never been restored.');
      expect(grid).toContain('Restore drill and the EU launch plan');
      expect(grid).toContain('Needs you');
      expect(grid).not.toContain('Sam will push back');
      expect(grid).not.toContain('Review the codebase');
      await screenshot(view, 'founder-summary');
      await view.getByRole('tab', { name: 'Risks' }).click();
      await view.locator('#grid td', { hasText: 'Likelihood (1–5)' }).first().waitFor();
      await screenshot(view, 'founder-risks-tab');
      // Lumen's own technology only: its Proposed MongoDB decision, held by the CTO's principle.
      await view.getByRole('tab', { name: 'Technology radar' }).click();
      await view.locator('#grid td', { hasText: 'From your decisions' }).first().waitFor();
      const radar = (await view.locator('#grid').textContent()) ?? '';
      expect(radar).toContain('Proposed: ADR-1 Move shipment events to MongoDB');
      expect(radar).toContain('What the rings mean');
      for (const other of ['PostgreSQL', 'TypeScript', 'Temporal', 'Acorn', 'One database'])
        expect(radar, other).not.toContain(other);
      await screenshot(view, 'founder-radar-tab');
      await view.close();

      await page
        .locator('#outbox li', { hasText: 'Lumen Logistics: technology update' })
        .first()
        .getByRole('button')
        .click();
      const mail = page.getByRole('dialog', { name: /^Mail: Lumen Logistics: technology update/ });
      await mail.waitFor();
      const html = page.frameLocator('iframe[title="HTML part of the mail"]');
      await html
        .getByText('NEEDS YOU: Raise the cloud budget for the EU launch', { exact: false })
        .waitFor();
      expect(await mail.getByLabel('Text part of the mail').textContent()).toContain(
        'Status: At risk',
      );
      await screenshot(page, 'founder-digest-mail');
      await page.close();
    } finally {
      await playground.stop();
    }
  }, 120000);
});
