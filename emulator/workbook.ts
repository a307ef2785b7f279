/**
 * The data behind one emulated spreadsheet: tabs of cells, named ranges, developer metadata,
 * protections and sharing. Formulas live in HyperFormula, which evaluates them and shifts their
 * references when rows or columns move; everything else lives here. Nothing in this file counts
 * calls: the service classes in `spreadsheet-app.ts` do that and delegate here.
 */
import { randomBytes } from 'node:crypto';
import { engineName, fromEngine, toEngine } from './engine-names.js';
import { HyperFormula } from './hyperformula.js';
import { quoteSheetName, columnLetter } from './a1.js';
import { isDate } from './env.js';
import { toSerial, fromSerial } from './time.js';
import { typedContent } from './typed-input.js';
import { registerClockFunctions, setFormulaClock } from './formula-clock.js';
import { deletedFrom, insertedInto, type FilterBox } from './filter.js';

registerClockFunctions();

export type Scalar = string | number | boolean | Date;

export interface CellFormat {
  bold?: boolean;
  italic?: boolean;
  background?: string;
  fontColor?: string;
  numberFormat?: string;
  wrap?: boolean;
  horizontalAlignment?: string;
}

export interface ValidationRule {
  criteria: string;
  args: unknown[];
  allowInvalid: boolean;
  helpText: string;
}

export interface Cell {
  value?: Scalar;
  formula?: true;
  note?: string;
  format?: CellFormat;
  validation?: ValidationRule;
}

export interface MetadataEntry {
  id: number;
  key: string;
  value: string | null;
  visibility: 'DOCUMENT' | 'PROJECT';
  /** Absent for spreadsheet-level metadata. */
  sheetId?: number;
  /** The script project that created it: only that project sees PROJECT metadata. */
  project?: string;
}

export interface NamedRangeData {
  name: string;
  sheetId: number;
  row: number;
  column: number;
  numRows: number;
  numColumns: number;
}

export interface ProtectionData {
  id: number;
  sheetId: number;
  /** Absent for a whole-sheet protection. */
  box?: { row: number; column: number; numRows: number; numColumns: number };
  description: string;
  warningOnly: boolean;
  editors: string[];
}

export class SheetData {
  grid: (Cell | undefined)[][] = [];
  frozenRows = 0;
  frozenColumns = 0;
  hidden = false;
  tabColor: string | null = null;
  columnWidths = new Map<number, number>();
  /** Columns hidden by a person or `hideColumns`. */
  hiddenColumns = new Set<number>();
  /** The sheet's basic filter, if any (emulator/filter.ts). */
  filter: FilterBox | null = null;

  constructor(
    public id: number,
    public name: string,
    public maxRows = 1000,
    public maxColumns = 26,
  ) {}

  cell(row: number, column: number): Cell | undefined {
    return this.grid[row - 1]?.[column - 1];
  }

  ensureCell(row: number, column: number): Cell {
    const r = (this.grid[row - 1] ??= []);
    return (r[column - 1] ??= {});
  }

  isEmpty(cell: Cell | undefined): boolean {
    return !cell || (cell.formula !== true && (cell.value === undefined || cell.value === ''));
  }

  lastRow(): number {
    for (let r = this.grid.length; r >= 1; r--) {
      const row = this.grid[r - 1];
      if (row && row.some((c) => !this.isEmpty(c))) return r;
    }
    return 0;
  }

  lastColumn(): number {
    let max = 0;
    for (const row of this.grid) {
      if (!row) continue;
      for (let c = row.length; c > max; c--) {
        if (!this.isEmpty(row[c - 1])) {
          max = c;
          break;
        }
      }
    }
    return max;
  }
}

type HfContent = string | number | boolean | null;

export type Content =
  | { kind: 'empty' }
  | { kind: 'value'; value: Scalar; numberFormat?: string }
  | { kind: 'formula'; formula: string };

let nextWorkbookId = 1;

/**
 * The engine's settings for every workbook. Sheets allows ten million cells a spreadsheet;
 * HyperFormula's own default cap is lower. No column index: it speeds up lookups over long
 * columns, but every write pays to keep it, and the add-on's formulas look up little while the
 * tests write much (measured on the budget tests at 50 clients x 300 items: a fifth less CPU
 * without it).
 */
const ENGINE = {
  licenseKey: 'gpl-v3',
  useColumnIndex: false,
  maxRows: 1_000_000,
  maxColumns: 18_278,
  undoLimit: 0,
};

/** The engine's own tab holding the clock's day, which TODAY() and NOW() depend on. */
const CLOCK_SHEET = '__emulator_clock__';

export class Workbook {
  readonly sheets: SheetData[] = [];
  readonly namedRanges = new Map<string, NamedRangeData>();
  readonly metadata: MetadataEntry[] = [];
  readonly protections: ProtectionData[] = [];
  readonly viewers = new Set<string>();
  readonly editors = new Set<string>();
  readonly commenters = new Set<string>();
  trashed = false;
  /** Made by the script (Sheets API create). */
  createdByApp = false;
  /**
   * The users for whom the app may open this file with only the drive.file scope: the user who
   * created it with the app, and anyone who opened it with the app (a picker).
   */
  readonly appAccess = new Set<string>();
  activeSheetId: number;
  private nextSheetId = 0;
  private nextMetadataId = 1;
  private nextProtectionId = 1;
  /** The formula engine, holding every tab's contents; a restore builds it at its end. */
  hf: HyperFormula;
  /** While a snapshot is restored: tabs are added to the grid only, the engine comes after. */
  private engineLater: boolean;
  /** The clock TODAY() reads; the runtime points it at the emulated clock. */
  now: () => number = () => Date.now();
  private evaluatedDay = Number.NaN;
  private syncedAt = Number.NaN;
  private syncedZone = '';
  private clockSheet = -1;

  constructor(
    public readonly id: string,
    public name: string,
    public timeZone: string,
    public owner: string,
    firstSheetName = 'Sheet1',
    engine: 'empty' | 'later' = 'empty',
  ) {
    this.engineLater = engine === 'later';
    // Until `buildEngine` (a restore), nothing may reach the engine: every use of it fails.
    this.hf = this.engineLater
      ? (null as unknown as HyperFormula)
      : HyperFormula.buildEmpty(ENGINE);
    this.activeSheetId = this.addSheet(firstSheetName).id;
    if (this.engineLater) return;
    this.hf.addSheet(CLOCK_SHEET);
    this.clockSheet = this.hf.getSheetId(CLOCK_SHEET) ?? -1;
  }

  /**
   * A restore's engine, built from every tab's contents and the named ranges at once, with the
   * formulas evaluated once: HyperFormula's bulk build, several times cheaper than writing each
   * tab into an empty engine (no change tracking, no checks a write makes cell by cell).
   */
  buildEngine(contents: Map<SheetData, HfContent[][]>): void {
    const now = this.now();
    setFormulaClock(now, this.timeZone);
    const day = Math.floor(toSerial(now, this.timeZone));
    const sheets: Record<string, HfContent[][]> = {};
    for (const sheet of this.sheets) sheets[sheet.name] = contents.get(sheet) ?? [];
    sheets[CLOCK_SHEET] = [[day]];
    const names = [...this.namedRanges.values()].map((nr) => ({
      name: engineName(nr.name),
      expression: this.namedExpression(nr),
    }));
    this.hf = HyperFormula.buildFromSheets(sheets, ENGINE, names);
    this.engineLater = false;
    this.clockSheet = this.hf.getSheetId(CLOCK_SHEET) ?? -1;
    this.evaluatedDay = day;
    this.syncedAt = now;
    this.syncedZone = this.timeZone;
  }

  /** A Drive-like file id, unique across restarts of a saved runtime. */
  static newId(): string {
    const n = nextWorkbookId++;
    return `1${randomBytes(16).toString('base64url')}${n.toString(36)}`;
  }

  get url(): string {
    return `https://docs.google.com/spreadsheets/d/${this.id}/edit`;
  }

  /** `email` may open the file: its owner, an editor, a commenter or a viewer. */
  canRead(email: string): boolean {
    return this.canEdit(email) || this.viewers.has(email) || this.commenters.has(email);
  }

  /** `email` may change the file: its owner or an editor. */
  canEdit(email: string): boolean {
    return email === this.owner || this.editors.has(email);
  }

  // ---- tabs ----

  sheetById(id: number): SheetData | undefined {
    return this.sheets.find((s) => s.id === id);
  }

  sheetByName(name: string): SheetData | undefined {
    return this.sheets.find((s) => s.name === name);
  }

  /** HyperFormula's id of each tab, kept from its creation: looking it up by name costs a read. */
  private readonly hfIds = new WeakMap<SheetData, number>();

  private hfSheet(sheet: SheetData): number {
    const known = this.hfIds.get(sheet);
    if (known !== undefined) return known;
    const id = this.hf.getSheetId(sheet.name);
    if (id === undefined) throw new Error(`internal: no formula sheet for ${sheet.name}`);
    this.hfIds.set(sheet, id);
    return id;
  }

  addSheet(name: string, index = this.sheets.length, fixedId?: number): SheetData {
    let id = fixedId ?? (this.nextSheetId === 0 ? 0 : this.nextSheetId * 1_000_003 + 7);
    this.nextSheetId++;
    while (fixedId === undefined && this.sheets.some((s) => s.id === id)) {
      id = this.nextSheetId++ * 1_000_003 + 7;
    }
    const sheet = new SheetData(id, name);
    this.sheets.splice(index, 0, sheet);
    if (!this.engineLater) this.hf.addSheet(name);
    return sheet;
  }

  removeSheet(sheet: SheetData): void {
    this.hf.removeSheet(this.hfSheet(sheet));
    this.hfIds.delete(sheet);
    this.sheets.splice(this.sheets.indexOf(sheet), 1);
    for (const [name, nr] of this.namedRanges) {
      if (nr.sheetId === sheet.id) this.removeNamedRange(name);
    }
    for (let i = this.metadata.length - 1; i >= 0; i--) {
      if (this.metadata[i]?.sheetId === sheet.id) this.metadata.splice(i, 1);
    }
    if (this.activeSheetId === sheet.id) this.activeSheetId = this.sheets[0]?.id ?? 0;
  }

  renameSheet(sheet: SheetData, name: string): void {
    this.hf.renameSheet(this.hfSheet(sheet), name);
    sheet.name = name;
    this.syncNamedRanges(sheet);
  }

  restoreSheetCounter(n: number): void {
    this.nextSheetId = Math.max(this.nextSheetId, n);
  }

  syncCounters(): void {
    this.nextMetadataId = this.metadata.reduce((n, m) => Math.max(n, m.id), 0) + 1;
    this.nextProtectionId = this.protections.reduce((n, p) => Math.max(n, p.id), 0) + 1;
    this.activeSheetId = this.sheets[0]?.id ?? 0;
  }

  // ---- cells ----

  /** How Sheets reads a value written by `setValue(s)`: as if a person had typed it. */
  interpret(raw: unknown, cell: Cell | undefined): Content {
    if (raw === null || raw === undefined || raw === '') return { kind: 'empty' };
    if (typeof raw === 'number') {
      return Number.isFinite(raw)
        ? { kind: 'value', value: raw }
        : { kind: 'value', value: '#NUM!' };
    }
    if (typeof raw === 'boolean') return { kind: 'value', value: raw };
    if (isDate(raw)) return { kind: 'value', value: new Date(raw.getTime()) };
    const text = typeof raw === 'string' ? raw : String(raw);
    return typedContent(text, {
      timeZone: this.timeZone,
      numberFormat: cell?.format?.numberFormat,
    });
  }

  /**
   * Points TODAY() at this workbook's clock and zone, and re-evaluates volatile formulas when the
   * day has changed since they were last computed.
   */
  syncClock(): void {
    const now = this.now();
    setFormulaClock(now, this.timeZone);
    // Called for every formula cell read: the day is only worked out again when time moved.
    if (now === this.syncedAt && this.timeZone === this.syncedZone) return;
    this.syncedAt = now;
    this.syncedZone = this.timeZone;
    const day = Math.floor(toSerial(now, this.timeZone));
    if (day !== this.evaluatedDay) {
      this.evaluatedDay = day;
      this.hf.setCellContents({ sheet: this.clockSheet, row: 0, col: 0 }, [[day]]);
    }
  }

  /** Runs `work` with formula evaluation held until it ends, as one recalculation. */
  batch(work: () => void): void {
    this.hf.batch(work);
  }

  /** Writes a block of contents; HyperFormula recomputes once for the whole block. */
  writeBlock(sheet: SheetData, row: number, column: number, contents: Content[][]): void {
    this.syncClock();
    // Array.from, not map: the contents may be arrays of the script's realm, which HyperFormula
    // would not take for arrays.
    const hfRows = Array.from(contents, (line, i) =>
      Array.from(line, (content, j) => this.place(sheet.ensureCell(row + i, column + j), content)),
    );
    this.hf.setCellContents({ sheet: this.hfSheet(sheet), row: row - 1, col: column - 1 }, hfRows);
  }

  /**
   * A saved tab's cells put back in the grid, every other cell left untouched, and what the
   * engine is to hold for them, as one dense block from A1 (the holes are empty cells).
   */
  placeRestored(
    sheet: SheetData,
    cells: [row: number, column: number, content: Content][],
  ): HfContent[][] {
    const hfRows: HfContent[][] = [];
    for (const [row, column, content] of cells) {
      const line = (hfRows[row - 1] ??= []);
      line[column - 1] = this.place(sheet.ensureCell(row, column), content);
    }
    return Array.from(hfRows, (line) => Array.from(line ?? [], (v) => v ?? null));
  }

  /** Records `content` in the cell and gives what HyperFormula is to hold for it. */
  private place(cell: Cell, content: Content): HfContent {
    if (content.kind === 'empty') {
      delete cell.value;
      delete cell.formula;
      return null;
    }
    if (content.kind === 'formula') {
      cell.formula = true;
      delete cell.value;
      return toEngine(content.formula);
    }
    delete cell.formula;
    cell.value = content.value;
    if (content.numberFormat && !cell.format?.numberFormat) {
      cell.format = { ...cell.format, numberFormat: content.numberFormat };
    }
    return this.toHf(content.value);
  }

  private toHf(value: Scalar): string | number | boolean {
    if (isDate(value)) return toSerial(value.getTime(), this.timeZone);
    if (typeof value === 'string') return `'${value}`;
    return value;
  }

  /** The value Apps Script's `getValues` gives for one cell (Dates as host Dates). */
  read(sheet: SheetData, row: number, column: number): Scalar {
    const cell = sheet.cell(row, column);
    if (!cell) return '';
    if (cell.formula) {
      this.syncClock();
      const address = { sheet: this.hfSheet(sheet), row: row - 1, col: column - 1 };
      const v = this.hf.getCellValue(address);
      if (v === null || v === undefined) return '';
      if (typeof v === 'object') return v.value;
      if (typeof v === 'number') {
        const type = this.hf.getCellValueDetailedType(address);
        if (type === 'NUMBER_DATE' || type === 'NUMBER_DATETIME' || isDateFormat(cell)) {
          return new Date(fromSerial(v, this.timeZone));
        }
      }
      return v;
    }
    const value = cell.value;
    if (value === undefined) return '';
    if (typeof value === 'number' && isDateFormat(cell)) {
      return new Date(fromSerial(value, this.timeZone));
    }
    return value;
  }

  formula(sheet: SheetData, row: number, column: number): string {
    const cell = sheet.cell(row, column);
    if (!cell?.formula) return '';
    return fromEngine(
      this.hf.getCellFormula({ sheet: this.hfSheet(sheet), row: row - 1, col: column - 1 }) ?? '',
    );
  }

  // ---- rows and columns ----

  insertRows(sheet: SheetData, before: number, count: number, templateRow: number | null): void {
    const template = templateRow === null ? undefined : sheet.grid[templateRow - 1];
    const fresh: (Cell | undefined)[][] = [];
    for (let i = 0; i < count; i++) {
      fresh.push(
        (template ?? []).map((c) =>
          c && (c.format || c.validation)
            ? {
                ...(c.format ? { format: { ...c.format } } : {}),
                ...(c.validation ? { validation: c.validation } : {}),
              }
            : undefined,
        ),
      );
    }
    while (sheet.grid.length < before - 1) sheet.grid.push([]);
    // Spliced in place without spreading: a large insert would overflow the call stack.
    sheet.grid = [...sheet.grid.slice(0, before - 1), ...fresh, ...sheet.grid.slice(before - 1)];
    sheet.maxRows += count;
    if (sheet.filter) {
      const moved = insertedInto(sheet.filter.row, sheet.filter.numRows, before, count);
      sheet.filter = { ...sheet.filter, row: moved.start, numRows: moved.size };
    }
    this.hf.addRows(this.hfSheet(sheet), [before - 1, count]);
    for (const nr of this.namedRanges.values()) {
      if (nr.sheetId !== sheet.id) continue;
      if (before <= nr.row) nr.row += count;
      else if (before <= nr.row + nr.numRows - 1) nr.numRows += count;
    }
    for (const p of this.protections) {
      if (p.sheetId !== sheet.id || !p.box) continue;
      if (before <= p.box.row) p.box.row += count;
      else if (before <= p.box.row + p.box.numRows - 1) p.box.numRows += count;
    }
    this.syncNamedRanges(sheet);
  }

  deleteRows(sheet: SheetData, first: number, count: number): void {
    sheet.grid.splice(first - 1, count);
    sheet.maxRows -= count;
    if (sheet.filter) {
      const left = deletedFrom(sheet.filter.row, sheet.filter.numRows, first, count);
      sheet.filter = left && { ...sheet.filter, row: left.start, numRows: left.size };
    }
    this.hf.removeRows(this.hfSheet(sheet), [first - 1, count]);
    const last = first + count - 1;
    for (const [name, nr] of this.namedRanges) {
      if (nr.sheetId !== sheet.id) continue;
      const nrLast = nr.row + nr.numRows - 1;
      if (last < nr.row) nr.row -= count;
      else if (first > nrLast) continue;
      else {
        const removed = Math.min(last, nrLast) - Math.max(first, nr.row) + 1;
        nr.numRows -= removed;
        if (first < nr.row) nr.row = first;
        if (nr.numRows <= 0) this.removeNamedRange(name);
      }
    }
    this.syncNamedRanges(sheet);
  }

  insertColumns(sheet: SheetData, before: number, count: number): void {
    for (const row of sheet.grid) {
      if (!row) continue;
      while (row.length < before - 1) row.push(undefined);
      row.splice(before - 1, 0, ...new Array<Cell | undefined>(count).fill(undefined));
    }
    sheet.maxColumns += count;
    if (sheet.filter) {
      const moved = insertedInto(sheet.filter.column, sheet.filter.numColumns, before, count);
      sheet.filter = { ...sheet.filter, column: moved.start, numColumns: moved.size };
    }
    shiftColumnSettings(sheet, before, count);
    this.hf.addColumns(this.hfSheet(sheet), [before - 1, count]);
    for (const nr of this.namedRanges.values()) {
      if (nr.sheetId !== sheet.id) continue;
      if (before <= nr.column) nr.column += count;
      else if (before <= nr.column + nr.numColumns - 1) nr.numColumns += count;
    }
    this.syncNamedRanges(sheet);
  }

  deleteColumns(sheet: SheetData, first: number, count: number): void {
    for (const row of sheet.grid) row?.splice(first - 1, count);
    sheet.maxColumns -= count;
    if (sheet.filter) {
      const left = deletedFrom(sheet.filter.column, sheet.filter.numColumns, first, count);
      sheet.filter = left && { ...sheet.filter, column: left.start, numColumns: left.size };
    }
    shiftColumnSettings(sheet, first, -count);
    this.hf.removeColumns(this.hfSheet(sheet), [first - 1, count]);
    const last = first + count - 1;
    for (const [name, nr] of this.namedRanges) {
      if (nr.sheetId !== sheet.id) continue;
      const nrLast = nr.column + nr.numColumns - 1;
      if (last < nr.column) nr.column -= count;
      else if (first > nrLast) continue;
      else {
        nr.numColumns -= Math.min(last, nrLast) - Math.max(first, nr.column) + 1;
        if (first < nr.column) nr.column = first;
        if (nr.numColumns <= 0) this.removeNamedRange(name);
      }
    }
    this.syncNamedRanges(sheet);
  }

  // ---- named ranges ----

  setNamedRange(data: NamedRangeData): void {
    const existed = this.namedRanges.has(data.name);
    this.namedRanges.set(data.name, data);
    const expression = this.namedExpression(data);
    if (existed) this.hf.changeNamedExpression(engineName(data.name), expression);
    else this.hf.addNamedExpression(engineName(data.name), expression);
  }

  removeNamedRange(name: string): void {
    if (!this.namedRanges.delete(name)) return;
    if (this.hf.getNamedExpression(engineName(name)))
      this.hf.removeNamedExpression(engineName(name));
  }

  private namedExpression(nr: NamedRangeData): string {
    const sheet = this.sheetById(nr.sheetId);
    const start = `$${columnLetter(nr.column)}$${nr.row}`;
    const end = `$${columnLetter(nr.column + nr.numColumns - 1)}$${nr.row + nr.numRows - 1}`;
    return `=${quoteSheetName(sheet?.name ?? '')}!${start}${start === end ? '' : `:${end}`}`;
  }

  /** Keeps HyperFormula's named expressions on exactly the bounds Sheets would give them. */
  /** Only the ranges on the changed tab can have moved; the others are left alone. */
  private syncNamedRanges(sheet: SheetData): void {
    for (const nr of this.namedRanges.values()) {
      if (nr.sheetId === sheet.id)
        this.hf.changeNamedExpression(engineName(nr.name), this.namedExpression(nr));
    }
  }

  // ---- metadata and protections ----

  addMetadata(
    key: string,
    value: string | null,
    visibility: 'DOCUMENT' | 'PROJECT',
    sheetId?: number,
    project?: string,
  ): MetadataEntry {
    const entry: MetadataEntry = { id: this.nextMetadataId++, key, value, visibility };
    if (sheetId !== undefined) entry.sheetId = sheetId;
    if (project !== undefined) entry.project = project;
    this.metadata.push(entry);
    return entry;
  }

  addProtection(sheetId: number, box: ProtectionData['box']): ProtectionData {
    const p: ProtectionData = {
      id: this.nextProtectionId++,
      sheetId,
      description: '',
      warningOnly: false,
      editors: [this.owner],
    };
    if (box) p.box = box;
    this.protections.push(p);
    return p;
  }
}

export type SnapshotValue = string | number | boolean | { date: number } | { formula: string };

export interface SheetSnapshot {
  id: number;
  name: string;
  maxRows: number;
  maxColumns: number;
  frozenRows: number;
  frozenColumns: number;
  hidden: boolean;
  tabColor: string | null;
  columnWidths: [number, number][];
  /** Absent in saves from before hidden columns. */
  hiddenColumns?: number[];
  /** The basic filter's rectangle; absent when none (and in older saves). */
  filter?: FilterBox;
  /** Non-empty cells as [row, column, content]; rows and columns are 1-based. */
  cells: [
    number,
    number,
    { v?: SnapshotValue; note?: string; format?: CellFormat; validation?: ValidationRule },
  ][];
}

export interface WorkbookSnapshot {
  id: string;
  name: string;
  timeZone: string;
  owner: string;
  sheets: SheetSnapshot[];
  namedRanges: NamedRangeData[];
  metadata: MetadataEntry[];
  protections: ProtectionData[];
  viewers: string[];
  editors: string[];
  commenters: string[];
  trashed: boolean;
  createdByApp?: boolean;
  /** Users the app may open the file for under drive.file; absent in older saves. */
  appAccess?: string[];
}

/** Everything a person could see or a script could read, as plain JSON. */
export function snapshotOf(wb: Workbook): WorkbookSnapshot {
  return {
    id: wb.id,
    name: wb.name,
    timeZone: wb.timeZone,
    owner: wb.owner,
    sheets: wb.sheets.map((sheet) => {
      const cells: SheetSnapshot['cells'] = [];
      // Cells sharing a format (a restored tab's, rows inserted below one) share its copy.
      const copies = new Map<CellFormat, CellFormat>();
      const copyOf = (format: CellFormat): CellFormat => {
        let copy = copies.get(format);
        if (!copy) copies.set(format, (copy = { ...format }));
        return copy;
      };
      sheet.grid.forEach((row, i) =>
        row?.forEach((cell, j) => {
          if (!cell) return;
          const entry: SheetSnapshot['cells'][number][2] = {};
          if (cell.formula) entry.v = { formula: wb.formula(sheet, i + 1, j + 1) };
          else if (cell.value !== undefined && cell.value !== '') {
            entry.v = isDate(cell.value) ? { date: cell.value.getTime() } : cell.value;
          }
          if (cell.note) entry.note = cell.note;
          if (cell.format && Object.keys(cell.format).length) entry.format = copyOf(cell.format);
          if (cell.validation) entry.validation = cell.validation;
          if (Object.keys(entry).length) cells.push([i + 1, j + 1, entry]);
        }),
      );
      return {
        id: sheet.id,
        name: sheet.name,
        maxRows: sheet.maxRows,
        maxColumns: sheet.maxColumns,
        frozenRows: sheet.frozenRows,
        frozenColumns: sheet.frozenColumns,
        hidden: sheet.hidden,
        tabColor: sheet.tabColor,
        columnWidths: [...sheet.columnWidths.entries()],
        hiddenColumns: [...sheet.hiddenColumns],
        ...(sheet.filter ? { filter: { ...sheet.filter } } : {}),
        cells,
      };
    }),
    namedRanges: [...wb.namedRanges.values()].map((n) => ({ ...n })),
    metadata: wb.metadata.map((m) => ({ ...m })),
    protections: wb.protections.map((p) => ({
      ...p,
      editors: [...p.editors],
      ...(p.box ? { box: { ...p.box } } : {}),
    })),
    viewers: [...wb.viewers],
    editors: [...wb.editors],
    commenters: [...wb.commenters],
    trashed: wb.trashed,
    createdByApp: wb.createdByApp,
    appAccess: [...wb.appAccess],
  };
}

/** Rebuilds a workbook from its snapshot: the playground's saved file. */
export function workbookFromSnapshot(snap: WorkbookSnapshot): Workbook {
  const first = snap.sheets[0];
  const wb = new Workbook(
    snap.id,
    snap.name,
    snap.timeZone,
    snap.owner,
    first?.name ?? 'Sheet1',
    'later',
  );
  const placeholder = wb.sheets[0] as SheetData;
  snap.sheets.forEach((s, i) => {
    const sheet = i === 0 ? placeholder : wb.addSheet(s.name, i, s.id);
    sheet.id = s.id;
    sheet.maxRows = s.maxRows;
    sheet.maxColumns = s.maxColumns;
    sheet.frozenRows = s.frozenRows;
    sheet.frozenColumns = s.frozenColumns;
    sheet.hidden = s.hidden;
    sheet.tabColor = s.tabColor;
    sheet.columnWidths = new Map(s.columnWidths);
    sheet.hiddenColumns = new Set(s.hiddenColumns ?? []);
    sheet.filter = s.filter ? { ...s.filter } : null;
  });
  wb.restoreSheetCounter(snap.sheets.length);
  for (const nr of snap.namedRanges) wb.namedRanges.set(nr.name, { ...nr });
  // Every tab's contents and the names at once: the formulas are evaluated once, after the last
  // is in, not again for each tab (a formula of one tab reading another is otherwise computed
  // before the tab it reads holds anything, then again).
  wb.buildEngine(restoreContents(wb, snap));
  wb.metadata.push(...snap.metadata.map((m) => ({ ...m })));
  wb.protections.push(
    ...snap.protections.map((p) => ({
      ...p,
      editors: [...p.editors],
      ...(p.box ? { box: { ...p.box } } : {}),
    })),
  );
  for (const e of snap.viewers) wb.viewers.add(e);
  for (const e of snap.editors) wb.editors.add(e);
  for (const e of snap.commenters) wb.commenters.add(e);
  wb.trashed = snap.trashed;
  wb.createdByApp = snap.createdByApp ?? false;
  // Saves from before per-user drive.file access: the app made the file for its owner.
  for (const u of snap.appAccess ?? (wb.createdByApp ? [snap.owner] : [])) wb.appAccess.add(u);
  wb.syncCounters();
  return wb;
}

/**
 * A cell's format as restored: the same object as the cell above it when the two are alike. A
 * tab formatted down a thousand rows otherwise costs a thousand objects a column, about half of
 * a small registry's restore. Sharing is safe: a format is never changed in place, every change
 * gives the cell a new one (`{ ...cell.format }`, then the change).
 */
function sharedFormat(
  above: { from: CellFormat; copy: CellFormat } | undefined,
  format: CellFormat,
): { from: CellFormat; copy: CellFormat } {
  if (above && sameFormat(above.from, format)) return above;
  return { from: format, copy: { ...format } };
}

function sameFormat(a: CellFormat, b: CellFormat): boolean {
  const keys = Object.keys(a) as (keyof CellFormat)[];
  return keys.length === Object.keys(b).length && keys.every((k) => a[k] === b[k]);
}

function restoreContents(wb: Workbook, snap: WorkbookSnapshot): Map<SheetData, HfContent[][]> {
  const engineContents = new Map<SheetData, HfContent[][]>();
  snap.sheets.forEach((s, i) => {
    const sheet = wb.sheets[i] as SheetData;
    const contents: [number, number, Content][] = [];
    const formatAbove: ({ from: CellFormat; copy: CellFormat } | undefined)[] = [];
    for (const [row, column, entry] of s.cells) {
      const cell = sheet.ensureCell(row, column);
      if (entry.note) cell.note = entry.note;
      if (entry.format) {
        const shared = sharedFormat(formatAbove[column], entry.format);
        formatAbove[column] = shared;
        cell.format = shared.copy;
      }
      if (entry.validation) cell.validation = entry.validation;
      const v = entry.v;
      if (v === undefined) continue;
      contents.push([
        row,
        column,
        typeof v === 'object' && 'formula' in v
          ? { kind: 'formula', formula: v.formula }
          : { kind: 'value', value: typeof v === 'object' && 'date' in v ? new Date(v.date) : v },
      ]);
    }
    engineContents.set(sheet, wb.placeRestored(sheet, contents));
  });
  return engineContents;
}

/**
 * A column's width and hidden state move with it when columns are inserted (`delta` > 0) or
 * deleted (`delta` < 0) at `at`; a deleted column's go with it.
 */
function shiftColumnSettings(sheet: SheetData, at: number, delta: number): void {
  const moved = (c: number): number | null =>
    c < at ? c : delta < 0 && c < at - delta ? null : c + delta;
  const widths = new Map<number, number>();
  for (const [c, w] of sheet.columnWidths) {
    const to = moved(c);
    if (to !== null) widths.set(to, w);
  }
  sheet.columnWidths = widths;
  const hidden = new Set<number>();
  for (const c of sheet.hiddenColumns) {
    const to = moved(c);
    if (to !== null) hidden.add(to);
  }
  sheet.hiddenColumns = hidden;
}

/** Whether each number format seen shows a date: a registry has few formats and many cells. */
const dateFormats = new Map<string, boolean>();

function isDateFormat(cell: Cell): boolean {
  const f = cell.format?.numberFormat;
  if (!f) return false;
  let known = dateFormats.get(f);
  if (known === undefined) {
    known = /[yd]/i.test(f) && !/^[#0.,%]+$/.test(f);
    dateFormats.set(f, known);
  }
  return known;
}
