/**
 * Generated tabs grow as the registry grows. No size is remembered between runs: a person may
 * delete rows, columns or a whole tab at any time. A range beyond the sheet's edge fails at once,
 * before anything is written, so the write's own range is the first question: only when it
 * fails is the sheet asked its size (`getMaxRows`, `getMaxColumns`) and grown to fit.
 */
import type { CellInput } from './cell-text.js';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Range = GoogleAppsScript.Spreadsheet.Range;

/** The range of `rows` × `columns` from row `fromRow`, column A; the sheet grows to hold it. */
export function writableRange(sheet: Sheet, rows: number, columns: number, fromRow = 1): Range {
  try {
    return sheet.getRange(fromRow, 1, rows, columns);
  } catch (e) {
    const lastRow = fromRow + rows - 1;
    const maxRows = sheet.getMaxRows();
    if (lastRow > maxRows) {
      sheet.insertRowsAfter(maxRows, lastRow - maxRows);
      try {
        return sheet.getRange(fromRow, 1, rows, columns);
      } catch {
        // Too narrow as well: widened below.
      }
    }
    const maxColumns = sheet.getMaxColumns();
    if (columns <= maxColumns && lastRow <= maxRows) throw e;
    if (columns > maxColumns) sheet.insertColumnsAfter(maxColumns, columns - maxColumns);
    return sheet.getRange(fromRow, 1, rows, columns);
  }
}

/**
 * A whole tab in one call. `getSheetValues(1, 1, -1, -1)` reads to the last row and column with
 * content; what it does on a tab with no content at all (every new spreadsheet's Sheet1) is not
 * documented. Should it refuse there as a zero-row range is refused, the tab reads as no rows;
 * any other error (worded in another language, or a real failure) is checked with `getLastRow`
 * and `getLastColumn`, so a failure is never mistaken for an empty tab.
 */
export function readWholeTab(sheet: Sheet): unknown[][] {
  try {
    return sheet.getSheetValues(1, 1, -1, -1);
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    if (/number of (rows|columns) in the range must be at least 1/i.test(message)) return [];
    if (sheet.getLastRow() === 0 || sheet.getLastColumn() === 0) return [];
    throw e;
  }
}

/**
 * `rows` padded with blanks to cover what the tab holds now: as tall and as wide as both (and at
 * least `minWidth`), so one write replaces the whole tab and leaves nothing of before behind.
 */
export function coveringValues(
  rows: readonly (readonly CellInput[])[],
  before: readonly (readonly unknown[])[],
  minWidth: number,
): { values: CellInput[][]; width: number; height: number } {
  // A loop, not Math.max(...rows): tens of thousands of arguments overflow the stack.
  let width = minWidth;
  for (const r of rows) width = Math.max(width, r.length);
  for (const r of before) width = Math.max(width, r.length);
  const height = Math.max(rows.length, before.length);
  const values: CellInput[][] = [];
  for (let i = 0; i < height; i++) {
    const row = rows[i] ?? [];
    values.push([...row, ...new Array<CellInput>(width - row.length).fill('')]);
  }
  return { values, width, height };
}
