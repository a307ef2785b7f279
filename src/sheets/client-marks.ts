/**
 * The client index's marks on the Priorities tab (ADR 21): one live formula per client reading
 * its id, the name in its tab's Client cell and its status, in hidden columns beside the list.
 */
import { a1Reference, rangeOf, type ClientRangeKey } from '../domain/client-ranges.js';
import { str } from '../domain/client-record.js';
import { columnLetter } from '../domain/section-items.js';
import { formula, writeCells, type CellInput, type Formula } from './cell-text.js';

/**
 * Column of the client index on Priorities, clear of the ranked list's 13 columns: a label, the
 * mark's own formula text, a blank column, and each client's mark.
 */
export const INDEX_COLUMN = 15;

/** The mark's column, counted from `INDEX_COLUMN`. */
export const MARK_OFFSET = 3;

/**
 * A client's mark: a live formula reading `<id>|<the name in its tab's Client cell>`. The next
 * read learns from it, without asking each tab its id, which tab is which client, even after
 * renames (Sheets rewrites a reference when its tab is renamed); a value typed over it no longer
 * reads as a mark.
 */
export function clientMark(id: string, refs: ReadonlyMap<ClientRangeKey, string>): Formula {
  return formula(`="${id}|"&${rangeOf(refs, 'name')}&CHAR(30)&${rangeOf(refs, 'status')}`);
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
 * One row of the index, on tab row `row`: the client's id as its label, the text of its mark's
 * formula, and the mark. Sheets rewrites the mark's references when the client's tab is renamed;
 * FORMULATEXT shows that text as a value, so a refresh learns every client's tab name from the
 * one read of Priorities it makes anyway, where asking each tab its name is a call per client.
 * `LEFT(NOW(),0)` adds nothing but makes the cell recalculate at every change, a rename included.
 */
export function indexRow(
  id: string,
  refs: ReadonlyMap<ClientRangeKey, string>,
  row: number,
): CellInput[] {
  const mark = `${columnLetter(INDEX_COLUMN + MARK_OFFSET)}${row}`;
  return [`client ${id}`, formula(`=FORMULATEXT(${mark})&LEFT(NOW(),0)`), '', clientMark(id, refs)];
}

/**
 * Tells the next read which tab holds a new client: its mark below the others on Priorities,
 * reading the Client and Status cells of the tab just drawn. The next refresh rewrites them all.
 */
export function noteNewClient(
  priorities: {
    sheet: GoogleAppsScript.Spreadsheet.Sheet;
    grid: readonly (readonly unknown[])[];
    /** The tab's row count when the read already knows it. */
    maxRows?: number;
  },
  id: string,
  tabName: string,
  profileRows: { name: number; status: number },
): void {
  let last = 1;
  priorities.grid.forEach((row, i) => {
    if (str(row[INDEX_COLUMN - 1]) !== '') last = i + 1;
  });
  const refs = new Map([
    ['name', a1Reference(tabName, profileRows.name, 2)],
    ['status', a1Reference(tabName, profileRows.status, 2)],
  ]);
  // The index may end on the tab's last row: the tab grows by one to hold the new mark.
  if (
    last + 1 > priorities.grid.length &&
    last + 1 > (priorities.maxRows ?? priorities.sheet.getMaxRows())
  )
    priorities.sheet.insertRowsAfter(last, 1);
  writeCells(priorities.sheet.getRange(last + 1, INDEX_COLUMN, 1, 4), [
    indexRow(id, refs, last + 1),
  ]);
}

/** `="<id>|"&'<tab>'!$B$1…`: a mark's id and the tab its references name, as Sheets keeps it. */
const MARK_FORMULA = /^="(\d+)\|"&(?:'((?:[^']|'')*)'|([^'!&(]+))!/;

/** The tab a mark's formula reads, by client id; a mark from before ADR 32 names none. */
export function tabNameOfMark(formulaText: unknown): { id: string; tabName: string } | null {
  const m = typeof formulaText === 'string' ? MARK_FORMULA.exec(formulaText) : null;
  if (!m?.[1]) return null;
  const tabName = m[2] !== undefined ? m[2].replaceAll("''", "'") : (m[3] ?? '');
  return tabName ? { id: m[1], tabName } : null;
}

/**
 * Each client's tab name, which its A1 references need, from the index as the refresh read it:
 * the text of each mark's formula, which Sheets keeps current through renames. Only a client
 * without one (added by hand, a mark typed over, an index from before ADR 32) is asked its name.
 */
export function clientTabNames(
  priorities: { grid: readonly (readonly unknown[])[] } | undefined,
  clients: readonly { id: string; sheet: GoogleAppsScript.Spreadsheet.Sheet }[],
): Map<string, string> {
  const names = new Map<string, string>();
  for (const row of priorities?.grid ?? []) {
    const mark = tabNameOfMark(row[INDEX_COLUMN]);
    if (mark && !names.has(mark.id)) names.set(mark.id, mark.tabName);
  }
  const out = new Map<string, string>();
  for (const c of clients) out.set(c.id, names.get(c.id) ?? c.sheet.getName());
  return out;
}
