/**
 * One tab drawn as Sheets draws it, and the person's hands on it: select with a click or the
 * arrow keys (Shift extends), type or Enter/F2 to edit, Delete to clear, Space or a click on a
 * checkbox, a dropdown's values, paste and copy of tab-separated blocks, a right-click menu for
 * rows, columns and notes. Every change is an `Edit` the server hands to the emulator.
 */
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { columnName, type DrawnCell, type DrawnSheet, type Edit } from './api';
import { CellEditor, type EditorPlace, type Move } from './cell-editor';
import { ContextMenu, type MenuAt } from './context-menu';
import { columnItems, rowItems } from './grid-menus';
import { fromClipboard, px, rowSpills, toClipboard } from './grid-layout';
import { NoteEditor } from './note-editor';

interface Props {
  sheet: DrawnSheet;
  readOnly: boolean;
  onEdit(change: Edit): Promise<boolean>;
  onLink(link: string): void;
  onUndo(): void;
}

export interface Box {
  row: number;
  column: number;
  row2: number;
  column2: number;
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

export function Grid({ sheet, readOnly, onEdit, onLink, onUndo }: Props) {
  const [sel, setSel] = useState<Box>({ row: 1, column: 1, row2: 1, column2: 1 });
  const [editing, setEditing] = useState<Editing | null>(null);
  const [menu, setMenu] = useState<MenuAt | null>(null);
  const [note, setNote] = useState<{ row: number; column: number; place: EditorPlace } | null>(
    null,
  );
  const [frozenTops, setFrozenTops] = useState<number[]>([]);
  const scroller = useRef<HTMLDivElement>(null);

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
  const a1 = `${columnName(sel.column)}${sel.row}`;

  useLayoutEffect(() => {
    const table = scroller.current?.querySelector('table');
    if (!table) return;
    const tops: number[] = [];
    let top = HEADER_HEIGHT;
    for (let r = 1; r <= sheet.frozenRows; r++) {
      tops.push(top);
      top += (table.querySelector(`tr[data-row="${r}"]`) as HTMLElement | null)?.offsetHeight ?? 22;
    }
    if (tops.join() !== frozenTops.join()) setFrozenTops(tops);
  });

  const tdOf = (r: number, c: number): HTMLElement | null =>
    scroller.current?.querySelector(`tr[data-row="${r}"] td[data-c="${c}"]`) ?? null;

  const placeOf = (r: number, c: number): EditorPlace => {
    const td = tdOf(r, c);
    return td
      ? { top: td.offsetTop, left: td.offsetLeft, width: td.offsetWidth, height: td.offsetHeight }
      : { top: 0, left: 0, width: 100, height: 22 };
  };

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

  /** The next shown column from `c` in direction `step`, skipping hidden ones. */
  const nextColumn = (c: number, step: number): number => {
    let n = c + step;
    while (hidden.has(n)) n += step;
    return n < 1 || n > columns ? c : n;
  };

  const move = (m: Move, from = sel): void => {
    if (m === 'down') select(from.row + 1, from.column);
    if (m === 'up') select(from.row - 1, from.column);
    if (m === 'right') select(from.row, nextColumn(from.column, 1));
    if (m === 'left') select(from.row, nextColumn(from.column, -1));
  };

  const focusGrid = (): void => scroller.current?.focus({ preventScroll: true });

  const startEdit = (initial: string, enterMode: boolean, listOpen = false): void => {
    if (readOnly) return;
    setEditing({
      row: sel.row,
      column: sel.column,
      initial,
      enterMode,
      listOpen,
      place: placeOf(sel.row, sel.column),
    });
  };

  /** Moves on at once, as Sheets does, while the server takes the typed text. */
  const commit = (e: Editing, text: string, m: Move): void => {
    setEditing(null);
    focusGrid();
    move(m, { row: e.row, column: e.column, row2: e.row, column2: e.column });
    const before = cellAt(e.row, e.column);
    if (text !== (before?.i ?? before?.t ?? ''))
      void onEdit({ op: 'type', tab: sheet.id, row: e.row, column: e.column, text });
  };

  const box = (): Box => ({
    row: Math.min(sel.row, sel.row2),
    column: Math.min(sel.column, sel.column2),
    row2: Math.max(sel.row, sel.row2),
    column2: Math.max(sel.column, sel.column2),
  });

  const toggle = (r: number, c: number): void => {
    if (!readOnly) void onEdit({ op: 'toggle', tab: sheet.id, row: r, column: c });
  };

  const onKeyDown = (e: KeyboardEvent): void => {
    if (editing || note) return;
    const ctrl = e.ctrlKey || e.metaKey;
    const arrow = { ArrowDown: 'down', ArrowUp: 'up', ArrowRight: 'right', ArrowLeft: 'left' }[
      e.key
    ] as Move | undefined;
    if (arrow && e.altKey && arrow === 'down' && active?.list !== undefined) {
      e.preventDefault();
      startEdit(active.i ?? active.t, false, true);
    } else if (arrow && e.shiftKey) {
      e.preventDefault();
      const dr = arrow === 'down' ? 1 : arrow === 'up' ? -1 : 0;
      const c2 =
        arrow === 'right'
          ? nextColumn(sel.column2, 1)
          : arrow === 'left'
            ? nextColumn(sel.column2, -1)
            : sel.column2;
      select(sel.row2 + dr, c2, true);
    } else if (arrow) {
      e.preventDefault();
      move(arrow);
    } else if (e.key === 'Tab') {
      e.preventDefault();
      move(e.shiftKey ? 'left' : 'right');
    } else if (ctrl && e.key.toLowerCase() === 'z') {
      e.preventDefault();
      if (!readOnly) onUndo();
    } else if (ctrl || e.altKey) {
      return;
    } else if (e.key === 'F2' && e.shiftKey) {
      e.preventDefault();
      if (!readOnly)
        setNote({ row: sel.row, column: sel.column, place: placeOf(sel.row, sel.column) });
    } else if ((e.key === 'Enter' || e.key === ' ') && active?.cb !== undefined) {
      e.preventDefault();
      toggle(sel.row, sel.column);
    } else if (e.key === 'Enter' || e.key === 'F2') {
      e.preventDefault();
      startEdit(active?.i ?? active?.t ?? '', false);
    } else if (e.key === 'Delete' || e.key === 'Backspace') {
      e.preventDefault();
      const b = box();
      if (!readOnly)
        void onEdit({
          op: 'clear',
          tab: sheet.id,
          row: b.row,
          column: b.column,
          rows: b.row2 - b.row + 1,
          columns: b.column2 - b.column + 1,
        });
    } else if (e.key.length === 1) {
      e.preventDefault();
      startEdit(e.key, true);
    }
  };

  useEffect(() => {
    const el = scroller.current;
    if (!el) return;
    const onPaste = (e: ClipboardEvent): void => {
      if (editing || readOnly) return;
      const text = e.clipboardData?.getData('text/plain') ?? '';
      const rows = fromClipboard(text);
      if (!rows.length) return;
      e.preventDefault();
      void onEdit({ op: 'paste', tab: sheet.id, row: sel.row, column: sel.column, rows });
    };
    const onCopy = (e: ClipboardEvent): void => {
      if (editing) return;
      const b = box();
      const rows: string[][] = [];
      for (let r = b.row; r <= b.row2; r++) {
        const line: string[] = [];
        for (let c = b.column; c <= b.column2; c++)
          if (!hidden.has(c)) line.push(cellAt(r, c)?.t ?? '');
        rows.push(line);
      }
      e.clipboardData?.setData('text/plain', toClipboard(rows));
      e.preventDefault();
    };
    el.addEventListener('paste', onPaste);
    el.addEventListener('copy', onCopy);
    return () => {
      el.removeEventListener('paste', onPaste);
      el.removeEventListener('copy', onCopy);
    };
  });

  const b = box();
  const inBox = (r: number, c: number): boolean =>
    r >= b.row && r <= b.row2 && c >= b.column && c <= b.column2;

  const openMenu = (x: number, y: number, at: { row?: number; column?: number }): void => {
    if (readOnly) return;
    const items = [
      ...(at.row === undefined ? [] : rowItems(sheet.id, b, at.row, onEdit)),
      ...(at.column === undefined ? [] : columnItems(sheet.id, b, at.column, onEdit)),
    ];
    if (at.row !== undefined && at.column !== undefined) {
      const { row, column } = at;
      items.push({
        label: cellAt(row, column)?.n ? 'Edit note' : 'Insert note',
        run: () => setNote({ row, column, place: placeOf(row, column) }),
      });
    }
    setMenu({ x, y, items });
  };

  const widthsTotal = 46 + shown.reduce((n, c) => n + (sheet.widths[c] ?? 100), 0);

  const renderCell = (
    line: (DrawnCell | null)[],
    r: number,
    c: number,
    spills: ReturnType<typeof rowSpills>,
    covered: Set<number>,
  ) => {
    const cell = line[c - 1] ?? null;
    const classes: string[] = [];
    const style: Record<string, string | number> = {};
    if (cell) {
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
    }
    const spill = spills.get(c);
    if (spill || covered.has(c)) classes.push('spilled');
    if (r === sel.row && c === sel.column) classes.push('active');
    else if (inBox(r, c)) classes.push('in-box');
    if (r === sheet.frozenRows) classes.push('freeze-line');
    const title = [cell?.n, cell?.bad ? `Invalid: ${cell.bad}` : ''].filter(Boolean).join('\n');
    return (
      <td
        key={c}
        data-c={c}
        class={classes.join(' ') || undefined}
        style={style}
        title={title || undefined}
        onMouseDown={(e) => {
          if (e.button !== 0) return;
          select(r, c, e.shiftKey);
          focusGrid();
          e.preventDefault();
          if (cell?.list !== undefined && !readOnly) {
            const td = e.currentTarget as HTMLElement;
            if (e.offsetX > td.offsetWidth - 20) {
              setEditing({
                row: r,
                column: c,
                initial: cell.i ?? cell.t,
                enterMode: false,
                listOpen: true,
                place: placeOf(r, c),
              });
            }
          }
        }}
        onDblClick={() => {
          if (cell?.cb === undefined) startEdit(cell?.i ?? cell?.t ?? '', false);
        }}
        onContextMenu={(e) => {
          e.preventDefault();
          if (!inBox(r, c)) select(r, c);
          openMenu(e.clientX, e.clientY, { row: r, column: c });
        }}
      >
        {cell?.cb !== undefined ? (
          <span
            role="checkbox"
            aria-checked={cell.cb}
            aria-label={`${columnName(c)}${r}`}
            class="box"
            onClick={() => toggle(r, c)}
          >
            {cell.t === '' ? '' : cell.cb ? '☑' : '☐'}
          </span>
        ) : (
          <span class="v" style={spill ? { width: px(spill.width - 8) } : undefined}>
            {cell?.t ?? ''}
          </span>
        )}
      </td>
    );
  };

  return (
    <section class="grid-area" aria-label={`Sheet ${sheet.name}`}>
      <div class="formula-bar">
        <input
          class="name-box"
          aria-label="Name box"
          value={a1}
          key={a1}
          onKeyDown={(e) => {
            if (e.key !== 'Enter') return;
            const m = /^([A-Za-z]{1,3})(\d+)$/.exec((e.target as HTMLInputElement).value.trim());
            if (!m) return;
            let col = 0;
            for (const ch of m[1]!.toUpperCase()) col = col * 26 + ch.charCodeAt(0) - 64;
            select(Number(m[2]), col);
            focusGrid();
          }}
        />
        <span class="fx" aria-hidden="true">
          fx
        </span>
        <output class="formula" aria-label="Formula bar">
          {active?.i ?? active?.t ?? ''}
        </output>
        {active?.link && (
          <button type="button" class="open-link" onClick={() => onLink(active.link!)}>
            Open link
          </button>
        )}
      </div>
      <div id="grid" class="grid" ref={scroller} tabIndex={0} onKeyDown={onKeyDown}>
        <table style={{ width: px(widthsTotal) }}>
          <colgroup>
            <col style={{ width: px(46) }} />
            {shown.map((c) => (
              <col key={c} style={{ width: px(sheet.widths[c] ?? 100) }} />
            ))}
          </colgroup>
          <thead>
            <tr>
              <th class="corner" />
              {shown.map((c) => (
                <th
                  key={c}
                  data-c={c}
                  class={c >= b.column && c <= b.column2 ? 'on' : undefined}
                  onMouseDown={(e) => {
                    if (e.button !== 0) return;
                    setSel({ row: 1, column: c, row2: sheet.grid.length, column2: c });
                    focusGrid();
                    e.preventDefault();
                  }}
                  onContextMenu={(e) => {
                    e.preventDefault();
                    openMenu(e.clientX, e.clientY, { column: c });
                  }}
                >
                  {columnName(c)}
                  {hidden.has(c + 1) && !readOnly && (
                    <button
                      type="button"
                      class="unhide"
                      aria-label={`Show hidden columns after ${columnName(c)}`}
                      onMouseDown={(e) => e.stopPropagation()}
                      onClick={() => {
                        let n = 0;
                        while (hidden.has(c + 1 + n)) n++;
                        void onEdit({ op: 'showColumns', tab: sheet.id, column: c + 1, count: n });
                      }}
                    >
                      ◂▸
                    </button>
                  )}
                </th>
              ))}
            </tr>
          </thead>
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
                  style={frozen ? { '--top': `${frozenTops[i] ?? HEADER_HEIGHT}px` } : undefined}
                >
                  <td
                    class={`rowhead${r >= b.row && r <= b.row2 ? ' on' : ''}`}
                    onMouseDown={(e) => {
                      if (e.button !== 0) return;
                      setSel({ row: r, column: 1, row2: r, column2: columns });
                      focusGrid();
                      e.preventDefault();
                    }}
                    onContextMenu={(e) => {
                      e.preventDefault();
                      openMenu(e.clientX, e.clientY, { row: r });
                    }}
                  >
                    {r}
                  </td>
                  {shown.map((c) => renderCell(line, r, c, spills, covered))}
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
            values={(() => {
              const list = cellAt(editing.row, editing.column)?.list;
              return list === undefined ? undefined : sheet.lists[list];
            })()}
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
