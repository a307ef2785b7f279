/**
 * A client tab: drawing it once, reading it in one call, and appending a row to one of its
 * sections without disturbing anything a person added.
 */
import type { ClientProfile } from '../domain/client.js';
import {
  locateClientTab,
  type ClientTabLayout,
  type LocatedSection,
} from '../domain/client-tab-layout.js';
import {
  CLIENT_TAB_WIDTH,
  PROFILE,
  SECTIONS,
  type SectionKind,
  type SectionSpec,
  type TabSectionKind,
} from '../domain/registry-layout.js';
import { HEALTH_SECTIONS } from '../domain/health-layout.js';
import { healthRows, HEALTH_FORMATS } from './health-sections.js';
import { asDate, asNumber, writeCells, type CellInput } from './cell-text.js';
import { HEADER_STYLE, LABEL_STYLE, TITLE_STYLE, type RowStyle } from './styles.js';
import { InputError } from '../domain/input-error.js';
import { TAB_ROLE_KEY, markTab } from './tab-roles.js';
import { readWholeTab } from './sheet-rows.js';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Rule = GoogleAppsScript.Spreadsheet.DataValidation;

/** Blank, formatted data rows each section starts with; the last is the gap before the next title. */
const STARTING_ROWS = 2;

function profileValue(profile: ClientProfile, key: (typeof PROFILE)[number]['key']): CellInput {
  switch (key) {
    case 'name':
    case 'leadEngineer':
    case 'privateNotes':
    case 'pmLink':
    case 'repoLink':
      return profile[key];
    case 'founderEmails':
      return profile.founderEmails.join(', ');
    case 'hoursPerWeek':
      return asNumber(profile.hoursPerWeek);
    case 'reviewCadence':
      return asNumber(profile.reviewCadence);
    case 'engagementStart':
      return asDate(profile.engagementStart);
    case 'focusThisWeek':
      return '';
    case 'founderDigest':
      return 'Off';
    case 'stage':
    case 'status':
    case 'pmTool':
      return profile[key];
  }
}

interface Drawing {
  values: CellInput[][];
  styles: (RowStyle | null)[];
  /** Per row: the dropdown list or number format of each column, for data rows only. */
  dataRows: { row: number; section: SectionSpec<TabSectionKind> }[];
}

/** Where the health sections are drawn: after Team, before the Review log, which stays last. */
const HEALTH_BEFORE: SectionKind = 'review';

function draw(profile: ClientProfile): Drawing {
  const width = CLIENT_TAB_WIDTH;
  const pad = (r: CellInput[]): CellInput[] => [
    ...r,
    ...new Array<CellInput>(width - r.length).fill(''),
  ];
  const values: CellInput[][] = [];
  const styles: (RowStyle | null)[] = [];
  const dataRows: Drawing['dataRows'] = [];
  for (const p of PROFILE) {
    values.push(pad([p.label, profileValue(profile, p.key)]));
    styles.push(null);
  }
  values.push(pad([]));
  styles.push(null);
  const drawSection = (section: SectionSpec<TabSectionKind>, rows: CellInput[][]): void => {
    values.push(pad([section.title]));
    styles.push(TITLE_STYLE);
    values.push(pad(section.columns.map((c) => c.header)));
    styles.push(HEADER_STYLE);
    for (const r of rows) {
      values.push(pad(r));
      styles.push(null);
      dataRows.push({ row: values.length, section });
    }
  };
  const blank = (): CellInput[][] => Array.from({ length: STARTING_ROWS }, () => []);
  for (const section of SECTIONS) {
    if (section.kind === HEALTH_BEFORE)
      for (const health of HEALTH_SECTIONS)
        drawSection(health, healthRows(health, profile.stage, values.length + 3));
    drawSection(section, blank());
  }
  return { values, styles, dataRows };
}

function dropdowns(): Map<string, Rule> {
  const rules = new Map<string, Rule>();
  for (const section of [...SECTIONS, ...HEALTH_SECTIONS]) {
    for (const c of section.columns) {
      if (!c.choices) continue;
      const key = c.choices.join('|');
      if (rules.has(key)) continue;
      rules.set(
        key,
        SpreadsheetApp.newDataValidation()
          .requireValueInList([...c.choices], true)
          .setAllowInvalid(true)
          .setHelpText(`One of: ${c.choices.join(', ')}`)
          .build(),
      );
    }
  }
  return rules;
}

/**
 * Draws a new client tab in a handful of batched calls and marks it as a client tab. When Sheets
 * will not make a tab of that name, `sameNameTab` says which tab holds it: one left empty by an
 * earlier attempt that failed half-way is the add-on's own and holds nothing, so it is used
 * instead of refusing the name; it throws when the name is really taken.
 */
export function createClientTab(
  ss: Spreadsheet,
  profile: ClientProfile,
  sameNameTab: () => Sheet | null,
): { sheet: Sheet; grid: unknown[][] } {
  let emptyTab: Sheet | null = null;
  let sheet: Sheet;
  try {
    sheet = ss.insertSheet(profile.name);
  } catch (e) {
    emptyTab = sameNameTab();
    if (!emptyTab) {
      const why = e instanceof Error ? e.message : String(e);
      throw new InputError(
        `Sheets would not make a tab named ${profile.name} (${why}). Choose another client name.`,
        'name',
      );
    }
    sheet = emptyTab;
  }
  if (!emptyTab || !emptyTab.getDeveloperMetadata().some((m) => m.getKey() === TAB_ROLE_KEY))
    markTab(sheet, 'client');
  const { values, styles, dataRows } = draw(profile);
  const width = CLIENT_TAB_WIDTH;
  const block = sheet.getRange(1, 1, values.length, width);
  writeCells(block, values);

  const backgrounds = styles.map((s) => new Array<string>(width).fill(s?.background ?? ''));
  const fontColors = styles.map((s) => new Array<string>(width).fill(s?.fontColor ?? ''));
  const weights = styles.map((s) =>
    new Array<GoogleAppsScript.Spreadsheet.FontWeight>(width).fill(s?.bold ? 'bold' : 'normal'),
  );
  PROFILE.forEach((_, i) => {
    (backgrounds[i] as string[])[0] = LABEL_STYLE.background;
    (weights[i] as string[])[0] = 'bold';
  });
  block.setBackgrounds(backgrounds);
  block.setFontColors(fontColors);
  block.setFontWeights(weights);

  const rules = dropdowns();
  const validations: (Rule | null)[][] = values.map(() => new Array<Rule | null>(width).fill(null));
  const formats: string[][] = values.map(() => new Array<string>(width).fill(''));
  for (const { row, section } of dataRows) {
    section.columns.forEach((c, j) => {
      if (c.choices)
        (validations[row - 1] as (Rule | null)[])[j] = rules.get(c.choices.join('|')) ?? null;
      if (c.type === 'date') (formats[row - 1] as string[])[j] = 'yyyy-mm-dd';
      const health = HEALTH_FORMATS[c.header];
      if (health) (formats[row - 1] as string[])[j] = health;
    });
  }
  const engagementRow = PROFILE.findIndex((p) => p.key === 'engagementStart');
  (formats[engagementRow] as string[])[1] = 'yyyy-mm-dd';
  block.setDataValidations(validations);
  block.setNumberFormats(formats.map((r) => r.map((f) => f || 'General')));
  sheet.setFrozenRows(1);
  sheet.setColumnWidths(1, width, 130);
  sheet.setColumnWidth(2, 240);
  return { sheet, grid: values.map((row) => row.map(asRead)) };
}

/**
 * A cell as a read of the tab just drawn returns it, dates as ISO text: the new client is known
 * without reading it back. A formula (in the health sections only) reads as blank here; the
 * sidebar shows none of them.
 */
function asRead(cell: CellInput): unknown {
  if (typeof cell !== 'object' || cell instanceof Date) return cell;
  return 'date' in cell ? cell.date : '';
}

export interface ClientTabRead {
  sheet: Sheet;
  grid: unknown[][];
  layout: ClientTabLayout;
}

/** One read of the whole tab, in one call. */
export function readClientTab(sheet: Sheet): ClientTabRead {
  const grid = readWholeTab(sheet);
  return { sheet, grid, layout: locateClientTab(grid) };
}

/**
 * Where a new row of a section goes, inserting a sheet row only when the section has no blank row
 * to spare. A new row is inserted after the last filled row so it takes that row's formatting and
 * dropdowns, and every row and column a person added stays where it was.
 */
export function placeNewRow(sheet: Sheet, section: LocatedSection, isLastSection: boolean): number {
  const target = section.lastFilledRow + 1;
  const empty = section.lastFilledRow === section.headerRow;
  if (isLastSection ? empty : target < section.endRow) return target;
  if (empty) sheet.insertRowsBefore(target, 1);
  else sheet.insertRowsAfter(section.lastFilledRow, 1);
  return target;
}

/** Writes one row of a section, header by header; columns the add-on does not know stay blank. */
export function writeSectionRow(
  sheet: Sheet,
  section: LocatedSection,
  row: number,
  valuesByHeader: ReadonlyMap<string, CellInput>,
): void {
  const width = Math.max(...section.columns.values());
  const line = new Array<CellInput>(width).fill('');
  for (const [header, column] of section.columns) {
    const v = valuesByHeader.get(header);
    if (v !== undefined) line[column - 1] = v;
  }
  writeCells(sheet.getRange(row, 1, 1, width), [line]);
}

export function isLastSection(layout: ClientTabLayout, kind: SectionKind): boolean {
  const me = layout.sections.get(kind);
  if (!me) return false;
  return [...layout.sections.values()].every((s) => s.titleRow <= me.titleRow);
}

export function clientIdOf(sheet: Sheet): string {
  return String(sheet.getSheetId());
}

/**
 * The id of the tab the user has open, a client's id if it is a client's tab: Sheets gives a
 * sidebar's call the sheet on screen (`getActiveSheet`). Undefined when it cannot be asked.
 */
export function clientIdOnScreen(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): string | undefined {
  try {
    return clientIdOf(ss.getActiveSheet());
  } catch {
    return undefined;
  }
}

/** The client's tab by id, in one call; the caller checks the tab really is a client tab by its content. */
export function clientTabById(ss: Spreadsheet, clientId: string): Sheet {
  const sheet = ss.getSheetById(Number(clientId));
  if (!sheet) {
    throw new InputError(
      'That client is no longer in the registry (its tab was deleted). Reload the client list.',
      'clientId',
    );
  }
  return sheet;
}
