/** Reading client tabs whole: one read per tab, then the domain turns rows into items. */
import { locateClientTab, type ClientTabLayout } from '../domain/client-tab-layout.js';
import {
  readSectionItems,
  supersedeProblems,
  type Problem,
  type RegistryItem,
} from '../domain/section-items.js';
import { SECTIONS, type SectionKind } from '../domain/registry-layout.js';
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
  const items = { goal: [], debt: [], decision: [], risk: [], team: [], review: [] } as Record<
    SectionKind,
    RegistryItem[]
  >;
  const problems: Problem[] = [];
  for (const spec of SECTIONS) {
    const section = layout.sections.get(spec.kind);
    if (!section) {
      problems.push({
        tab: tabName,
        cell: 'A1',
        reason: `The "${spec.title}" section was not found: restore its title row above its header row.`,
      });
      continue;
    }
    if (section.titleMissing) {
      problems.push({
        tab: tabName,
        cell: `A${section.headerRow - 1}`,
        reason: `The "${spec.title}" title row above the header is missing; the section is still read. Put its title back.`,
      });
    }
    const read = readSectionItems(section, tabName);
    items[spec.kind] = read.items;
    problems.push(...read.problems);
    if (spec.kind === 'decision') problems.push(...supersedeProblems(read.items, section, tabName));
  }
  return { id: clientIdOf(sheet), tabName, layout, items, problems };
}

export function readAllClients(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  timeZone: string,
): ClientRead[] {
  return listClientTabs(ss).map((sheet) => readClient(sheet, timeZone));
}
