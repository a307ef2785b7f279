/**
 * The Weekly Plan tab, rewritten whole and readable as a page: the capacity list first, since last
 * week, then per client its line (with the Actual hours cell), its entries with a checkbox each,
 * and what waits. The hidden Key, State and Baseline columns let the next run read it back.
 */
import { formatMinutes, type AgendaEntry, type WeeklyPlan } from '../domain/weekly-plan.js';
import { PLAN_HIDDEN, PLAN_WIDTH, type PlanKey } from '../domain/week-closing.js';
import { writeCell, writeCells, type CellInput } from './cell-text.js';
import { GENERATED_TITLES } from './tab-roles.js';
import type { ReadTab } from './workbook-read.js';
import { writableRange } from './sheet-rows.js';
import { fingerprint } from '../domain/fingerprint.js';

export { HISTORY_HEADER } from './plan-history-tab.js';

const key = (k: PlanKey): string => JSON.stringify(k);

export function planRows(
  plan: WeeklyPlan,
  generatedAt: string,
): { rows: CellInput[][]; bold: boolean[]; checkbox: boolean[] } {
  const rows: CellInput[][] = [];
  const bold: boolean[] = [];
  const checkbox: boolean[] = [];
  const push = (row: CellInput[], b = false, box = false): void => {
    rows.push(row);
    bold.push(b);
    checkbox.push(box);
  };
  const hidden = (k: string, ...more: string[]): CellInput[] => [k, ...more];
  // Column A holds the checkboxes; lines that are not to-dos start in A and run across.
  push([GENERATED_TITLES.weeklyPlan ?? 'Weekly plan'], true);
  push([
    `Week of ${plan.weekStart} to ${plan.weekEnd}. Generated ${generatedAt}.`,
    '',
    '',
    '',
    '',
    ...hidden(key(['week', plan.weekStart, plan.today, plan.baselineDate])),
  ]);
  push(['Last run: ok']);
  push(['This week'], true);
  for (const line of plan.capacityList) push([line]);
  push([
    `Capacity: ${plan.allocatedHours} h allocated of ${plan.capacityHours} h; flex ${plan.flexHours} h (reserve ${plan.flexReserveHours} h).`,
  ]);
  for (const w of plan.warnings) push([`Warning: ${w}`]);
  push([]);
  push(['Done', 'Entry', 'Estimate', 'Link', 'Private note'], true);
  const entryRow = (clientId: string, a: AgendaEntry): CellInput[] => [
    a.done,
    a.label,
    formatMinutes(a.minutes),
    a.link,
    a.privateNote,
    key(['entry', clientId, a.key, a.minutes, a.carried]),
  ];
  for (const c of plan.clients) {
    push([]);
    push(
      [
        `${c.name}: ${c.hours} h this week`,
        '',
        'Actual hours',
        c.actualHours ?? '',
        `planned ${formatMinutes(c.plannedMinutes)}`,
        key(['client', c.clientId, c.hours]),
        c.state,
        c.baseline,
      ],
      true,
    );
    if (c.drifting) push(['', `Drifting: ${c.drifting}. Tick the review lines to log the review.`]);
    for (const a of c.agenda) push(entryRow(c.clientId, a), false, true);
    if (c.waits.length) {
      push(['', `Waits (not counted): ${c.waits.length + c.waitsMore}`]);
      for (const w of c.waits)
        push([
          '',
          w.label,
          formatMinutes(w.minutes),
          w.link,
          w.privateNote,
          key(['wait', c.clientId, w.key]),
        ]);
      if (c.waitsMore) push(['', `and ${c.waitsMore} more: see Priorities`]);
    }
  }
  if (plan.clients.length === 0) push(['No active clients.']);
  // What happened reads after what is to be done.
  push([]);
  push(['Since last week'], true);
  for (const line of plan.sinceLastWeek) push([line]);
  if (plan.sinceLastWeek.length === 0) push(['Nothing recorded since last week.']);
  if (plan.sinceNote) push([plan.sinceNote]);
  return { rows, bold, checkbox };
}

export type PlanRows = ReturnType<typeof planRows>;

/**
 * What the plan's checkboxes and bold lines look like, as a fingerprint: up to the last styled
 * row, since the lines of Since last week below it vary from week to week. The same fingerprint
 * as the last run's: the tab keeps its styling.
 */
export function planStyle(drawn: PlanRows): string {
  let styled = drawn.rows.length;
  while (styled > 0 && !drawn.checkbox[styled - 1] && !drawn.bold[styled - 1]) styled--;
  return fingerprint([drawn.checkbox.slice(0, styled), drawn.bold.slice(0, styled)]);
}

export type DrawnPlan = PlanRows & {
  height: number;
  range: GoogleAppsScript.Spreadsheet.Range;
  sheet: GoogleAppsScript.Spreadsheet.Sheet;
};

/**
 * Writes the plan over the previous one in one batch; rows of a longer previous plan are
 * blanked. The values go first: once this returns, the tab holds the new plan.
 */
export function writePlanTab(tab: ReadTab, drawn: PlanRows): DrawnPlan {
  const height = Math.max(drawn.rows.length, tab.grid.length);
  const values = Array.from({ length: height }, (_, i) => {
    const r = drawn.rows[i] ?? [];
    return [...r, ...new Array<CellInput>(PLAN_WIDTH - r.length).fill('')];
  });
  const range = writableRange(tab.sheet, height, PLAN_WIDTH);
  writeCells(range, values);
  return { ...drawn, height, range, sheet: tab.sheet };
}

/** The plan's checkboxes and bold lines, after its values. */
export function stylePlanTab(drawn: DrawnPlan): void {
  const { range } = drawn;
  const rule = SpreadsheetApp.newDataValidation().requireCheckbox().build();
  range.setDataValidations(
    Array.from({ length: drawn.height }, (_, i) => [
      drawn.checkbox[i] ? rule : null,
      ...new Array<null>(PLAN_WIDTH - 1).fill(null),
    ]),
  );
  range.setFontWeights(
    Array.from({ length: drawn.height }, (_, i) =>
      new Array<GoogleAppsScript.Spreadsheet.FontWeight>(PLAN_WIDTH).fill(
        drawn.bold[i] ? 'bold' : 'normal',
      ),
    ),
  );
}

const LAYOUT_KEY = 'weekly.planLayout';
const LAYOUT_VERSION = '1';

/** Whether this registry's Weekly Plan tab was given its columns (at setup, or its first run). */
export function planLaidOut(): boolean {
  return PropertiesService.getDocumentProperties().getProperty(LAYOUT_KEY) === LAYOUT_VERSION;
}

/**
 * The plan's columns, given once per registry (a person may resize them or show the hidden ones
 * again; they are not set every week): readable at 1,280 pixels, a narrow Done column, the entry
 * wide and wrapped, its estimate, link and note; the Key, State and Baseline columns hidden.
 */
export function layOutPlanTab(sheet: GoogleAppsScript.Spreadsheet.Sheet): void {
  sheet.setColumnWidth(1, 100);
  sheet.setColumnWidth(2, 460);
  sheet.setColumnWidth(3, 90);
  sheet.setColumnWidths(4, 2, 180);
  sheet.getRange(1, 2, sheet.getMaxRows(), 1).setWrap(true);
  sheet.hideColumns(PLAN_HIDDEN.from, PLAN_HIDDEN.count);
  PropertiesService.getDocumentProperties().setProperty(LAYOUT_KEY, LAYOUT_VERSION);
}

/** Records a failed run on the plan tab without touching the previous plan. */
export function writeRunStatus(sheet: GoogleAppsScript.Spreadsheet.Sheet, status: string): void {
  writeCell(sheet.getRange(3, 1), status);
}
