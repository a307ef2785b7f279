/**
 * How the grid lays text out as Sheets does: text too long for its column runs on over the empty
 * cells to its right (numbers, wrapped, centred and right-aligned text do not), and a clipboard
 * block is tab-separated, with quotes around a cell that holds a tab, a line break or a quote.
 */
import type { DrawnCell } from './api';

/** A length in pixels, as a style value (Preact adds no unit to a number). */
export function px(n: number): string {
  return `${n}px`;
}

/** Sheets' default font: Arial at 10 pt. */
export const CELL_FONT = '13px Arial, sans-serif';
/** Padding inside a cell, both sides together. */
const CELL_PADDING = 8;

let context: CanvasRenderingContext2D | null = null;
const widths = new Map<string, number>();

export function textWidth(text: string, bold = false, italic = false): number {
  const font = `${italic ? 'italic ' : ''}${bold ? 'bold ' : ''}${CELL_FONT}`;
  const key = `${font}|${text}`;
  const known = widths.get(key);
  if (known !== undefined) return known;
  context ??= document.createElement('canvas').getContext('2d');
  if (!context) return text.length * 7;
  context.font = font;
  const w = context.measureText(text).width;
  if (widths.size > 20000) widths.clear();
  widths.set(key, w);
  return w;
}

/** A cell whose text runs over its right neighbours: how wide it is drawn and what it covers. */
export interface Spill {
  width: number;
  /** The columns its text lies over, after its own. */
  covers: number[];
}

function runsOver(cell: DrawnCell | null | undefined): boolean {
  return (
    !!cell &&
    cell.t !== '' &&
    !cell.k &&
    !cell.w &&
    cell.cb === undefined &&
    cell.list === undefined &&
    (cell.al === undefined || cell.al === 'left')
  );
}

function isBlank(cell: DrawnCell | null | undefined): boolean {
  return !cell || (cell.t === '' && cell.cb === undefined);
}

/** The spills of one row, by column, among the columns drawn (`shown`, left to right). */
export function rowSpills(
  line: (DrawnCell | null)[],
  shown: number[],
  columnWidths: number[],
): Map<number, Spill> {
  const spills = new Map<number, Spill>();
  shown.forEach((c, index) => {
    const cell = line[c - 1];
    if (!cell || !runsOver(cell)) return;
    const own = columnWidths[c] ?? 100;
    const need = textWidth(cell.t, cell.b, cell.it) + CELL_PADDING;
    if (need <= own) return;
    let width = own;
    const covers: number[] = [];
    for (const next of shown.slice(index + 1)) {
      if (width >= need || !isBlank(line[next - 1])) break;
      width += columnWidths[next] ?? 100;
      covers.push(next);
    }
    if (covers.length) spills.set(c, { width, covers });
  });
  return spills;
}

/** A block of cells as Sheets puts it on the clipboard. */
export function toClipboard(rows: string[][]): string {
  return rows
    .map((r) => r.map((v) => (/[\t\n"]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v)).join('\t'))
    .join('\n');
}

/** Plain text from the clipboard as rows of cells; a trailing line break ends no extra row. */
export function fromClipboard(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  const source = text.replace(/\r\n?/g, '\n');
  for (let i = 0; i < source.length; i++) {
    const ch = source[i]!;
    if (quoted) {
      if (ch === '"' && source[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"' && cell === '') quoted = true;
    else if (ch === '\t') {
      row.push(cell);
      cell = '';
    } else if (ch === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += ch;
  }
  if (cell !== '' || row.length) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}
