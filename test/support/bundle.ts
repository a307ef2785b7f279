/** Loads the built add-on into a fresh emulator, as every bundle test does. */
import { resolve } from 'node:path';
import {
  createRuntime,
  type LoadedScript,
  type Runtime,
  type RuntimeOptions,
  type SheetData,
} from '../../emulator/index.js';

export const BUNDLE = resolve(import.meta.dirname, '../../dist/Code.js');

export interface Loaded {
  rt: Runtime;
  addon: LoadedScript;
}

export function loadAddon(options: RuntimeOptions = {}): Loaded {
  const rt = createRuntime({ now: '2026-11-18T10:00:00Z', ...options });
  const addon = rt.load(BUNDLE);
  return { rt, addon };
}

export function tab(rt: Runtime, name: string): SheetData {
  const sheet = rt.spreadsheet.sheetByName(name);
  if (!sheet)
    throw new Error(
      `no tab named ${name}; tabs: ${rt.spreadsheet.sheets.map((s) => s.name).join(', ')}`,
    );
  return sheet;
}

/** The values of a tab as getValues would give them, Dates as ISO dates in the sheet's zone. */
export function values(rt: Runtime, sheet: SheetData): unknown[][] {
  const rows: unknown[][] = [];
  const last = sheet.lastRow();
  const cols = sheet.lastColumn();
  for (let r = 1; r <= last; r++) {
    const line: unknown[] = [];
    for (let c = 1; c <= cols; c++) {
      const v = rt.spreadsheet.read(sheet, r, c);
      line.push(v instanceof Date ? v.toISOString() : v);
    }
    rows.push(line);
  }
  return rows;
}

export function rowWith(rt: Runtime, sheet: SheetData, firstCell: string): number {
  const rows = values(rt, sheet);
  const i = rows.findIndex((r) => r[0] === firstCell);
  if (i < 0) throw new Error(`no row starting ${firstCell} on ${sheet.name}`);
  return i + 1;
}

export function addClient(
  addon: LoadedScript,
  fields: Record<string, unknown>,
): { id: string; name: string } {
  return addon.call('addClient', fields) as { id: string; name: string };
}

export interface AddedItem {
  id: string;
  clientId: string;
  clientName: string;
  kind: string;
  row: number;
}

export function addDebt(
  addon: LoadedScript,
  clientId: string,
  fields: Record<string, unknown>,
): AddedItem {
  return addon.call('addItem', { clientId, kind: 'debt', fields }) as AddedItem;
}
