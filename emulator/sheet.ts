/** `Sheet`: one tab of an emulated spreadsheet. */
import { parseA1, parseR1C1, wholeLines } from './a1.js';
import type { Env } from './env.js';
import {
  checkMetadata,
  EmuDeveloperMetadata,
  EmuDeveloperMetadataFinder,
  metadataArguments,
  visibleTo,
} from './metadata.js';
import { EmuProtection } from './protection.js';
import { filterOf, makeRange, type RangeHost } from './range.js';
import type { SheetData, Workbook } from './workbook.js';

type GSheet = GoogleAppsScript.Spreadsheet.Sheet;
type GRange = GoogleAppsScript.Spreadsheet.Range;

export interface SheetHost extends RangeHost {
  spreadsheetFacade(): GoogleAppsScript.Spreadsheet.Spreadsheet;
}

export class EmuSheet implements Pick<
  GSheet,
  | 'getName'
  | 'setName'
  | 'getSheetId'
  | 'getIndex'
  | 'getRange'
  | 'getDataRange'
  | 'getLastRow'
  | 'getLastColumn'
  | 'getMaxRows'
  | 'getMaxColumns'
  | 'insertRowsBefore'
  | 'insertRowsAfter'
  | 'insertRowBefore'
  | 'insertRowAfter'
  | 'insertColumnsBefore'
  | 'insertColumnsAfter'
  | 'deleteRow'
  | 'deleteRows'
  | 'deleteColumn'
  | 'deleteColumns'
  | 'setFrozenRows'
  | 'getFrozenRows'
  | 'setFrozenColumns'
  | 'getFrozenColumns'
  | 'appendRow'
  | 'clear'
  | 'clearContents'
  | 'addDeveloperMetadata'
  | 'getDeveloperMetadata'
  | 'createDeveloperMetadataFinder'
  | 'protect'
  | 'setTabColor'
  | 'hideSheet'
  | 'showSheet'
  | 'isSheetHidden'
  | 'setColumnWidth'
  | 'setColumnWidths'
  | 'getColumnWidth'
  | 'hideColumns'
  | 'showColumns'
  | 'isColumnHiddenByUser'
  | 'activate'
  | 'getParent'
  | 'getFilter'
> {
  constructor(
    private readonly env: Env,
    private readonly wb: Workbook,
    private readonly host: SheetHost,
    readonly data: SheetData,
  ) {}

  private chain(): GSheet {
    return this as unknown as GSheet;
  }

  private live(method: string, cells = 0): void {
    this.env.record(`Sheet.${method}`, cells);
    if (!this.wb.sheets.includes(this.data)) {
      throw this.env.fail('This sheet has been deleted.');
    }
  }

  getName(): string {
    this.live('getName');
    return this.data.name;
  }

  setName(name: string): GSheet {
    this.live('setName');
    if (name === this.data.name) return this.chain();
    if (!name.trim()) throw this.env.fail('Sheet names cannot be blank.');
    if (this.wb.sheetByName(name)) {
      throw this.env.fail(
        `A sheet with the name "${name}" already exists. Please enter another name.`,
      );
    }
    this.wb.renameSheet(this.data, name);
    return this.chain();
  }

  getSheetId(): number {
    this.live('getSheetId');
    return this.data.id;
  }

  /** The sheet's basic filter, or null (emulator/filter.ts). */
  getFilter(): GoogleAppsScript.Spreadsheet.Filter | null {
    this.live('getFilter');
    return this.data.filter ? filterOf(this.env, this.wb, this.host, this.data) : null;
  }

  getIndex(): number {
    this.live('getIndex');
    return this.wb.sheets.indexOf(this.data) + 1;
  }

  getRange(row: number, column: number): GRange;
  getRange(row: number, column: number, numRows: number): GRange;
  getRange(row: number, column: number, numRows: number, numColumns: number): GRange;
  getRange(a1Notation: string): GRange;
  getRange(a: number | string, column?: number, numRows?: number, numColumns?: number): GRange {
    this.live('getRange');
    if (typeof a === 'string') return this.rangeFromA1(a);
    return makeRange(
      this.env,
      this.wb,
      this.host,
      this.data,
      a,
      column as number,
      numRows,
      numColumns,
    ) as unknown as GRange;
  }

  /** A1 or R1C1 notation, as the reference says `getRange` takes. */
  rangeFromA1(a1: string): GRange {
    const ref = parseR1C1(a1) ?? parseA1(a1);
    if (!ref || (ref.sheetName !== undefined && ref.sheetName !== this.data.name)) {
      throw this.env.fail('Range not found');
    }
    const startRow = ref.startRow ?? 1;
    const startColumn = ref.startColumn ?? 1;
    const endRow = ref.endRow ?? this.data.maxRows;
    const endColumn = ref.endColumn ?? this.data.maxColumns;
    return makeRange(
      this.env,
      this.wb,
      this.host,
      this.data,
      Math.min(startRow, endRow),
      Math.min(startColumn, endColumn),
      Math.abs(endRow - startRow) + 1,
      Math.abs(endColumn - startColumn) + 1,
      wholeLines(ref),
    ) as unknown as GRange;
  }

  getDataRange(): GRange {
    this.live('getDataRange');
    const rows = Math.max(1, this.data.lastRow());
    const columns = Math.max(1, this.data.lastColumn());
    return makeRange(
      this.env,
      this.wb,
      this.host,
      this.data,
      1,
      1,
      rows,
      columns,
    ) as unknown as GRange;
  }

  /** One call for a block of values; -1 rows or columns means "to the last with data". */
  getSheetValues(
    startRow: number,
    startColumn: number,
    numRows: number,
    numColumns: number,
  ): any[][] {
    const rows = numRows === -1 ? this.data.lastRow() - startRow + 1 : numRows;
    const columns = numColumns === -1 ? this.data.lastColumn() - startColumn + 1 : numColumns;
    this.live('getSheetValues', Math.max(0, rows * columns));
    const unreadable = this.env.unreadableTabs.get(this.data);
    if (unreadable !== undefined) throw this.env.fail(unreadable);
    if (rows <= 0 || columns <= 0) {
      // Undocumented for -1 on an empty tab; asked outright, a zero-row range is refused.
      if (this.env.emptySheetValues === 'empty' && (numRows === -1 || numColumns === -1)) return [];
      throw this.env.fail(
        rows <= 0
          ? 'The number of rows in the range must be at least 1.'
          : 'The number of columns in the range must be at least 1.',
      );
    }
    return makeRange(
      this.env,
      this.wb,
      this.host,
      this.data,
      startRow,
      startColumn,
      rows,
      columns,
    ).readValues();
  }

  getLastRow(): number {
    this.live('getLastRow');
    return this.data.lastRow();
  }

  getLastColumn(): number {
    this.live('getLastColumn');
    return this.data.lastColumn();
  }

  getMaxRows(): number {
    this.live('getMaxRows');
    return this.data.maxRows;
  }

  getMaxColumns(): number {
    this.live('getMaxColumns');
    return this.data.maxColumns;
  }

  private checkRow(position: number): void {
    if (!Number.isInteger(position) || position < 1 || position > this.data.maxRows) {
      throw this.env.fail('Those rows are out of bounds.');
    }
  }

  /** New rows take the formatting and validation of the row they are inserted next to, as in Sheets. */
  insertRowsBefore(beforePosition: number, howMany: number): GSheet {
    this.live('insertRowsBefore');
    this.checkRow(beforePosition);
    this.wb.insertRows(this.data, beforePosition, howMany, beforePosition);
    return this.chain();
  }

  insertRowsAfter(afterPosition: number, howMany: number): GSheet {
    this.live('insertRowsAfter');
    this.checkRow(afterPosition);
    this.wb.insertRows(this.data, afterPosition + 1, howMany, afterPosition);
    return this.chain();
  }

  insertRowBefore(beforePosition: number): GSheet {
    this.live('insertRowBefore');
    this.checkRow(beforePosition);
    this.wb.insertRows(this.data, beforePosition, 1, beforePosition);
    return this.chain();
  }

  insertRowAfter(afterPosition: number): GSheet {
    this.live('insertRowAfter');
    this.checkRow(afterPosition);
    this.wb.insertRows(this.data, afterPosition + 1, 1, afterPosition);
    return this.chain();
  }

  insertColumnsBefore(columnIndex: number, numColumns: number): GSheet {
    this.live('insertColumnsBefore');
    if (columnIndex < 1 || columnIndex > this.data.maxColumns)
      throw this.env.fail('Those columns are out of bounds.');
    this.wb.insertColumns(this.data, columnIndex, numColumns);
    return this.chain();
  }

  insertColumnsAfter(afterPosition: number, howMany: number): GSheet {
    this.live('insertColumnsAfter');
    if (afterPosition < 1 || afterPosition > this.data.maxColumns)
      throw this.env.fail('Those columns are out of bounds.');
    this.wb.insertColumns(this.data, afterPosition + 1, howMany);
    return this.chain();
  }

  deleteRow(rowPosition: number): GSheet {
    return this.deleteRows(rowPosition, 1);
  }

  deleteRows(rowPosition: number, howMany: number): GSheet {
    this.live('deleteRows');
    if (rowPosition < 1 || rowPosition + howMany - 1 > this.data.maxRows) {
      throw this.env.fail('Those rows are out of bounds.');
    }
    if (howMany >= this.data.maxRows) {
      throw this.env.fail("You can't delete all the rows on the sheet.");
    }
    this.wb.deleteRows(this.data, rowPosition, howMany);
    return this.chain();
  }

  deleteColumn(columnPosition: number): GSheet {
    return this.deleteColumns(columnPosition, 1);
  }

  deleteColumns(columnPosition: number, howMany: number): GSheet {
    this.live('deleteColumns');
    if (columnPosition < 1 || columnPosition + howMany - 1 > this.data.maxColumns) {
      throw this.env.fail('Those columns are out of bounds.');
    }
    this.wb.deleteColumns(this.data, columnPosition, howMany);
    return this.chain();
  }

  setFrozenRows(rows: number): void {
    this.live('setFrozenRows');
    this.data.frozenRows = rows;
  }

  getFrozenRows(): number {
    this.live('getFrozenRows');
    return this.data.frozenRows;
  }

  setFrozenColumns(columns: number): void {
    this.live('setFrozenColumns');
    this.data.frozenColumns = columns;
  }

  getFrozenColumns(): number {
    this.live('getFrozenColumns');
    return this.data.frozenColumns;
  }

  appendRow(rowContents: any[]): GSheet {
    this.live('appendRow');
    const row = this.data.lastRow() + 1;
    if (row > this.data.maxRows) this.wb.insertRows(this.data, this.data.maxRows + 1, 1, null);
    if (rowContents.length > this.data.maxColumns) {
      this.wb.insertColumns(
        this.data,
        this.data.maxColumns + 1,
        rowContents.length - this.data.maxColumns,
      );
    }
    const contents = rowContents.map((v) => this.wb.interpret(v, this.data.cell(row, 1)));
    this.wb.writeBlock(this.data, row, 1, [contents]);
    return this.chain();
  }

  /**
   * Content and formatting go; notes and data validation stay, as `clearNotes` and
   * `clearDataValidations` are their own calls (the reference: "Clears the sheet of content and
   * formatting information").
   */
  clear(): GSheet {
    this.live('clear');
    const rows = this.data.grid.length;
    const cols = this.data.grid.reduce((n, row) => Math.max(n, row?.length ?? 0), 0);
    if (rows && cols) {
      this.wb.writeBlock(
        this.data,
        1,
        1,
        Array.from({ length: rows }, () =>
          Array.from({ length: cols }, () => ({ kind: 'empty' as const })),
        ),
      );
    }
    for (const row of this.data.grid) for (const cell of row ?? []) if (cell) delete cell.format;
    return this.chain();
  }

  clearContents(): GSheet {
    this.live('clearContents');
    const rows = this.data.grid.length;
    const cols = this.data.lastColumn();
    if (rows && cols) {
      this.wb.writeBlock(
        this.data,
        1,
        1,
        Array.from({ length: rows }, () =>
          Array.from({ length: cols }, () => ({ kind: 'empty' as const })),
        ),
      );
    }
    return this.chain();
  }

  addDeveloperMetadata(key: string, value?: any, visibility?: any): GSheet {
    this.live('addDeveloperMetadata');
    const { value: v, visibility: vis } = metadataArguments(value, visibility);
    checkMetadata(this.env, this.wb, key, v, this.data.id);
    this.wb.addMetadata(key, v, vis, this.data.id, this.env.project);
    return this.chain();
  }

  getDeveloperMetadata(): GoogleAppsScript.Spreadsheet.DeveloperMetadata[] {
    this.live('getDeveloperMetadata');
    return this.wb.metadata
      .filter((m) => m.sheetId === this.data.id)
      .filter(visibleTo(this.env))
      .map(
        (m) =>
          new EmuDeveloperMetadata(
            this.env,
            this.wb,
            this.host,
            m,
          ) as unknown as GoogleAppsScript.Spreadsheet.DeveloperMetadata,
      );
  }

  createDeveloperMetadataFinder(): GoogleAppsScript.Spreadsheet.DeveloperMetadataFinder {
    this.live('createDeveloperMetadataFinder');
    return new EmuDeveloperMetadataFinder(
      this.env,
      this.wb,
      this.host,
      this.data.id,
    ) as unknown as GoogleAppsScript.Spreadsheet.DeveloperMetadataFinder;
  }

  protect(): GoogleAppsScript.Spreadsheet.Protection {
    this.live('protect');
    const existing = this.wb.protections.find((p) => p.sheetId === this.data.id && !p.box);
    const data = existing ?? this.wb.addProtection(this.data.id, undefined);
    return new EmuProtection(
      this.env,
      this.wb,
      data,
    ) as unknown as GoogleAppsScript.Spreadsheet.Protection;
  }

  setTabColor(color: string | null): GSheet {
    this.live('setTabColor');
    this.data.tabColor = color;
    return this.chain();
  }

  hideSheet(): GSheet {
    this.live('hideSheet');
    if (this.wb.sheets.filter((s) => !s.hidden).length <= 1) {
      throw this.env.fail("You can't hide all the sheets in a document.");
    }
    this.data.hidden = true;
    return this.chain();
  }

  showSheet(): GSheet {
    this.live('showSheet');
    this.data.hidden = false;
    return this.chain();
  }

  isSheetHidden(): boolean {
    this.live('isSheetHidden');
    return this.data.hidden;
  }

  setColumnWidth(columnPosition: number, width: number): GSheet {
    this.live('setColumnWidth');
    this.data.columnWidths.set(columnPosition, width);
    return this.chain();
  }

  setColumnWidths(startColumn: number, numColumns: number, width: number): GSheet {
    this.live('setColumnWidths');
    for (let c = startColumn; c < startColumn + numColumns; c++)
      this.data.columnWidths.set(c, width);
    return this.chain();
  }

  /** Sheets' default width for a column nobody has resized. */
  getColumnWidth(columnPosition: number): number {
    this.live('getColumnWidth');
    return this.data.columnWidths.get(columnPosition) ?? 100;
  }

  hideColumns(columnIndex: number, numColumns = 1): void {
    this.live('hideColumns');
    this.checkColumns(columnIndex, numColumns);
    for (let c = columnIndex; c < columnIndex + numColumns; c++) this.data.hiddenColumns.add(c);
  }

  showColumns(columnIndex: number, numColumns = 1): void {
    this.live('showColumns');
    this.checkColumns(columnIndex, numColumns);
    for (let c = columnIndex; c < columnIndex + numColumns; c++) this.data.hiddenColumns.delete(c);
  }

  isColumnHiddenByUser(columnPosition: number): boolean {
    this.live('isColumnHiddenByUser');
    return this.data.hiddenColumns.has(columnPosition);
  }

  private checkColumns(first: number, count: number): void {
    if (!Number.isInteger(first) || first < 1 || first + count - 1 > this.data.maxColumns)
      throw this.env.fail('Those columns are out of bounds.');
  }

  activate(): GSheet {
    this.live('activate');
    this.wb.activeSheetId = this.data.id;
    return this.chain();
  }

  getParent(): GoogleAppsScript.Spreadsheet.Spreadsheet {
    this.live('getParent');
    return this.host.spreadsheetFacade();
  }
}
