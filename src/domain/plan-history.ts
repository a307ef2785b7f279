/**
 * Plan History: one row per client per planned week, read by header name. The columns are a
 * contract (the founder's Summary reads them): Week starting, Client ID, Client, Planned hours,
 * Actual hours, Entries done, Entries planned, Focus, Generated at. A registry made before them
 * (Week starting, Client, Hours, Agenda items, Overdue, Generated at) is migrated in place, every
 * row kept (see docs/adr and `migratedHistory`).
 */
import type { Problem } from './section-items.js';

export const PLAN_HISTORY_HEADER = [
  'Week starting',
  'Client ID',
  'Client',
  'Planned hours',
  'Actual hours',
  'Entries done',
  'Entries planned',
  'Focus',
  'Generated at',
] as const;

/** The header before the week could be closed. */
export const OLD_PLAN_HISTORY_HEADER = [
  'Week starting',
  'Client',
  'Hours',
  'Agenda items',
  'Overdue',
  'Generated at',
] as const;

export interface PlanHistoryRow {
  /** 1-based row in the tab. */
  row: number;
  weekStart: string;
  clientId: string;
  client: string;
  plannedHours: number | null;
  actualHours: number | null;
  entriesDone: number | null;
  entriesPlanned: number | null;
  focus: string;
  generatedAt: string;
  /** The week was closed: Entries done is recorded. */
  closed: boolean;
}

export interface PlanHistoryRead {
  rows: PlanHistoryRow[];
  problems: Problem[];
  /** 1-based header row; 0 when none was found. */
  headerRow: number;
  /** The header is the one before Client ID and Actual hours: migrate before writing. */
  old: boolean;
}

type Grid = readonly (readonly unknown[])[];

const ISO_DATE = /^\d{4}-\d{2}-\d{2}/;

function text(v: unknown): string {
  if (typeof v === 'string') return v.trim();
  return typeof v === 'number' ? String(v) : '';
}

function headerOf(row: readonly unknown[] | undefined): Map<string, number> {
  const columns = new Map<string, number>();
  (row ?? []).forEach((c, i) => {
    const h = text(c);
    if (h && !columns.has(h)) columns.set(h, i);
  });
  return columns;
}

/**
 * Every row of the tab, dates as ISO dates (the caller turns Date cells into them). A cell that
 * cannot be read is a problem naming its cell; the row is kept with that value blank.
 */
export function readPlanHistory(grid: Grid, tab = 'Plan History'): PlanHistoryRead {
  const headerIndex = grid.findIndex((r, i) => i < 5 && headerOf(r).has('Week starting'));
  if (headerIndex < 0) return { rows: [], problems: [], headerRow: 0, old: false };
  const columns = headerOf(grid[headerIndex]);
  const old = !columns.has('Client ID') && columns.has('Hours');
  const at = (name: string, fallback?: string): number | undefined =>
    columns.get(name) ?? (fallback === undefined ? undefined : columns.get(fallback));
  const col = {
    week: at('Week starting'),
    id: at('Client ID'),
    client: at('Client'),
    planned: at('Planned hours', 'Hours'),
    actual: at('Actual hours'),
    done: at('Entries done'),
    entries: at('Entries planned', 'Agenda items'),
    focus: at('Focus'),
    generated: at('Generated at'),
  };
  const problems: Problem[] = [];
  const rows: PlanHistoryRow[] = [];
  const letter = (i: number): string => String.fromCharCode(65 + i);
  for (let r = headerIndex + 1; r < grid.length; r++) {
    const cells = grid[r] ?? [];
    const get = (i: number | undefined): unknown => (i === undefined ? '' : (cells[i] ?? ''));
    if (cells.every((c) => c === '' || c === null || c === undefined)) continue;
    const number = (i: number | undefined, name: string): number | null => {
      const v = get(i);
      if (v === '' || v === null) return null;
      if (typeof v === 'number' && Number.isFinite(v)) return v;
      problems.push({
        tab,
        cell: `${letter(i ?? 0)}${r + 1}`,
        reason: `${name} must be a number; found "${text(v)}". The row is kept and read without it.`,
      });
      return null;
    };
    const week = text(get(col.week));
    if (!ISO_DATE.test(week)) {
      problems.push({
        tab,
        cell: `A${r + 1}`,
        reason: `Week starting must be a date; found "${week}". The row is kept and left out of the totals.`,
      });
      continue;
    }
    const done = number(col.done, 'Entries done');
    rows.push({
      row: r + 1,
      weekStart: week.slice(0, 10),
      clientId: text(get(col.id)),
      client: text(get(col.client)),
      plannedHours: number(col.planned, 'Planned hours'),
      actualHours: number(col.actual, 'Actual hours'),
      entriesDone: done,
      entriesPlanned: number(col.entries, 'Entries planned'),
      focus: text(get(col.focus)),
      generatedAt: text(get(col.generated)),
      closed: done !== null,
    });
  }
  return { rows, problems, headerRow: headerIndex + 1, old };
}

/**
 * The rows of a tab under the old header, rewritten under the new one: every row kept in its
 * place, Client ID found by the client's name where it is still a client (blank otherwise),
 * Hours as Planned hours, Agenda items as Entries planned; Overdue, which the new header has no
 * place for, kept in a tenth column of its own. Values come as read (dates as the caller read them).
 */
export function migratedHistory(
  grid: Grid,
  headerRow: number,
  idOfName: ReadonlyMap<string, string>,
): unknown[][] {
  const columns = headerOf(grid[headerRow - 1]);
  const get = (cells: readonly unknown[], name: string): unknown => {
    const i = columns.get(name);
    return i === undefined ? '' : (cells[i] ?? '');
  };
  const out: unknown[][] = [];
  for (let r = headerRow; r < grid.length; r++) {
    const cells = grid[r] ?? [];
    const client = text(get(cells, 'Client'));
    out.push([
      get(cells, 'Week starting'),
      idOfName.get(client.toLowerCase()) ?? '',
      get(cells, 'Client'),
      get(cells, 'Hours'),
      '',
      '',
      get(cells, 'Agenda items'),
      '',
      get(cells, 'Generated at'),
      get(cells, 'Overdue'),
    ]);
  }
  return out;
}

export interface HoursTaken {
  weeks: number;
  planned: number;
  /** Actual hours over the weeks they were recorded in; a blank is not a 0. */
  actual: number;
  /** Of `weeks`, those whose Actual hours were recorded. */
  recorded: number;
}

/**
 * Per client id, planned and actual hours over its last `weeks` closed weeks. A week closed with
 * its Actual hours blank was not recorded: it adds nothing to the actual hours, and is not counted
 * among the weeks recorded.
 */
export function hoursOfLastWeeks(
  rows: readonly PlanHistoryRow[],
  weeks = 4,
): Map<string, HoursTaken> {
  const closed = new Map<string, PlanHistoryRow[]>();
  for (const r of rows) {
    if (!r.closed || !r.clientId) continue;
    const list = closed.get(r.clientId) ?? [];
    list.push(r);
    closed.set(r.clientId, list);
  }
  const out = new Map<string, HoursTaken>();
  for (const [id, list] of closed) {
    const last = list.sort((a, b) => b.weekStart.localeCompare(a.weekStart)).slice(0, weeks);
    out.set(id, {
      weeks: last.length,
      planned: last.reduce((n, r) => n + (r.plannedHours ?? 0), 0),
      actual: last.reduce((n, r) => n + (r.actualHours ?? 0), 0),
      recorded: last.filter((r) => r.actualHours !== null).length,
    });
  }
  return out;
}

/**
 * "8 h planned, 6.5 h actual (4 weeks)"; when some weeks' Actual hours were left blank,
 * "12 h planned, 2 h actual (1 of 2 weeks recorded)", and "actual not recorded" when none were;
 * '' before a week was closed.
 */
export function hoursTakenText(h: HoursTaken | undefined): string {
  if (!h) return '';
  const n = (x: number): string => String(Math.round(x * 100) / 100);
  const weeks = `${h.weeks} week${h.weeks === 1 ? '' : 's'}`;
  if (h.recorded === 0) return `${n(h.planned)} h planned, actual not recorded (${weeks})`;
  if (h.recorded < h.weeks)
    return `${n(h.planned)} h planned, ${n(h.actual)} h actual (${h.recorded} of ${weeks} recorded)`;
  return `${n(h.planned)} h planned, ${n(h.actual)} h actual (${weeks})`;
}
