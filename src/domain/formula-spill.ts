/**
 * Formulas that can fill cells other than their own. In Sheets an array result spills into the
 * cells below and to the right of its formula, and those cells hold values but no formula of
 * their own, so `getFormulas` cannot tell them from typed values. A formula is taken to spill
 * when it could: an array literal, a range, a bare name, or a function that can return more
 * than one cell. The add-on's own formulas (single cells, IF/OR, named thresholds) never do.
 */
import type { Grid } from './client-tab-layout.js';
import { columnLetter } from './section-items.js';

const ARRAY_FUNCTION =
  /\b(ARRAYFORMULA|ARRAY_CONSTRAIN|SPLIT|TRANSPOSE|FILTER|SORTN?|UNIQUE|QUERY|IMPORT\w*|SEQUENCE|FLATTEN|MMULT|MINVERSE|MUNIT|FREQUENCY|LINEST|LOGEST|TREND|GROWTH|GOOGLEFINANCE|REGEXEXTRACT|MAP|BYROW|BYCOL|MAKEARRAY|SCAN|LAMBDA|LET|HSTACK|VSTACK|CHOOSEROWS|CHOOSECOLS|TOCOL|TOROW|WRAPROWS|WRAPCOLS|OFFSET|INDEX|INDIRECT|XLOOKUP)\s*\(/i;
/** `=Name` alone: a named range, which may be many cells; `=B12` is one cell. */
const BARE_NAME = /^=\s*[A-Za-z_][\w.]*\s*$/;
const ONE_CELL = /^=\s*\$?[A-Za-z]{1,3}\$?\d+\s*$/;

export function canSpill(formula: string): boolean {
  if (/[{:]/.test(formula) || ARRAY_FUNCTION.test(formula)) return true;
  return (
    BARE_NAME.test(formula) && !ONE_CELL.test(formula) && !/^=\s*(TRUE|FALSE)\s*$/i.test(formula)
  );
}

export interface SpillSource {
  row: number;
  column: number;
  /** A1 address. */
  cell: string;
}

/** Every formula of the tab that can spill, in reading order. */
export function spillSources(formulas: Grid): SpillSource[] {
  const out: SpillSource[] = [];
  formulas.forEach((cells, i) =>
    cells.forEach((f, j) => {
      if (typeof f === 'string' && f && canSpill(f))
        out.push({ row: i + 1, column: j + 1, cell: `${columnLetter(j + 1)}${i + 1}` });
    }),
  );
  return out;
}

/** The spilling formula whose cells below and to the right reach (row, column), if any. */
export function spilledFrom(
  sources: readonly SpillSource[],
  row: number,
  column: number,
): SpillSource | undefined {
  return sources.find(
    (s) => s.row <= row && s.column <= column && !(s.row === row && s.column === column),
  );
}
