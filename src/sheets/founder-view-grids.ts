/**
 * A client's founder view from the registry as read for a refresh: its tab read again for the
 * founders, with its formulas (one `getFormulas` per shared client, unless its values are those of
 * a read whose formulas withheld nothing), through the allow-list; then the founder file's tabs
 * drawn from it: the Summary and the detail tabs. What was withheld joins the registry's problems.
 */
import { InputError } from '../domain/input-error.js';
import { readFounderRecord, type FounderRecord, type Withheld } from '../domain/founder-record.js';
import {
  founderRadarOf,
  founderTabs,
  founderWeekLine,
  type SharedGrid,
} from '../domain/founder-view.js';
import {
  founderSummary,
  withFocus,
  type FocusLine,
  type FounderSummary,
} from '../domain/founder-summary.js';
import type { Problem } from '../domain/section-items.js';
import type { WeeklyPlan } from '../domain/weekly-plan.js';
import { isoDates } from './grid-dates.js';
import type { RegistrySnapshot } from './rollup-refresh.js';
import type { ClientTab } from './workbook-read.js';
import { fingerprint } from '../domain/fingerprint.js';

/** A withheld part as the CTO reads it in a run's status or a sidebar message. */
export function withheldLine(w: Withheld): string {
  return `${w.where}: ${w.reason}`;
}

function withheldProblems(tabName: string, view: FounderRecord): Problem[] {
  return view.withheld.map((w) => ({
    tab: tabName,
    cell: w.cell,
    reason: `Not shared with the founders: ${withheldLine(w)}.`,
  }));
}

/**
 * The client's tab read for its founders, once per snapshot; its withheld parts are added to the
 * snapshot's problems, so Problems says what the founders do not see and why.
 */
export function founderRecordOf(snap: RegistrySnapshot, clientId: string): FounderRecord | null {
  const known = snap.founder.get(clientId);
  if (known) return known;
  const tab = snap.read.clients.find((c) => c.id === clientId);
  return tab ? readWithFormulas(snap, tab, founderGrid(snap, tab)) : null;
}

/** The tab read through the allow-list with its formulas (one `getRange`, one `getFormulas`). */
function readWithFormulas(
  snap: RegistrySnapshot,
  tab: ClientTab,
  grid: unknown[][],
): FounderRecord {
  let width = 0;
  for (const row of grid) width = Math.max(width, row.length);
  const formulas =
    grid.length && width ? tab.sheet.getRange(1, 1, grid.length, width).getFormulas() : [];
  return remember(snap, tab, readFounderRecord({ grid, formulas, thresholds: thresholdsOf(snap) }));
}

/** The record kept for the rest of the run, and what it withholds added to Problems. */
function remember(snap: RegistrySnapshot, tab: ClientTab, view: FounderRecord): FounderRecord {
  snap.founder.set(tab.id, view);
  snap.rollup.problems.push(...withheldProblems(tab.name, view));
  return view;
}

/** The client's tab as the founder view reads it: its values, dates as ISO dates. */
function founderGrid(snap: RegistrySnapshot, tab: ClientTab): unknown[][] {
  return isoDates(tab.grid, snap.timeZone);
}

function thresholdsOf(snap: RegistrySnapshot) {
  return { impact: snap.settings.impactThreshold, effort: snap.settings.effortThreshold };
}

/** Two reads of a tab that give the founders the same view, and withhold the same parts. */
function sameView(a: FounderRecord, b: FounderRecord): boolean {
  const plain = (r: FounderRecord) => ({ ...r, profile: [...r.profile] });
  return fingerprint(plain(a)) === fingerprint(plain(b));
}

export interface FounderRead {
  view: FounderRecord;
  /**
   * The fingerprint of the tab's values when its formulas withheld nothing: while the values stay
   * the same, the next sync may read the tab without asking for its formulas (ADR 23).
   */
  trusted?: string;
}

/**
 * The client's tab read for its founders. With `trusted`, the fingerprint of the tab's values at a
 * read whose formulas withheld nothing, and the values unchanged since, the formulas are not asked
 * for: every shared value is one the allow-list passed as typed then. Otherwise the formulas are
 * read (one `getRange` and one `getFormulas`), and the answer says whether they withheld anything.
 */
export function founderRead(
  snap: RegistrySnapshot,
  clientId: string,
  trusted?: string,
): FounderRead | null {
  const tab = snap.read.clients.find((c) => c.id === clientId);
  if (!tab) return null;
  const grid = founderGrid(snap, tab);
  const print = fingerprint(grid);
  const loose = () => readFounderRecord({ grid, formulas: [], thresholds: thresholdsOf(snap) });
  const known = snap.founder.get(clientId);
  if (!known && trusted === print) return { view: remember(snap, tab, loose()), trusted: print };
  const view = known ?? readWithFormulas(snap, tab, grid);
  return sameView(view, loose()) ? { view, trusted: print } : { view };
}

export interface FounderFile {
  tabs: SharedGrid[];
  /** See `FounderRead.trusted`. */
  trusted?: string;
  summary: FounderSummary;
  /** The focus lines to keep: this week's added to those the founders were shown before. */
  focus: FocusLine[];
  name: string;
  withheld: string[];
}

/**
 * The founder file's tabs for the client: the Summary, from the founder record, this week's
 * client-safe line and the lines of earlier weeks, then the detail tabs.
 */
export function sharedGrids(
  snap: RegistrySnapshot,
  clientId: string,
  plan: WeeklyPlan,
  earlierFocus: readonly FocusLine[] = [],
  trusted?: string,
): FounderFile | null {
  const read = founderRead(snap, clientId, trusted);
  const record = snap.clients.find((c) => c.id === clientId);
  if (!read || !record) return null;
  const view = read.view;
  if (view.name === null) {
    const why = view.withheld.find((w) => w.where.startsWith('Profile, Client'));
    throw new InputError(
      `${record.name}'s founder view is not written: its name cannot be shared (${
        why ? withheldLine(why) : 'no name is typed beside Client'
      }). Type the client's name beside Client.`,
    );
  }
  const thisWeek = founderWeekLine(
    view,
    plan.clients.find((c) => c.clientId === clientId),
  );
  const focus = withFocus(earlierFocus, plan.weekStart, thisWeek);
  const summary = founderSummary({
    view,
    name: view.name,
    today: plan.today,
    thisWeek,
    focus,
    reviewCadenceDays: snap.settings.reviewCadenceDays,
  });
  return {
    tabs: founderTabs(view, summary, founderRadarOf(view, snap.radar.vocabulary, plan.today)),
    summary,
    focus,
    name: view.name,
    withheld: view.withheld.map(withheldLine),
    ...(read.trusted ? { trusted: read.trusted } : {}),
  };
}
