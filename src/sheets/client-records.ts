/** Client tabs, once read, as the domain's client records with the problems found reading them. */
import { summarizeClient } from '../domain/client-summary.js';
import { locateClientTab } from '../domain/client-tab-layout.js';
import { SECTIONS, type SectionKind } from '../domain/registry-layout.js';
import type { ClientRecord } from '../domain/registry-model.js';
import {
  readSectionItems,
  supersedeProblems,
  type Problem,
  type RegistryItem,
} from '../domain/section-items.js';
import { isoDates } from './grid-dates.js';
import type { ClientTab } from './workbook-read.js';

export function clientRecord(
  tab: ClientTab,
  tabName: string,
  timeZone: string,
): { record: ClientRecord; problems: Problem[] } {
  const grid = isoDates(tab.grid, timeZone);
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
  const summary = summarizeClient(tab.id, tabName, layout);
  const cadence = layout.profile.get('Review cadence')?.value;
  return {
    record: {
      id: tab.id,
      name: summary.name,
      tabName,
      stage: summary.stage,
      status: summary.status,
      hoursPerWeek: summary.hoursPerWeek,
      reviewCadence: typeof cadence === 'number' ? cadence : null,
      pmTool: summary.pmTool,
      pmLink: summary.pmLink,
      repoLink: summary.repoLink,
      items,
    },
    problems,
  };
}
