/**
 * The sidebar's founder view panel: what sharing withheld is said when sharing; a stop of sharing
 * that could not finish says so, and choosing Stop sharing again finishes it.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LoadedScript } from '../../emulator/index.js';
import { sharedFiles } from '../support/bundle.js';
import {
  demoRegistry,
  launchBrowser,
  openSidebar,
  screenshot,
  startPlayground,
} from '../support/playground.js';

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
}, 90000);

afterAll(async () => {
  await browser?.close();
});

/** Lumen Logistics, by its id. */
function lumenId(addon: LoadedScript): string {
  const { clients } = addon.call('getRegistry') as { clients: { id: string; name: string }[] };
  return clients.find((c) => c.name === 'Lumen Logistics')!.id;
}

/** The demo registry with Lumen Logistics shared, then a stop that Drive refused part-way. */
function registryWithAStopUnderWay(): { file: string; viewers: () => number } {
  let viewers = (): number => 0;
  const file = demoRegistry((rt, addon) => {
    addon.call('shareClientView', { clientId: lumenId(addon) });
    rt.failApi('Drive.Permissions.list', 403, 1);
    expect(() => addon.call('stopSharing', { clientId: lumenId(addon) })).toThrow(
      /Sharing is stopping/,
    );
    viewers = () => sharedFiles(rt)[0]!.viewers.size;
  });
  return { file, viewers };
}

/** The demo registry with a formula typed beside Lumen Logistics' Lead engineer. */
function registryWithAFormulaInAProfileField(): string {
  return demoRegistry((rt) => {
    const tab = rt.spreadsheetApp().getActiveSpreadsheet().getSheetByName('Lumen Logistics')!;
    const labels = tab
      .getRange('A1:A20')
      .getValues()
      .map((r) => r[0]);
    tab.getRange(labels.indexOf('Lead engineer') + 1, 2).setFormula('=B1');
  });
}

describe('sharing what can be read with confidence', () => {
  it('says, when sharing, what was not shared and why', async () => {
    const playground = await startPlayground(registryWithAFormulaInAProfileField());
    try {
      const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
      const side = await openSidebar(page, playground.url, 'Lumen Logistics');
      await side.getByText('Founder view (not shared)').click();
      await side.getByRole('button', { name: 'Share with founders' }).click();
      const told = side.getByRole('status').filter({
        hasText:
          /^Lumen Logistics shared with sam@lumen\.dev\. Not shared, as it could not be read with confidence: .*Lead engineer/,
      });
      await told.waitFor();
      expect(await told.textContent()).toMatch(/formula/i);
      await side.getByText('Founder view (shared with 1)').waitFor();
      await screenshot(page, 'share-withheld');
      await page.close();
    } finally {
      await playground.stop();
    }
  }, 90000);
});

describe('a stop of sharing that did not finish', () => {
  it('is shown as stopping with what to do, and Stop sharing chosen again finishes it', async () => {
    const { file, viewers } = registryWithAStopUnderWay();
    expect(viewers()).toBe(1);
    const playground = await startPlayground(file);
    try {
      const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
      const side = await openSidebar(page, playground.url, 'Lumen Logistics');
      await side.getByText('Founder view (stopping)').click();
      await side
        .getByRole('note')
        .filter({
          hasText:
            'Stop sharing did not finish: some founders may still have access. The view is no longer updated. Choose Stop sharing again to finish.',
        })
        .waitFor();
      await screenshot(page, 'stop-sharing-under-way');
      await side.getByRole('button', { name: 'Stop sharing' }).click();
      await side
        .getByRole('status')
        .filter({ hasText: 'Stopped sharing Lumen Logistics' })
        .waitFor();
      await side.getByText('Founder view (not shared)').waitFor();
      expect(await side.getByRole('button', { name: 'Stop sharing' }).count()).toBe(0);
      await screenshot(page, 'stop-sharing-finished');
      await page.close();
    } finally {
      await playground.stop();
    }
  }, 90000);
});
