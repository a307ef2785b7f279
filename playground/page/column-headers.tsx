/**
 * The column letters over the grid: a click selects the column, a right-click opens its menu, and
 * where columns are hidden a small ◂▸ shows them again, as in Sheets.
 */
import { columnName } from './api';

interface Props {
  shown: number[];
  hidden: Set<number>;
  selected: [number, number];
  readOnly: boolean;
  onSelect(column: number): void;
  onMenu(e: MouseEvent, column: number): void;
  onUnhide(column: number, count: number): void;
}

export function ColumnHeaders(props: Props) {
  const { hidden, selected } = props;
  return (
    <thead>
      <tr>
        <th class="corner" />
        {props.shown.map((c) => (
          <th
            key={c}
            data-c={c}
            class={c >= selected[0] && c <= selected[1] ? 'on' : undefined}
            onMouseDown={(e) => {
              if (e.button !== 0) return;
              e.preventDefault();
              props.onSelect(c);
            }}
            onContextMenu={(e) => props.onMenu(e, c)}
          >
            {columnName(c)}
            {hidden.has(c + 1) && !props.readOnly && (
              <button
                type="button"
                class="unhide"
                aria-label={`Show hidden columns after ${columnName(c)}`}
                onMouseDown={(e) => e.stopPropagation()}
                onClick={() => {
                  let n = 0;
                  while (hidden.has(c + 1 + n)) n++;
                  props.onUnhide(c + 1, n);
                }}
              >
                ◂▸
              </button>
            )}
          </th>
        ))}
      </tr>
    </thead>
  );
}
