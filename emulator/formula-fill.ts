/**
 * One formula put into a block of cells, as Sheets puts it: written for the block's top-left cell,
 * and in every other cell with its relative references moved by that cell's distance from it
 * (`=A1` into A1:B2 is `=A1`, `=B1`, `=A2`, `=B2`); a part behind `$` stays. The Sheets API
 * documents it for RepeatCellRequest ("the formula's ranges will automatically increment for each
 * field in the range"); `Range.setFormula` on a block and a person pasting one formula over a
 * selected block both go through here.
 */
import { columnLetter, columnNumber } from './a1.js';
import { outsideQuotes } from './formula-text.js';

const CELL = String.raw`\$?[A-Za-z]{1,3}\$?\d+`;
const COLUMN = String.raw`\$?[A-Za-z]{1,3}`;
const ROW = String.raw`\$?\d+`;

/**
 * A cell (`B3`, `$B$3`), a range from a cell (`A1:C5`, `A2:A`), whole columns (`A:C`) or whole
 * rows (`2:5`), not inside a longer name (`Budget2026`), a function's name (`LOG10(`) or a sheet's
 * name before `!`.
 */
const REFERENCE = new RegExp(
  String.raw`(?<![A-Za-z0-9_.$])(?:${CELL}(?::(?:${CELL}|${COLUMN}|${ROW}))?|${COLUMN}:${COLUMN}|${ROW}:${ROW})(?![A-Za-z0-9_.($!])`,
  'g',
);

const PART = /^(\$?)([A-Za-z]*)(\$?)(\d*)$/;

function shiftPart(part: string, rows: number, columns: number): string {
  const m = PART.exec(part);
  if (!m) return part;
  const [, first = '', letters = '', second = '', digits = ''] = m;
  // In a whole-row part (`$5`) the only `$` is the row's.
  const columnFixed = letters !== '' && first === '$';
  const rowFixed = letters === '' ? first === '$' : second === '$';
  const column =
    letters === '' ? '' : columnFixed ? letters : columnLetter(columnNumber(letters) + columns);
  const row = digits === '' ? '' : rowFixed ? digits : String(Number(digits) + rows);
  return `${columnFixed ? '$' : ''}${column}${rowFixed ? '$' : ''}${row}`;
}

/** The formula as it reads `rows` below and `columns` right of the cell it was written for. */
export function shiftFormula(formula: string, rows: number, columns: number): string {
  if (rows === 0 && columns === 0) return formula;
  return outsideQuotes(formula, (code) =>
    code.replace(REFERENCE, (reference) =>
      reference
        .split(':')
        .map((part) => shiftPart(part, rows, columns))
        .join(':'),
    ),
  );
}

/** The formula of every cell of a block of `numRows` by `numColumns`, written for its top-left. */
export function fillFormula(formula: string, numRows: number, numColumns: number): string[][] {
  return Array.from({ length: numRows }, (_, i) =>
    Array.from({ length: numColumns }, (_, j) => shiftFormula(formula, i, j)),
  );
}
