/**
 * Tabs are recognised by developer metadata, not by name: a person may rename any tab. One key,
 * `ctoRegistry.tab`, holds each tab's role. It is written with DOCUMENT visibility: metadata
 * with PROJECT visibility is seen only by the script project that wrote it, so a registry set up
 * by a bound script would look empty to the published add-on (a different project).
 */

export const TAB_ROLE_KEY = 'ctoRegistry.tab';

export const GENERATED_ROLES = [
  'overview',
  'priorities',
  'weeklyPlan',
  'planHistory',
  'decisionLog',
  'radar',
] as const;
export const USER_ROLES = ['principles', 'dependencies', 'settings', 'radarOverrides'] as const;
export type RegistryRole = (typeof GENERATED_ROLES)[number] | (typeof USER_ROLES)[number];
export type TabRole = RegistryRole | 'client';

export const DEFAULT_TAB_NAMES: Record<RegistryRole, string> = {
  overview: 'Overview',
  priorities: 'Priorities',
  weeklyPlan: 'Weekly Plan',
  planHistory: 'Plan History',
  decisionLog: 'Decision log',
  principles: 'Principles',
  dependencies: 'Dependencies',
  settings: 'Settings',
  radar: 'Radar',
  radarOverrides: 'Radar overrides',
};

/**
 * The first cell of each generated tab: how a read recognises it without a metadata lookup. The
 * Radar tab has none: Build Your Own Radar reads its first row as the header, so its header tells it.
 */
export const GENERATED_TITLES: Partial<Record<RegistryRole, string>> = {
  overview: 'Overview: one row per client',
  priorities: 'Priorities across clients',
  weeklyPlan: 'Weekly plan',
  planHistory: 'Plan history',
  decisionLog: 'Decision log: every decision across clients, newest first',
};

export interface RoleTab {
  role: TabRole;
  sheet: GoogleAppsScript.Spreadsheet.Sheet;
  /** Recognised by its content, not by metadata this script project can see. */
  byContent?: boolean;
}

const ROLE_NAMES = new Set<string>([...GENERATED_ROLES, ...USER_ROLES, 'client']);

/**
 * Every tab that carries a role this script project can see, in one metadata search. A tab is
 * marked again only when this project could not see its mark, so it sees each tab once.
 */
export function findRoleTabs(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): RoleTab[] {
  const found = ss.createDeveloperMetadataFinder().withKey(TAB_ROLE_KEY).find();
  const tabs: RoleTab[] = [];
  for (const md of found) {
    const sheet = md.getLocation().getSheet();
    const role = md.getValue() ?? '';
    if (sheet && ROLE_NAMES.has(role)) tabs.push({ role: role as TabRole, sheet });
  }
  return tabs;
}

export function markTab(sheet: GoogleAppsScript.Spreadsheet.Sheet, role: TabRole): void {
  sheet.addDeveloperMetadata(
    TAB_ROLE_KEY,
    role,
    SpreadsheetApp.DeveloperMetadataVisibility.DOCUMENT,
  );
}
