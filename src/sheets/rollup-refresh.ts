/**
 * Refresh priorities: read every tab once, compute the rollup, and rewrite the Priorities and
 * Overview tabs whole. Client tabs are only read. The named ranges the live formulas use are
 * checked through formulas written with the Priorities tab and re-set only where they drifted.
 */
import { clientRangeSpecs, type RangeSpec } from '../domain/client-ranges.js';
import { readDependencies } from '../domain/dependencies.js';
import { readPrinciples } from '../domain/principles.js';
import { buildRollup, type Rollup } from '../domain/rollup.js';
import type { ClientRecord } from '../domain/client-record.js';
import type { FounderRecord } from '../domain/founder-record.js';
import { readSettings, type RegistrySettings } from '../domain/settings.js';
import type { Problem } from '../domain/section-items.js';
import { InputError } from '../domain/input-error.js';
import { fingerprint } from '../domain/fingerprint.js';
import { writeCells, type CellInput } from './cell-text.js';
import { clientRecord } from './client-record-from-tab.js';
import { setClientRanges } from './client-named-ranges.js';
import { settingsProblems } from './settings-tab.js';
import { CHECKS_COLUMN, overviewGrid, prioritiesGrid, type TabGrid } from './rollup-tabs.js';
import { ensureRollupLayout, LIST_WIDTH, LOWER_KEY } from './priorities-layout.js';
import { writableRange } from './sheet-rows.js';
import { hoursTakenByClient } from './plan-history-tab.js';
import { setupRegistryTabs } from './registry-setup.js';
import { GENERATED_ROLES, USER_ROLES } from './tab-roles.js';
import { readWorkbook, type ReadTab, type WorkbookRead } from './workbook-read.js';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

const OVERVIEW_KEY = 'registry.overviewSignature';

export interface RegistrySnapshot {
  read: WorkbookRead;
  clients: ClientRecord[];
  settings: RegistrySettings;
  rollup: Rollup;
  ranges: Map<string, RangeSpec[]>;
  /** Client id → shared view address, for the Overview's link; filled by the caller. */
  shared: Map<string, string>;
  /** Registry tabs that were missing and made again. */
  repaired: string[];
  /** The spreadsheet's time zone, the dates of the tabs were read in. */
  timeZone: string;
  /** Client id → its tab read for its founders, once shared (see founder-view-grids.ts). */
  founder: Map<string, FounderRecord>;
}

export interface RegistryRead {
  read: WorkbookRead;
  clients: ClientRecord[];
  problems: Problem[];
}

/** Every tab in one call each, and the clients as records; writes nothing. */
export function readRegistry(ss: Spreadsheet, timeZone: string): RegistryRead {
  return recordsOf(readWorkbook(ss), timeZone);
}

/** Each client read on its own: one whose tab cannot be made sense of is named and skipped. */
function recordsOf(read: WorkbookRead, timeZone: string): RegistryRead {
  const problems: Problem[] = [];
  const clients: ClientRecord[] = [];
  const skipped = [...read.skipped];
  for (const tab of read.clients) {
    try {
      const { record, problems: found } = clientRecord(tab, tab.name, timeZone);
      clients.push(record);
      problems.push(...found);
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
  clients.sort((a, b) => a.name.localeCompare(b.name));
  return {
    read: { ...read, clients: read.clients.filter((c) => readClients.has(c.id)), skipped },
    clients,
    problems,
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
): RegistrySnapshot {
  let workbook = readWorkbook(ss);
  const repaired: string[] = [];
  if (
    GENERATED_ROLES.some((r) => !workbook.roles[r]) ||
    USER_ROLES.some((r) => !workbook.roles[r])
  ) {
    repaired.push(...setupRegistryTabs(ss).created);
    workbook = readWorkbook(ss);
  }
  const { read, clients, problems } = recordsOf(workbook, timeZone);
  const ranges = new Map<string, RangeSpec[]>();
  for (const tab of read.clients) {
    ranges.set(tab.id, clientRangeSpecs(tab.id, tab.layout, tab.grid, Number.MAX_SAFE_INTEGER));
  }
  const settings = readSettings(read.roles.settings?.grid ?? []);
  const rollup = buildRollup(
    clients,
    readPrinciples(read.roles.principles?.grid ?? []),
    readDependencies(read.roles.dependencies?.grid ?? []),
    today,
    'Dependencies',
    { impact: settings.impactThreshold, effort: settings.effortThreshold },
  );
  rollup.problems = [...problems, ...rollup.problems];
  return {
    read,
    clients,
    settings,
    rollup,
    ranges,
    shared: new Map(),
    repaired,
    timeZone,
    founder: new Map(),
  };
}

function pad(
  grid: TabGrid,
  previous: ReadTab,
  minWidth: number,
): { values: CellInput[][]; width: number; height: number } {
  // A loop, not Math.max(...rows): tens of thousands of arguments overflow the stack.
  let width = minWidth;
  for (const r of grid.rows) width = Math.max(width, r.length);
  for (const r of previous.grid) width = Math.max(width, r.length);
  const height = Math.max(grid.rows.length, previous.grid.length);
  const values: CellInput[][] = [];
  for (let i = 0; i < height; i++) {
    const row = grid.rows[i] ?? [];
    values.push([...row, ...new Array<CellInput>(width - row.length).fill('')]);
  }
  return { values, width, height };
}

/** Font weights and backgrounds of `rows` grid rows from `from` (1-based), `width` wide. */
function styles(
  grid: TabGrid,
  from: number,
  rows: number,
  width: number,
): { weights: GoogleAppsScript.Spreadsheet.FontWeight[][]; backgrounds: string[][] } {
  const weights: GoogleAppsScript.Spreadsheet.FontWeight[][] = [];
  const backgrounds: string[][] = [];
  for (let i = 0; i < rows; i++) {
    const s = grid.styles[from - 1 + i] ?? null;
    weights.push(
      new Array<GoogleAppsScript.Spreadsheet.FontWeight>(width).fill(s?.bold ? 'bold' : 'normal'),
    );
    backgrounds.push(new Array<string>(width).fill(s?.background ?? ''));
  }
  return { weights, backgrounds };
}

/** Each range check on the tab as read: the range's name → its rows and filled cells. */
function rangeChecks(grid: readonly (readonly unknown[])[]): Map<string, unknown[]> {
  const out = new Map<string, unknown[]>();
  for (const row of grid) {
    const name = row[CHECKS_COLUMN - 1];
    if (typeof name === 'string' && name.startsWith('CTOR_'))
      out.set(name, [row[CHECKS_COLUMN], row[CHECKS_COLUMN + 1]]);
  }
  return out;
}

/** Where the part below the ranked list was styled last, and how. */
interface LowerPart {
  start: number;
  end: number;
  signature: string;
}

function storedLowerPart(value: string | null): LowerPart | null {
  if (!value) return null;
  try {
    const v = JSON.parse(value) as Partial<LowerPart>;
    return typeof v.start === 'number' &&
      typeof v.end === 'number' &&
      typeof v.signature === 'string'
      ? { start: v.start, end: v.end, signature: v.signature }
      : null;
  } catch {
    return null;
  }
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
  realigned: string[];
  repaired: string[];
  /** Tabs skipped this time, with why; every other client was refreshed. */
  skipped: WorkbookRead['skipped'];
}

/**
 * `checkRanges` repairs the named ranges the range checks showed drifted when the tab was read;
 * the weekly run leaves repairs to the interactive refresh, to stay within its call budget.
 */
export function refreshRollup(
  ss: Spreadsheet,
  snap: RegistrySnapshot,
  refreshedAt: string,
  options: { checkRanges: boolean },
): RefreshResult {
  const priorities = snap.read.roles.priorities;
  const overview = snap.read.roles.overview;
  if (!priorities || !overview) {
    throw new InputError(
      'The Priorities or Overview tab is missing: choose Set up registry to restore it, then refresh again.',
    );
  }
  const laidOut = ensureRollupLayout(priorities.sheet, overview.sheet);
  const grid = prioritiesGrid(snap.rollup, snap.clients, snap.ranges, refreshedAt);
  const p = pad(grid, priorities, CHECKS_COLUMN + 4);
  writeCells(writableRange(priorities.sheet, p.height, p.width), p.values);

  // The part below the list moves with the list's length. It is restyled, with the rows it held
  // last time, only when it moved or its titles changed.
  const props = PropertiesService.getDocumentProperties();
  const lowerEnd = grid.rows.length;
  const signature = fingerprint([
    grid.lowerStart,
    grid.styles.slice(grid.lowerStart - 1).map((s) => s?.background ?? ''),
  ]);
  const previous = laidOut ? null : storedLowerPart(props.getProperty(LOWER_KEY));
  if (previous?.signature !== signature) {
    const from = Math.min(grid.lowerStart, previous?.start ?? grid.lowerStart);
    const to = Math.min(p.height, Math.max(lowerEnd, previous?.end ?? lowerEnd));
    const ps = styles(grid, from, to - from + 1, LIST_WIDTH);
    const lower = priorities.sheet.getRange(from, 1, to - from + 1, LIST_WIDTH);
    lower.setFontWeights(ps.weights);
    lower.setBackgrounds(ps.backgrounds);
    props.setProperty(
      LOWER_KEY,
      JSON.stringify({ start: grid.lowerStart, end: lowerEnd, signature } satisfies LowerPart),
    );
  }

  // The range checks are live formulas: as this run read the tab, they showed each named range
  // as it is now. A range without a check yet (a client added since) was made by the add-on
  // just now, and is checked from the next refresh on.
  const realigned: string[] = [];
  const sheets = new Map(snap.read.clients.map((c) => [c.id, c.sheet]));
  const shown = options.checkRanges ? rangeChecks(priorities.grid) : new Map<string, unknown[]>();
  for (const { clientId, spec } of grid.checks) {
    const line = shown.get(spec.name);
    if (!line) continue;
    const [rows, filled] = line;
    const rowsOk = spec.toSheetEnd ? typeof rows === 'number' : rows === spec.numRows;
    if (rowsOk && (spec.filled < 0 ? typeof filled === 'number' : filled === spec.filled)) continue;
    const sheet = sheets.get(clientId);
    if (!sheet) continue;
    const fixed = spec.toSheetEnd ? { ...spec, numRows: sheet.getMaxRows() - spec.row + 1 } : spec;
    setClientRanges(ss, sheet, [fixed]);
    realigned.push(spec.name);
  }

  // The Overview is live formulas: it is rewritten only when the clients or their values
  // that are not formulas changed. Its title and header keep the formatting setup gave them.
  const o = overviewGrid(
    snap.rollup.overview,
    snap.clients,
    snap.shared,
    hoursTakenByClient(snap.read.roles.planHistory, snap.timeZone),
  );
  const op = pad(o, overview, 15);
  const overviewSignature = fingerprint(op.values);
  if (
    props.getProperty(OVERVIEW_KEY) !== overviewSignature ||
    overview.grid.length !== o.rows.length ||
    !overviewShowsDomain(overview.grid, snap)
  ) {
    writeCells(writableRange(overview.sheet, op.height, op.width), op.values);
    props.setProperty(OVERVIEW_KEY, overviewSignature);
  }

  return {
    refreshedAt,
    entries: snap.rollup.priorities.length,
    conflicts: snap.rollup.conflicts.length,
    notices: snap.rollup.notices.length,
    problems: snap.rollup.problems,
    realigned,
    repaired: snap.repaired,
    skipped: snap.read.skipped,
  };
}
