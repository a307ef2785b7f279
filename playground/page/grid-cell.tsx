/**
 * One cell as Sheets draws it: its text in its format and colours, numbers and dates to the
 * right, a checkbox, a dropdown's arrow, a filter's button on its header, a note's or an invalid
 * value's corner, a link, text running on over empty neighbours, and the selection.
 */
import { columnName, type DrawnCell } from './api';
import { px, type Spill } from './grid-layout';

interface Props {
  cell: DrawnCell | null;
  row: number;
  column: number;
  spill: Spill | undefined;
  /** Another cell's text runs over this one. */
  covered: boolean;
  active: boolean;
  inBox: boolean;
  freezeLine: boolean;
  /** A header cell of the sheet's filter: drawn with the filter button Sheets puts there. */
  filterButton: boolean;
  onMouseDown(e: MouseEvent): void;
  onDblClick(): void;
  onContextMenu(e: MouseEvent): void;
  onToggle(): void;
}

function look(cell: DrawnCell | null): { classes: string[]; style: Record<string, string> } {
  const classes: string[] = [];
  const style: Record<string, string> = {};
  if (!cell) return { classes, style };
  if (cell.b) style['fontWeight'] = 'bold';
  if (cell.it) style['fontStyle'] = 'italic';
  if (cell.bg) style['background'] = cell.bg;
  if (cell.fc) style['color'] = cell.fc;
  const align =
    cell.al ??
    (cell.k === 'n' ? 'right' : cell.k === 'b' || cell.cb !== undefined ? 'center' : undefined);
  if (align) style['textAlign'] = align;
  if (cell.w) classes.push('wrap');
  if (cell.n) classes.push('note');
  if (cell.bad) classes.push('bad');
  if (cell.link) classes.push('link');
  if (cell.list !== undefined) classes.push('dd');
  return { classes, style };
}

export function GridCell(props: Props) {
  const { cell, row, column, spill } = props;
  const { classes, style } = look(cell);
  if (spill || props.covered) classes.push('spilled');
  if (spill) classes.push('spills');
  if (props.active) classes.push('active');
  else if (props.inBox) classes.push('in-box');
  if (props.freezeLine) classes.push('freeze-line');
  if (props.filterButton) classes.push('filter-button');
  const title = [cell?.n, cell?.bad ? `Invalid: ${cell.bad}` : ''].filter(Boolean).join('\n');
  return (
    <td
      data-c={column}
      class={classes.join(' ') || undefined}
      style={style}
      title={title || undefined}
      onMouseDown={props.onMouseDown}
      onDblClick={props.onDblClick}
      onContextMenu={props.onContextMenu}
      aria-description={props.filterButton ? 'filter' : undefined}
    >
      {cell?.cb !== undefined ? (
        <span
          role="checkbox"
          aria-checked={cell.cb}
          aria-label={`${columnName(column)}${row}`}
          class="box"
          onClick={props.onToggle}
        >
          {cell.cb ? '☑' : '☐'}
        </span>
      ) : (
        <span class="v" style={spill ? { width: px(spill.width - 8) } : undefined}>
          {cell?.t ?? ''}
        </span>
      )}
    </td>
  );
}
