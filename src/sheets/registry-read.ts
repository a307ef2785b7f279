/** Reading client tabs whole: one read per tab, then the domain turns rows into items. */
import { locateClientTab, type ClientTabLayout } from '../domain/client-tab-layout.js';
import type { Problem, RegistryItem } from '../domain/section-items.js';
import { readClientItems } from '../domain/client-read.js';
import type { SectionKind } from '../domain/registry-layout.js';
import { clientIdOf, listClientTabs } from './client-tabs.js';
import { isoDates } from './grid-dates.js';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export interface ClientRead {
  id: string;
  tabName: string;
  layout: ClientTabLayout;
  items: Record<SectionKind, RegistryItem[]>;
  problems: Problem[];
}

export function readClient(sheet: Sheet, timeZone: string): ClientRead {
  const tabName = sheet.getName();
  const grid = isoDates(sheet.getDataRange().getValues(), timeZone);
  const layout = locateClientTab(grid);
  const { items, problems } = readClientItems(layout, tabName);
  return { id: clientIdOf(sheet), tabName, layout, items, problems };
}

export function readAllClients(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  timeZone: string,
): ClientRead[] {
  const seen = new Set<string>();
  return listClientTabs(ss)
    .map((sheet) => readClient(sheet, timeZone))
    .filter((read) => !seen.has(read.id) && !!seen.add(read.id));
}
