/**
 * Tabs are recognised by developer metadata, not by name: a person may rename any tab. One key,
 * `ctoRegistry.tab`, holds each tab's role.
 */

export const TAB_ROLE_KEY = 'ctoRegistry.tab';

export const GENERATED_ROLES = ['overview', 'priorities', 'weeklyPlan', 'planHistory'] as const;
export const USER_ROLES = ['principles', 'dependencies', 'settings'] as const;
export type RegistryRole = (typeof GENERATED_ROLES)[number] | (typeof USER_ROLES)[number];
export type TabRole = RegistryRole | 'client';

export const DEFAULT_TAB_NAMES: Record<RegistryRole, string> = {
  overview: 'Overview',
  priorities: 'Priorities',
  weeklyPlan: 'Weekly Plan',
  planHistory: 'Plan History',
  principles: 'Principles',
  dependencies: 'Dependencies',
  settings: 'Settings',
};

export interface RoleTab {
  role: TabRole;
  sheet: GoogleAppsScript.Spreadsheet.Sheet;
}

/** Every tab that carries a role, in one metadata search. */
export function findRoleTabs(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): RoleTab[] {
  const found = ss.createDeveloperMetadataFinder().withKey(TAB_ROLE_KEY).find();
  const tabs: RoleTab[] = [];
  for (const md of found) {
    const sheet = md.getLocation().getSheet();
    if (sheet) tabs.push({ role: md.getValue() as TabRole, sheet });
  }
  return tabs;
}

export function markTab(sheet: GoogleAppsScript.Spreadsheet.Sheet, role: TabRole): void {
  sheet.addDeveloperMetadata(
    TAB_ROLE_KEY,
    role,
    SpreadsheetApp.DeveloperMetadataVisibility.PROJECT,
  );
}
