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

/**
 * Records a closed week: each client's row of that week gets its planned and actual hours and
 * entries done of planned, in one write over the rows it spans; a client without a row for the
 * week gets one appended. Rows between are written back as they were read.
 */
export function recordClosedWeek(
  tab: ReadTab,
  read: PlanHistoryRead,
  weekStart: string,
  closed: readonly ClosedClient[],
  generatedAt: string,
): number {
  const columns = byHeader(read, tab);
  const width = Math.max(HISTORY_HEADER.length, ...tab.grid.map((r) => r.length));
  const set = (row: CellInput[], name: string, v: CellInput): void => {
    const i = columns.get(name);
    if (i !== undefined) row[i] = v;
  };
  const fill = (row: CellInput[], c: ClosedClient): CellInput[] => {
    set(row, 'Planned hours', c.plannedHours);
    set(row, 'Actual hours', c.actualHours ?? '');
    set(row, 'Entries done', c.entriesDone);
    set(row, 'Entries planned', c.entriesPlanned);
    return row;
  };
  const rowOf = new Map<string, number>();
  for (const r of read.rows) if (r.weekStart === weekStart) rowOf.set(r.clientId, r.row);
  const updates = closed.filter((c) => rowOf.has(c.clientId));
  if (updates.length) {
    const rows = updates.map((c) => rowOf.get(c.clientId) as number);
    const first = Math.min(...rows);
    const last = Math.max(...rows);
    const block: CellInput[][] = [];
    for (let r = first; r <= last; r++) {
      const kept = Array.from({ length: width }, (_, i) => keptValue(tab.grid[r - 1]?.[i]));
      const c = updates.find((u) => rowOf.get(u.clientId) === r);
      block.push(c ? fill(kept, c) : kept);
    }
    writeCells(writableRange(tab.sheet, block.length, width, first), block);
    // The grid follows, so the Overview written next counts the week just closed.
    block.forEach((r, i) => {
      tab.grid[first - 1 + i] = r.map(plain);
    });
  }
  const missing = closed.filter((c) => !rowOf.has(c.clientId));
  if (missing.length) {
    const rows = missing.map((c) => {
      const row = new Array<CellInput>(width).fill('');
      set(row, 'Week starting', asDate(weekStart));
      set(row, 'Client ID', c.clientId);
      set(row, 'Client', c.name);
      set(row, 'Generated at', generatedAt);
      return fill(row, c);
    });
    const at = Math.max(tab.grid.length, read.headerRow) + 1;
    writeCells(writableRange(tab.sheet, rows.length, width, at), rows);
    tab.grid = [...tab.grid, ...rows.map((r) => r.map(plain))];
  }
  return closed.length;
}

/** A written cell as the grid holds it: a date as its ISO date, a value as itself. */
function plain(v: CellInput): unknown {
  return typeof v === 'object' && !(v instanceof Date) && 'date' in v ? v.date : v;
}

/** Appends one row per client for the week, unless that week's row for the client is already there. */
export function appendHistory(
  tab: ReadTab,
  read: PlanHistoryRead,
  plan: WeeklyPlan,
  generatedAt: string,
): number {
  const columns = byHeader(read, tab);
  const width = Math.max(HISTORY_HEADER.length, columns.size);
  const seen = new Set(read.rows.map((r) => `${r.weekStart}|${r.clientId}`));
  const rows = plan.clients
    .filter((c) => !seen.has(`${plan.weekStart}|${c.clientId}`))
    .map((c) => {
      const row = new Array<CellInput>(width).fill('');
      const set = (name: string, v: CellInput): void => {
        const i = columns.get(name);
        if (i !== undefined) row[i] = v;
      };
      set('Week starting', asDate(plan.weekStart));
      set('Client ID', c.clientId);
      set('Client', c.name);
      set('Planned hours', c.hours);
      set('Entries planned', c.agenda.length);
      set('Focus', c.focus);
      set('Generated at', generatedAt);
      return row;
    });
  if (rows.length === 0) return 0;
  const first = Math.max(tab.grid.length, read.headerRow, 2) + 1;
  writeCells(writableRange(tab.sheet, rows.length, width, first), rows);
  return rows.length;
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
