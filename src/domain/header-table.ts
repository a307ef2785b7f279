/** Plain tables a person keeps (Principles, Dependencies): a header row, then rows read by header name. */
import { splitTags } from './item-states.js';
import type { Grid } from './client-tab-layout.js';
import { str } from './client-record.js';
import { columnLetter } from './section-items.js';

export interface TableRow {
  row: number;
  get(header: string): string;
  /** The A1 address of this row's cell under the header, or '' when the header is missing. */
  cell(header: string): string;
}

export function readHeaderTable(grid: Grid, expected: readonly string[]): TableRow[] {
  const headerIndex = grid.findIndex(
    (r) =>
      expected.filter((h) => r.some((c) => str(c).trim() === h)).length >=
      Math.ceil(expected.length / 2),
  );
  if (headerIndex < 0) return [];
  const header = (grid[headerIndex] ?? []).map((c) => str(c).trim());
  const rows: TableRow[] = [];
  for (let i = headerIndex + 1; i < grid.length; i++) {
    const cells = grid[i] ?? [];
    if (cells.every((c) => c === '' || c === null || c === undefined)) continue;
    rows.push({
      row: i + 1,
      get: (h) => {
        const j = header.indexOf(h);
        return j < 0 ? '' : str(cells[j]).trim();
      },
      cell: (h) => {
        const j = header.indexOf(h);
        return j < 0 ? '' : `${columnLetter(j + 1)}${i + 1}`;
      },
    });
  }
  return rows;
}

/** A comma list in a user tab (Avoid, Match tags): the same rule as an item's tags. */
export function splitList(text: string): string[] {
  return splitTags(text);
}
