/** Creating and re-aligning a client's named ranges. */
import { clientRangeSpecs, type RangeSpec } from '../domain/client-ranges.js';
import type { ClientTabLayout } from '../domain/client-tab-layout.js';

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
export function checkFormulas(spec: RangeSpec): [string, string] {
  return [`=ROWS(${spec.name})`, `=COUNTA(${spec.name})`];
}
