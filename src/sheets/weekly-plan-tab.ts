/** The Weekly Plan tab (rewritten whole, readable as a page) and the Plan History tab (appended to). */
import { formatMinutes, type WeeklyPlan } from '../domain/weekly-plan.js';
import { asDate, writeCell, writeCells, type CellInput } from './cell-text.js';
import { GENERATED_TITLES } from './tab-roles.js';
import type { ReadTab } from './workbook-read.js';
import { writableRange } from './sheet-rows.js';
import { str } from '../domain/client-record.js';

const WIDTH = 5;

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
  // Column A holds the checkboxes; lines that are not to-dos start in A and run across.
  push([GENERATED_TITLES.weeklyPlan ?? 'Weekly plan'], true);
  push([`Week of ${plan.weekStart} to ${plan.weekEnd}. Generated ${generatedAt}.`]);
  push(['Last run: ok']);
  const capacity = `Capacity: ${plan.allocatedHours} h allocated of ${plan.capacityHours} h; flex ${plan.flexHours} h (reserve ${plan.flexReserveHours} h).`;
  push([capacity], true);
  for (const w of plan.warnings) push([`Warning: ${w}`]);
  for (const c of plan.clients) {
    push([]);
    push(
      [`${c.name}: ${c.hours} h this week`, '', `agenda ${formatMinutes(c.plannedMinutes)}`],
      true,
    );
    for (const a of c.agenda) {
      const review = a.kind === 'review';
      push(
        [review ? false : '', a.label, formatMinutes(a.minutes), a.link, a.privateNote],
        false,
        review,
      );
    }
  }
  if (plan.clients.length === 0) push(['No active clients.']);
  return { rows, bold, checkbox };
}

export type DrawnPlan = ReturnType<typeof planRows> & {
  height: number;
  range: GoogleAppsScript.Spreadsheet.Range;
};

/**
 * Writes the plan over the previous one in one batch; rows of a longer previous plan are
 * blanked. The values go first: once this returns, the tab holds the new plan.
 */
export function writePlanTab(tab: ReadTab, plan: WeeklyPlan, generatedAt: string): DrawnPlan {
  const drawn = planRows(plan, generatedAt);
  const height = Math.max(drawn.rows.length, tab.grid.length);
  const values = Array.from({ length: height }, (_, i) => {
    const r = drawn.rows[i] ?? [];
    return [...r, ...new Array<CellInput>(WIDTH - r.length).fill('')];
  });
  const range = writableRange(tab.sheet, height, WIDTH);
  writeCells(range, values);
  return { ...drawn, height, range };
}

/** The plan's checkboxes and bold lines, after its values. */
export function stylePlanTab(drawn: DrawnPlan): void {
  const { range } = drawn;
  const rule = SpreadsheetApp.newDataValidation().requireCheckbox().build();
  range.setDataValidations(
    Array.from({ length: drawn.height }, (_, i) => [
      drawn.checkbox[i] ? rule : null,
      null,
      null,
      null,
      null,
    ]),
  );
  range.setFontWeights(
    Array.from({ length: drawn.height }, (_, i) =>
      new Array<GoogleAppsScript.Spreadsheet.FontWeight>(WIDTH).fill(
        drawn.bold[i] ? 'bold' : 'normal',
      ),
    ),
  );
}

/** Records a failed run on the plan tab without touching the previous plan. */
export function writeRunStatus(sheet: GoogleAppsScript.Spreadsheet.Sheet, status: string): void {
  writeCell(sheet.getRange(3, 1), status);
}

export const HISTORY_HEADER = [
  'Week starting',
  'Client',
  'Hours',
  'Agenda items',
  'Overdue',
  'Generated at',
];

/** Appends one row per client for the week, unless that week's row for the client is already there. */
export function appendHistory(
  tab: ReadTab,
  plan: WeeklyPlan,
  generatedAt: string,
  timeZone: string,
): number {
  const seen = new Set(
    tab.grid.map((r) => {
      const week =
        r[0] instanceof Date ? Utilities.formatDate(r[0], timeZone, 'yyyy-MM-dd') : str(r[0]);
      return `${week}|${str(r[1])}`;
    }),
  );
  const rows = plan.clients
    .filter((c) => !seen.has(`${plan.weekStart}|${c.name}`))
    .map(
      (c) =>
        [
          asDate(plan.weekStart),
          c.name,
          c.hours,
          c.agenda.length,
          c.overdue,
          asDate(generatedAt),
        ] as CellInput[],
    );
  if (rows.length === 0) return 0;
  const first = Math.max(tab.grid.length, 2) + 1;
  writeCells(writableRange(tab.sheet, rows.length, HISTORY_HEADER.length, first), rows);
  return rows.length;
}
