/**
 * A client's Decisions as decision records need them: read from the whole tab in one call, with
 * every character (the cross-client reads cut long text; a record must not), and new rows
 * appended as one block: one row insertion and one write, whatever their number.
 */
import { clientOfTab } from '../domain/discover-clients.js';
import type { LocatedSection } from '../domain/client-tab-layout.js';
import type { DecisionRow } from '../domain/decision-records.js';
import type { ImportRow } from '../domain/decision-import-plan.js';
import { exportableDecisions, type ExportableDecisions } from '../domain/decision-export-guard.js';
import { InputError } from '../domain/input-error.js';
import { readSectionItems } from '../domain/section-items.js';
import { writeCells, type CellInput } from './cell-text.js';
import { requireSection } from './client-items.js';
import { isoDates } from './grid-dates.js';
import { newRowCells } from './item-cells.js';
import { readWholeTab } from './sheet-rows.js';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export interface ClientDecisions {
  name: string;
  section: LocatedSection;
  decisions: DecisionRow[];
}

/** The client's decisions from `grid` (read once); dates as ISO dates when `timeZone` is given. */
export function decisionsOfGrid(
  grid: unknown[][],
  clientId: string,
  tabName: string,
  timeZone: string | null,
): ClientDecisions {
  const found = clientOfTab({
    grid: timeZone ? isoDates(grid, timeZone) : grid,
    markedId: () => clientId,
    id: () => clientId,
    tabName: () => tabName,
  });
  if (!found.client)
    throw new InputError('That tab no longer holds a client. Reload the client list.', 'clientId');
  const section = requireSection(found.client.layout, 'decision');
  const { items } = readSectionItems(section, tabName);
  return {
    name: found.client.name,
    section,
    decisions: items.map((i) => ({ id: i.id, fields: i.fields })),
  };
}

export function readClientDecisions(
  sheet: Sheet,
  clientId: string,
  timeZone: string | null,
): ClientDecisions {
  return decisionsOfGrid(readWholeTab(sheet), clientId, sheet.getName(), timeZone);
}

/**
 * A client's decisions as an export may take them (decision-export-guard.ts): the tab's values
 * in one call, read whole (or `grid` when the caller has it uncut), and its formulas in one more,
 * so a value a formula shows is never exported as if typed. `name` is the profile's name when
 * typed, else the tab's.
 */
export function readExportableDecisions(
  sheet: Sheet,
  clientId: string,
  timeZone: string,
  tabName: string,
  grid: unknown[][] = readWholeTab(sheet),
): { name: string } & ExportableDecisions {
  const width = Math.max(0, ...grid.map((r) => r.length));
  const formulas =
    grid.length && width ? sheet.getRange(1, 1, grid.length, width).getFormulas() : [];
  const found = clientOfTab({
    grid: isoDates(grid, timeZone),
    markedId: () => clientId,
    id: () => clientId,
    tabName: () => tabName,
  });
  if (!found.client)
    throw new InputError('That tab no longer holds a client. Reload the client list.', 'clientId');
  const read = exportableDecisions(
    isoDates(grid, timeZone),
    formulas,
    found.client.layout,
    tabName,
  );
  const name = 'typedName' in read && read.typedName ? found.client.name : tabName;
  return { name, ...read };
}

/**
 * Appends the rows below the section's last filled row (below its header when it has none), in
 * rows inserted for them, so every row and column a person added stays where it was and the new
 * rows take the formatting and dropdowns of the row they are inserted beside.
 */
export function appendDecisionRows(
  sheet: Sheet,
  section: LocatedSection,
  rows: readonly ImportRow[],
): { firstRow: number } {
  const first = section.lastFilledRow + 1;
  if (section.lastFilledRow === section.headerRow) sheet.insertRowsBefore(first, rows.length);
  else sheet.insertRowsAfter(section.lastFilledRow, rows.length);
  const width = Math.max(...section.columns.values());
  const lines = rows.map((r, i) => {
    const cells = newRowCells(section, r.fields, r.id, first + i);
    const line = new Array<CellInput>(width).fill('');
    for (const [header, column] of section.columns) {
      const v = cells.get(header);
      if (v !== undefined) line[column - 1] = v;
    }
    return line;
  });
  writeCells(sheet.getRange(first, 1, rows.length, width), lines);
  return { firstRow: first };
}
