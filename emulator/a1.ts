/**
 * A1 notation, as Sheets reads it: `B3`, `A1:C5`, `A:C`, `2:4`, optionally `'My tab'!A1:C5`; and the
 * R1C1 form `getRange` also takes (`R5C3`, `R2C2:R4C5`).
 */

export interface GridBox {
  row: number;
  column: number;
  numRows: number;
  numColumns: number;
}

export interface A1Reference {
  sheetName: string | undefined;
  /** Open-ended sides (whole columns or rows) are resolved by the caller against the sheet. */
  startRow: number | undefined;
  startColumn: number | undefined;
  endRow: number | undefined;
  endColumn: number | undefined;
}

export function columnLetter(column: number): string {
  let n = column;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

const CELL = /^\$?([A-Za-z]{1,3})?\$?(\d+)?$/;

function parsePart(part: string): { row: number | undefined; column: number | undefined } | null {
  const m = CELL.exec(part);
  if (!m || (!m[1] && !m[2])) return null;
  return {
    column: m[1] ? columnNumber(m[1]) : undefined,
    row: m[2] ? Number(m[2]) : undefined,
  };
}

const R1C1 = /^R(\d+)C(\d+)(?::R(\d+)C(\d+))?$/i;

/**
 * A range in R1C1 notation (`R5C3`, `R2C2:R4C5`, in either case), as `Sheet.getRange` reads it;
 * null for anything else (`RC1` is then the A1 cell in column RC).
 */
export function parseR1C1(notation: string): A1Reference | null {
  const m = R1C1.exec(notation.trim());
  if (!m) return null;
  const [startRow, startColumn, endRow = startRow, endColumn = startColumn] = m
    .slice(1)
    .map((n) => (n === undefined ? undefined : Number(n)));
  return { sheetName: undefined, startRow, startColumn, endRow, endColumn };
}

export function parseA1(notation: string): A1Reference | null {
  let text = notation.trim();
  let sheetName: string | undefined;
  const bang = text.lastIndexOf('!');
  if (bang >= 0) {
    sheetName = text.slice(0, bang);
    if (sheetName.startsWith("'") && sheetName.endsWith("'")) {
      sheetName = sheetName.slice(1, -1).replace(/''/g, "'");
    }
    text = text.slice(bang + 1);
  }
  const [a, b, extra] = text.split(':');
  if (extra !== undefined || a === undefined) return null;
  const start = parsePart(a);
  const end = b === undefined ? start : parsePart(b);
  if (!start || !end) return null;
  if ((start.row === undefined) !== (end.row === undefined) && b !== undefined) {
    // `A1:B` and `A:B2` are open-ended on one side; Sheets accepts them.
  }
  return {
    sheetName,
    startRow: start.row,
    startColumn: start.column,
    endRow: end.row,
    endColumn: end.column,
  };
}

/** Which sides of a range its notation left open: whole rows (`5:7`) or whole columns (`D:F`). */
export type WholeLines = 'rows' | 'columns';

export function wholeLines(ref: A1Reference): WholeLines | undefined {
  const noColumns = ref.startColumn === undefined && ref.endColumn === undefined;
  const noRows = ref.startRow === undefined && ref.endRow === undefined;
  if (noColumns && !noRows) return 'rows';
  if (noRows && !noColumns) return 'columns';
  return undefined;
}

/** A box read back in A1 notation: whole rows as `2:5` and whole columns as `B:D`, as Sheets gives them. */
export function toA1(box: GridBox, whole?: WholeLines): string {
  if (whole === 'rows') return `${box.row}:${box.row + box.numRows - 1}`;
  if (whole === 'columns')
    return `${columnLetter(box.column)}:${columnLetter(box.column + box.numColumns - 1)}`;
  const start = `${columnLetter(box.column)}${box.row}`;
  if (box.numRows === 1 && box.numColumns === 1) return start;
  return `${start}:${columnLetter(box.column + box.numColumns - 1)}${box.row + box.numRows - 1}`;
}

export function quoteSheetName(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}
