/** What the Sheets API's values.batchUpdate answers: each range written, and the totals. */
import { quoteSheetName, toA1 } from './a1.js';
import type { SheetData } from './workbook.js';

interface UpdateValuesResponse {
  spreadsheetId: string;
  updatedRange: string;
  updatedRows: number;
  updatedColumns: number;
  updatedCells: number;
}

/** One range written: its answer, and the sheet, rows and columns it wrote, for the totals. */
export interface Written {
  response: UpdateValuesResponse;
  sheet: string;
  rows: number[];
  columns: number[];
}

/**
 * What one range of a values.batchUpdate answers (developers.google.com/workspace/sheets/api/reference/rest/v4/UpdateValuesResponse):
 * the range written, its rows and columns with at least one cell written, and its cells.
 */
export function updated(
  id: string,
  sheet: SheetData,
  row: number,
  column: number,
  values: unknown[][],
): Written {
  const height = values.length;
  const width = values.reduce((n, r) => Math.max(n, r.length), 0);
  const cells = values.reduce((n, r) => n + r.length, 0);
  const rows = values.flatMap((r, i) => (r.length ? [row + i] : []));
  const columns = Array.from({ length: width }, (_, j) => column + j).filter((_, j) =>
    values.some((r) => r.length > j),
  );
  const end = toA1({ row, column, numRows: Math.max(1, height), numColumns: Math.max(1, width) });
  return {
    response: {
      spreadsheetId: id,
      updatedRange: `${quoteSheetName(sheet.name)}!${end}`,
      updatedRows: rows.length,
      updatedColumns: columns.length,
      updatedCells: cells,
    },
    sheet: sheet.name,
    rows,
    columns,
  };
}

/**
 * The totals of a values.batchUpdate (developers.google.com/workspace/sheets/api/reference/rest/v4/spreadsheets.values/batchUpdate#response-body):
 * rows and columns with at least one cell written, counted once however many ranges wrote them,
 * cells, and sheets. Recorded on live Apps Script: 10 rows of 6 values answer 60 cells, 10 rows,
 * 6 columns, 1 sheet (tanaikech/gas-fakes test/testsheetsvalues.js).
 */
export function totals(written: Written[]) {
  const rows = new Set<string>();
  const columns = new Set<string>();
  const sheets = new Set<string>();
  let cells = 0;
  for (const w of written) {
    cells += w.response.updatedCells;
    if (w.response.updatedCells === 0) continue;
    sheets.add(w.sheet);
    for (const n of w.rows) rows.add(`${w.sheet}\n${n}`);
    for (const n of w.columns) columns.add(`${w.sheet}\n${n}`);
  }
  return {
    totalUpdatedRows: rows.size,
    totalUpdatedColumns: columns.size,
    totalUpdatedCells: cells,
    totalUpdatedSheets: sheets.size,
  };
}
