/**
 * Refresh priorities: read every tab once, compute the rollup, and rewrite the Priorities and
 * Overview tabs whole, and the Radar tab when it changed. Client tabs are only read. The live
 * formulas' references into each client tab are written again from the tab as read (ADR 32).
 */
import { actualHoursProblems, readPreviousPlan } from '../domain/week-closing.js';
import { clientRanges } from '../domain/client-ranges.js';
import { readDependencies } from '../domain/dependencies.js';
import { readPrinciples } from '../domain/principles.js';
import type { RadarEntry, RadarVocabulary } from '../domain/radar.js';
import { buildRollup, type Rollup } from '../domain/rollup.js';
import type { ClientRecord } from '../domain/client-record.js';
import type { FounderRecord } from '../domain/founder-record.js';
import { readSettings, type RegistrySettings } from '../domain/settings.js';
import type { Problem } from '../domain/section-items.js';
import { InputError } from '../domain/input-error.js';
import { fingerprint } from '../domain/fingerprint.js';
import { loggableRows } from '../domain/decision-log.js';
import { writeCells } from './cell-text.js';
import { clientRecord } from './client-record-from-tab.js';
import { settingsProblems } from './settings-tab.js';
import { INDEX_COLUMN, overviewGrid, prioritiesGrid } from './rollup-tabs.js';
import { ensureRollupLayout } from './priorities-layout.js';
import {
  decisionLogGrid,
  decisionLogShows,
  refreshDecisionLog,
  type DecisionLogGrid,
} from './decision-log-tab.js';
import { restyleBelowList, restyleNextTime } from './priorities-write.js';
import { clientTabNames } from './client-marks.js';
import { coveringValues, writableRange } from './sheet-rows.js';
import { isoDates } from './grid-dates.js';
import { radarOf, writeRadarTab } from './radar-tab.js';
import { hoursTakenByClient } from './plan-history-tab.js';
import { setupRegistryTabs } from './registry-setup.js';
import { DEFAULT_TAB_NAMES, GENERATED_ROLES, USER_ROLES } from './tab-roles.js';
import { readWorkbook, type ReadTab, type WorkbookRead } from './workbook-read.js';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

const OVERVIEW_KEY = 'registry.overviewSignature';

export interface RegistrySnapshot {
  read: WorkbookRead;
  clients: ClientRecord[];
  settings: RegistrySettings;
  rollup: Rollup;
  /** Client id → shared view address, for the Overview's link; filled by the caller. */
  shared: Map<string, string>;
  /** Registry tabs that were missing and made again. */
  repaired: string[];
  /** The spreadsheet's time zone, the dates of the tabs were read in. */
  timeZone: string;
  /** Client id → its tab read for its founders, once shared (see founder-view-grids.ts). */
  founder: Map<string, FounderRecord>;
  /** The technology radar, and what the CTO named as technologies (for the founders' radars). */
  radar: { entries: RadarEntry[]; vocabulary: RadarVocabulary };
  /** Client id → the rows of the decisions the Decision log may show (read with confidence). */
  loggable: Map<string, Set<number>>;
}

export interface RegistryRead {
  read: WorkbookRead;
  clients: ClientRecord[];
  problems: Problem[];
  loggable: Map<string, Set<number>>;
}

/** Every tab in one call each, and the clients as records; writes nothing. */
export function readRegistry(ss: Spreadsheet, timeZone: string): RegistryRead {
  return recordsOf(readWorkbook(ss), timeZone);
}

/** Each client read on its own: one whose tab cannot be made sense of is named and skipped. */
function recordsOf(read: WorkbookRead, timeZone: string): RegistryRead {
  const problems: Problem[] = [];
  const clients: ClientRecord[] = [];
  const loggable = new Map<string, Set<number>>();
  const skipped = [...read.skipped];
  for (const tab of read.clients) {
    try {
      const { record, problems: found, layout, grid } = clientRecord(tab, tab.name, timeZone);
      clients.push(record);
      problems.push(...found);
      loggable.set(record.id, loggableRows(grid, layout, tab.name));
    } catch (e) {
      const error = e instanceof Error ? e.message : String(e);
      skipped.push({ id: tab.id, name: tab.name, error });
      problems.push({
        tab: tab.name,
        cell: '',
        reason: `This client could not be read (${error}): it was skipped this time, and every other client was read.`,
      });
    }
  }
  const readClients = new Set(clients.map((c) => c.id));
  problems.push(...read.problems);
  problems.push(...settingsProblems(read.roles.settings));
  const plan = read.roles.weeklyPlan;
  if (plan)
    problems.push(
      ...actualHoursProblems(readPreviousPlan(plan.grid), DEFAULT_TAB_NAMES.weeklyPlan),
    );
  clients.sort((a, b) => a.name.localeCompare(b.name));
  return {
    read: { ...read, clients: read.clients.filter((c) => readClients.has(c.id)), skipped },
    clients,
    problems,
    loggable,
  };
}

/**
 * Reads the registry and computes everything the cross-client tabs show. Called only under the
 * document lock: a registry tab deleted by hand is the add-on's own and is made again here.
 */
export function snapshotRegistry(
  ss: Spreadsheet,
  timeZone: string,
  today: string,
): RegistrySnapshot;
/** Without the lock (`repair: false`): null when a registry tab is missing, as nothing is made. */
export function snapshotRegistry(
  ss: Spreadsheet,
  timeZone: string,
  today: string,
  options: { repair: false },
): RegistrySnapshot | null;
export function snapshotRegistry(
  ss: Spreadsheet,
  timeZone: string,
  today: string,
  options: { repair: boolean } = { repair: true },
): RegistrySnapshot | null {
  let workbook = readWorkbook(ss);
  const repaired: string[] = [];
  if (
    GENERATED_ROLES.some((r) => !workbook.roles[r]) ||
    USER_ROLES.some((r) => !workbook.roles[r])
  ) {
    if (!options.repair) return null;
    repaired.push(...setupRegistryTabs(ss).created);
    workbook = readWorkbook(ss);
  }
  const { read, clients, problems, loggable } = recordsOf(workbook, timeZone);
  const settings = readSettings(read.roles.settings?.grid ?? []);
  const principles = readPrinciples(isoDates(read.roles.principles?.grid ?? [], timeZone));
  const rollup = buildRollup(
    clients,
    principles,
    readDependencies(read.roles.dependencies?.grid ?? []),
    today,
    'Dependencies',
    { impact: settings.impactThreshold, effort: settings.effortThreshold },
  );
  const radar = radarOf(read, clients, principles, today);
  rollup.problems = [...problems, ...rollup.problems, ...radar.problems];
  return {
    read,
    clients,
    settings,
    rollup,
    shared: new Map(),
    repaired,
    timeZone,
    founder: new Map(),
    radar: { entries: radar.entries, vocabulary: radar.vocabulary },
    loggable,
  };
}

/**
 * Whether the Overview still shows what its formulas should: each client row's values against
 * the domain's. A cell typed over by hand shows something else, and the tab is rewritten.
 */
function overviewShowsDomain(grid: unknown[][], snap: RegistrySnapshot): boolean {
  return snap.rollup.overview.every((o, i) => {
    const row = grid[i + 2] ?? [];
    const expected: unknown[] = [o.name, o.stage, o.status, o.hoursPerWeek ?? ''];
    const counts: unknown[] = [
      o.openDebt.High,
      o.openDebt.Medium,
      o.openDebt.Low,
      o.doNow,
      o.pendingDecisions,
      o.overdue,
      o.openHighRisks,
    ];
    return expected.every((v, j) => row[j] === v) && counts.every((v, j) => row[j + 6] === v);
  });
}

export interface RefreshResult {
  refreshedAt: string;
  entries: number;
  conflicts: number;
  notices: number;
  problems: Problem[];
  repaired: string[];
  /** Tabs skipped this time, with why; every other client was refreshed. */
  skipped: WorkbookRead['skipped'];
}

/**
 * Writes Priorities, the Overview when it changed, the Radar and (`decisionLog`) the Decision
 * log. `restyleBelowList: false` leaves the bold and colour below the list to the next refresh.
 * Every client's references are written again from its tab as read, so a section a person
 * moved or grew since is counted in full again (ADR 32). `decisionLog` writes the Decision log too: only Refresh priorities does; the weekly run and
 * sharing, which write their own tabs besides, leave it to the next refresh (ADR 24).
 */
export function refreshRollup(
  ss: Spreadsheet,
  snap: RegistrySnapshot,
  refreshedAt: string,
  options: { decisionLog?: boolean; restyleBelowList?: boolean } = {},
): RefreshResult {
  const priorities = snap.read.roles.priorities;
  const overview = snap.read.roles.overview;
  if (!priorities || !overview) {
    throw new InputError(
      'The Priorities or Overview tab is missing: choose Set up registry to restore it, then refresh again.',
    );
  }
  const laidOut = ensureRollupLayout(priorities.sheet, overview.sheet);
  const tabNames = clientTabNames(priorities, snap.read.clients);
  const ranges = new Map(
    snap.read.clients.map((tab) => [
      tab.id,
      clientRanges(tabNames.get(tab.id) ?? tab.sheet.getName(), tab.layout, tab.grid.length),
    ]),
  );
  const grid = prioritiesGrid(snap.rollup, snap.clients, ranges, refreshedAt);
  const p = coveringValues(grid.rows, priorities.grid, INDEX_COLUMN + 4);
  writeCells(writableRange(priorities.sheet, p.height, p.width), p.values);

  const radarWritten = snap.read.roles.radar
    ? writeRadarTab(snap.read.roles.radar, snap.radar.entries)
    : false;

  const props = PropertiesService.getDocumentProperties();
  // The Overview is live formulas: it is rewritten only when the clients or their values
  // that are not formulas changed. Its title and header keep the formatting setup gave them.
  const o = overviewGrid(
    snap.clients,
    ranges,
    snap.shared,
    hoursTakenByClient(snap.read.roles.planHistory, snap.timeZone),
  );
  const op = coveringValues(o.rows, overview.grid, 15);
  const overviewSignature = fingerprint(op.values);
  const overviewWritten =
    props.getProperty(OVERVIEW_KEY) !== overviewSignature ||
    overview.grid.length !== o.rows.length ||
    !overviewShowsDomain(overview.grid, snap);
  if (overviewWritten) {
    writeCells(writableRange(overview.sheet, op.height, op.width), op.values);
    props.setProperty(OVERVIEW_KEY, overviewSignature);
  }
  const log = options.decisionLog ? decisionLogChange(snap) : null;
  // Restyling the rows below the list with the Overview and the log or the Radar written too
  // would take more than tabs + 12 (ADR 24, ADR 28): the restyle, which only moves bold and
  // colour, waits for the next refresh.
  // The weekly run says when its own restyle of the plan leaves no call for this one.
  if ((overviewWritten && (log || radarWritten)) || options.restyleBelowList === false)
    restyleNextTime(grid, laidOut);
  else restyleBelowList(priorities.sheet, grid, p.height, laidOut);
  if (log) refreshDecisionLog(log.tab, log.grid);

  return {
    refreshedAt,
    entries: snap.rollup.priorities.length,
    conflicts: snap.rollup.conflicts.length,
    notices: snap.rollup.notices.length,
    problems: snap.rollup.problems,
    repaired: snap.repaired,
    skipped: snap.read.skipped,
  };
}

/** The Decision log's tab and what it should show, when it does not show that now. */
function decisionLogChange(snap: RegistrySnapshot): { tab: ReadTab; grid: DecisionLogGrid } | null {
  const tab = snap.read.roles.decisionLog;
  if (!tab) return null;
  const medians = new Map(snap.rollup.overview.map((o) => [o.clientId, o.medianDecisionDays]));
  const grid = decisionLogGrid(snap.clients, medians, snap.loggable);
  return decisionLogShows(tab.grid, grid, snap.timeZone) ? null : { tab, grid };
}
