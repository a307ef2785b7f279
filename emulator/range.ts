/** `Range`: the emulated cells of one rectangle on one tab. */
import { toA1, type WholeLines } from './a1.js';
import { sheetsColor } from './colors.js';
import { displayValue } from './display.js';
import { fillFormula } from './formula-fill.js';
import { isDate, type Env } from './env.js';
import { EmuDataValidation } from './validation.js';
import { EmuProtection } from './protection.js';
import { EmuFilter, FILTER_EXISTS } from './filter.js';
import type { Content, SheetData, Workbook, Scalar, CellFormat } from './workbook.js';

type GRange = GoogleAppsScript.Spreadsheet.Range;
type GSheet = GoogleAppsScript.Spreadsheet.Sheet;

/** Sheets refuses a cell longer than this. */
export const CELL_CHARACTER_LIMIT = 50000;

export interface RangeHost {
  sheetFacade(sheet: SheetData): GSheet;
}

export class EmuRange implements Pick<
  GRange,
  | 'getValues'
  | 'getValue'
  | 'setValues'
  | 'setValue'
  | 'getFormulas'
  | 'getFormula'
  | 'setFormulas'
  | 'setFormula'
  | 'getDisplayValues'
  | 'getDisplayValue'
  | 'getNumberFormats'
  | 'setNumberFormat'
  | 'setNumberFormats'
  | 'getRow'
  | 'getColumn'
  | 'getNumRows'
  | 'getNumColumns'
  | 'getLastRow'
  | 'getLastColumn'
  | 'getA1Notation'
  | 'getSheet'
  | 'setFontWeight'
  | 'getFontWeights'
  | 'getFontWeight'
  | 'setFontStyle'
  | 'setFontWeights'
  | 'setBackgrounds'
  | 'setFontColors'
  | 'setBackground'
  | 'getBackgrounds'
  | 'getBackground'
  | 'setFontColor'
  | 'getFontColors'
  | 'setWrap'
  | 'setHorizontalAlignment'
  | 'setNote'
  | 'getNote'
  | 'getNotes'
  | 'setNotes'
  | 'setDataValidation'
  | 'setDataValidations'
  | 'getDataValidation'
  | 'getDataValidations'
  | 'clearDataValidations'
  | 'clear'
  | 'clearContent'
  | 'clearFormat'
  | 'offset'
  | 'getCell'
  | 'isBlank'
  | 'protect'
  | 'activate'
  | 'createFilter'
  | 'getFilter'
> {
  constructor(
    private readonly env: Env,
    private readonly wb: Workbook,
    private readonly host: RangeHost,
    readonly sheet: SheetData,
    readonly row: number,
    readonly column: number,
    readonly numRows: number,
    readonly numColumns: number,
    /** Made from whole rows or whole columns (`5:7`, `D:F`): so its notation reads back. */
    readonly whole?: WholeLines,
  ) {}

  private chain(): GRange {
    return this as unknown as GRange;
  }

  private get cells(): number {
    return this.numRows * this.numColumns;
  }

  private grid<T>(f: (row: number, column: number) => T): T[][] {
    const out: T[][] = [];
    for (let i = 0; i < this.numRows; i++) {
      const line: T[] = [];
      for (let j = 0; j < this.numColumns; j++) line.push(f(this.row + i, this.column + j));
      out.push(line);
    }
    return out;
  }

  private scriptValue(v: Scalar): Scalar {
    return isDate(v) ? this.env.date(v.getTime()) : v;
  }

  private checkShape(data: unknown, what: string): unknown[][] {
    if (!Array.isArray(data) || data.some((r) => !Array.isArray(r))) {
      throw this.env.fail(
        `The parameters (${typeof data}) don't match the method signature for SpreadsheetApp.Range.${what}.`,
      );
    }
    const rows = data as unknown[][];
    if (rows.length !== this.numRows) {
      throw this.env.fail(
        `The number of rows in the data does not match the number of rows in the range. The data has ${rows.length} but the range has ${this.numRows}.`,
      );
    }
    for (const r of rows) {
      if (r.length !== this.numColumns) {
        throw this.env.fail(
          `The number of columns in the data does not match the number of columns in the range. The data has ${r.length} but the range has ${this.numColumns}.`,
        );
      }
    }
    return rows;
  }

  private writeContents(rows: unknown[][], asFormulas: boolean): void {
    const contents: Content[][] = rows.map((line, i) =>
      line.map((raw, j) => {
        const r = this.row + i;
        const c = this.column + j;
        const cell = this.sheet.cell(r, c);
        if (typeof raw === 'string' && raw.length > CELL_CHARACTER_LIMIT) {
          throw this.env.fail(
            `Your input contains more than the maximum of ${CELL_CHARACTER_LIMIT} characters in a single cell.`,
          );
        }
        const content: Content =
          asFormulas && typeof raw === 'string' && raw !== ''
            ? raw.startsWith('=')
              ? { kind: 'formula', formula: raw }
              : this.wb.interpret(raw, cell)
            : this.wb.interpret(raw, cell);
        const rule = cell?.validation;
        if (rule && !rule.allowInvalid && content.kind === 'value') {
          if (!new EmuDataValidation(rule).accepts(content.value)) {
            throw this.env.fail(
              `The data you entered in cell ${toA1({ row: r, column: c, numRows: 1, numColumns: 1 })} violates the data validation rules set on this cell.`,
            );
          }
        }
        return content;
      }),
    );
    this.wb.writeBlock(this.sheet, this.row, this.column, contents);
  }

  getValues(): any[][] {
    this.env.record('Range.getValues', this.cells);
    const unreadable = this.env.unreadableTabs.get(this.sheet);
    if (unreadable !== undefined) throw this.env.fail(unreadable);
    return this.readValues();
  }

  /** The values, without counting a call: for services that read as part of another call. */
  readValues(): any[][] {
    return this.grid((r, c) => this.scriptValue(this.wb.read(this.sheet, r, c)));
  }

  getValue(): any {
    this.env.record('Range.getValue', 1);
    return this.scriptValue(this.wb.read(this.sheet, this.row, this.column));
  }

  setValues(values: any[][]): GRange {
    this.env.record('Range.setValues', this.cells);
    this.writeContents(this.checkShape(values, 'setValues'), false);
    return this.chain();
  }

  setValue(value: any): GRange {
    this.env.record('Range.setValue', this.cells);
    this.writeContents(
      this.grid(() => value as unknown),
      false,
    );
    return this.chain();
  }

  getFormulas(): string[][] {
    this.env.record('Range.getFormulas', this.cells);
    return this.grid((r, c) => this.wb.formula(this.sheet, r, c));
  }

  getFormula(): string {
    this.env.record('Range.getFormula', 1);
    return this.wb.formula(this.sheet, this.row, this.column);
  }

  setFormulas(formulas: string[][]): GRange {
    this.env.record('Range.setFormulas', this.cells);
    this.writeContents(this.checkShape(formulas, 'setFormulas'), true);
    return this.chain();
  }

  /** On a block, each cell gets the formula with its relative references moved (`formula-fill.ts`). */
  setFormula(formula: string): GRange {
    this.env.record('Range.setFormula', this.cells);
    const filled =
      typeof formula === 'string' && formula.startsWith('=')
        ? fillFormula(formula, this.numRows, this.numColumns)
        : this.grid(() => formula);
    this.writeContents(filled, true);
    return this.chain();
  }

  getDisplayValues(): string[][] {
    this.env.record('Range.getDisplayValues', this.cells);
    return this.grid((r, c) => this.display(r, c));
  }

  getDisplayValue(): string {
    this.env.record('Range.getDisplayValue', 1);
    return this.display(this.row, this.column);
  }

  private display(r: number, c: number): string {
    const value = this.wb.read(this.sheet, r, c);
    return displayValue(value, this.sheet.cell(r, c)?.format?.numberFormat, this.wb.timeZone);
  }

  /**
   * The same change to every cell: cells that had the same format share the changed one (a format
   * is never changed in place), so a column formatted down a thousand rows is not a thousand
   * objects.
   */
  private formatAll(record: string, patch: (f: CellFormat) => void): GRange {
    this.env.record(record, this.cells);
    const changed = new Map<CellFormat | undefined, CellFormat>();
    this.grid((r, c) => {
      const cell = this.sheet.ensureCell(r, c);
      let format = changed.get(cell.format);
      if (!format) {
        format = { ...cell.format };
        patch(format);
        changed.set(cell.format, format);
      }
      cell.format = format;
      return null;
    });
    return this.chain();
  }

  private formatEach(
    record: string,
    data: unknown,
    patch: (f: CellFormat, v: any) => void,
  ): GRange {
    const rows = this.checkShape(data, record.split('.')[1] ?? '');
    this.env.record(record, this.cells);
    this.grid((r, c) => {
      const cell = this.sheet.ensureCell(r, c);
      const format = { ...cell.format };
      patch(format, rows[r - this.row]?.[c - this.column]);
      cell.format = format;
      return null;
    });
    return this.chain();
  }

  getNumberFormats(): string[][] {
    this.env.record('Range.getNumberFormats', this.cells);
    return this.grid(
      (r, c) => this.sheet.cell(r, c)?.format?.numberFormat ?? DEFAULT_NUMBER_FORMAT,
    );
  }

  setNumberFormat(numberFormat: string): GRange {
    return this.formatAll('Range.setNumberFormat', (f) => storeNumberFormat(f, numberFormat));
  }

  setNumberFormats(numberFormats: string[][]): GRange {
    return this.formatEach('Range.setNumberFormats', numberFormats, (f, v) =>
      storeNumberFormat(f, String(v)),
    );
  }

  getRow(): number {
    this.env.record('Range.getRow');
    return this.row;
  }

  getColumn(): number {
    this.env.record('Range.getColumn');
    return this.column;
  }

  getNumRows(): number {
    this.env.record('Range.getNumRows');
    return this.numRows;
  }

  getNumColumns(): number {
    this.env.record('Range.getNumColumns');
    return this.numColumns;
  }

  getLastRow(): number {
    this.env.record('Range.getLastRow');
    return this.row + this.numRows - 1;
  }

  getLastColumn(): number {
    this.env.record('Range.getLastColumn');
    return this.column + this.numColumns - 1;
  }

  getA1Notation(): string {
    this.env.record('Range.getA1Notation');
    return toA1(this, this.whole);
  }

  getSheet(): GSheet {
    this.env.record('Range.getSheet');
    return this.host.sheetFacade(this.sheet);
  }

  setFontWeight(fontWeight: string | null): GRange {
    return this.formatAll('Range.setFontWeight', (f) => (f.bold = fontWeight === 'bold'));
  }

  setFontWeights(fontWeights: any[][]): GRange {
    return this.formatEach('Range.setFontWeights', fontWeights, (f, v) => (f.bold = v === 'bold'));
  }

  setBackgrounds(color: string[][]): GRange {
    return this.formatEach('Range.setBackgrounds', color, (f, v) => {
      if (v) f.background = sheetsColor(String(v));
      else delete f.background;
    });
  }

  setFontColors(colors: any[][]): GRange {
    return this.formatEach('Range.setFontColors', colors, (f, v) => {
      if (v) f.fontColor = sheetsColor(String(v));
      else delete f.fontColor;
    });
  }

  getFontWeights(): GoogleAppsScript.Spreadsheet.FontWeight[][] {
    this.env.record('Range.getFontWeights', this.cells);
    return this.grid((r, c) => (this.sheet.cell(r, c)?.format?.bold ? 'bold' : 'normal'));
  }

  getFontWeight(): GoogleAppsScript.Spreadsheet.FontWeight {
    this.env.record('Range.getFontWeight');
    return this.sheet.cell(this.row, this.column)?.format?.bold ? 'bold' : 'normal';
  }

  setFontStyle(fontStyle: string | null): GRange {
    return this.formatAll('Range.setFontStyle', (f) => (f.italic = fontStyle === 'italic'));
  }

  setBackground(color: string | null): GRange {
    return this.formatAll('Range.setBackground', (f) => {
      if (color) f.background = sheetsColor(color);
      else delete f.background;
    });
  }

  getBackgrounds(): string[][] {
    this.env.record('Range.getBackgrounds', this.cells);
    return this.grid((r, c) => this.sheet.cell(r, c)?.format?.background ?? '#ffffff');
  }

  getBackground(): string {
    this.env.record('Range.getBackground');
    return this.sheet.cell(this.row, this.column)?.format?.background ?? '#ffffff';
  }

  setFontColor(color: string | null): GRange {
    return this.formatAll('Range.setFontColor', (f) => {
      if (color) f.fontColor = sheetsColor(color);
      else delete f.fontColor;
    });
  }

  getFontColors(): string[][] {
    this.env.record('Range.getFontColors', this.cells);
    return this.grid((r, c) => this.sheet.cell(r, c)?.format?.fontColor ?? '#000000');
  }

  setWrap(isWrapEnabled: boolean): GRange {
    return this.formatAll('Range.setWrap', (f) => (f.wrap = isWrapEnabled));
  }

  setHorizontalAlignment(alignment: string | null): GRange {
    return this.formatAll('Range.setHorizontalAlignment', (f) => {
      if (alignment) f.horizontalAlignment = alignment;
      else delete f.horizontalAlignment;
    });
  }

  setNote(note: string | null): GRange {
    this.env.record('Range.setNote', this.cells);
    this.grid((r, c) => {
      const cell = this.sheet.ensureCell(r, c);
      if (note) cell.note = note;
      else delete cell.note;
      return null;
    });
    return this.chain();
  }

  setNotes(notes: any[][]): GRange {
    const rows = this.checkShape(notes, 'setNotes');
    this.env.record('Range.setNotes', this.cells);
    this.grid((r, c) => {
      const cell = this.sheet.ensureCell(r, c);
      const note = rows[r - this.row]?.[c - this.column];
      if (note) cell.note = String(note);
      else delete cell.note;
      return null;
    });
    return this.chain();
  }

  getNote(): string {
    this.env.record('Range.getNote');
    return this.sheet.cell(this.row, this.column)?.note ?? '';
  }

  getNotes(): string[][] {
    this.env.record('Range.getNotes', this.cells);
    return this.grid((r, c) => this.sheet.cell(r, c)?.note ?? '');
  }

  setDataValidation(rule: GoogleAppsScript.Spreadsheet.DataValidation | null): GRange {
    this.env.record('Range.setDataValidation', this.cells);
    const data = rule ? (rule as unknown as EmuDataValidation).rule : undefined;
    this.grid((r, c) => {
      const cell = this.sheet.ensureCell(r, c);
      if (data) cell.validation = data;
      else delete cell.validation;
      return null;
    });
    return this.chain();
  }

  setDataValidations(rules: (GoogleAppsScript.Spreadsheet.DataValidation | null)[][]): GRange {
    const rows = this.checkShape(rules, 'setDataValidations');
    this.env.record('Range.setDataValidations', this.cells);
    this.grid((r, c) => {
      const cell = this.sheet.ensureCell(r, c);
      const rule = rows[r - this.row]?.[c - this.column] as EmuDataValidation | null | undefined;
      if (rule) cell.validation = rule.rule;
      else delete cell.validation;
      return null;
    });
    return this.chain();
  }

  getDataValidation(): GoogleAppsScript.Spreadsheet.DataValidation | null {
    this.env.record('Range.getDataValidation');
    const rule = this.sheet.cell(this.row, this.column)?.validation;
    return rule
      ? (new EmuDataValidation(rule) as unknown as GoogleAppsScript.Spreadsheet.DataValidation)
      : null;
  }

  getDataValidations(): (GoogleAppsScript.Spreadsheet.DataValidation | null)[][] {
    this.env.record('Range.getDataValidations', this.cells);
    return this.grid((r, c) => {
      const rule = this.sheet.cell(r, c)?.validation;
      return rule
        ? (new EmuDataValidation(rule) as unknown as GoogleAppsScript.Spreadsheet.DataValidation)
        : null;
    });
  }

  clearDataValidations(): GRange {
    return this.setDataValidation(null);
  }

  clear(): GRange {
    this.env.record('Range.clear', this.cells);
    this.wb.writeBlock(
      this.sheet,
      this.row,
      this.column,
      this.grid(() => ({ kind: 'empty' }) as Content),
    );
    this.grid((r, c) => {
      const cell = this.sheet.cell(r, c);
      if (cell) {
        delete cell.format;
        delete cell.note;
        delete cell.validation;
      }
      return null;
    });
    return this.chain();
  }

  clearContent(): GRange {
    this.env.record('Range.clearContent', this.cells);
    this.wb.writeBlock(
      this.sheet,
      this.row,
      this.column,
      this.grid(() => ({ kind: 'empty' }) as Content),
    );
    return this.chain();
  }

  clearFormat(): GRange {
    this.env.record('Range.clearFormat', this.cells);
    this.grid((r, c) => {
      const cell = this.sheet.cell(r, c);
      if (cell) delete cell.format;
      return null;
    });
    return this.chain();
  }

  offset(rowOffset: number, columnOffset: number, numRows?: number, numColumns?: number): GRange {
    this.env.record('Range.offset');
    return makeRange(
      this.env,
      this.wb,
      this.host,
      this.sheet,
      this.row + rowOffset,
      this.column + columnOffset,
      numRows ?? this.numRows,
      numColumns ?? this.numColumns,
    ).chain();
  }

  getCell(row: number, column: number): GRange {
    this.env.record('Range.getCell');
    if (row < 1 || column < 1 || row > this.numRows || column > this.numColumns) {
      throw this.env.fail('The coordinates of the range are outside the dimensions of the sheet.');
    }
    return makeRange(
      this.env,
      this.wb,
      this.host,
      this.sheet,
      this.row + row - 1,
      this.column + column - 1,
      1,
      1,
    ).chain();
  }

  isBlank(): boolean {
    this.env.record('Range.isBlank');
    let blank = true;
    this.grid((r, c) => {
      if (!this.sheet.isEmpty(this.sheet.cell(r, c))) blank = false;
      return null;
    });
    return blank;
  }

  protect(): GoogleAppsScript.Spreadsheet.Protection {
    this.env.record('Range.protect');
    const data = this.wb.addProtection(this.sheet.id, {
      row: this.row,
      column: this.column,
      numRows: this.numRows,
      numColumns: this.numColumns,
    });
    return new EmuProtection(
      this.env,
      this.wb,
      data,
    ) as unknown as GoogleAppsScript.Spreadsheet.Protection;
  }

  /** A basic filter over this range; a sheet holds one at most (emulator/filter.ts). */
  createFilter(): GoogleAppsScript.Spreadsheet.Filter {
    this.env.record('Range.createFilter');
    if (this.sheet.filter) throw this.env.fail(FILTER_EXISTS);
    this.sheet.filter = {
      row: this.row,
      column: this.column,
      numRows: this.numRows,
      numColumns: this.numColumns,
    };
    return filterOf(this.env, this.wb, this.host, this.sheet);
  }

  /** The filter of this range's sheet, or null: the reference gives the sheet's filter. */
  getFilter(): GoogleAppsScript.Spreadsheet.Filter | null {
    this.env.record('Range.getFilter');
    return this.sheet.filter ? filterOf(this.env, this.wb, this.host, this.sheet) : null;
  }

  activate(): GRange {
    this.env.record('Range.activate');
    this.wb.activeSheetId = this.sheet.id;
    return this.chain();
  }
}

/** What `getNumberFormats` gives for a cell with no number format of its own. */
const DEFAULT_NUMBER_FORMAT = '0.###############';

/**
 * `General` (any case) is how a script puts a cell back to the default number format, which then
 * reads back as the default pattern, not as `General` (tanaikech/gas-fakes oddities.md, "Numberformat
 * default pattern": `setNumberFormat('general')` resets it, and `getNumberFormat()` returns
 * '0.###############').
 */
function storeNumberFormat(format: CellFormat, numberFormat: string): void {
  if (/^general$/i.test(numberFormat.trim())) delete format.numberFormat;
  else format.numberFormat = numberFormat;
}

/** Builds a range, with the bounds errors Apps Script gives. */
export function makeRange(
  env: Env,
  wb: Workbook,
  host: RangeHost,
  sheet: SheetData,
  row: number,
  column: number,
  numRows = 1,
  numColumns = 1,
  whole?: WholeLines,
): EmuRange {
  for (const n of [row, column, numRows, numColumns]) {
    if (typeof n !== 'number' || !Number.isInteger(n)) {
      throw env.fail(
        `The parameters (${typeof n}) don't match the method signature for SpreadsheetApp.Sheet.getRange.`,
      );
    }
  }
  if (row < 1) throw env.fail('The starting row of the range is too small.');
  if (column < 1) throw env.fail('The starting column of the range is too small.');
  if (numRows < 1) throw env.fail('The number of rows in the range must be at least 1.');
  if (numColumns < 1) throw env.fail('The number of columns in the range must be at least 1.');
  if (row + numRows - 1 > sheet.maxRows || column + numColumns - 1 > sheet.maxColumns) {
    throw env.fail('The coordinates of the range are outside the dimensions of the sheet.');
  }
  return new EmuRange(env, wb, host, sheet, row, column, numRows, numColumns, whole);
}

/** The Filter object for a sheet that has one; its range is read when asked. */
export function filterOf(
  env: Env,
  wb: Workbook,
  host: RangeHost,
  sheet: SheetData,
): GoogleAppsScript.Spreadsheet.Filter {
  return new EmuFilter(
    env,
    sheet,
    (box) =>
      makeRange(
        env,
        wb,
        host,
        sheet,
        box.row,
        box.column,
        box.numRows,
        box.numColumns,
      ) as unknown as GRange,
  ) as unknown as GoogleAppsScript.Spreadsheet.Filter;
}
