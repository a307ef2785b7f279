/** The grid's selection and how it moves, and where frozen rows sit while the grid scrolls. */
import type { RefObject } from 'preact';
import { useLayoutEffect, useState } from 'preact/hooks';
import type { Move } from './cell-editor';

/** The selection: the active cell (`row`, `column`) and the opposite corner. */
export interface Box {
  row: number;
  column: number;
  row2: number;
  column2: number;
}

/** The selection with its top-left corner first. */
export function ordered(s: Box): Box {
  return {
    row: Math.min(s.row, s.row2),
    column: Math.min(s.column, s.column2),
    row2: Math.max(s.row, s.row2),
    column2: Math.max(s.column, s.column2),
  };
}

/** The cell one step from (`row`, `column`), hidden columns skipped, not past the last column. */
export function step(
  m: Move,
  row: number,
  column: number,
  hidden: Set<number>,
  columns: number,
): [number, number] {
  if (m === 'down') return [row + 1, column];
  if (m === 'up') return [row - 1, column];
  if (m === 'none') return [row, column];
  const dir = m === 'right' ? 1 : -1;
  let c = column + dir;
  while (hidden.has(c)) c += dir;
  return [row, c < 1 || c > columns ? column : c];
}

/**
 * Each frozen row's distance from the top (below the column letters and the frozen rows above),
 * then where the frozen rows end: what scrolling a cell into view must keep clear.
 */
export function useFrozenTops(
  scroller: RefObject<HTMLElement | null>,
  frozenRows: number,
  headerHeight: number,
): number[] {
  const [tops, setTops] = useState<number[]>([]);
  useLayoutEffect(() => {
    const table = scroller.current?.querySelector('table');
    if (!table) return;
    const next: number[] = [];
    let top = headerHeight;
    for (let r = 1; r <= frozenRows; r++) {
      next.push(top);
      top += (table.querySelector(`tr[data-row="${r}"]`) as HTMLElement | null)?.offsetHeight ?? 22;
    }
    next.push(top);
    if (next.join() !== tops.join()) setTops(next);
  });
  return tops;
}
