/**
 * The look of the Priorities tab that does not move with its content: column widths that fit the
 * ranked list in 1,280 pixels, wrapped text, the title and header rows, the header frozen, and
 * the client index in hidden columns; and the Overview's date column. Given once, when the tab is
 * made (or, for a registry made before this layout, by the first refresh that finds it missing),
 * so a refresh spends no call on it and a width a person changes by hand stays as they set it.
 */
import { INDEX_COLUMN } from './client-marks.js';
import { GENERATED_TITLE_STYLE, HEADER_STYLE, type RowStyle } from './styles.js';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** The ranked list's header row: rows above it are the title, a summary and the list's title. */
export const RANKED_HEADER_ROW = 4;

export const RANKED_HEADER = [
  '#',
  'Client',
  'Kind',
  'ID',
  'Title',
  'Priority / band',
  'Quadrant',
  'Impact ÷ effort',
  'Risk score',
  'Status',
  'Owner',
  'Due',
  'Age (days)',
  'Link',
];

/** Columns the ranked list and the blocks below it use; the client index sits to their right. */
export const LIST_WIDTH = RANKED_HEADER.length;

/** Raised when the layout below changes, so registries made before it are laid out again. */
const LAYOUT_VERSION = '2';
const LAYOUT_KEY = 'registry.rollupLayout';
/** Properties of the layout before this one, no longer read. */
const RETIRED_KEYS = ['registry.prioritiesTop', 'registry.prioritiesStyle'];

/** The client index's columns: a label, the mark's formula text, a blank, the client's mark. */
const INDEX_COLUMNS = 4;

/**
 * Widths in pixels of the ranked list's columns, as runs of equal width (one call each): #,
 * Client, Kind and ID, Title, Priority, Quadrant, Impact ÷ effort and Risk score, Status, Owner
 * and Due, Age, Link. 1,200 pixels in all: with Sheets' row numbers, 1,280 pixels show
 * every column of the list.
 */
const WIDTHS: readonly [first: number, count: number, width: number][] = [
  [1, 1, 32],
  [2, 1, 96],
  [3, 2, 80],
  [5, 1, 224],
  [6, 1, 72],
  [7, 1, 80],
  [8, 2, 64],
  [10, 3, 88],
  [13, 1, 64],
  [14, 1, 80],
];

/** Sheets' date format for the Overview's Last review column. */
const DATE_FORMAT = 'yyyy-mm-dd';
/** The Overview's Last review column and its first client row. */
const OVERVIEW_DATE_COLUMN = 5;
const OVERVIEW_FIRST_ROW = 3;

function rowStyles(styles: readonly (RowStyle | null)[], width: number) {
  return {
    backgrounds: styles.map((s) => new Array<string>(width).fill(s?.background ?? '')),
    weights: styles.map((s) =>
      new Array<GoogleAppsScript.Spreadsheet.FontWeight>(width).fill(s?.bold ? 'bold' : 'normal'),
    ),
  };
}

/** The Priorities tab's fixed look, over whatever formatting it had. */
export function layOutPriorities(sheet: Sheet): void {
  const needed = INDEX_COLUMN + INDEX_COLUMNS - 1;
  const maxColumns = sheet.getMaxColumns();
  if (maxColumns < needed) sheet.insertColumnsAfter(maxColumns, needed - maxColumns);
  const maxRows = sheet.getMaxRows();
  sheet.getRange(1, 1, maxRows, Math.max(maxColumns, needed)).clearFormat();
  for (const [first, count, width] of WIDTHS) sheet.setColumnWidths(first, count, width);
  // Column A (the rank) is not wrapped: the titles and one-line notes in it run over to the right.
  sheet.getRange(1, 2, maxRows, LIST_WIDTH - 1).setWrap(true);
  const top = sheet.getRange(1, 1, RANKED_HEADER_ROW, LIST_WIDTH);
  const { backgrounds, weights } = rowStyles(
    [GENERATED_TITLE_STYLE, null, GENERATED_TITLE_STYLE, HEADER_STYLE],
    LIST_WIDTH,
  );
  top.setBackgrounds(backgrounds);
  top.setFontWeights(weights);
  sheet.setFrozenRows(RANKED_HEADER_ROW);
  sheet.hideColumns(INDEX_COLUMN, INDEX_COLUMNS);
}

/** The Overview's Last review cells show a date, not the number Sheets keeps for it. */
export function formatOverviewDates(sheet: Sheet): void {
  const maxRows = sheet.getMaxRows();
  if (maxRows < OVERVIEW_FIRST_ROW) return;
  sheet
    .getRange(OVERVIEW_FIRST_ROW, OVERVIEW_DATE_COLUMN, maxRows - OVERVIEW_FIRST_ROW + 1, 1)
    .setNumberFormat(DATE_FORMAT);
}

/** Where refresh last styled the part below the list (see priorities-write.ts). */
export const LOWER_KEY = 'registry.prioritiesLower';

/**
 * Records that this registry has the current layout, on a Priorities tab made just now: nothing
 * below its list is styled yet, whatever the tab it replaces had.
 */
export function markLaidOut(): void {
  const props = PropertiesService.getDocumentProperties();
  props.deleteProperty(LOWER_KEY);
  props.setProperty(LAYOUT_KEY, LAYOUT_VERSION);
}

/**
 * Lays out both tabs unless this registry already has the current layout: once per registry,
 * on the first refresh after an update. Returns whether it did, so the caller restyles the rest.
 */
export function ensureRollupLayout(priorities: Sheet, overview: Sheet): boolean {
  const props = PropertiesService.getDocumentProperties();
  if (props.getProperty(LAYOUT_KEY) === LAYOUT_VERSION) return false;
  layOutPriorities(priorities);
  formatOverviewDates(overview);
  for (const key of RETIRED_KEYS) props.deleteProperty(key);
  props.setProperty(LAYOUT_KEY, LAYOUT_VERSION);
  return true;
}
