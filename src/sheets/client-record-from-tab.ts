/**
 * Client tabs, once read, as the domain's client records with the problems found reading them
 * (the profile's among them: see `readClientItems`).
 */
import { readProfile, summarizeClient } from '../domain/client-summary.js';
import { locateClientTab } from '../domain/client-tab-layout.js';
import type { ClientRecord } from '../domain/client-record.js';
import type { Problem } from '../domain/section-items.js';
import { readClientItems } from '../domain/client-read.js';
import { isoDates } from './grid-dates.js';
import type { ClientTab } from './workbook-read.js';

export function clientRecord(
  tab: ClientTab,
  tabName: string,
  timeZone: string,
): { record: ClientRecord; problems: Problem[] } {
  const grid = isoDates(tab.grid, timeZone);
  const layout = locateClientTab(grid);
  const { items, problems } = readClientItems(layout, tabName);
  const summary = summarizeClient(tab.id, tabName, layout);
  return {
    record: {
      id: tab.id,
      name: summary.name,
      tabName,
      stage: summary.stage,
      status: summary.status,
      hoursPerWeek: summary.hoursPerWeek,
      reviewCadence: readProfile(layout, tabName).profile.reviewCadence,
      pmTool: summary.pmTool,
      pmLink: summary.pmLink,
      repoLink: summary.repoLink,
      items,
    },
    problems,
  };
}
