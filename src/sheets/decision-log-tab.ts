/**
 * The Decision log tab: every decision across clients, newest first (domain/decision-log.ts),
 * each ID a link to the decision's row in its client tab. A generated tab: refreshed with
 * Priorities, rewritten whole, and only when what it shows is not what the domain computes, so
 * a refresh that changed no decision writes nothing here. Its basic filter (ADR 24) is made once,
 * with the tab: a filter's criteria are the person's, and making it again would cost calls on
 * every refresh.
 *
 * Beside the log, in hidden columns, each client's median decision cycle: the Overview's column
 * reads it through two named ranges, so a decided decision rewrites this tab and not the Overview
 * as well (ADR 24: a refresh's writes stay within its budget).
 */
import { str, type ClientRecord } from '../domain/client-record.js';
import { decisionLog, type DecisionLogRow } from '../domain/decision-log.js';
import { asDate, formulaString, writeCells, type CellInput } from './cell-text.js';
import { itemLink } from './rollup-tabs.js';
import { GENERATED_TITLE_STYLE, HEADER_STYLE, styleRow } from './styles.js';
import { GENERATED_TITLES } from './tab-roles.js';
import type { ReadTab } from './workbook-read.js';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export const DECISION_LOG_HEADER = [
  'Client',
  'ID',
  'Title',
  'Status',
  'Proposed on',
  'Decided on',
  'Cycle (days)',
  'Tags',
  'Supersedes',
  'Superseded by',
  'Log line',
] as const;

/** The header row; the filter's buttons sit on it, and the decisions start below it. */
export const DECISION_LOG_HEADER_ROW = 3;

/** The hidden block of medians: client id, then days, one client a row from the first data row. */
export const MEDIAN_BLOCK_COLUMN = 13;
export const LOG_CLIENT_RANGE = 'CTOR_DecisionLog_Client';
export const LOG_MEDIAN_RANGE = 'CTOR_DecisionLog_Median';
const WIDTH = MEDIAN_BLOCK_COLUMN + 1;

const WIDTHS = [130, 70, 240, 90, 95, 95, 80, 150, 90, 100, 520];

export const DECISION_LOG_NOTE =
  'Written whole by Refresh priorities: edit decisions in their client tabs, not here. ' +
  'Filter by client or tag with the buttons on the header (Tags: Filter by condition, Text contains).';

/** What setup writes: the log of a registry with no decisions, so a refresh finds it current. */
export function emptyDecisionLog(): string[][] {
  return decisionLogGrid([]).shown;
}

/** The tab's cells, and beside each what Sheets shows for it: what a read gives back, as text. */
export interface DecisionLogGrid {
  rows: CellInput[][];
  shown: string[][];
}

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

function logRow(r: DecisionLogRow): { cells: CellInput[]; shown: string[] } {
  const label = r.id || `row ${r.row}`;
  const shown = [
    r.clientName,
    label,
    r.title,
    r.status,
    r.proposedOn,
    r.decidedOn,
    r.cycleDays === null ? '' : String(r.cycleDays),
    r.tags,
    r.supersedes,
    r.supersededBy,
    r.summary,
  ];
  const cells: CellInput[] = [
    r.clientName,
    itemLink(r.clientId, r.row, label),
    r.title,
    r.status,
    asDate(r.proposedOn),
    asDate(r.decidedOn),
    r.cycleDays ?? '',
    r.tags,
    r.supersedes,
    r.supersededBy,
    r.summary,
  ];
  return { cells, shown };
}

/**
 * The log's rows, and beside them each client's median cycle in days (`medians`: client id →
 * days, as the domain's Overview computes it; clients without one are left out).
 */
export function decisionLogGrid(
  clients: readonly ClientRecord[],
  medians: ReadonlyMap<string, number | null> = new Map(),
  /** Client id → rows the log may show; every decision when not given. */
  loggable?: ReadonlyMap<string, ReadonlySet<number>>,
): DecisionLogGrid {
  const leftOut: string[] = [];
  const log = decisionLog(
    clients.map((c) => {
      const rows = loggable?.get(c.id);
      const decisions = rows ? c.items.decision.filter((d) => rows.has(d.row)) : c.items.decision;
      const missing = c.items.decision.length - decisions.length;
      if (missing) leftOut.push(`${c.name} (${missing})`);
      return { clientId: c.id, clientName: c.name, decisions };
    }),
  );
  const withDecisions = new Set(log.map((r) => r.clientId)).size;
  const doubts = leftOut.length
    ? ` Left out, as their Decisions rows cannot be read with confidence (see Problems on Priorities): ${leftOut.join(', ')}.`
    : '';
  const head = [
    [GENERATED_TITLES.decisionLog ?? ''],
    [
      `${plural(log.length, 'decision', 'decisions')} across ${plural(withDecisions, 'client', 'clients')}, newest first.${doubts} ${DECISION_LOG_NOTE}`,
    ],
    [...DECISION_LOG_HEADER],
  ];
  const rows: CellInput[][] = head.map((r) => [...r]);
  const shown: string[][] = head.map((r) => [...r]);
  for (const r of log) {
    const line = logRow(r);
    rows.push(line.cells);
    shown.push(line.shown);
  }
  if (log.length === 0) {
    const none = 'No decisions yet: add one in a client tab or from the sidebar.';
    rows.push([none]);
    shown.push([none]);
  }
  const block = [...medians].filter((m): m is [string, number] => m[1] !== null);
  block.forEach(([clientId, days], i) => {
    const r = DECISION_LOG_HEADER_ROW + i;
    while (rows.length <= r) {
      rows.push([]);
      shown.push([]);
    }
    for (const line of [rows[r], shown[r]] as (CellInput[] | string[])[]) {
      while (line.length < MEDIAN_BLOCK_COLUMN - 1) line.push('');
    }
    (rows[r] as CellInput[]).push(clientId, days);
    (shown[r] as string[]).push(clientId, String(days));
  });
  return { rows, shown };
}

/** A cell as read, as the text it shows: a date as its ISO day in the spreadsheet's zone. */
function readAsText(v: unknown, timeZone: string): string {
  if (v instanceof Date) return Utilities.formatDate(v, timeZone, 'yyyy-MM-dd');
  return str(v);
}

/** Whether the tab as read shows exactly the grid: no cell typed over, nothing left below it. */
export function decisionLogShows(
  read: readonly (readonly unknown[])[],
  grid: DecisionLogGrid,
  timeZone: string,
): boolean {
  const height = Math.max(read.length, grid.shown.length);
  for (let i = 0; i < height; i++) {
    const was = read[i] ?? [];
    const now = grid.shown[i] ?? [];
    const width = Math.max(was.length, now.length);
    for (let j = 0; j < width; j++) {
      if (readAsText(was[j], timeZone) !== (now[j] ?? '')) return false;
    }
  }
  return true;
}

/**
 * Rewrites the tab when it does not show the log: one range as tall as the tab was (blanks over
 * rows the log no longer needs) and as wide as the tab. Two calls.
 */
export function refreshDecisionLog(tab: ReadTab, grid: DecisionLogGrid): void {
  let width: number = WIDTH;
  for (const r of tab.grid) width = Math.max(width, r.length);
  const height = Math.max(grid.rows.length, tab.grid.length);
  const values: CellInput[][] = [];
  for (let i = 0; i < height; i++) {
    const row = grid.rows[i] ?? [];
    values.push([...row, ...new Array<CellInput>(width - row.length).fill('')]);
  }
  writeCells(growingRange(tab.sheet, height, width), values);
}

/**
 * The range to write, the tab grown to hold it. Rows are inserted above the tab's last row, inside
 * the filter's range, so the filter grows with them as it does with rows a person inserts there.
 */
function growingRange(
  sheet: Sheet,
  rows: number,
  columns: number,
): GoogleAppsScript.Spreadsheet.Range {
  try {
    return sheet.getRange(1, 1, rows, columns);
  } catch (e) {
    const maxRows = sheet.getMaxRows();
    if (rows <= maxRows) throw e;
    sheet.insertRowsBefore(maxRows, rows - maxRows);
    return sheet.getRange(1, 1, rows, columns);
  }
}

/**
 * Widths, the title and header look, the frozen header, the hidden medians and their names, and
 * the filter: once, with the tab.
 */
export function layOutDecisionLog(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  sheet: Sheet,
): void {
  const width = DECISION_LOG_HEADER.length;
  styleRow(sheet.getRange(1, 1, 1, width), GENERATED_TITLE_STYLE);
  styleRow(sheet.getRange(DECISION_LOG_HEADER_ROW, 1, 1, width), HEADER_STYLE);
  sheet.setFrozenRows(DECISION_LOG_HEADER_ROW);
  WIDTHS.forEach((w, i) => sheet.setColumnWidth(i + 1, w));
  const maxRows = sheet.getMaxRows();
  sheet.getRange(1, width, maxRows, 1).setWrap(true);
  const first = DECISION_LOG_HEADER_ROW + 1;
  const rows = maxRows - first + 1;
  ss.setNamedRange(LOG_CLIENT_RANGE, sheet.getRange(first, MEDIAN_BLOCK_COLUMN, rows, 1));
  ss.setNamedRange(LOG_MEDIAN_RANGE, sheet.getRange(first, MEDIAN_BLOCK_COLUMN + 1, rows, 1));
  sheet.hideColumns(MEDIAN_BLOCK_COLUMN, 2);
  sheet.getRange(DECISION_LOG_HEADER_ROW, 1, rows + 1, width).createFilter();
}

/** The Overview's median cycle of one client: read from the log's hidden block. */
export function medianFormula(clientId: string): string {
  return `=IFERROR(INDEX(${LOG_MEDIAN_RANGE},MATCH(${formulaString(clientId)},${LOG_CLIENT_RANGE},0)),"")`;
}
