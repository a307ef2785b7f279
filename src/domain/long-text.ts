/**
 * Text longer than the add-on shows anywhere it writes. A Sheets cell holds up to 50,000
 * characters, so one pasted log or document can fill a cell; written again with anything added
 * (an apostrophe, an ID before it, a plan line around it) it is more than Sheets accepts and the
 * whole write fails. So every text read from a person's tab is cut to `SHOWN_TEXT_LIMIT`
 * characters, the cut ending in an ellipsis, before Priorities, the Overview, the weekly plan,
 * its mail and the founder views are built from it; each cell cut is reported with its tab and
 * cell. The tab itself keeps every character.
 */
import { columnLetter, type Problem } from './section-items.js';

export const SHOWN_TEXT_LIMIT = 1000;

const ELLIPSIS = '…';

function thousands(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** `text` as generated tabs show it: at most `SHOWN_TEXT_LIMIT` characters, the last an ellipsis when cut. */
export function shownText(text: string): string {
  if (text.length <= SHOWN_TEXT_LIMIT) return text;
  // A cut never splits a surrogate pair: an emoji is kept whole or left out.
  let end = SHOWN_TEXT_LIMIT - ELLIPSIS.length;
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end--;
  return text.slice(0, end) + ELLIPSIS;
}

export interface CutCell {
  /** A1 address of the cell. */
  cell: string;
  /** How many characters it holds. */
  length: number;
}

/**
 * A tab's grid with each text longer than the limit cut, and the cells cut. The grid is returned
 * as it came when nothing needed cutting.
 */
export function shortenLongText(grid: unknown[][]): { grid: unknown[][]; cut: CutCell[] } {
  const cut: CutCell[] = [];
  let out: unknown[][] | null = null;
  grid.forEach((row, r) => {
    row.forEach((value, c) => {
      if (typeof value !== 'string' || value.length <= SHOWN_TEXT_LIMIT) return;
      out ??= grid.map((line) => [...line]);
      (out[r] as unknown[])[c] = shownText(value);
      cut.push({ cell: `${columnLetter(c + 1)}${r + 1}`, length: value.length });
    });
  });
  return { grid: out ?? grid, cut };
}

/** The problem reported for a cell cut: its tab and cell, how long it is and what is shown. */
export function longTextProblem(tab: string, cut: CutCell): Problem {
  return {
    tab,
    cell: cut.cell,
    reason: `This cell holds ${thousands(cut.length)} characters: Priorities, the weekly plan, its mail and founder views show its first ${thousands(SHOWN_TEXT_LIMIT)}. Shorten it, or keep the long text in a linked document.`,
  };
}
