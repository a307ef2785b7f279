/**
 * What the add-on writes into a cell, and the one rule that decides how Sheets is given it.
 *
 * Sheets reads a string written by `setValue(s)` as if a person had typed it: `=…` becomes a
 * formula, `+1+1` and `-2+3` formulas too, `2026-01-05` a date. So every string is written as
 * text, behind the leading apostrophe Sheets keeps as "this is text" and never shows: whatever a
 * person typed (`=IMAGE(…)`, `@SUM(1)`, a tab or carriage return first) is never evaluated. Only a
 * formula the add-on built itself (`formula`) and a date it read as one (`asDate`) are written to
 * be parsed. Every write of cells in `src/` goes through `writeCells` or `writeCell` (a lint rule
 * holds it), so no other path can decide differently.
 */

type Range = GoogleAppsScript.Spreadsheet.Range;

/** A formula the add-on built from its own parts; user text inside it is a quoted literal. */
export interface Formula {
  readonly formula: string;
}

/** A date, or date and time, written for Sheets to store as a date in the spreadsheet's zone. */
export interface DateCell {
  readonly date: string;
}

/** A string is always text. A `Date` is a value read from the sheet, written back unchanged. */
export type CellInput = string | number | boolean | Date | Formula | DateCell;

export function formula(text: string): Formula {
  if (!text.startsWith('=')) throw new Error(`A formula starts with "=": ${text.slice(0, 40)}`);
  return { formula: text };
}

/**
 * Text inside a formula, as an expression that evaluates to exactly that text: quoted literals
 * joined with CHAR(34) where the text has a quote. A doubled quote inside a literal means the
 * same in Sheets but not in HyperFormula, which evaluates the formulas in the tests.
 */
export function formulaString(text: string): string {
  return text
    .split('"')
    .map((part) => `"${part}"`)
    .join('&CHAR(34)&');
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}( \d{2}:\d{2})?$/;

/** An ISO date (or `yyyy-MM-dd HH:mm`) becomes a date; anything else stays text. */
export function asDate(iso: string): CellInput {
  return ISO_DATE.test(iso) ? { date: iso } : iso;
}

export function asNumber(value: number | null): CellInput {
  return value === null ? '' : value;
}

/** A value read from the sheet, to be written back as it was: a string stays text. */
export function keptValue(value: unknown): CellInput {
  if (typeof value === 'number' || typeof value === 'boolean' || value instanceof Date)
    return value;
  return typeof value === 'string' ? value : '';
}

function isFormula(cell: Formula | DateCell): cell is Formula {
  return 'formula' in cell;
}

/** The one rule: what Sheets is given for a cell. */
export function sheetValue(cell: CellInput): string | number | boolean | Date {
  if (typeof cell === 'string') return cell === '' ? '' : `'${cell}`;
  if (typeof cell !== 'object' || cell instanceof Date) return cell;
  return isFormula(cell) ? cell.formula : cell.date;
}

export function writeCells(range: Range, rows: readonly (readonly CellInput[])[]): void {
  range.setValues(rows.map((r) => r.map(sheetValue)));
}

export function writeCell(range: Range, cell: CellInput): void {
  range.setValue(sheetValue(cell));
}
