/**
 * The right-click menu's row and column items, worded as Sheets words them: for the rows or
 * columns selected when the click falls inside the selection, else for the one clicked.
 */
import { columnName, type Edit } from './api';
import type { MenuItem } from './context-menu';
import type { Box } from './grid-selection';

type Run = (change: Edit) => Promise<boolean>;

export function rowItems(tab: number, sel: Box, row: number, run: Run): MenuItem[] {
  const inside = sel.row <= row && row <= sel.row2;
  const first = inside ? sel.row : row;
  const count = inside ? sel.row2 - sel.row + 1 : 1;
  const last = first + count - 1;
  const n = count === 1 ? '1 row' : `${count} rows`;
  return [
    {
      label: `Insert ${n} above`,
      run: () => run({ op: 'insertRows', tab, row: first, count, below: false }),
    },
    {
      label: `Insert ${n} below`,
      run: () => run({ op: 'insertRows', tab, row: last, count, below: true }),
    },
    {
      label: count === 1 ? 'Delete row' : `Delete rows ${first} - ${last}`,
      run: () => run({ op: 'deleteRows', tab, row: first, count }),
    },
  ];
}

export function columnItems(tab: number, sel: Box, column: number, run: Run): MenuItem[] {
  const inside = sel.column <= column && column <= sel.column2;
  const first = inside ? sel.column : column;
  const count = inside ? sel.column2 - sel.column + 1 : 1;
  const last = first + count - 1;
  const n = count === 1 ? '1 column' : `${count} columns`;
  const names = count === 1 ? '' : ` ${columnName(first)} - ${columnName(last)}`;
  return [
    {
      label: `Insert ${n} left`,
      run: () => run({ op: 'insertColumns', tab, column: first, count, right: false }),
    },
    {
      label: `Insert ${n} right`,
      run: () => run({ op: 'insertColumns', tab, column: last, count, right: true }),
    },
    {
      label: count === 1 ? 'Delete column' : `Delete columns${names}`,
      run: () => run({ op: 'deleteColumns', tab, column: first, count }),
    },
    {
      label: count === 1 ? 'Hide column' : `Hide columns${names}`,
      run: () => run({ op: 'hideColumns', tab, column: first, count }),
    },
  ];
}
