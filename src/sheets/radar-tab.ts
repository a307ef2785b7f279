/**
 * The Radar tab, written by every refresh only when what it shows changed (it was read with every
 * other tab, so the comparison costs no call), and read back for the sidebar's drawing in one call
 * from the tab the last read found. The Radar overrides tab is the CTO's: it gets its header,
 * widths and dropdowns once, when made.
 */
import {
  RADAR_OVERRIDE_HEADERS,
  RADAR_QUADRANTS,
  RINGS,
  readRadarOverrides,
} from '../domain/radar-overrides.js';
import {
  radarVocabulary,
  registryRadar,
  type RadarEntry,
  type RadarVocabulary,
} from '../domain/radar.js';
import type { ClientRecord } from '../domain/client-record.js';
import type { Principle } from '../domain/principles.js';
import type { Problem } from '../domain/section-items.js';
import { RADAR_HEADER, radarTabRows, readRadarTab } from '../domain/radar-tab.js';
import type { RadarBlip } from '../domain/radar.js';
import { fingerprint } from '../domain/fingerprint.js';
import { str } from '../domain/client-record.js';
import { writeCells } from './cell-text.js';
import { readWholeTab, writableRange } from './sheet-rows.js';
import { findRoleTabs } from './tab-roles.js';
import type { ReadTab, WorkbookRead } from './workbook-read.js';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** Document property: the Radar tab's sheet id, where the sidebar reads the radar. */
export const RADAR_TAB_KEY = 'registry.radarTab';

/** Every column on screen at 1,280 pixels; description, clients and source wrapped. */
const RADAR_WIDTHS = [170, 60, 170, 55, 330, 180, 260];
const OVERRIDE_WIDTHS = [180, 90, 170, 420];
/** Rows of Radar overrides that get the Ring and Quadrant dropdowns when the tab is made. */
const OVERRIDE_ROWS = 200;

export function layOutRadarTab(sheet: Sheet, role: 'radar' | 'radarOverrides'): void {
  const widths = role === 'radar' ? RADAR_WIDTHS : OVERRIDE_WIDTHS;
  widths.forEach((w, i) => sheet.setColumnWidth(i + 1, w));
  if (role === 'radar') {
    sheet.getRange(1, 5, sheet.getMaxRows(), 3).setWrap(true);
    return;
  }
  const list = (choices: readonly string[]) =>
    SpreadsheetApp.newDataValidation()
      .requireValueInList([...choices], true)
      .setAllowInvalid(true)
      .setHelpText(`One of: ${choices.join(', ')}; blank leaves it to the registry`)
      .build();
  const column = (header: string) =>
    (RADAR_OVERRIDE_HEADERS as readonly string[]).indexOf(header) + 1;
  sheet.getRange(2, column('Ring'), OVERRIDE_ROWS, 1).setDataValidation(list(RINGS));
  sheet.getRange(2, column('Quadrant'), OVERRIDE_ROWS, 1).setDataValidation(list(RADAR_QUADRANTS));
}

/** The tab's values as they read back once written: text as text, a box as true or false. */
function shownAs(v: unknown): string | boolean {
  return typeof v === 'boolean' ? v : str(v);
}

/**
 * Writes the radar over what the tab holds (what stood below or right of it is cleared), in one
 * call, and only when it differs from what was read. Answers whether it wrote.
 */
export function writeRadarTab(tab: ReadTab, entries: readonly RadarEntry[]): boolean {
  const rows = radarTabRows(entries);
  let width: number = RADAR_HEADER.length;
  for (const r of tab.grid) width = Math.max(width, r.length);
  const height = Math.max(rows.length, tab.grid.length);
  const wanted: (string | boolean)[][] = [];
  const had: (string | boolean)[][] = [];
  for (let i = 0; i < height; i++) {
    const row = rows[i] ?? [];
    const old = tab.grid[i] ?? [];
    wanted.push(Array.from({ length: width }, (_, j) => row[j] ?? ''));
    had.push(Array.from({ length: width }, (_, j) => shownAs(old[j] ?? '')));
  }
  if (fingerprint(wanted) === fingerprint(had)) return false;
  writeCells(writableRange(tab.sheet, height, width), wanted);
  return true;
}

function radarTabIn(ss: Spreadsheet): { sheet: Sheet; grid: unknown[][] } | null {
  const props = PropertiesService.getDocumentProperties();
  const id = props.getProperty(RADAR_TAB_KEY);
  const isRadar = (grid: unknown[][]) =>
    RADAR_HEADER.every((h, i) => str(grid[0]?.[i]).trim() === h);
  const known = id ? ss.getSheetById(Number(id)) : null;
  if (known) {
    const grid = readWholeTab(known);
    if (isRadar(grid)) return { sheet: known, grid };
  }
  const found = findRoleTabs(ss).find((t) => t.role === 'radar')?.sheet;
  if (!found) return null;
  props.setProperty(RADAR_TAB_KEY, String(found.getSheetId()));
  const grid = readWholeTab(found);
  return isRadar(grid) ? { sheet: found, grid } : null;
}

/** The radar as the last refresh wrote it; null when there is no Radar tab yet. */
export function readRadarBlips(ss: Spreadsheet): RadarBlip[] | null {
  const tab = radarTabIn(ss);
  return tab ? readRadarTab(tab.grid) : null;
}

/**
 * The radar from the principles, Radar overrides and every client's decisions. The overrides tab is
 * named in a problem by its own name, asked for only when there is a problem to name.
 */
export function radarOf(
  read: WorkbookRead,
  clients: readonly ClientRecord[],
  principles: readonly Principle[],
  today: string,
): { entries: RadarEntry[]; vocabulary: RadarVocabulary; problems: Problem[] } {
  const tab = read.roles.radarOverrides;
  const typed = readRadarOverrides(tab?.grid ?? [], '');
  const vocabulary = radarVocabulary(principles, typed.overrides);
  const radar = registryRadar(
    vocabulary,
    clients.map((c) => ({ id: c.id, name: c.name, decisions: c.items.decision })),
    today,
  );
  const problems = [
    ...typed.problems,
    ...radar.unplaced.map((o) => ({
      tab: '',
      cell: o.cell,
      reason: `${o.name} is not on the radar: no principle and no Proposed or Accepted decision names it; type its Ring to place it by hand, or check its spelling against your decisions' tags`,
    })),
  ];
  const name = problems.length && tab ? tab.sheet.getName() : '';
  return {
    entries: radar.entries,
    vocabulary,
    problems: problems.map((p) => ({ ...p, tab: name || 'Radar overrides' })),
  };
}
