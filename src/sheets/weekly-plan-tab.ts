/** The Weekly Plan tab (rewritten whole, readable as a page) and the Plan History tab (appended to). */
import { formatMinutes, type WeeklyPlan } from '../domain/weekly-plan.js';
import { asText, type CellInput } from './cell-text.js';
import { GENERATED_TITLES } from './registry-setup.js';
import type { ReadTab } from './workbook-read.js';
import { ensureRows } from './sheet-rows.js';

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
  for (const w of plan.warnings) push([asText(`Warning: ${w}`)]);
  for (const c of plan.clients) {
    push([]);
    push(
      [
        asText(`${c.name}: ${c.hours} h this week`),
        '',
        `agenda ${formatMinutes(c.plannedMinutes)}`,
      ],
      true,
    );
    for (const a of c.agenda) {
      const review = a.kind === 'review';
      push(
        [
          review ? false : '',
          asText(a.label),
          formatMinutes(a.minutes),
          asText(a.link),
          asText(a.privateNote),
        ],
        false,
        review,
      );
    }
  }
  if (plan.clients.length === 0) push(['No active clients.']);
  return { rows, bold, checkbox };
}

/** Writes the plan over the previous one; rows of a longer previous plan are blanked. */
function writePlanTab(tab: ReadTab, drawn: ReturnType<typeof planRows>): void {
  const { rows, bold, checkbox } = drawn;
  const height = Math.max(rows.length, tab.grid.length);
  const values = Array.from({ length: height }, (_, i) => {
    const r = rows[i] ?? [];
    return [...r, ...new Array<CellInput>(WIDTH - r.length).fill('')];
  });
  const range = tab.sheet.getRange(1, 1, height, WIDTH);
  const rule = SpreadsheetApp.newDataValidation().requireCheckbox().build();
  range.setDataValidations(
    values.map((_, i) => [checkbox[i] ? rule : null, null, null, null, null]),
  );
  range.setValues(values);
  range.setFontWeights(
    values.map((_, i) =>
      new Array<GoogleAppsScript.Spreadsheet.FontWeight>(WIDTH).fill(bold[i] ? 'bold' : 'normal'),
    ),
  );
}

/** Records a failed run on the plan tab without touching the previous plan. */
export function writeRunStatus(sheet: GoogleAppsScript.Spreadsheet.Sheet, status: string): void {
  sheet.getRange(3, 1).setValue(asText(status));
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
        r[0] instanceof Date
          ? Utilities.formatDate(r[0], timeZone, 'yyyy-MM-dd')
          : String(r[0] ?? '');
      return `${week}|${String(r[1] ?? '')}`;
    }),
  );
  const rows = plan.clients
    .filter((c) => !seen.has(`${plan.weekStart}|${c.name}`))
    .map(
      (c) =>
        [
          plan.weekStart,
          asText(c.name),
          c.hours,
          c.agenda.length,
          c.overdue,
          generatedAt,
        ] as CellInput[],
    );
  if (rows.length === 0) return 0;
  const first = Math.max(tab.grid.length, 2) + 1;
  tab.sheet.getRange(first, 1, rows.length, HISTORY_HEADER.length).setValues(rows);
  return rows.length;
}

const PLAN_ROWS_KEY = 'registry.planRows';
const HISTORY_ROWS_KEY = 'registry.historyRows';

/** The plan tab and its history rows, in that order; both grow when they need to. */
export function writePlanSheets(
  planTab: ReadTab,
  historyTab: ReadTab,
  plan: WeeklyPlan,
  generatedAt: string,
  timeZone: string,
): void {
  const drawn = planRows(plan, generatedAt);
  ensureRows(planTab.sheet, PLAN_ROWS_KEY, Math.max(drawn.rows.length, planTab.grid.length));
  writePlanTab(planTab, drawn);
  ensureRows(
    historyTab.sheet,
    HISTORY_ROWS_KEY,
    Math.max(historyTab.grid.length, 2) + plan.clients.length,
  );
  appendHistory(historyTab, plan, generatedAt, timeZone);
}
