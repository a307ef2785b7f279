/**
 * Closing the week on the Weekly Plan tab, once: Plan History gets each client's planned and
 * actual hours and entries done of planned; ticked review lines become a Review log row at that
 * client. The weekly run closes the week before planning a new one; "Close the week" (menu and
 * sidebar) does it on demand and then plans the new week if one has begun. Marking a client's
 * debt inventory reviewed is here too: the quarterly review is a line of the plan.
 */
import { addDays } from '../domain/dates.js';
import { InputError } from '../domain/input-error.js';
import { addSchema } from '../domain/item-schemas.js';
import type { ItemFields } from '../domain/item-schemas.js';
import type { PlanHistoryRead } from '../domain/plan-history.js';
import { parseInput } from '../domain/validation.js';
import {
  closeRefusal,
  closeWeek,
  readPreviousPlan,
  reviewLogFields,
  type ClosedClient,
  type PreviousPlan,
} from '../domain/week-closing.js';
import { planWeekOf } from '../domain/weekly-plan.js';
import { isOpenDebt } from '../domain/item-states.js';
import { clientRefSchema } from '../domain/add-item.js';
import { str } from '../domain/client-record.js';
import { withDocumentLock } from '../services/document-lock.js';
import { spreadsheetTimeZone, todayIn } from '../services/time-zone.js';
import { appendItem } from '../sheets/client-items.js';
import { clientTabById, readClientTab } from '../sheets/client-tab.js';
import { keptValue, writeCells, type CellInput } from '../sheets/cell-text.js';
import { migrateHistory, readHistory, writeHistory } from '../sheets/plan-history-tab.js';
import type { RegistrySnapshot } from '../sheets/rollup-refresh.js';
import { snapshotRegistry } from '../sheets/rollup-refresh.js';
import { DEFAULT_TAB_NAMES } from '../sheets/tab-roles.js';
import { writeRunStatus } from '../sheets/weekly-plan-tab.js';
import type { ReadTab } from '../sheets/workbook-read.js';
import { ADDON_TITLE, activeSpreadsheet } from './active-spreadsheet.js';
import { writeWeeklyPlan, type PlanResult, type RunProgress } from './weekly-run.js';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/**
 * The week being planned can be closed by hand from its Friday; before that (a second click on
 * Monday, just after the new week was planned) it is under way, and closing it would record a
 * week with nothing done.
 */
export function closableFrom(weekStart: string): string {
  return addDays(weekStart, 4);
}

/** What closing found, before anything is written. */
export interface PendingClose {
  weekStart: string;
  clients: ClosedClient[];
  /** Client id → the Review log row its ticked review lines become. */
  reviews: Map<string, ItemFields>;
}

/** The Plan History tab read, migrated from the old header first when it has it. */
export function historyOf(snap: RegistrySnapshot, tab: ReadTab): PlanHistoryRead {
  const idOfName = new Map(snap.clients.map((c) => [c.name.toLowerCase(), c.id]));
  return migrateHistory(tab, readHistory(tab, snap.timeZone), idOfName, snap.timeZone);
}

/**
 * The week on the tab, to be closed: null when there is none, when it was closed before, or
 * (unless `now`) while it is still the week being planned. Writes nothing. The snapshot's clients
 * gain the review rows in memory, so the plan built next no longer calls them drifting.
 */
export function pendingClose(
  snap: RegistrySnapshot,
  previous: PreviousPlan | null,
  history: PlanHistoryRead,
  today: string,
  now = false,
): PendingClose | null {
  if (!previous) return null;
  if (
    previous.weekStart >= planWeekOf(today) &&
    !(now && today >= closableFrom(previous.weekStart))
  )
    return null;
  if (history.rows.some((r) => r.weekStart === previous.weekStart && r.closed)) return null;
  const clients = closeWeek(previous);
  const friday = addDays(previous.weekStart, 4);
  const reviews = new Map<string, ItemFields>();
  for (const c of clients) {
    const record = snap.clients.find((r) => r.id === c.clientId);
    const fields = reviewLogFields(c, previous.weekStart, friday, today);
    if (!record || !fields) continue;
    reviews.set(c.clientId, parseInput(addSchema('review'), fields, 'Review') as ItemFields);
    record.items.review.push({
      kind: 'review',
      id: '',
      ref: '',
      row: 0,
      fields: { date: fields['date'] ?? today },
    });
  }
  return { weekStart: previous.weekStart, clients, reviews };
}

/**
 * Writes a pending close: the review rows at each client, then (unless the caller writes them
 * with the new plan's, in one write) the history rows.
 */
export function commitClose(
  ss: Spreadsheet,
  pending: PendingClose,
  history: { tab: ReadTab; read: PlanHistoryRead } | null,
  generatedAt: string,
  today: string,
): string[] {
  const logged: string[] = [];
  for (const [clientId, fields] of pending.reviews) {
    const added = appendItem(clientTabById(ss, clientId), 'review', fields, 0, () => today);
    logged.push(added.clientName);
  }
  if (history) writeHistory(history.tab, history.read, pending, null, generatedAt);
  return logged;
}

export interface CloseResult {
  weekStart: string;
  /** False when the week had been closed before (nothing was recorded twice) or is under way. */
  closed: boolean;
  /** What happened, in words: the toast's and the sidebar's message. */
  message: string;
  clients: number;
  entriesDone: number;
  entriesPlanned: number;
  /** Clients whose ticked review lines became a Review log row. */
  reviewsLogged: string[];
  /** The plan written for the week that has begun, if one has. */
  plan: PlanResult | null;
}

/** Menu and sidebar: closes the week on the tab now, then plans the new week if one has begun. */
export function closeWeekNow(): CloseResult {
  const ss = activeSpreadsheet();
  const result = withDocumentLock((): CloseResult => {
    const timeZone = spreadsheetTimeZone(ss);
    const today = todayIn(timeZone);
    const snap = snapshotRegistry(ss, timeZone, today);
    const planTab = snap.read.roles.weeklyPlan;
    const historyTab = snap.read.roles.planHistory;
    if (!planTab || !historyTab)
      throw new InputError(
        'The Weekly Plan or Plan History tab is missing: choose Set up registry to restore it.',
      );
    const previous = readPreviousPlan(planTab.grid);
    if (!previous)
      throw new InputError(
        'There is no plan to close on the Weekly Plan tab: choose Generate weekly plan first.',
      );
    const history = historyOf(snap, historyTab);
    const pending = pendingClose(snap, previous, history, today, true);
    const refused = pending && closeRefusal(previous, DEFAULT_TAB_NAMES.weeklyPlan);
    if (refused) throw new InputError(refused);
    const generatedAt = Utilities.formatDate(new Date(), timeZone, 'yyyy-MM-dd HH:mm');
    let logged: string[] = [];
    if (pending) {
      logged = commitClose(ss, pending, { tab: historyTab, read: history }, generatedAt, today);
      writeRunStatus(planTab.sheet, `Week of ${previous.weekStart} closed ${generatedAt}.`);
    }
    const newWeek = planWeekOf(today) > previous.weekStart;
    const progress: RunProgress = { planWritten: false, generatedAt: '' };
    const plan = newWeek ? writeWeeklyPlan(ss, progress) : null;
    const clients = pending?.clients ?? [];
    const done = clients.reduce((n, c) => n + c.entriesDone, 0);
    const planned = clients.reduce((n, c) => n + c.entriesPlanned, 0);
    const closedBefore = history.rows.some((r) => r.weekStart === previous.weekStart && r.closed);
    const what = pending
      ? `Week of ${previous.weekStart} closed: ${done} of ${planned} entries done${logged.length ? `; review logged at ${logged.join(', ')}` : ''}.`
      : closedBefore
        ? `The week of ${previous.weekStart} was already closed; nothing was recorded twice.`
        : `The week of ${previous.weekStart} is under way: it can be closed from ${closableFrom(previous.weekStart)}, and the first run of the next week closes it.`;
    return {
      weekStart: previous.weekStart,
      closed: pending !== null,
      message: plan ? `${what} Plan for the week of ${plan.weekStart} written.` : what,
      clients: clients.length,
      entriesDone: done,
      entriesPlanned: planned,
      reviewsLogged: logged,
      plan,
    };
  });
  ss.toast(result.message, ADDON_TITLE);
  return result;
}

/**
 * Sets Last reviewed to today on every open debt item of a client, in one write over the rows
 * they span (the rows between written back as they were).
 */
export function markDebtReviewedNow(input: { clientId: string }): {
  clientId: string;
  clientName: string;
  reviewed: number;
  date: string;
} {
  const { clientId } = parseInput(clientRefSchema, input, 'Client');
  const ss = activeSpreadsheet();
  return withDocumentLock(() => {
    const sheet = clientTabById(ss, clientId);
    const today = todayIn(spreadsheetTimeZone(ss));
    const { layout, grid } = readClientTab(sheet);
    const section = layout.sections.get('debt');
    const column = section?.columns.get('Last reviewed');
    const name = str(layout.profile.get('Client')?.value) || sheet.getName();
    if (!section || column === undefined)
      throw new InputError(
        `The Technical debt section of ${name} has no "Last reviewed" column: restore its header, then try again.`,
      );
    const statusColumn = section.columns.get('Status');
    const open = section.rows.filter((r) =>
      isOpenDebt({ status: statusColumn === undefined ? '' : str(r.cells[statusColumn - 1]) }),
    );
    if (open.length === 0) return { clientId, clientName: name, reviewed: 0, date: today };
    const first = open[0]?.row ?? 0;
    const last = open[open.length - 1]?.row ?? 0;
    const openRows = new Set(open.map((r) => r.row));
    const block: CellInput[][] = [];
    for (let r = first; r <= last; r++)
      block.push([openRows.has(r) ? { date: today } : keptValue(grid[r - 1]?.[column - 1])]);
    writeCells(sheet.getRange(first, column, block.length, 1), block);
    return { clientId, clientName: name, reviewed: open.length, date: today };
  });
}
