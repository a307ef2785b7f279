/**
 * One tab drawn as Sheets draws it, and the person's hands on it: select with a click or the
 * arrow keys (Shift extends), type or Enter/F2 to edit, Delete to clear, Space or a click on a
 * checkbox, a dropdown's values, paste and copy of tab-separated blocks, a right-click menu for
 * rows, columns and notes. Every change is an `Edit` the server hands to the emulator.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { columnName, type DrawnCell, type DrawnSheet, type Edit } from './api';
import { CellEditor, type EditorPlace, type Move } from './cell-editor';
import { ContextMenu, type MenuAt } from './context-menu';
import { FormulaBar } from './formula-bar';
import { GridCell } from './grid-cell';
import { keyAction } from './grid-keys';
import { ordered, step, useFrozenTops, type Box } from './grid-selection';
import { ColumnHeaders } from './column-headers';
import { useClipboard } from './grid-clipboard';
import { px, rowSpills } from './grid-layout';
import { columnItems, rowItems } from './grid-menus';
import { NoteEditor } from './note-editor';

interface Props {
  sheet: DrawnSheet;
  readOnly: boolean;
  onEdit(change: Edit): Promise<boolean>;
  onLink(link: string): void;
  onUndo(): void;
  /** A cell to select once this tab is drawn: where a link into the tab points. */
  goTo?: { row: number; column: number } | null;
}

interface Editing {
  row: number;
  column: number;
  initial: string;
  enterMode: boolean;
  listOpen: boolean;
  place: EditorPlace;
}

const HEADER_HEIGHT = 24;
const ROW_HEAD_WIDTH = 46;

export function Grid({ sheet, readOnly, onEdit, onLink, onUndo, goTo = null }: Props) {
  const [sel, setSel] = useState<Box>({ row: 1, column: 1, row2: 1, column2: 1 });
  const [editing, setEditing] = useState<Editing | null>(null);
  const [menu, setMenu] = useState<MenuAt | null>(null);
  const [note, setNote] = useState<{ row: number; column: number; place: EditorPlace } | null>(
    null,
  );
  const scroller = useRef<HTMLDivElement>(null);
  const frozenTops = useFrozenTops(scroller, sheet.frozenRows, HEADER_HEIGHT);

  useEffect(() => {
    setSel({ row: 1, column: 1, row2: 1, column2: 1 });
    setEditing(null);
    scroller.current?.scrollTo(0, 0);
  }, [sheet.id]);

  const columns = (sheet.grid[0] ?? []).length;
  const hidden = new Set(sheet.hidden);
  const shown = Array.from({ length: columns }, (_, i) => i + 1).filter((c) => !hidden.has(c));
  const cellAt = (r: number, c: number): DrawnCell | null => sheet.grid[r - 1]?.[c - 1] ?? null;
  const active = cellAt(sel.row, sel.column);
  const b = ordered(sel);
  const inBox = (r: number, c: number): boolean =>
    r >= b.row && r <= b.row2 && c >= b.column && c <= b.column2;

  const tdOf = (r: number, c: number): HTMLElement | null =>
    scroller.current?.querySelector(`tr[data-row="${r}"] td[data-c="${c}"]`) ?? null;

  const placeOf = (r: number, c: number): EditorPlace => {
    const td = tdOf(r, c);
    return td
      ? { top: td.offsetTop, left: td.offsetLeft, width: td.offsetWidth, height: td.offsetHeight }
      : { top: 0, left: 0, width: 100, height: 22 };
  };

  const focusGrid = (): void => scroller.current?.focus({ preventScroll: true });

  const select = (row: number, column: number, extend = false): void => {
    const r = Math.max(1, Math.min(sheet.grid.length, row));
    const c = Math.max(1, Math.min(columns, column));
    setSel((s) =>
      extend ? { ...s, row2: r, column2: c } : { row: r, column: c, row2: r, column2: c },
    );
    requestAnimationFrame(() =>
      tdOf(r, c)?.scrollIntoView({ block: 'nearest', inline: 'nearest' }),
    );
  };

  useEffect(() => {
    if (goTo) select(goTo.row, goTo.column);
  }, [sheet.id, goTo]);

  const edit = (
    row: number,
    column: number,
    initial: string,
    enterMode: boolean,
    listOpen: boolean,
  ): void => {
    if (!readOnly)
      setEditing({ row, column, initial, enterMode, listOpen, place: placeOf(row, column) });
  };

  /** Moves on at once, as Sheets does, while the server takes the typed text. */
  const commit = (e: Editing, text: string, m: Move): void => {
    setEditing(null);
    focusGrid();
    select(...step(m, e.row, e.column, hidden, columns));
    const before = cellAt(e.row, e.column);
    if (text !== (before?.i ?? before?.t ?? ''))
      void onEdit({ op: 'type', tab: sheet.id, row: e.row, column: e.column, text });
  };

  const openNote = (row: number, column: number): void => {
    if (!readOnly) setNote({ row, column, place: placeOf(row, column) });
  };

  const onKeyDown = (e: KeyboardEvent): void => {
    if (editing || note) return;
    const action = keyAction(e, active);
    if (!action) return;
    e.preventDefault();
    switch (action.kind) {
      case 'move':
        return select(...step(action.move, sel.row, sel.column, hidden, columns));
      case 'extend':
        return select(...step(action.move, sel.row2, sel.column2, hidden, columns), true);
      case 'edit':
        return edit(sel.row, sel.column, action.initial, action.enterMode, action.listOpen);
      case 'toggle':
        if (!readOnly)
          void onEdit({ op: 'toggle', tab: sheet.id, row: sel.row, column: sel.column });
        return;
      case 'clear':
        if (!readOnly)
          void onEdit({
            op: 'clear',
            tab: sheet.id,
            row: b.row,
            column: b.column,
            rows: b.row2 - b.row + 1,
            columns: b.column2 - b.column + 1,
          });
        return;
      case 'undo':
        if (!readOnly) onUndo();
        return;
      case 'note':
        return openNote(sel.row, sel.column);
    }
  };

  useClipboard(scroller, !editing, {
    paste: (rows) => {
      if (!readOnly)
        void onEdit({
          op: 'paste',
          tab: sheet.id,
          row: b.row,
          column: b.column,
          rows,
          selectionRows: b.row2 - b.row + 1,
          selectionColumns: b.column2 - b.column + 1,
        });
    },
    copy: () => {
      const rows: string[][] = [];
      for (let r = b.row; r <= b.row2; r++)
        rows.push(
          shown.filter((c) => c >= b.column && c <= b.column2).map((c) => cellAt(r, c)?.t ?? ''),
        );
      return rows;
    },
  });

  const openMenu = (e: MouseEvent, at: { row?: number; column?: number }): void => {
    e.preventDefault();
    if (readOnly) return;
    const items = [
      ...(at.row === undefined ? [] : rowItems(sheet.id, b, at.row, onEdit)),
      ...(at.column === undefined ? [] : columnItems(sheet.id, b, at.column, onEdit)),
    ];
    const { row, column } = at;
    if (row !== undefined && column !== undefined)
      items.push({
        label: cellAt(row, column)?.n ? 'Edit note' : 'Insert note',
        run: () => openNote(row, column),
      });
    setMenu({ x: e.clientX, y: e.clientY, items });
  };

  /** A press in a cell selects it; on a dropdown's arrow it opens the dropdown. */
  const pressCell = (e: MouseEvent, r: number, c: number): void => {
    if (e.button !== 0) return;
    e.preventDefault();
    select(r, c, e.shiftKey);
    focusGrid();
    const cell = cellAt(r, c);
    const td = e.currentTarget as HTMLElement;
    if (cell?.list !== undefined && e.offsetX > td.offsetWidth - 20)
      edit(r, c, cell.i ?? cell.t, false, true);
  };

  const widthsTotal = ROW_HEAD_WIDTH + shown.reduce((n, c) => n + (sheet.widths[c] ?? 100), 0);
  const listOf = (e: Editing): string[] | undefined => {
    const list = cellAt(e.row, e.column)?.list;
    return list === undefined ? undefined : sheet.lists[list];
  };

  return (
    <section class="grid-area" aria-label={`Sheet ${sheet.name}`}>
      <FormulaBar
        a1={`${columnName(sel.column)}${sel.row}`}
        cell={active}
        onGo={(row, column) => {
          select(row, column);
          focusGrid();
        }}
        onLink={onLink}
      />
      <div
        id="grid"
        class="grid"
        ref={scroller}
        tabIndex={0}
        onKeyDown={onKeyDown}
        style={{
          scrollPaddingTop: px(frozenTops.at(-1) ?? HEADER_HEIGHT),
          scrollPaddingLeft: px(ROW_HEAD_WIDTH),
        }}
      >
        <table style={{ width: px(widthsTotal) }}>
          <colgroup>
            <col style={{ width: px(ROW_HEAD_WIDTH) }} />
            {shown.map((c) => (
              <col key={c} style={{ width: px(sheet.widths[c] ?? 100) }} />
            ))}
          </colgroup>
          <ColumnHeaders
            shown={shown}
            hidden={hidden}
            selected={[b.column, b.column2]}
            readOnly={readOnly}
            onSelect={(c) => {
              setSel({ row: 1, column: c, row2: sheet.grid.length, column2: c });
              focusGrid();
            }}
            onMenu={(e, c) => openMenu(e, { column: c })}
            onUnhide={(column, count) =>
              void onEdit({ op: 'showColumns', tab: sheet.id, column, count })
            }
          />
          <tbody>
            {sheet.grid.map((line, i) => {
              const r = i + 1;
              const frozen = r <= sheet.frozenRows;
              const spills = rowSpills(line, shown, sheet.widths);
              const covered = new Set([...spills.values()].flatMap((s) => s.covers));
              return (
                <tr
                  key={r}
                  data-row={r}
                  class={frozen ? 'frozen' : undefined}
                  style={frozen ? { '--top': px(frozenTops[i] ?? HEADER_HEIGHT) } : undefined}
                >
                  <td
                    class={`rowhead${r >= b.row && r <= b.row2 ? ' on' : ''}`}
                    onMouseDown={(e) => {
                      if (e.button !== 0) return;
                      e.preventDefault();
                      setSel({ row: r, column: 1, row2: r, column2: columns });
                      focusGrid();
                    }}
                    onContextMenu={(e) => openMenu(e, { row: r })}
                  >
                    {r}
                  </td>
                  {shown.map((c) => (
                    <GridCell
                      key={c}
                      cell={line[c - 1] ?? null}
                      row={r}
                      column={c}
                      spill={spills.get(c)}
                      covered={covered.has(c)}
                      active={r === sel.row && c === sel.column}
                      inBox={inBox(r, c)}
                      freezeLine={r === sheet.frozenRows}
                      filterButton={
                        r === sheet.filter?.row &&
                        c >= sheet.filter.column &&
                        c < sheet.filter.column + sheet.filter.numColumns
                      }
                      onMouseDown={(e) => pressCell(e, r, c)}
                      onDblClick={() => {
                        const cell = line[c - 1];
                        if (cell?.cb === undefined)
                          edit(r, c, cell?.i ?? cell?.t ?? '', false, false);
                      }}
                      onContextMenu={(e) => {
                        if (!inBox(r, c)) select(r, c);
                        openMenu(e, { row: r, column: c });
                      }}
                      onToggle={() => {
                        if (!readOnly)
                          void onEdit({ op: 'toggle', tab: sheet.id, row: r, column: c });
                      }}
                    />
                  ))}
                </tr>
              );
            })}
          </tbody>
        </table>
        {editing && (
          <CellEditor
            key={`${editing.row}:${editing.column}`}
            label={`Edit ${columnName(editing.column)}${editing.row}`}
            place={editing.place}
            initial={editing.initial}
            enterMode={editing.enterMode}
            listOpen={editing.listOpen}
            values={listOf(editing)}
            onCommit={(text, m) => commit(editing, text, m)}
            onCancel={() => {
              setEditing(null);
              focusGrid();
            }}
          />
        )}
        {note && (
          <NoteEditor
            label={`Note for ${columnName(note.column)}${note.row}`}
            place={note.place}
            initial={cellAt(note.row, note.column)?.n ?? ''}
            onSave={(text) => {
              setNote(null);
              focusGrid();
              void onEdit({
                op: 'note',
                tab: sheet.id,
                row: note.row,
                column: note.column,
                note: text,
              });
            }}
            onCancel={() => {
              setNote(null);
              focusGrid();
            }}
          />
        )}
      </div>
      {menu && (
        <ContextMenu
          at={menu}
          onClose={() => {
            setMenu(null);
            focusGrid();
          }}
        />
      )}
    </section>
  );
}
