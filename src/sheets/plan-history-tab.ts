/**
 * The Plan History tab: append-only, one row per client per planned week. Rows are added when a
 * week is planned and completed (actual hours, entries done) when it is closed; a tab under the
 * old header is migrated in place first, every row kept.
 */
import {
  PLAN_HISTORY_HEADER,
  hoursOfLastWeeks,
  hoursTakenText,
  migratedHistory,
  readPlanHistory,
  type PlanHistoryRead,
} from '../domain/plan-history.js';
import type { ClosedClient } from '../domain/week-closing.js';
import type { WeeklyPlan } from '../domain/weekly-plan.js';
import { asDate, keptValue, writeCells, type CellInput } from './cell-text.js';
import { isoDates } from './grid-dates.js';
import { writableRange } from './sheet-rows.js';
import type { ReadTab } from './workbook-read.js';

export const HISTORY_HEADER: string[] = [...PLAN_HISTORY_HEADER];

const LAYOUT_KEY = 'weekly.historyLayout';
const LAYOUT_VERSION = '1';

/** Whether this registry's Plan History tab was given its columns (at setup, or its first run). */
export function historyLaidOut(): boolean {
  return PropertiesService.getDocumentProperties().getProperty(LAYOUT_KEY) === LAYOUT_VERSION;
}

/**
 * Plan History's columns, given once per registry (a person may resize them; they are not set
 * every week): readable at 1,280 pixels, 1,200 in all. Week starting and Client ID, Client
 * wider, the four counts, Focus widest and wrapped (the rows to come too: the range is
 * open-ended, so the sheet's size is not asked), Generated at; a header too long for its column
 * takes a second line.
 */
export function layOutHistoryTab(sheet: GoogleAppsScript.Spreadsheet.Sheet): void {
  sheet.setColumnWidths(1, 2, 100);
  sheet.setColumnWidth(3, 150);
  sheet.setColumnWidths(4, 4, 100);
  sheet.setColumnWidth(8, 330);
  sheet.setColumnWidth(9, 120);
  sheet.getRange('A2:I2').setWrap(true);
  sheet.getRange('H2:H').setWrap(true);
  PropertiesService.getDocumentProperties().setProperty(LAYOUT_KEY, LAYOUT_VERSION);
}

/** The history as the domain reads it, its Date cells read in the spreadsheet's zone. */
export function readHistory(tab: ReadTab, timeZone: string): PlanHistoryRead {
  return readPlanHistory(isoDates(tab.grid, timeZone));
}

/**
 * Rewrites a tab under the old header under the new one, in one write: the same rows in the same
 * places. The tab's grid is replaced in memory, so what follows writes to the migrated tab.
 */
export function migrateHistory(
  tab: ReadTab,
  read: PlanHistoryRead,
  idOfName: ReadonlyMap<string, string>,
  timeZone: string,
): PlanHistoryRead {
  if (!read.old) return read;
  const header = [...HISTORY_HEADER, 'Overdue'];
  const width = header.length;
  const values = [header, ...migratedHistory(tab.grid, read.headerRow, idOfName)].map((r) =>
    Array.from({ length: width }, (_, i) => r[i] ?? ''),
  );
  writeCells(
    writableRange(tab.sheet, values.length, width, read.headerRow),
    values.map((r) => r.map(keptValue)),
  );
  const grid = [...tab.grid.slice(0, read.headerRow - 1), ...values];
  tab.grid = grid;
  return readPlanHistory(isoDates(grid, timeZone));
}

function byHeader(read: PlanHistoryRead, tab: ReadTab): Map<string, number> {
  const columns = new Map<string, number>();
  (tab.grid[read.headerRow - 1] ?? []).forEach((c, i) => {
    if (typeof c === 'string' && c.trim() && !columns.has(c.trim())) columns.set(c.trim(), i);
  });
  return columns;
}

/** A closed week to record: its Monday and what each client's week came to. */
export interface WeekToRecord {
  weekStart: string;
  clients: readonly ClosedClient[];
}

/**
 * Plan History's rows for a closed week and a new plan, in one write. The closed week's rows get
 * their planned and actual hours and entries done of planned (a client without a row gets one
 * appended); each client of the new plan gets a row unless it has one for that week. The write
 * spans the first changed row to the last appended one, rows between written back as read: a
 * closed week's rows are the last ones, so it is one write, and one call. The grid follows, so
 * the Overview written next counts the week just closed.
 */
export function writeHistory(
  tab: ReadTab,
  read: PlanHistoryRead,
  closed: WeekToRecord | null,
  plan: WeeklyPlan | null,
  generatedAt: string,
): number {
  const columns = byHeader(read, tab);
  const width = Math.max(HISTORY_HEADER.length, ...tab.grid.map((r) => r.length));
  const set = (row: CellInput[], name: string, v: CellInput): void => {
    const i = columns.get(name);
    if (i !== undefined) row[i] = v;
  };
  const blank = (weekStart: string, clientId: string, name: string): CellInput[] => {
    const row = new Array<CellInput>(width).fill('');
    set(row, 'Week starting', asDate(weekStart));
    set(row, 'Client ID', clientId);
    set(row, 'Client', name);
    set(row, 'Generated at', generatedAt);
    return row;
  };
  const fill = (row: CellInput[], c: ClosedClient): CellInput[] => {
    set(row, 'Planned hours', c.plannedHours);
    set(row, 'Actual hours', c.actualHours ?? '');
    set(row, 'Entries done', c.entriesDone);
    set(row, 'Entries planned', c.entriesPlanned);
    return row;
  };
  const updated = new Map<number, CellInput[]>();
  const appended: CellInput[][] = [];
  if (closed) {
    const rowOf = new Map<string, number>();
    for (const r of read.rows) if (r.weekStart === closed.weekStart) rowOf.set(r.clientId, r.row);
    for (const c of closed.clients) {
      const at = rowOf.get(c.clientId);
      if (at === undefined) appended.push(fill(blank(closed.weekStart, c.clientId, c.name), c));
      else {
        const kept = Array.from({ length: width }, (_, i) => keptValue(tab.grid[at - 1]?.[i]));
        updated.set(at, fill(kept, c));
      }
    }
  }
  if (plan) {
    const seen = new Set(read.rows.map((r) => `${r.weekStart}|${r.clientId}`));
    for (const c of plan.clients) {
      if (seen.has(`${plan.weekStart}|${c.clientId}`)) continue;
      const row = blank(plan.weekStart, c.clientId, c.name);
      set(row, 'Planned hours', c.hours);
      set(row, 'Entries planned', c.agenda.length);
      set(row, 'Focus', c.focus);
      appended.push(row);
    }
  }
  if (updated.size === 0 && appended.length === 0) return 0;
  const appendAt = Math.max(tab.grid.length, read.headerRow, 2) + 1;
  const first = updated.size ? Math.min(...updated.keys()) : appendAt;
  const last = appended.length ? appendAt + appended.length - 1 : Math.max(...updated.keys());
  const block: CellInput[][] = [];
  for (let r = first; r <= last; r++) {
    block.push(
      updated.get(r) ??
        (r >= appendAt
          ? (appended[r - appendAt] as CellInput[])
          : Array.from({ length: width }, (_, i) => keptValue(tab.grid[r - 1]?.[i]))),
    );
  }
  writeCells(writableRange(tab.sheet, block.length, width, first), block);
  block.forEach((r, i) => {
    tab.grid[first - 1 + i] = r.map(plain);
  });
  return updated.size + appended.length;
}

/** A written cell as the grid holds it: a date as its ISO date, a value as itself. */
function plain(v: CellInput): unknown {
  return typeof v === 'object' && !(v instanceof Date) && 'date' in v ? v.date : v;
}

/** Per client id, "8 h planned, 6.5 h actual (4 weeks)" from the history, for the Overview. */
export function hoursTakenByClient(
  tab: ReadTab | undefined,
  timeZone: string,
): Map<string, string> {
  const out = new Map<string, string>();
  if (!tab) return out;
  for (const [id, h] of hoursOfLastWeeks(readHistory(tab, timeZone).rows))
    out.set(id, hoursTakenText(h));
  return out;
}
