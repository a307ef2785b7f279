/** The page's calls to the playground server: state to draw, and what the person does. */
import type { FileState, PageState } from '../page-state';

export type { DrawnCell, DrawnSheet } from '../drawn-sheet';
export type { DriveFile, FileState, PageState, TabEntry } from '../page-state';

export interface Answer {
  ok: boolean;
  error?: string;
  undone?: string;
  tab?: number;
  cut?: string;
}

export async function post(path: string, body: object = {}): Promise<Answer> {
  const r = await fetch(path, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return (await r.json()) as Answer;
}

export async function registryState(tab: number | null): Promise<PageState> {
  const r = await fetch(`/api/state${tab === null ? '' : `?tab=${tab}`}`);
  return (await r.json()) as PageState;
}

export async function fileState(file: string, tab: number | null): Promise<FileState | null> {
  const query = new URLSearchParams({ file });
  if (tab !== null) query.set('tab', String(tab));
  const r = await fetch(`/api/state?${query.toString()}`);
  return r.ok ? ((await r.json()) as FileState) : null;
}

/** One edit of the registry by the person at the page (`playground/person-edits.ts`). */
export type Edit =
  | { op: 'type'; tab: number; row: number; column: number; text: string }
  | {
      op: 'paste';
      tab: number;
      row: number;
      column: number;
      rows: string[][];
      /** The selected block one pasted cell fills. */
      selectionRows?: number;
      selectionColumns?: number;
    }
  | { op: 'clear'; tab: number; row: number; column: number; rows: number; columns: number }
  | { op: 'toggle'; tab: number; row: number; column: number }
  | { op: 'insertRows'; tab: number; row: number; count: number; below: boolean }
  | { op: 'deleteRows'; tab: number; row: number; count: number }
  | { op: 'insertColumns'; tab: number; column: number; count: number; right: boolean }
  | {
      op: 'deleteColumns' | 'hideColumns' | 'showColumns';
      tab: number;
      column: number;
      count: number;
    }
  | { op: 'renameTab'; tab: number; name: string }
  | { op: 'deleteTab'; tab: number }
  | { op: 'addTab' }
  | { op: 'note'; tab: number; row: number; column: number; note: string }
  | { op: 'undo' };

export function edit(change: Edit): Promise<Answer> {
  return post('/api/edit', change);
}

export function columnName(n: number): string {
  let s = '';
  let k = n;
  while (k > 0) {
    const r = (k - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    k = Math.floor((k - 1) / 26);
  }
  return s;
}

/** The number of a column named by its letters: `A` is 1, `AA` 27. */
export function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + ch.charCodeAt(0) - 64;
  return n;
}
