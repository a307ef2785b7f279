/**
 * The bar above the grid: the name box (the selected cell, and where to type `C7` to go there),
 * the cell's formula or input, and the way to follow a link the cell holds.
 */
import type { DrawnCell } from './api';

interface Props {
  a1: string;
  cell: DrawnCell | null;
  onGo(row: number, column: number): void;
  onLink(link: string): void;
}

export function FormulaBar({ a1, cell, onGo, onLink }: Props) {
  return (
    <div class="formula-bar">
      <input
        class="name-box"
        aria-label="Name box"
        // Not bound to the selection while typed in: a redraw must not undo what is typed.
        defaultValue={a1}
        key={a1}
        onKeyDown={(e) => {
          if (e.key !== 'Enter') return;
          const m = /^([A-Za-z]{1,3})(\d+)$/.exec((e.target as HTMLInputElement).value.trim());
          if (!m) return;
          let column = 0;
          for (const ch of m[1]!.toUpperCase()) column = column * 26 + ch.charCodeAt(0) - 64;
          onGo(Number(m[2]), column);
        }}
      />
      <span class="fx" aria-hidden="true">
        fx
      </span>
      <output class="formula" aria-label="Formula bar">
        {cell?.i ?? cell?.t ?? ''}
      </output>
      {cell?.link && (
        <button type="button" class="open-link" onClick={() => onLink(cell.link!)}>
          Open link
        </button>
      )}
    </div>
  );
}
