/** Dates read from a tab become ISO dates in the spreadsheet's time zone, before the domain sees them. */

export function isoDates(grid: unknown[][], timeZone: string): unknown[][] {
  return grid.map((row) =>
    row.map((v) => (v instanceof Date ? Utilities.formatDate(v, timeZone, 'yyyy-MM-dd') : v)),
  );
}
