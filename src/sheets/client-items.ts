/**
 * Writing items into a client tab: appending a row to a section, and changing the cells of an
 * existing row, found by its ID or by the row reference of a row without one. Both read the tab
 * once and write one batch; a superseded decision costs one more write.
 */
import {
  locateClientTab,
  type ClientTabLayout,
  type LocatedSection,
} from '../domain/client-tab-layout.js';
import { InputError } from '../domain/input-error.js';
import type { ItemFields } from '../domain/item-schemas.js';
import { findItemRow, parseItemRef, type ItemRef } from '../domain/item-ids.js';
import { changedItem, newItem } from '../domain/item-writes.js';
import { sectionOf, type SectionKind } from '../domain/registry-layout.js';
import { formula, keptValue, writeCell, writeCells, type CellInput } from './cell-text.js';
import { isLastSection, placeNewRow, readClientTab, writeSectionRow } from './client-tab.js';
import { isoDates } from './grid-dates.js';
import { cellFor, formulaFor, newRowCells } from './item-cells.js';
import { readWholeTab } from './sheet-rows.js';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export function requireSection(layout: ClientTabLayout, kind: SectionKind): LocatedSection {
  const section = layout.sections.get(kind);
  if (!section) {
    const title = sectionOf(kind).title;
    throw new InputError(
      `The "${title}" section was not found on this client's tab: its title row or header row was changed. Restore the title "${title}" above the header row.`,
    );
  }
  return section;
}

function clientName(layout: ClientTabLayout, sheet: Sheet): string {
  const name = layout.profile.get('Client')?.value;
  return (typeof name === 'string' && name.trim()) || sheet.getName();
}

function markSuperseded(sheet: Sheet, section: LocatedSection, id: string): void {
  const found = findItemRow(section, { id });
  const status = section.columns.get('Status');
  if (!('row' in found) || status === undefined) return;
  writeCell(sheet.getRange(found.row, status), 'Superseded');
}

export interface Appended {
  id: string;
  row: number;
  clientName: string;
}

/**
 * Appends an item to its section. `issued` is the highest ID ever handed out for this client and
 * kind (0 for a kind without IDs); the domain decides the ID, dates and supersede check.
 */
export function appendItem(
  sheet: Sheet,
  kind: SectionKind,
  input: ItemFields,
  issued: number,
  today: () => string,
): Appended {
  const { layout } = readClientTab(sheet);
  const section = requireSection(layout, kind);
  const item = newItem(section, input, issued, today);
  const row = placeNewRow(sheet, section, isLastSection(layout, kind));
  writeSectionRow(sheet, section, row, newRowCells(section, item.fields, item.id, row));
  if (item.supersedes) markSuperseded(sheet, section, item.supersedes);
  return { id: item.id, row, clientName: clientName(layout, sheet) };
}

export interface Updated {
  row: number;
  clientName: string;
  changed: string[];
}

/** The row a reference names now, or the reason a change must not be made. */
function rowFor(
  grid: unknown[][],
  layout: ClientTabLayout,
  kind: SectionKind,
  ref: ItemRef,
  name: string,
  timeZone: () => string,
): number {
  const noun = sectionOf(kind).noun;
  // A row reference was read with dates as ISO dates in the spreadsheet's zone: compared alike.
  const located = requireSection(layout, kind);
  const section =
    'id' in ref || !located.rows.some((r) => r.cells.some((v) => v instanceof Date))
      ? located
      : requireSection(locateClientTab(isoDates(grid, timeZone())), kind);
  const found = findItemRow(section, ref);
  if ('row' in found) return found.row;
  if ('id' in ref)
    throw new InputError(
      `${ref.id} was not found at ${name}: it may have been deleted or its ID changed. Reload and try again.`,
      'id',
    );
  if ('ambiguous' in found)
    throw new InputError(
      `The ${noun.toLowerCase()} you opened (row ${ref.row}) has moved at ${name}, and ${found.ambiguous} rows now read exactly like it: reload, then make your change again. Nothing was changed.`,
      'id',
    );
  throw new InputError(
    `The ${noun.toLowerCase()} you opened (row ${ref.row}) was changed, moved or deleted at ${name} since you opened it: reload to see it as it is now, then make your change again. Nothing was changed.`,
    'id',
  );
}

/**
 * Changes the given fields of one row, named by its ID or, for a row without one, by the row
 * reference it was read with. The smallest run of cells spanning the fields is written in one
 * batch: cells in between are written back as they were (their formulas as formulas), so a
 * column a person added keeps its content.
 */
export function updateItemRow(
  sheet: Sheet,
  kind: SectionKind,
  reference: string,
  input: ItemFields,
  today: () => string,
  timeZone: () => string = () => sheet.getParent().getSpreadsheetTimeZone(),
): Updated {
  const grid = readWholeTab(sheet);
  const layout = locateClientTab(grid);
  const section = requireSection(layout, kind);
  const name = clientName(layout, sheet);
  const ref = parseItemRef(reference);
  if (!ref) throw new InputError(`${reference} does not name an item.`, 'id');
  const row = rowFor(grid, layout, kind, ref, name, timeZone);
  const { fields, supersedes } = changedItem(section, grid[row - 1] ?? [], input, today);
  const changes = new Map<number, CellInput>();
  for (const col of section.spec.columns) {
    if (!(col.key in fields) || col.type === 'id' || col.type === 'formula') continue;
    const column = section.columns.get(col.header);
    if (column === undefined) {
      throw new InputError(
        `${col.header}: this client's ${section.spec.title} section has no "${col.header}" column. Restore the header to change it.`,
        col.key,
      );
    }
    changes.set(column, cellFor(col, fields[col.key]));
  }
  if (changes.size === 0) return { row, clientName: name, changed: [] };
  const first = Math.min(...changes.keys());
  const last = Math.max(...changes.keys());
  const range = sheet.getRange(row, first, 1, last - first + 1);
  const formulas = range.getFormulas()[0] ?? [];
  const line: CellInput[] = [];
  for (let c = first; c <= last; c++) {
    const change = changes.get(c);
    if (change !== undefined) line.push(change);
    else {
      // A formula already in the cell (a person's own included) is kept as that formula.
      const kept = formulas[c - first];
      const spec = section.spec.columns.find((s) => section.columns.get(s.header) === c);
      const regenerated = spec?.type === 'formula' ? formulaFor(spec, row, section) : undefined;
      line.push(kept ? formula(kept) : (regenerated ?? keptValue(grid[row - 1]?.[c - 1] ?? '')));
    }
  }
  writeCells(range, [line]);
  if (supersedes) markSuperseded(sheet, section, supersedes);
  return { row, clientName: name, changed: Object.keys(fields) };
}
