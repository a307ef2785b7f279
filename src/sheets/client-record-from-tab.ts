/**
 * Client tabs, once read, as the domain's client records with the problems found reading them
 * (the profile's among them: see `readClientItems`), dates as ISO dates in the sheet's zone.
 */
import { locateClientTab, type ClientTabLayout, type Grid } from '../domain/client-tab-layout.js';
import type { ClientRecord } from '../domain/client-record.js';
import type { Problem } from '../domain/section-items.js';
import { readClientRecord } from '../domain/client-read.js';
import { isoDates } from './grid-dates.js';
import type { ClientTab } from './workbook-read.js';

export function clientRecord(
  tab: ClientTab,
  tabName: string,
  timeZone: string,
): { record: ClientRecord; problems: Problem[]; layout: ClientTabLayout; grid: Grid } {
  const grid = isoDates(tab.grid, timeZone);
  const layout = locateClientTab(grid);
  return { ...readClientRecord(tab.id, tabName, layout), layout, grid };
}
