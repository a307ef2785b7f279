/**
 * What a key pressed on the grid (not in the cell editor) does, as in Sheets: arrows and Tab move,
 * Shift with an arrow extends the selection, Enter or F2 opens the editor with the cell's input,
 * a printable key opens it with that key, Delete or Backspace clears, Space or Enter ticks a
 * checkbox, Alt+Down opens a dropdown, Shift+F2 the note, Ctrl+Z undoes.
 */
import type { DrawnCell } from './api';
import type { Move } from './cell-editor';

export type KeyAction =
  | { kind: 'move' | 'extend'; move: Move }
  | { kind: 'edit'; initial: string; enterMode: boolean; listOpen: boolean }
  | { kind: 'toggle' | 'clear' | 'undo' | 'note' };

const ARROWS: Record<string, Move> = {
  ArrowDown: 'down',
  ArrowUp: 'up',
  ArrowRight: 'right',
  ArrowLeft: 'left',
};

type Key = Pick<KeyboardEvent, 'key' | 'shiftKey' | 'ctrlKey' | 'metaKey' | 'altKey'>;

export function keyAction(e: Key, active: DrawnCell | null): KeyAction | null {
  const ctrl = e.ctrlKey || e.metaKey;
  const arrow = ARROWS[e.key];
  const input = active?.i ?? active?.t ?? '';
  if (arrow && e.altKey && arrow === 'down' && active?.list !== undefined)
    return { kind: 'edit', initial: input, enterMode: false, listOpen: true };
  if (arrow) return { kind: e.shiftKey ? 'extend' : 'move', move: arrow };
  if (e.key === 'Tab') return { kind: 'move', move: e.shiftKey ? 'left' : 'right' };
  if (ctrl && e.key.toLowerCase() === 'z') return { kind: 'undo' };
  if (ctrl || e.altKey) return null;
  if (e.key === 'F2' && e.shiftKey) return { kind: 'note' };
  if ((e.key === 'Enter' || e.key === ' ') && active?.cb !== undefined) return { kind: 'toggle' };
  if (e.key === 'Enter' || e.key === 'F2')
    return { kind: 'edit', initial: input, enterMode: false, listOpen: false };
  if (e.key === 'Delete' || e.key === 'Backspace') return { kind: 'clear' };
  if (e.key.length === 1) return { kind: 'edit', initial: e.key, enterMode: true, listOpen: false };
  return null;
}
