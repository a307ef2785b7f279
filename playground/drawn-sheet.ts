/**
 * One tab as the playground's page draws it: every cell's text as Sheets shows it (number and
 * date formats applied), its look (bold, italic, colours, wrap, alignment), note, checkbox,
 * dropdown values, invalid mark and link, the text the cell editor opens with, column widths,
 * hidden columns and frozen rows. The page only lays this out; it decides nothing about values.
 */
import {
  isInvalid,
  isTicked,
  typedContent,
  validationMessage,
  type Scalar,
  type SheetData,
  type Workbook,
} from '../emulator/index.js';
import { displayValue } from '../emulator/display.js';

export interface DrawnCell {
  /** The text Sheets shows. */
  t: string;
  /** The text the cell editor opens with, when it is not `t` (a formula, a raw number, `'text`). */
  i?: string;
  /** Number or date: right-aligned by default; boolean: centred. */
  k?: 'n' | 'b';
  b?: boolean;
  it?: boolean;
  bg?: string;
  fc?: string;
  /** Wrapped text. */
  w?: boolean;
  al?: 'left' | 'center' | 'right';
  /** The cell's note. */
  n?: string;
  /** The cell holds a formula. */
  f?: boolean;
  /** A checkbox, ticked or not. */
  cb?: boolean;
  /** Index into `DrawnSheet.lists`: the values a dropdown offers. */
  list?: number;
  /** Why the value breaks the cell's validation rule (drawn with a red corner). */
  bad?: string;
  /** Where a click on the cell's link goes: `#gid=N`, `file:ID` (a file in Drive), or a URL. */
  link?: string;
}

export interface DrawnSheet {
  id: number;
  name: string;
  frozenRows: number;
  maxRows: number;
  maxColumns: number;
  /** Width in pixels of each drawn column, 1-based (index 0 unused). */
  widths: number[];
  hidden: number[];
  /** The basic filter's first row and columns: its header cells are drawn with a filter button. */
  filter?: { row: number; column: number; numColumns: number };
  lists: string[][];
  /** Rows of cells from row 1; null for a cell with nothing to draw. */
  grid: (DrawnCell | null)[][];
}

/** Sheets' width of a column nobody has resized. */
const DEFAULT_WIDTH = 100;

/** Rows and columns drawn past the last with data, so there is room to type. */
const SPARE_ROWS = 20;
const SPARE_COLUMNS = 4;

export function drawSheet(wb: Workbook, sheet: SheetData, driveIds: Set<string>): DrawnSheet {
  const rows = Math.min(sheet.maxRows, Math.max(sheet.lastRow() + SPARE_ROWS, 40));
  const columns = Math.min(sheet.maxColumns, Math.max(sheet.lastColumn() + SPARE_COLUMNS, 12));
  const lists: string[][] = [];
  const listIndex = new Map<string, number>();
  const grid: (DrawnCell | null)[][] = [];
  for (let r = 1; r <= rows; r++) {
    const line: (DrawnCell | null)[] = [];
    for (let c = 1; c <= columns; c++) {
      const cell = sheet.cell(r, c);
      if (!cell || (sheet.isEmpty(cell) && !cell.format && !cell.note && !cell.validation)) {
        line.push(null);
        continue;
      }
      const value = wb.read(sheet, r, c);
      const format = cell.format ?? {};
      const drawn: DrawnCell = { t: displayValue(value, format.numberFormat, wb.timeZone) };
      const input = editorText(wb, sheet, r, c, value, format.numberFormat);
      if (input !== drawn.t) drawn.i = input;
      if (typeof value === 'number' || value instanceof Date) drawn.k = 'n';
      if (typeof value === 'boolean') drawn.k = 'b';
      if (format.bold) drawn.b = true;
      if (format.italic) drawn.it = true;
      if (format.background && format.background !== '#ffffff') drawn.bg = format.background;
      if (format.fontColor && format.fontColor !== '#000000') drawn.fc = format.fontColor;
      if (format.wrap) drawn.w = true;
      const align = format.horizontalAlignment?.toLowerCase().replace('normal', '');
      if (align === 'left' || align === 'center' || align === 'right') drawn.al = align;
      if (cell.note) drawn.n = cell.note;
      if (cell.formula) drawn.f = true;
      const rule = cell.validation;
      if (rule?.criteria === 'CHECKBOX' && value !== '') {
        const ticked = isTicked(rule, value);
        if (ticked !== undefined) drawn.cb = ticked;
      }
      if (rule?.criteria === 'VALUE_IN_LIST' && rule.args[1] !== false) {
        const values = (rule.args[0] as unknown[]).map(String);
        const key = values.join('\u0000');
        let index = listIndex.get(key);
        if (index === undefined) {
          index = lists.push(values) - 1;
          listIndex.set(key, index);
        }
        drawn.list = index;
      }
      if (rule && value !== '' && isInvalid(wb, sheet, r, c)) drawn.bad = validationMessage(rule);
      const link = linkOf(wb, sheet, r, c, value, driveIds);
      if (link) drawn.link = link;
      line.push(drawn);
    }
    grid.push(line);
  }
  const widths = [0];
  for (let c = 1; c <= columns; c++) widths.push(sheet.columnWidths.get(c) ?? DEFAULT_WIDTH);
  return {
    id: sheet.id,
    name: sheet.name,
    frozenRows: sheet.frozenRows,
    maxRows: sheet.maxRows,
    maxColumns: sheet.maxColumns,
    widths,
    hidden: [...sheet.hiddenColumns].filter((c) => c <= columns).sort((a, b) => a - b),
    ...(sheet.filter
      ? {
          filter: {
            row: sheet.filter.row,
            column: sheet.filter.column,
            numColumns: sheet.filter.numColumns,
          },
        }
      : {}),
    lists,
    grid,
  };
}

/**
 * What the cell editor opens with: the formula; a date as `yyyy-mm-dd` (with the time when the
 * format shows one); a percentage as `12%`; a number in full; text behind an apostrophe when
 * typing it again would make it something else, so Enter on an unchanged cell keeps it as it is.
 */
function editorText(
  wb: Workbook,
  sheet: SheetData,
  row: number,
  column: number,
  value: Scalar,
  numberFormat: string | undefined,
): string {
  if (sheet.cell(row, column)?.formula) return wb.formula(sheet, row, column);
  if (value instanceof Date) {
    const timed = !!numberFormat && /h/i.test(numberFormat);
    return displayValue(value, timed ? 'yyyy-mm-dd hh:mm:ss' : 'yyyy-mm-dd', wb.timeZone);
  }
  if (typeof value === 'number') {
    if (numberFormat?.includes('%')) return `${Number((value * 100).toPrecision(12))}%`;
    return String(value);
  }
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value === '') return '';
  const again = typedContent(value, { timeZone: wb.timeZone, numberFormat });
  return again.kind === 'value' && again.value === value ? value : `'${value}`;
}

const HYPERLINK = /^=HYPERLINK\(\s*"([^"]*)"/i;
const SPREADSHEET_URL = /^https:\/\/docs\.google\.com\/spreadsheets\/d\/([^/]+)/;

/** A HYPERLINK's target or a typed URL; a spreadsheet in the emulated Drive opens here. */
function linkOf(
  wb: Workbook,
  sheet: SheetData,
  row: number,
  column: number,
  value: Scalar,
  driveIds: Set<string>,
): string | undefined {
  const cell = sheet.cell(row, column);
  const target = cell?.formula
    ? HYPERLINK.exec(wb.formula(sheet, row, column))?.[1]
    : typeof value === 'string' && /^https?:\/\/\S+$/.test(value)
      ? value
      : undefined;
  if (!target) return undefined;
  const file = SPREADSHEET_URL.exec(target)?.[1];
  if (file && driveIds.has(file)) return `file:${file}`;
  return target;
}
