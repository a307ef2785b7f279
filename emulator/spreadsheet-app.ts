/** `SpreadsheetApp` and `Spreadsheet`: the emulated files, their tabs and their UI. */
import { parseA1 } from './a1.js';
import { SCOPE, type Env } from './env.js';
import {
  checkMetadata,
  EmuDeveloperMetadata,
  EmuDeveloperMetadataFinder,
  METADATA_VISIBILITY,
  metadataArguments,
  visibleTo,
} from './metadata.js';
import { EmuProtection } from './protection.js';
import { EmuSheet, type SheetHost } from './sheet.js';
import { EmuUi, type UiLog } from './ui.js';
import { EmuDataValidationBuilder } from './validation.js';
import { Workbook, type SheetData } from './workbook.js';
import type { EmuRange } from './range.js';

type GSpreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type GSheet = GoogleAppsScript.Spreadsheet.Sheet;
type GRange = GoogleAppsScript.Spreadsheet.Range;

export interface Drive {
  files: Map<string, Workbook>;
  /** The document open in the editor. */
  active: Workbook;
}

export class EmuSpreadsheet
  implements
    Pick<
      GSpreadsheet,
      | 'getId'
      | 'getName'
      | 'getUrl'
      | 'getSpreadsheetTimeZone'
      | 'setSpreadsheetTimeZone'
      | 'getSheets'
      | 'getSheetByName'
      | 'getSheetById'
      | 'insertSheet'
      | 'deleteSheet'
      | 'getActiveSheet'
      | 'setActiveSheet'
      | 'getRange'
      | 'getRangeByName'
      | 'setNamedRange'
      | 'removeNamedRange'
      | 'addDeveloperMetadata'
      | 'getDeveloperMetadata'
      | 'createDeveloperMetadataFinder'
      | 'toast'
      | 'addViewer'
      | 'addViewers'
      | 'addEditor'
      | 'addEditors'
      | 'removeViewer'
      | 'removeEditor'
      | 'rename'
    >,
    SheetHost
{
  private readonly sheetFacades = new Map<SheetData, EmuSheet>();

  constructor(
    private readonly env: Env,
    readonly wb: Workbook,
    private readonly ui: UiLog,
  ) {}

  private chain(): GSpreadsheet {
    return this as unknown as GSpreadsheet;
  }

  sheetFacade(sheet: SheetData): GSheet {
    let f = this.sheetFacades.get(sheet);
    if (!f) {
      f = new EmuSheet(this.env, this.wb, this, sheet);
      this.sheetFacades.set(sheet, f);
    }
    return f as unknown as GSheet;
  }

  spreadsheetFacade(): GSpreadsheet {
    return this.chain();
  }

  getId(): string {
    this.env.record('Spreadsheet.getId');
    return this.wb.id;
  }

  getName(): string {
    this.env.record('Spreadsheet.getName');
    return this.wb.name;
  }

  rename(newName: string): void {
    this.env.record('Spreadsheet.rename');
    this.wb.name = newName;
  }

  getUrl(): string {
    this.env.record('Spreadsheet.getUrl');
    return this.wb.url;
  }

  getSpreadsheetTimeZone(): string {
    this.env.record('Spreadsheet.getSpreadsheetTimeZone');
    return this.wb.timeZone;
  }

  setSpreadsheetTimeZone(timezone: string): void {
    this.env.record('Spreadsheet.setSpreadsheetTimeZone');
    this.wb.timeZone = timezone;
  }

  getSheets(): GSheet[] {
    this.env.record('Spreadsheet.getSheets');
    return this.wb.sheets.map((s) => this.sheetFacade(s));
  }

  getSheetByName(name: string): GSheet | null {
    this.env.record('Spreadsheet.getSheetByName');
    const s = this.wb.sheetByName(name);
    return s ? this.sheetFacade(s) : null;
  }

  getSheetById(id: number): GSheet | null {
    this.env.record('Spreadsheet.getSheetById');
    const s = this.wb.sheetById(id);
    return s ? this.sheetFacade(s) : null;
  }

  insertSheet(a?: unknown, b?: unknown): GSheet {
    this.env.record('Spreadsheet.insertSheet');
    let name: string | undefined;
    let index = this.wb.sheets.length;
    if (typeof a === 'string') {
      name = a;
      if (typeof b === 'number') index = b;
    } else if (typeof a === 'number') {
      index = a;
    }
    if (name === undefined) {
      let n = this.wb.sheets.length + 1;
      while (this.wb.sheetByName(`Sheet${n}`)) n++;
      name = `Sheet${n}`;
    }
    if (!name.trim()) throw this.env.fail('Sheet names cannot be blank.');
    if (name.length > 100) throw this.env.fail('Sheet names can be at most 100 characters.');
    if (this.wb.sheetByName(name)) {
      throw this.env.fail(
        `A sheet with the name "${name}" already exists. Please enter another name.`,
      );
    }
    const sheet = this.wb.addSheet(name, Math.max(0, Math.min(index, this.wb.sheets.length)));
    this.wb.activeSheetId = sheet.id;
    return this.sheetFacade(sheet);
  }

  deleteSheet(sheet: GSheet): void {
    this.env.record('Spreadsheet.deleteSheet');
    const data = (sheet as unknown as EmuSheet).data;
    if (this.wb.sheets.length <= 1) {
      throw this.env.fail("You can't remove all the sheets in a document.");
    }
    this.wb.removeSheet(data);
  }

  getActiveSheet(): GSheet {
    this.env.record('Spreadsheet.getActiveSheet');
    const s = this.wb.sheetById(this.wb.activeSheetId) ?? this.wb.sheets[0];
    return this.sheetFacade(s as SheetData);
  }

  setActiveSheet(sheet: GSheet): GSheet {
    this.env.record('Spreadsheet.setActiveSheet');
    this.wb.activeSheetId = (sheet as unknown as EmuSheet).data.id;
    return sheet;
  }

  /** A1 or R1C1 notation, on the sheet it names or else the active one. */
  getRange(a1Notation: string): GRange {
    this.env.record('Spreadsheet.getRange');
    const bang = a1Notation.lastIndexOf('!');
    const named = bang < 0 ? undefined : parseA1(`${a1Notation.slice(0, bang)}!A1`);
    const sheet =
      bang < 0
        ? this.wb.sheetById(this.wb.activeSheetId)
        : this.wb.sheetByName(named?.sheetName ?? '');
    if (!sheet) throw this.env.fail('Range not found');
    return (this.sheetFacade(sheet) as unknown as EmuSheet).rangeFromA1(a1Notation.slice(bang + 1));
  }

  getRangeByName(name: string): GRange | null {
    this.env.record('Spreadsheet.getRangeByName');
    const nr = this.wb.namedRanges.get(name);
    const sheet = nr ? this.wb.sheetById(nr.sheetId) : undefined;
    if (!nr || !sheet) return null;
    return (this.sheetFacade(sheet) as unknown as GSheet).getRange(
      nr.row,
      nr.column,
      nr.numRows,
      nr.numColumns,
    );
  }

  /**
   * Sheets' rules for a name (support.google.com/docs/answer/63175): letters, digits and
   * underscores, not starting with a digit, 1 to 250 characters, not TRUE or FALSE, not in A1 or
   * R1C1 syntax. `Budget2026` is a name (no column has four letters): the formula engine's own
   * narrower rule stays inside `engine-names.ts`.
   */
  setNamedRange(name: string, range: GRange): void {
    this.env.record('Spreadsheet.setNamedRange');
    if (
      !/^[A-Za-z_][A-Za-z0-9_]{0,249}$/.test(name) ||
      /^[A-Za-z]{1,3}\d+$/.test(name) ||
      /^R\d*C\d*$/i.test(name) ||
      /^(true|false)$/i.test(name)
    ) {
      throw this.env.fail(
        'Named ranges must start with a letter or underscore and contain only letters, numbers and underscores, and must not look like a cell reference.',
      );
    }
    const r = range as unknown as EmuRange;
    this.wb.setNamedRange({
      name,
      sheetId: r.sheet.id,
      row: r.row,
      column: r.column,
      numRows: r.numRows,
      numColumns: r.numColumns,
    });
  }

  removeNamedRange(name: string): void {
    this.env.record('Spreadsheet.removeNamedRange');
    this.wb.removeNamedRange(name);
  }

  getNamedRangeNames(): string[] {
    this.env.record('Spreadsheet.getNamedRanges');
    return [...this.wb.namedRanges.keys()];
  }

  addDeveloperMetadata(key: string, value?: any, visibility?: any): GSpreadsheet {
    this.env.record('Spreadsheet.addDeveloperMetadata');
    const { value: v, visibility: vis } = metadataArguments(value, visibility);
    checkMetadata(this.env, this.wb, key, v, undefined);
    this.wb.addMetadata(key, v, vis, undefined, this.env.project);
    return this.chain();
  }

  getDeveloperMetadata(): GoogleAppsScript.Spreadsheet.DeveloperMetadata[] {
    this.env.record('Spreadsheet.getDeveloperMetadata');
    return this.wb.metadata
      .filter((m) => m.sheetId === undefined)
      .filter(visibleTo(this.env))
      .map(
        (m) =>
          new EmuDeveloperMetadata(
            this.env,
            this.wb,
            this,
            m,
          ) as unknown as GoogleAppsScript.Spreadsheet.DeveloperMetadata,
      );
  }

  createDeveloperMetadataFinder(): GoogleAppsScript.Spreadsheet.DeveloperMetadataFinder {
    this.env.record('Spreadsheet.createDeveloperMetadataFinder');
    return new EmuDeveloperMetadataFinder(
      this.env,
      this.wb,
      this,
      undefined,
    ) as unknown as GoogleAppsScript.Spreadsheet.DeveloperMetadataFinder;
  }

  getProtections(type: string): GoogleAppsScript.Spreadsheet.Protection[] {
    this.env.record('Spreadsheet.getProtections');
    return this.wb.protections
      .filter((p) => (type === 'SHEET' ? !p.box : !!p.box))
      .map(
        (p) =>
          new EmuProtection(
            this.env,
            this.wb,
            p,
          ) as unknown as GoogleAppsScript.Spreadsheet.Protection,
      );
  }

  toast(msg: string, title?: string): void {
    this.env.record('Spreadsheet.toast');
    this.ui.toasts.push({ title: title ?? '', message: msg });
  }

  private share(kind: 'viewers' | 'editors', emails: string[], method: string): GSpreadsheet {
    this.env.record(`Spreadsheet.${method}`);
    for (const e of emails) {
      if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(e)) throw this.env.fail(`Invalid email: ${e}`);
      if (e === this.wb.owner) continue;
      this.wb[kind].add(e);
    }
    return this.chain();
  }

  addViewer(emailAddress: any): GSpreadsheet {
    return this.share('viewers', [String(emailAddress)], 'addViewer');
  }

  addViewers(emailAddresses: string[]): GSpreadsheet {
    return this.share('viewers', emailAddresses, 'addViewers');
  }

  addEditor(emailAddress: any): GSpreadsheet {
    return this.share('editors', [String(emailAddress)], 'addEditor');
  }

  addEditors(emailAddresses: string[]): GSpreadsheet {
    return this.share('editors', emailAddresses, 'addEditors');
  }

  removeViewer(emailAddress: any): GSpreadsheet {
    this.env.record('Spreadsheet.removeViewer');
    this.wb.viewers.delete(String(emailAddress));
    return this.chain();
  }

  removeEditor(emailAddress: any): GSpreadsheet {
    this.env.record('Spreadsheet.removeEditor');
    this.wb.editors.delete(String(emailAddress));
    return this.chain();
  }
}

export class EmuSpreadsheetApp {
  readonly ProtectionType = { RANGE: 'RANGE', SHEET: 'SHEET' };
  readonly DeveloperMetadataVisibility = METADATA_VISIBILITY;
  readonly DeveloperMetadataLocationType = {
    SPREADSHEET: 'SPREADSHEET',
    SHEET: 'SHEET',
    ROW: 'ROW',
    COLUMN: 'COLUMN',
  };
  readonly DataValidationCriteria = {
    VALUE_IN_LIST: 'VALUE_IN_LIST',
    NUMBER_BETWEEN: 'NUMBER_BETWEEN',
    DATE_IS_VALID_DATE: 'DATE_IS_VALID_DATE',
    CHECKBOX: 'CHECKBOX',
  };
  private readonly facades = new Map<Workbook, EmuSpreadsheet>();

  constructor(
    private readonly env: Env,
    private readonly drive: Drive,
    private readonly ui: UiLog,
    private readonly addonTitle: string,
  ) {}

  facade(wb: Workbook): GSpreadsheet {
    let f = this.facades.get(wb);
    if (!f) {
      f = new EmuSpreadsheet(this.env, wb, this.ui);
      this.facades.set(wb, f);
    }
    return f as unknown as GSpreadsheet;
  }

  /** The execution's document; null in an execution with no document, as the reference says. */
  getActiveSpreadsheet(): GSpreadsheet {
    this.env.record('SpreadsheetApp.getActiveSpreadsheet');
    this.env.requireAuth('SpreadsheetApp.getActiveSpreadsheet');
    this.env.requireScope('SpreadsheetApp.getActiveSpreadsheet', [
      SCOPE.sheetsCurrent,
      SCOPE.sheets,
    ]);
    const doc =
      this.env.documentId === null ? undefined : this.drive.files.get(this.env.documentId);
    return doc ? this.facade(doc) : (null as unknown as GSpreadsheet);
  }

  /** The zone new files get: the execution's document's, else the one open in the editor. */
  private zone(): string {
    const doc =
      this.env.documentId === null ? undefined : this.drive.files.get(this.env.documentId);
    return (doc ?? this.drive.active).timeZone;
  }

  getActive(): GSpreadsheet {
    return this.getActiveSpreadsheet();
  }

  /** With `rows` and `columns`, its first sheet is that size ("create(name, rows, columns)"). */
  create(name: string, rows?: number, columns?: number): GSpreadsheet {
    this.env.record('SpreadsheetApp.create');
    this.env.requireAuth('SpreadsheetApp.create');
    this.env.requireScope('SpreadsheetApp.create', [SCOPE.sheets]);
    const wb = new Workbook(Workbook.newId(), name, this.zone(), this.env.user);
    const first = wb.sheets[0];
    if (first && rows !== undefined && columns !== undefined) {
      first.maxRows = rows;
      first.maxColumns = columns;
    }
    wb.now = this.drive.active.now;
    this.drive.files.set(wb.id, wb);
    return this.facade(wb);
  }

  openById(id: string): GSpreadsheet {
    this.env.record('SpreadsheetApp.openById');
    this.env.requireAuth('SpreadsheetApp.openById');
    this.env.requireScope('SpreadsheetApp.openById', [SCOPE.sheets]);
    const wb = this.drive.files.get(id);
    if (!wb || wb.trashed) {
      throw this.env.fail(
        `Unexpected error while getting the method or property openById on object SpreadsheetApp.`,
      );
    }
    if (!wb.canRead(this.env.user))
      throw this.env.fail('You do not have permission to access the requested document.');
    return this.facade(wb);
  }

  /** No UI outside an editor: a time-driven run, or an execution with no document. */
  getUi(): GoogleAppsScript.Base.Ui {
    this.env.record('SpreadsheetApp.getUi');
    if (this.env.documentId === null || this.env.trigger === 'CLOCK')
      throw this.env.fail('Cannot call SpreadsheetApp.getUi() from this context.');
    return new EmuUi(this.env, this.ui, this.addonTitle) as unknown as GoogleAppsScript.Base.Ui;
  }

  newDataValidation(): GoogleAppsScript.Spreadsheet.DataValidationBuilder {
    this.env.record('SpreadsheetApp.newDataValidation');
    return new EmuDataValidationBuilder(
      this.env,
    ) as unknown as GoogleAppsScript.Spreadsheet.DataValidationBuilder;
  }

  flush(): void {
    this.env.record('SpreadsheetApp.flush');
  }
}
