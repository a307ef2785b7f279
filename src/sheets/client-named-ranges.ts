/** Creating and re-aligning a client's named ranges. */
import { clientRangeSpecs, rangeName, type RangeSpec } from '../domain/client-ranges.js';
import type { ClientTabLayout } from '../domain/client-tab-layout.js';
import { str } from '../domain/client-record.js';
import { formula, writeCells, type Formula } from './cell-text.js';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export function setClientRanges(ss: Spreadsheet, sheet: Sheet, specs: readonly RangeSpec[]): void {
  for (const s of specs) ss.setNamedRange(s.name, sheet.getRange(s.row, s.column, s.numRows, 1));
}

export function createClientRanges(
  ss: Spreadsheet,
  sheet: Sheet,
  clientId: string,
  layout: ClientTabLayout,
  grid: unknown[][],
): void {
  setClientRanges(ss, sheet, clientRangeSpecs(clientId, layout, grid, sheet.getMaxRows()));
}

/** Check formulas for one range: its row count and its non-empty cells, read back after writing. */
/**
 * Column of the range checks on Priorities, clear of the ranked list's 13 columns: the range's
 * name, then its rows and filled cells, and beside each client's Stage range its mark.
 */
export const CHECKS_COLUMN = 15;

/**
 * A client's mark: a live formula reading `<id>|<the name in its tab's Client cell>`. The next
 * read learns from it, without asking each tab its id, which tab is which client, even after
 * renames; a value typed over it no longer reads as a mark.
 */
export function clientMark(id: string): Formula {
  return formula(`="${id}|"&${rangeName(id, 'name')}&CHAR(30)&${rangeName(id, 'status')}`);
}

/** Between a mark's name and status: a character no one types in a cell. */
const STATUS_SEPARATOR = '\u001e';

/**
 * The client id a mark's value names, the client name it read and, from marks written since
 * the client index (ADR 21), its status; a mark written before has no status.
 */
export function readMark(value: unknown): { id: string; name: string; status?: string } | null {
  const m = typeof value === 'string' ? /^(\d+)\|(.*)$/s.exec(value) : null;
  if (m?.[1] === undefined || m[2] === undefined) return null;
  const cut = m[2].lastIndexOf(STATUS_SEPARATOR);
  if (cut < 0) return { id: m[1], name: m[2] };
  return { id: m[1], name: m[2].slice(0, cut), status: m[2].slice(cut + 1) };
}

/**
 * The rows check adds nothing to ROWS: `0*COUNTA` makes the cell depend on the range's cells, not
 * only its size, so an engine that recalculates a cell when what it reads changes (HyperFormula,
 * as the tests run it, does not for ROWS alone) shows the range as redefined since the formula
 * was written. Refresh reads these values when it reads the tab, before it writes anything.
 */
export function checkFormulas(spec: Pick<RangeSpec, 'name'>): [Formula, Formula] {
  return [formula(`=ROWS(${spec.name})+0*COUNTA(${spec.name})`), formula(`=COUNTA(${spec.name})`)];
}

/**
 * Tells the next read which tab holds a new client, as a refresh's range checks do: one check row
 * for its Stage range below the others on Priorities. The next refresh rewrites them all.
 */
export function noteNewClient(
  priorities: { sheet: GoogleAppsScript.Spreadsheet.Sheet; grid: readonly (readonly unknown[])[] },
  id: string,
): void {
  let last = 1;
  priorities.grid.forEach((row, i) => {
    if (str(row[CHECKS_COLUMN - 1]) !== '') last = i + 1;
  });
  const stage = rangeName(id, 'stage');
  // The checks may end on the tab's last row: the tab grows by one to hold the new one.
  if (last + 1 > priorities.grid.length && last + 1 > priorities.sheet.getMaxRows())
    priorities.sheet.insertRowsAfter(last, 1);
  writeCells(priorities.sheet.getRange(last + 1, CHECKS_COLUMN, 1, 4), [
    [stage, ...checkFormulas({ name: stage }), clientMark(id)],
  ]);
}
