/**
 * A weekly plan that is written but could not do everything says so in the sidebar: the button's
 * message and the panel's last run name what was not done, never "written and mailed".
 */

import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { launchBrowser, openSidebar, screenshot, startPlayground } from '../support/playground.js';
import { tempDir } from '../support/temp.js';

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
}, 90000);

afterAll(async () => {
  await browser?.close();
});

describe('a plan written in part', () => {
  it('a second editor generating the plan is told it was written and which founder view was not synced', async () => {
    const file = join(tempDir('playground-'), 'registry.json');
    const cto = await startPlayground(file, ['--demo']);
    try {
      const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
      const side = await openSidebar(page, cto.url, 'Lumen Logistics');
      await side.getByText('Founder view (not shared)').click();
      await side.getByRole('button', { name: 'Share with founders' }).click();
      await side.getByText('Founder view (shared with 1)').waitFor();
      await page.close();
    } finally {
      await cto.stop();
    }

    const lead = await startPlayground(file, ['--user', 'lead@example.com']);
    try {
      const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
      const side = await openSidebar(page, lead.url);
      const weekly = side.getByRole('region', { name: 'Weekly plan' });
      await weekly.getByRole('button', { name: 'Generate now' }).click();
      await side
        .getByRole('status')
        .filter({
          hasText:
            /^Plan for the week of \d{4}-\d{2}-\d{2} written; Lumen Logistics's founder view not synced: it was made from cto@example\.com's account/,
        })
        .waitFor();
      await weekly
        .getByText(
          /Last run \d{4}-\d{2}-\d{2} \d{2}:\d{2}: plan written; Lumen Logistics's founder view not synced/,
        )
        .waitFor();
      await screenshot(page, 'weekly-plan-written-in-part');
      await page.close();
    } finally {
      await lead.stop();
    }
  }, 60000);
});
