/**
 * `Set up registry`: creates the tabs the registry needs and nothing else. Tabs that already
 * exist (found by role, whatever their name) are left exactly as they are, so running it twice
 * changes nothing.
 */
import { SETTINGS, SETTINGS_HEADER } from '../domain/settings.js';
import { writeCells } from './cell-text.js';
import { PRINCIPLE_HEADERS } from '../domain/principles.js';
import { DEPENDENCY_HEADERS } from '../domain/dependencies.js';
import { RADAR_HEADER } from '../domain/radar-tab.js';
import { RADAR_OVERRIDE_HEADERS } from '../domain/radar-overrides.js';
import {
  DEFAULT_TAB_NAMES,
  GENERATED_ROLES,
  USER_ROLES,
  GENERATED_TITLES,
  markTab,
  type RoleTab,
  type RegistryRole,
} from './tab-roles.js';
import { findRegistryTabs } from './registry-tabs.js';
import { layOutPrinciplesTab } from './principles-tab.js';
import { HISTORY_HEADER, layOutPlanTab } from './weekly-plan-tab.js';
import { emptyDecisionLog, layOutDecisionLog } from './decision-log-tab.js';
import { historyLaidOut, layOutHistoryTab } from './plan-history-tab.js';
import { GENERATED_TITLE_STYLE, HEADER_STYLE, TITLE_STYLE, styleRow } from './styles.js';
import { formatOverviewDates, layOutPriorities, markLaidOut } from './priorities-layout.js';
import { layOutRadarTab } from './radar-tab.js';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export const OVERVIEW_HEADER = [
  'Client',
  'Stage',
  'Status',
  'Hours/week',
  'Last review',
  'Days since',
  'Open debt High',
  'Open debt Medium',
  'Open debt Low',
  'Do now',
  'Pending decisions',
  'Overdue',
  'Open high risks',
  'Median decision cycle (days)',
  'Shared view',
  'Hours, last 4 closed weeks',
  // Written by refresh from the Delivery and Exit criteria rows (ADR 29): latest band, 4-week trend.
  'Deploy band',
  'Lead time band',
  'Change failure band',
  'Restore band',
  'Exit criteria',
];
export { GENERATED_TITLES };

const PRINCIPLES_HEADER = [...PRINCIPLE_HEADERS];
const DEPENDENCIES_HEADER = [...DEPENDENCY_HEADERS];

/** The header row each registry tab starts with; generated tabs have a title row above it. */
function initialRows(role: RegistryRole): { title?: string; rows: (string | number)[][] } {
  switch (role) {
    case 'overview':
      return { title: GENERATED_TITLES.overview, rows: [OVERVIEW_HEADER] };
    case 'priorities':
      return {
        title: GENERATED_TITLES.priorities,
        rows: [['Not refreshed yet: add a client, then choose Refresh priorities.']],
      };
    case 'weeklyPlan':
      return {
        title: GENERATED_TITLES.weeklyPlan,
        rows: [['Not generated yet: choose Generate weekly plan, or install the weekly trigger.']],
      };
    case 'planHistory':
      return { title: GENERATED_TITLES.planHistory, rows: [HISTORY_HEADER] };
    case 'decisionLog':
      return { rows: emptyDecisionLog() };
    case 'principles':
      return { rows: [PRINCIPLES_HEADER] };
    case 'dependencies':
      return { rows: [DEPENDENCIES_HEADER] };
    case 'settings':
      return {
        rows: [[...SETTINGS_HEADER], ...SETTINGS.map((s) => [s.label, s.value, s.about])],
      };
    case 'radar':
      return { rows: [[...RADAR_HEADER]] };
    case 'radarOverrides':
      return { rows: [[...RADAR_OVERRIDE_HEADERS]] };
  }
}

function uniqueName(ss: Spreadsheet, wanted: string): string {
  let name = wanted;
  for (let n = 2; ss.getSheetByName(name); n++) name = `${wanted} (${n})`;
  return name;
}

function drawTab(ss: Spreadsheet, sheet: Sheet, role: RegistryRole): void {
  const { title, rows } = initialRows(role);
  const width = Math.max(...rows.map((r) => r.length));
  const block = [...(title ? [[title]] : []), ...rows].map((r) => [
    ...r,
    ...new Array<string>(width - r.length).fill(''),
  ]);
  writeCells(sheet.getRange(1, 1, block.length, width), block);
  if (role === 'priorities') {
    layOutPriorities(sheet);
    markLaidOut();
    return;
  }
  if (role === 'decisionLog') {
    layOutDecisionLog(ss, sheet);
    return;
  }
  const headerRow = title ? 2 : 1;
  if (title)
    styleRow(
      sheet.getRange(1, 1, 1, width),
      role === 'overview' ? GENERATED_TITLE_STYLE : TITLE_STYLE,
    );
  if (role === 'overview') formatOverviewDates(sheet);
  if (rows[0] && rows[0].length > 1) {
    styleRow(sheet.getRange(headerRow, 1, 1, width), HEADER_STYLE);
    sheet.setFrozenRows(headerRow);
  }
  if (role === 'weeklyPlan') layOutPlanTab(sheet);
  if (role === 'planHistory') layOutHistoryTab(sheet);
  if (role === 'radar' || role === 'radarOverrides') layOutRadarTab(sheet, role);
  if (role === 'principles') layOutPrinciplesTab(sheet);
  if (role === 'settings') {
    // Setting, Value, About: each About on one line at 1,280 pixels, the longest wrapped.
    sheet.setColumnWidth(1, 230);
    sheet.setColumnWidth(2, 150);
    sheet.setColumnWidth(3, 560);
    sheet.getRange(1, 3, rows.length, 1).setWrap(true);
  }
}

function createSettingsNames(ss: Spreadsheet, sheet: Sheet): void {
  SETTINGS.forEach((s, i) => {
    if (s.rangeName) ss.setNamedRange(s.rangeName, sheet.getRange(i + 2, 2));
  });
}

export interface SetupResult {
  created: string[];
  /** Tabs made before they had their columns, given them now. */
  sized: string[];
}

/** Creates each missing registry tab, sizes an older Plan History; returns the names of each. */
export function setupRegistryTabs(
  ss: Spreadsheet,
  found: readonly RoleTab[] = findRegistryTabs(ss),
): SetupResult {
  // Tabs recognised by their content alone (after File > Make a copy, or under another script
  // project) are marked again, so the next search finds them by metadata.
  for (const t of found) if (t.byContent) markTab(t.sheet, t.role);
  const existing = new Set(found.map((t) => t.role));
  const created: string[] = [];
  // A Plan History made before it had its columns gets them here, once: never in the weekly run,
  // whose calls stay within their budget (ADR 19).
  const sized: string[] = [];
  const history = found.find((t) => t.role === 'planHistory');
  if (history && !historyLaidOut()) {
    layOutHistoryTab(history.sheet);
    sized.push(history.sheet.getName());
  }
  for (const role of [...GENERATED_ROLES, ...USER_ROLES]) {
    if (existing.has(role)) continue;
    const sheet = ss.insertSheet(uniqueName(ss, DEFAULT_TAB_NAMES[role]));
    markTab(sheet, role);
    drawTab(ss, sheet, role);
    if (role === 'settings') createSettingsNames(ss, sheet);
    created.push(sheet.getName());
  }
  return { created, sized };
}

/** The settings named ranges the client tabs' formulas use; restored if a person removed them. */
export function ensureSettingsNames(ss: Spreadsheet): void {
  const missing = SETTINGS.filter((s) => s.rangeName && !ss.getRangeByName(s.rangeName));
  if (missing.length === 0) return;
  const settings = findRegistryTabs(ss).find((t) => t.role === 'settings')?.sheet;
  if (!settings) return;
  const labels = settings
    .getRange(1, 1, Math.max(1, settings.getLastRow()), 1)
    .getValues()
    .map((r) => String(r[0]));
  for (const s of missing) {
    const row = labels.indexOf(s.label) + 1;
    if (row > 0 && s.rangeName) ss.setNamedRange(s.rangeName, settings.getRange(row, 2));
  }
}
