/**
 * The one rule for finding the registry's tabs, whoever asks: developer metadata first (one
 * search); when it does not account for every registry tab, the tabs' content decides. Metadata
 * goes missing for ordinary reasons: File ▸ Make a copy, a script moved from a bound project to
 * the published add-on (metadata and properties belong to one script project), a tab deleted by
 * hand. Tabs found by content are marked again by the next write under the lock.
 */
import { GENERATED_ROLES, USER_ROLES, findRoleTabs, type RoleTab } from './tab-roles.js';
import { readWorkbook } from './workbook-read.js';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export function findRegistryTabs(ss: Spreadsheet): RoleTab[] {
  const tabs = findRoleTabs(ss);
  const roles = new Set(tabs.map((t) => t.role));
  if ([...GENERATED_ROLES, ...USER_ROLES].every((r) => roles.has(r))) return tabs;
  const marked = new Set(tabs.map((t) => t.sheet.getSheetId()));
  const read = readWorkbook(ss);
  const byContent: RoleTab[] = [];
  for (const [role, tab] of Object.entries(read.roles)) {
    if (!tab || roles.has(role as RoleTab['role']) || marked.has(tab.sheet.getSheetId())) continue;
    byContent.push({ role: role as RoleTab['role'], sheet: tab.sheet, byContent: true });
  }
  for (const client of read.clients) {
    if (marked.has(client.sheet.getSheetId())) continue;
    byContent.push({ role: 'client', sheet: client.sheet, byContent: true });
  }
  return [...tabs, ...byContent];
}
