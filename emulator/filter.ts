/**
 * A sheet's basic filter (Data ▸ Create a filter): one per sheet, over a rectangle whose first row
 * holds the filter buttons. Apps Script makes one with `Range.createFilter()` and finds it with
 * `Sheet.getFilter()` or `Range.getFilter()` (developers.google.com/apps-script/reference/
 * spreadsheet/filter). Criteria are not modelled: the add-on sets none, a person sets them in
 * Sheets. The rectangle moves and grows with inserted rows and columns, as a named range does.
 */
import type { Env } from './env.js';
import type { SheetData } from './workbook.js';

type GFilter = GoogleAppsScript.Spreadsheet.Filter;
type GRange = GoogleAppsScript.Spreadsheet.Range;

export interface FilterBox {
  row: number;
  column: number;
  numRows: number;
  numColumns: number;
}

/**
 * What `createFilter` throws when the sheet already has a filter. The reference does not word it;
 * gas-fakes' range tests, which also run against live Apps Script, expect this text. The add-on
 * never relies on it: it makes a filter only on a tab it has just inserted.
 */
export const FILTER_EXISTS = "You can't create a filter in a sheet that already has a filter.";

export class EmuFilter implements Pick<GFilter, 'getRange' | 'remove'> {
  constructor(
    private readonly env: Env,
    private readonly sheet: SheetData,
    private readonly rangeOf: (box: FilterBox) => GRange,
  ) {}

  private live(method: string): FilterBox {
    this.env.record(`Filter.${method}`);
    const box = this.sheet.filter;
    if (!box) throw this.env.fail('This filter has been removed.');
    return box;
  }

  getRange(): GRange {
    return this.rangeOf(this.live('getRange'));
  }

  remove(): void {
    this.live('remove');
    this.sheet.filter = null;
  }
}

/** The box after `count` lines are inserted before line `before` (rows, or columns). */
export function insertedInto(
  start: number,
  size: number,
  before: number,
  count: number,
): { start: number; size: number } {
  if (before <= start) return { start: start + count, size };
  if (before <= start + size - 1) return { start, size: size + count };
  return { start, size };
}

/** The box after lines `first`..`first + count - 1` are deleted; null when none is left. */
export function deletedFrom(
  start: number,
  size: number,
  first: number,
  count: number,
): { start: number; size: number } | null {
  const last = first + count - 1;
  const end = start + size - 1;
  if (last < start) return { start: start - count, size };
  if (first > end) return { start, size };
  const left = size - (Math.min(last, end) - Math.max(first, start) + 1);
  return left > 0 ? { start: Math.min(start, first), size: left } : null;
}
