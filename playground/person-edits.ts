/**
 * `POST /api/edit`: what the person at the page did to the registry (typed, pasted, cleared,
 * ticked, inserted, deleted, renamed, noted, undid), checked field by field and handed to the
 * emulator's `SheetsEditor`. Only the registry open in the editor can be edited here; other files
 * open as their viewers see them. Nothing sent is evaluated: typed text is a cell's input.
 */
import { EditRefused, type Runtime, type SheetsEditor } from '../emulator/index.js';

export interface EditAnswer {
  status: number;
  body: { ok: boolean; error?: string; undone?: string; tab?: number };
}

/** The biggest block one paste may hold, as a guard on the request, not a Sheets limit. */
const MAX_PASTE_CELLS = 20000;

class BadEdit extends Error {}

function whole(body: Record<string, unknown>, key: string, min = 1): number {
  const v = body[key];
  if (typeof v !== 'number' || !Number.isInteger(v) || v < min)
    throw new BadEdit(`"${key}" must be a whole number of ${min} or more.`);
  return v;
}

function text(body: Record<string, unknown>, key: string): string {
  const v = body[key];
  if (typeof v !== 'string') throw new BadEdit(`"${key}" must be a string.`);
  return v;
}

function block(body: Record<string, unknown>): string[][] {
  const rows = body['rows'];
  if (
    !Array.isArray(rows) ||
    rows.some((r) => !Array.isArray(r) || r.some((c) => typeof c !== 'string'))
  )
    throw new BadEdit('"rows" must be an array of rows of strings.');
  const cells = rows.reduce((n: number, r: unknown[]) => n + r.length, 0);
  if (cells > MAX_PASTE_CELLS)
    throw new BadEdit(`A paste may hold at most ${MAX_PASTE_CELLS} cells.`);
  return rows as string[][];
}

const OPS = [
  'type',
  'paste',
  'clear',
  'toggle',
  'insertRows',
  'deleteRows',
  'insertColumns',
  'deleteColumns',
  'hideColumns',
  'showColumns',
  'renameTab',
  'addTab',
  'deleteTab',
  'note',
  'undo',
] as const;

export function applyEdit(
  rt: Runtime,
  editor: SheetsEditor,
  body: Record<string, unknown>,
): EditAnswer {
  const file = rt.spreadsheet.id;
  try {
    const op = body['op'];
    if (typeof op !== 'string' || !(OPS as readonly string[]).includes(op))
      throw new BadEdit(`"op" must be one of ${OPS.join(', ')}.`);
    if (op === 'undo') return { status: 200, body: { ok: true, undone: editor.undo(file) } };
    if (op === 'addTab') return { status: 200, body: { ok: true, tab: editor.addTab(file) } };
    const tab = whole(body, 'tab', 0);
    const at = () => ({ sheetId: tab, row: whole(body, 'row'), column: whole(body, 'column') });
    const count = () => (body['count'] === undefined ? 1 : whole(body, 'count'));
    switch (op) {
      case 'type':
        editor.type(file, at(), text(body, 'text'));
        break;
      case 'paste': {
        // One cell pasted over a selected block fills the block, as in Sheets.
        const rows = block(body);
        const only = rows.length === 1 && rows[0]?.length === 1 ? rows[0][0] : undefined;
        const height = body['selectionRows'] === undefined ? 1 : whole(body, 'selectionRows');
        const width = body['selectionColumns'] === undefined ? 1 : whole(body, 'selectionColumns');
        if (only !== undefined && height * width > 1) {
          if (height * width > MAX_PASTE_CELLS)
            throw new BadEdit(`A paste may hold at most ${MAX_PASTE_CELLS} cells.`);
          editor.fill(file, at(), height, width, only);
        } else editor.paste(file, at(), rows);
        break;
      }
      case 'clear':
        editor.clear(file, at(), whole(body, 'rows'), whole(body, 'columns'));
        break;
      case 'toggle':
        editor.toggleCheckbox(file, at());
        break;
      case 'insertRows':
        editor.insertRows(file, tab, whole(body, 'row'), count(), body['below'] === true);
        break;
      case 'deleteRows':
        editor.deleteRows(file, tab, whole(body, 'row'), count());
        break;
      case 'insertColumns':
        editor.insertColumns(file, tab, whole(body, 'column'), count(), body['right'] === true);
        break;
      case 'deleteColumns':
        editor.deleteColumns(file, tab, whole(body, 'column'), count());
        break;
      case 'hideColumns':
        editor.hideColumns(file, tab, whole(body, 'column'), count());
        break;
      case 'showColumns':
        editor.showColumns(file, tab, whole(body, 'column'), count());
        break;
      case 'renameTab':
        editor.renameTab(file, tab, text(body, 'name'));
        break;
      case 'deleteTab':
        editor.deleteTab(file, tab);
        break;
      case 'note':
        editor.setNote(file, at(), text(body, 'note'));
        break;
    }
    return { status: 200, body: { ok: true } };
  } catch (e) {
    if (e instanceof BadEdit) return { status: 400, body: { ok: false, error: e.message } };
    if (e instanceof EditRefused) return { status: 422, body: { ok: false, error: e.message } };
    throw e;
  }
}
