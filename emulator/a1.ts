/** A1 notation, as Sheets reads it: `B3`, `A1:C5`, `A:C`, `2:4`, optionally `'My tab'!A1:C5`. */

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

export function toA1(box: GridBox): string {
  const start = `${columnLetter(box.column)}${box.row}`;
  if (box.numRows === 1 && box.numColumns === 1) return start;
  return `${start}:${columnLetter(box.column + box.numColumns - 1)}${box.row + box.numRows - 1}`;
}

export function quoteSheetName(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}
