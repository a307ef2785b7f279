/**
 * Every section of a located client tab read into items, with every problem found on the way,
 * the profile's first.
 */
import type { ClientRecord } from './client-record.js';
import { readProfile, summarizeClient } from './client-summary.js';
import { readClientHealth } from './client-health.js';
import type { ClientTabLayout } from './client-tab-layout.js';
import { SECTIONS, type SectionKind } from './registry-layout.js';
import {
  readSectionItems,
  riskBandProblems,
  supersedeProblems,
  type Problem,
  type RegistryItem,
} from './section-items.js';

export function readClientItems(
  layout: ClientTabLayout,
  tabName: string,
): { items: Record<SectionKind, RegistryItem[]>; problems: Problem[] } {
  const items = { goal: [], debt: [], decision: [], risk: [], team: [], review: [] } as Record<
    SectionKind,
    RegistryItem[]
  >;
  const problems: Problem[] = [...readProfile(layout, tabName).problems];
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
    if (spec.kind === 'risk') problems.push(...riskBandProblems(read.items, section, tabName));
  }
  problems.push(...readClientHealth(layout, tabName).problems);
  return { items, problems };
}

/** The profile's "Focus this week" as typed; a tab made before the row reads as blank. */
function focusOf(layout: ClientTabLayout): string {
  const v = layout.profile.get('Focus this week')?.value;
  return typeof v === 'string' ? v.trim() : typeof v === 'number' ? String(v) : '';
}

/** The client record a located client tab reads as, with every problem found reading it. */
export function readClientRecord(
  id: string,
  tabName: string,
  layout: ClientTabLayout,
): { record: ClientRecord; problems: Problem[] } {
  const { items, problems } = readClientItems(layout, tabName);
  // Its problems are among readClientItems' already.
  const health = readClientHealth(layout, tabName);
  const summary = summarizeClient(id, tabName, layout);
  const { profile } = readProfile(layout, tabName);
  return {
    record: {
      id,
      name: summary.name,
      tabName,
      stage: summary.stage,
      status: summary.status,
      hoursPerWeek: summary.hoursPerWeek,
      reviewCadence: profile.reviewCadence,
      engagementStart: profile.engagementStart,
      pmTool: summary.pmTool,
      pmLink: summary.pmLink,
      repoLink: summary.repoLink,
      focus: focusOf(layout),
      items,
      health: health.health,
    },
    problems,
  };
}
