/**
 * A person at the Sheets editor: what they type, paste, clear and tick, the rows, columns, tabs
 * and notes they change, and Edit ▸ Undo. Each edit is the emulator's own operation on the
 * spreadsheet (the one a script's call reaches), so formulas recompute and named ranges grow and
 * move as they do in Sheets, and what is typed is read by the one parser of typed input
 * (`typed-input.ts`). An edit Sheets would refuse throws `EditRefused` with the words Sheets
 * shows, and changes nothing. Nothing here counts as a service call: no script is running.
 */
import { toA1 } from './a1.js';
import { fillFormula } from './formula-fill.js';
import { CELL_CHARACTER_LIMIT } from './range.js';
import type { Drive } from './spreadsheet-app.js';
import { typedContent } from './typed-input.js';
import { checkboxValues, EmuDataValidation, isTicked } from './validation.js';
import {
  snapshotOf,
  workbookFromSnapshot,
  type Cell,
  type Content,
  type Scalar,
  type SheetData,
  type ValidationRule,
  type Workbook,
  type WorkbookSnapshot,
} from './workbook.js';

/** An edit Sheets does not make, with what it tells the person. */
export class EditRefused extends Error {
  override readonly name = 'EditRefused';
}

/** One cell of one tab: 1-based row and column. */
export interface CellAt {
  sheetId: number;
  row: number;
  column: number;
}

interface UndoEntry {
  what: string;
  before: WorkbookSnapshot;
  /** The spreadsheet as the edit left it: undo restores `before` only while nothing else wrote. */
  after: string;
}

/** How many edits of one file Edit ▸ Undo can take back. */
export const UNDO_DEPTH = 20;

export class SheetsEditor {
  private readonly history = new Map<string, UndoEntry[]>();

  /** `user`: who is at the editor (the runtime's current user, as Session sees it). */
  constructor(
    private readonly drive: Drive,
    private readonly user: () => string,
  ) {}

  /** Types `text` into one cell and presses Enter. */
  type(fileId: string, at: CellAt, text: string): void {
    this.paste(fileId, at, [[text]], `Typing in ${this.cellName(fileId, at)}`);
  }

  /**
   * Pastes a block of plain text (rows of cells, as a tab-separated clipboard holds it) with its
   * top-left at `at`: each cell is read as typed. The grid grows to hold it, as Sheets does.
   */
  paste(fileId: string, at: CellAt, block: string[][], what = 'Paste'): void {
    const { wb, sheet } = this.open(fileId, at.sheetId);
    const height = block.length;
    const width = block.reduce((n, r) => Math.max(n, r.length), 0);
    if (height === 0 || width === 0) return;
    this.checkProtection(wb, sheet, at.row, at.column, height, width);
    this.edit(fileId, what, () => {
      if (at.row + height - 1 > sheet.maxRows)
        wb.insertRows(sheet, sheet.maxRows + 1, at.row + height - 1 - sheet.maxRows, null);
      if (at.column + width - 1 > sheet.maxColumns)
        wb.insertColumns(sheet, sheet.maxColumns + 1, at.column + width - 1 - sheet.maxColumns);
      const contents = block.map((line, i) =>
        Array.from({ length: width }, (_, j) =>
          this.typed(wb, sheet, at.row + i, at.column + j, line[j] ?? ''),
        ),
      );
      wb.writeBlock(sheet, at.row, at.column, contents);
    });
  }

  /**
   * Pastes one cell's text over a selected block of `numRows` by `numColumns` from `at`: every cell
   * of the block takes it, read as typed, and a formula's relative references move with each cell
   * as Sheets moves them (`formula-fill.ts`, the code `Range.setFormula` uses on a block).
   */
  fill(fileId: string, at: CellAt, numRows: number, numColumns: number, text: string): void {
    const { wb, sheet } = this.open(fileId, at.sheetId);
    this.checkRows(sheet, at.row, numRows);
    this.checkColumns(sheet, at.column, numColumns);
    this.checkProtection(wb, sheet, at.row, at.column, numRows, numColumns);
    const top = typedContent(text, { timeZone: wb.timeZone });
    const formulas =
      top.kind === 'formula' ? fillFormula(top.formula, numRows, numColumns) : undefined;
    const contents = Array.from({ length: numRows }, (_, i) =>
      Array.from({ length: numColumns }, (_, j): Content => {
        const content = this.typed(wb, sheet, at.row + i, at.column + j, text);
        const formula = formulas?.[i]?.[j];
        return content.kind === 'formula' && formula !== undefined
          ? { kind: 'formula', formula }
          : content;
      }),
    );
    this.edit(fileId, 'Paste', () => wb.writeBlock(sheet, at.row, at.column, contents));
  }

  /** Delete: clears the contents of a block, keeping formats, notes and validation; a checkbox is unticked. */
  clear(fileId: string, at: CellAt, numRows = 1, numColumns = 1): void {
    const { wb, sheet } = this.open(fileId, at.sheetId);
    this.checkProtection(wb, sheet, at.row, at.column, numRows, numColumns);
    this.edit(fileId, 'Delete', () => {
      const contents = Array.from({ length: numRows }, (_, i) =>
        Array.from({ length: numColumns }, (_, j): Content => {
          const cell = sheet.cell(at.row + i, at.column + j);
          return cell?.validation?.criteria === 'CHECKBOX' && !sheet.isEmpty(cell)
            ? stateContent(checkboxValues(cell.validation).unchecked)
            : { kind: 'empty' };
        }),
      );
      wb.writeBlock(sheet, at.row, at.column, contents);
    });
  }

  /** A click on a checkbox, or Space on it: ticked becomes unticked and the other way round. */
  toggleCheckbox(fileId: string, at: CellAt): void {
    const { wb, sheet } = this.open(fileId, at.sheetId);
    const cell = sheet.cell(at.row, at.column);
    if (cell?.validation?.criteria !== 'CHECKBOX')
      throw new EditRefused(`${this.cellName(fileId, at)} has no checkbox.`);
    this.checkProtection(wb, sheet, at.row, at.column, 1, 1);
    const ticked = isTicked(cell.validation, wb.read(sheet, at.row, at.column)) === true;
    const { checked, unchecked } = checkboxValues(cell.validation);
    this.edit(fileId, ticked ? 'Untick' : 'Tick', () =>
      wb.writeBlock(sheet, at.row, at.column, [[stateContent(ticked ? unchecked : checked)]]),
    );
  }

  /** Insert rows above (or below) `row`: Sheets' Insert ▸ Rows, the same as `insertRowsBefore/After`. */
  insertRows(fileId: string, sheetId: number, row: number, count: number, below = false): void {
    const { wb, sheet } = this.open(fileId, sheetId);
    this.checkRows(sheet, row, 1);
    this.edit(fileId, `Insert ${count === 1 ? 'row' : `${count} rows`}`, () =>
      wb.insertRows(sheet, below ? row + 1 : row, count, row),
    );
  }

  deleteRows(fileId: string, sheetId: number, row: number, count: number): void {
    const { wb, sheet } = this.open(fileId, sheetId);
    this.checkRows(sheet, row, count);
    if (count >= sheet.maxRows)
      throw new EditRefused("You can't delete all the rows on the sheet.");
    this.edit(fileId, `Delete ${count === 1 ? 'row' : `${count} rows`}`, () =>
      wb.deleteRows(sheet, row, count),
    );
  }

  /** Insert columns left (or right) of `column`: the same as `insertColumnsBefore/After`. */
  insertColumns(
    fileId: string,
    sheetId: number,
    column: number,
    count: number,
    right = false,
  ): void {
    const { wb, sheet } = this.open(fileId, sheetId);
    this.checkColumns(sheet, column, 1);
    this.edit(fileId, `Insert ${count === 1 ? 'column' : `${count} columns`}`, () =>
      wb.insertColumns(sheet, right ? column + 1 : column, count),
    );
  }

  deleteColumns(fileId: string, sheetId: number, column: number, count: number): void {
    const { wb, sheet } = this.open(fileId, sheetId);
    this.checkColumns(sheet, column, count);
    if (count >= sheet.maxColumns)
      throw new EditRefused("You can't delete all the columns on the sheet.");
    this.edit(fileId, `Delete ${count === 1 ? 'column' : `${count} columns`}`, () =>
      wb.deleteColumns(sheet, column, count),
    );
  }

  hideColumns(fileId: string, sheetId: number, column: number, count: number): void {
    const { sheet } = this.open(fileId, sheetId);
    this.checkColumns(sheet, column, count);
    this.edit(fileId, 'Hide column', () => {
      for (let c = column; c < column + count; c++) sheet.hiddenColumns.add(c);
    });
  }

  showColumns(fileId: string, sheetId: number, column: number, count: number): void {
    const { sheet } = this.open(fileId, sheetId);
    this.checkColumns(sheet, column, count);
    this.edit(fileId, 'Unhide columns', () => {
      for (let c = column; c < column + count; c++) sheet.hiddenColumns.delete(c);
    });
  }

  renameTab(fileId: string, sheetId: number, name: string): void {
    const { wb, sheet } = this.open(fileId, sheetId);
    const trimmed = name.trim();
    if (trimmed === sheet.name) return;
    if (!trimmed) throw new EditRefused('Sheet names cannot be blank.');
    if (trimmed.length > 100) throw new EditRefused('Sheet names can be at most 100 characters.');
    if (wb.sheetByName(trimmed))
      throw new EditRefused(
        `A sheet with the name "${trimmed}" already exists. Please enter another name.`,
      );
    this.edit(fileId, 'Rename sheet', () => wb.renameSheet(sheet, trimmed));
  }

  /** The + at the bottom left: a new empty tab at the end, named SheetN, open in the editor. */
  addTab(fileId: string): number {
    const wb = this.writable(fileId);
    let n = wb.sheets.length + 1;
    while (wb.sheetByName(`Sheet${n}`)) n++;
    let id = 0;
    this.edit(fileId, 'Insert sheet', () => {
      id = wb.addSheet(`Sheet${n}`).id;
      wb.activeSheetId = id;
    });
    return id;
  }

  deleteTab(fileId: string, sheetId: number): void {
    const { wb, sheet } = this.open(fileId, sheetId);
    if (wb.sheets.filter((s) => !s.hidden && s !== sheet).length === 0)
      throw new EditRefused("You can't remove all the sheets in a document.");
    this.edit(fileId, 'Delete sheet', () => wb.removeSheet(sheet));
  }

  /** Insert ▸ Note, or editing one; an empty note removes it. */
  setNote(fileId: string, at: CellAt, note: string): void {
    const { wb, sheet } = this.open(fileId, at.sheetId);
    this.checkProtection(wb, sheet, at.row, at.column, 1, 1);
    this.edit(fileId, note ? 'Note' : 'Remove note', () => {
      const cell = sheet.ensureCell(at.row, at.column);
      if (note) cell.note = note;
      else delete cell.note;
    });
  }

  /** What Edit ▸ Undo would take back in this file, or null. */
  lastEdit(fileId: string): string | null {
    return this.history.get(fileId)?.at(-1)?.what ?? null;
  }

  /**
   * Edit ▸ Undo: puts the file back as it was before the person's last edit, and says which edit
   * that was. The emulator keeps whole states, not inverse operations, so an edit can be taken
   * back only while nothing else (the add-on) has written to the file since.
   */
  undo(fileId: string): string {
    const wb = this.writable(fileId);
    const entries = this.history.get(fileId) ?? [];
    const last = entries.at(-1);
    if (!last) throw new EditRefused('There is nothing to undo.');
    if (JSON.stringify(snapshotOf(wb)) !== last.after) {
      this.history.delete(fileId);
      throw new EditRefused(
        'The add-on has changed the spreadsheet since your last edit, so it cannot be undone here.',
      );
    }
    entries.pop();
    const restored = workbookFromSnapshot(last.before);
    restored.now = wb.now;
    restored.activeSheetId = restored.sheetById(wb.activeSheetId)
      ? wb.activeSheetId
      : restored.activeSheetId;
    this.drive.files.set(fileId, restored);
    if (this.drive.active === wb) this.drive.active = restored;
    return last.what;
  }

  // ---- what an edit checks ----

  private edit(fileId: string, what: string, change: () => void): void {
    const wb = this.writable(fileId);
    const before = snapshotOf(wb);
    change();
    const entries = this.history.get(fileId) ?? [];
    entries.push({ what, before, after: JSON.stringify(snapshotOf(wb)) });
    if (entries.length > UNDO_DEPTH) entries.shift();
    this.history.set(fileId, entries);
  }

  private writable(fileId: string): Workbook {
    const wb = this.drive.files.get(fileId);
    if (!wb || wb.trashed) throw new EditRefused('That file is not in Drive.');
    if (!wb.canEdit(this.user()))
      throw new EditRefused(`${this.user()} can only view "${wb.name}".`);
    return wb;
  }

  private open(fileId: string, sheetId: number): { wb: Workbook; sheet: SheetData } {
    const wb = this.writable(fileId);
    const sheet = wb.sheetById(sheetId);
    if (!sheet) throw new EditRefused('That sheet has been deleted.');
    return { wb, sheet };
  }

  /** A typed cell's content, or the refusal its data validation gives it. */
  private typed(
    wb: Workbook,
    sheet: SheetData,
    row: number,
    column: number,
    text: string,
  ): Content {
    if (text.length > CELL_CHARACTER_LIMIT)
      throw new EditRefused(
        `Your input contains more than the maximum of ${CELL_CHARACTER_LIMIT} characters in a single cell.`,
      );
    const cell = sheet.cell(row, column);
    const content = typedContent(text, {
      timeZone: wb.timeZone,
      numberFormat: cell?.format?.numberFormat,
    });
    const rule = cell?.validation;
    if (rule && !rule.allowInvalid && content.kind === 'value') {
      if (!new EmuDataValidation(rule).accepts(content.value))
        throw new EditRefused(validationMessage(rule));
    }
    return content;
  }

  /** Sheets' words for an edit inside a range only some may change. */
  private checkProtection(
    wb: Workbook,
    sheet: SheetData,
    row: number,
    column: number,
    numRows: number,
    numColumns: number,
  ): void {
    const user = this.user();
    if (user === wb.owner) return;
    const hit = wb.protections.find((p) => {
      if (p.sheetId !== sheet.id || p.warningOnly || p.editors.includes(user)) return false;
      const b = p.box;
      return (
        !b ||
        (row <= b.row + b.numRows - 1 &&
          b.row <= row + numRows - 1 &&
          column <= b.column + b.numColumns - 1 &&
          b.column <= column + numColumns - 1)
      );
    });
    if (hit)
      throw new EditRefused(
        'You are trying to edit a protected cell or object. Please contact the spreadsheet owner to remove protection if you need to edit.',
      );
  }

  private checkRows(sheet: SheetData, row: number, count: number): void {
    if (!Number.isInteger(row) || !Number.isInteger(count) || count < 1)
      throw new EditRefused('Those rows are out of bounds.');
    if (row < 1 || row + count - 1 > sheet.maxRows)
      throw new EditRefused('Those rows are out of bounds.');
  }

  private checkColumns(sheet: SheetData, column: number, count: number): void {
    if (!Number.isInteger(column) || !Number.isInteger(count) || count < 1)
      throw new EditRefused('Those columns are out of bounds.');
    if (column < 1 || column + count - 1 > sheet.maxColumns)
      throw new EditRefused('Those columns are out of bounds.');
  }

  private cellName(fileId: string, at: CellAt): string {
    const sheet = this.drive.files.get(fileId)?.sheetById(at.sheetId);
    const cell = toA1({ row: at.row, column: at.column, numRows: 1, numColumns: 1 });
    return sheet ? `${sheet.name}!${cell}` : cell;
  }
}

/**
 * What Sheets says when it rejects typed input: the rule's help text when it has one, else a
 * sentence for its criterion (the wording is ours where Google's help does not give it).
 */
export function validationMessage(rule: ValidationRule): string {
  if (rule.helpText) return rule.helpText;
  const [a, b] = rule.args;
  switch (rule.criteria) {
    case 'VALUE_IN_LIST':
      return 'Input must be an item on the specified list.';
    case 'NUMBER_BETWEEN':
      return `Input must be a number between ${String(a)} and ${String(b)}.`;
    case 'DATE_IS_VALID_DATE':
      return 'Input must be a valid date.';
    case 'CHECKBOX':
      return 'Input must be a checkbox value (TRUE or FALSE).';
    default:
      return "This cell's contents violate its validation rule.";
  }
}

/** A checkbox state as a cell's content: blank is an empty cell. */
function stateContent(state: Scalar): Content {
  return state === '' ? { kind: 'empty' } : { kind: 'value', value: state };
}

/** Whether a cell's value breaks its validation rule (drawn with Sheets' red corner). */
export function isInvalid(wb: Workbook, sheet: SheetData, row: number, column: number): boolean {
  const cell: Cell | undefined = sheet.cell(row, column);
  if (!cell?.validation) return false;
  return !new EmuDataValidation(cell.validation).accepts(wb.read(sheet, row, column));
}
