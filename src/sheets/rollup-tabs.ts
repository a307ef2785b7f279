/**
 * The Priorities and Overview tabs as grids of cells: values, text, and the live formulas over
 * each client's cells (A1 references into its tab). Written whole, in one batch each, through
 * `writeCells`.
 */
import { rangeOf, type ClientRangeKey } from '../domain/client-ranges.js';
import { overviewHealthCells } from '../domain/overview.js';
import type { Rollup } from '../domain/rollup.js';
import type { ClientRecord } from '../domain/client-record.js';
import { QUADRANTS } from '../domain/debt.js';
import {
  OPEN_DEBT_STATUSES,
  OPEN_RISK_STATUSES,
  PENDING_DECISION_STATUS,
  FINISHED_GOAL_STATUSES,
  isActiveClient,
} from '../domain/item-states.js';
import { asDate, formula, formulaString, type CellInput } from './cell-text.js';
import { INDEX_COLUMN, indexRow } from './client-marks.js';
import { columnLetter } from './formulas.js';
import { OVERVIEW_HEADER } from './registry-setup.js';
import { RANKED_HEADER } from './priorities-layout.js';
import { GENERATED_TITLES } from './tab-roles.js';
import { medianFormula } from './decision-log-tab.js';
import { GENERATED_TITLE_STYLE as TITLE_STYLE, HEADER_STYLE, type RowStyle } from './styles.js';

export interface TabGrid {
  rows: CellInput[][];
  styles: (RowStyle | null)[];
}

export interface PrioritiesGrid extends TabGrid {
  /**
   * First row below the ranked list: a blank row, then the count matrix, the signals and the
   * problems. It moves with the list's length, so it is the part restyled (rows 1 to 4 keep the
   * look the layout gave them).
   */
  lowerStart: number;
}

/** Each client's references, by client id (`clientRanges`). */
export type RangesByClient = ReadonlyMap<string, ReadonlyMap<ClientRangeKey, string>>;

export { INDEX_COLUMN, RANKED_HEADER };

export function clientLink(c: Pick<ClientRecord, 'id' | 'name'>): CellInput {
  return formula(`=HYPERLINK("#gid=${c.id}",${formulaString(c.name)})`);
}

/**
 * A link to the item's row in its client tab, showing its ID: Sheets opens the tab at that cell.
 * The ID is a quoted literal inside the formula, so what a person typed there stays text.
 */
export function itemLink(clientId: string, row: number, label: string): CellInput {
  return formula(`=HYPERLINK("#gid=${clientId}&range=A${row}",${formulaString(label)})`);
}

/** The statuses that count, blank included where a blank status counts (item-states.ts). */
const OPEN_DEBT = [...OPEN_DEBT_STATUSES, ''];
const OPEN_RISK = [...OPEN_RISK_STATUSES, ''];

/**
 * The formula form of a status rule: one COUNTIFS per status that counts, each with the same
 * other conditions. A blank status never counts a blank row: every condition set holds a column
 * that a blank row leaves empty.
 */
function countWhere(
  status: string,
  statuses: readonly string[],
  conditions: readonly [string, string][],
): string {
  return statuses
    .map(
      (s) =>
        `COUNTIFS(${[...conditions, [status, `"${s}"`]].map(([r, c]) => `${r},${c}`).join(',')})`,
    )
    .join('+');
}

type Refs = (what: ClientRangeKey) => string;

/** A client's references as a lookup; a range its tab lacks reads as an error. */
function refsOf(ranges: RangesByClient, clientId: string): Refs {
  const refs = ranges.get(clientId) ?? new Map<ClientRangeKey, string>();
  return (what) => rangeOf(refs, what);
}

function openCount(n: Refs, column: string, value: string): string {
  return countWhere(n('debt_status'), OPEN_DEBT, [[n(column), `"${value}"`]]);
}

/** Open debt items: blank-status rows count when they have a title. */
function openDebtCount(n: Refs): string {
  const status = n('debt_status');
  return `${countWhere(status, OPEN_DEBT_STATUSES, [])}+COUNTIFS(${status},"",${n('debt_title')},"<>")`;
}

/** Overdue, as `isOverdue`: open risks, pending decisions and unfinished goals dated before today. */
function overdueCount(n: Refs): string {
  const before = (range: string): [string, string] => [range, '"<"&TODAY()'];
  const goals = [
    `COUNTIFS(${n('goal_target')},"<"&TODAY())`,
    ...FINISHED_GOAL_STATUSES.map(
      (s) => `COUNTIFS(${n('goal_target')},"<"&TODAY(),${n('goal_status')},"${s}")`,
    ),
  ].join('-');
  return [
    countWhere(n('risk_status'), OPEN_RISK, [before(n('risk_due'))]),
    countWhere(n('decision_status'), [PENDING_DECISION_STATUS], [before(n('decision_due'))]),
    goals,
  ].join('+');
}

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

export function prioritiesGrid(
  rollup: Rollup,
  clients: readonly ClientRecord[],
  ranges: RangesByClient,
  refreshedAt: string,
): PrioritiesGrid {
  const rows: CellInput[][] = [];
  const styles: (RowStyle | null)[] = [];
  const push = (row: CellInput[], style: RowStyle | null = null): void => {
    rows.push(row);
    styles.push(style);
  };
  const signals = rollup.conflicts.length + 2 * rollup.notices.length + rollup.deliveryFalls.length;
  push([GENERATED_TITLES.priorities ?? ''], TITLE_STYLE);
  push([
    `Refreshed ${refreshedAt}: ${plural(rollup.priorities.length, 'open item', 'open items')}; ${plural(signals, 'signal', 'signals')}, ${plural(rollup.problems.length, 'problem', 'problems')} and the count by quadrant below the list. Rewritten whole by Refresh priorities; edit the client tabs, not this one.`,
  ]);
  push(['Ranked list'], TITLE_STYLE);
  push(RANKED_HEADER, HEADER_STYLE);
  rollup.priorities.forEach((e, i) => {
    push([
      i + 1,
      e.clientName,
      e.kind === 'debt' ? 'Debt' : e.kind === 'risk' ? 'Risk' : 'Decision',
      itemLink(e.clientId, e.row, e.id || `row ${e.row}`),
      e.title,
      e.priority,
      e.quadrant,
      e.kind === 'debt' ? (e.score ?? '') : '',
      e.kind === 'risk' ? (e.score ?? '') : '',
      e.status,
      e.owner,
      asDate(e.due),
      e.ageDays ?? '',
      e.link,
    ]);
  });
  if (rollup.priorities.length === 0) push(['Nothing open.']);

  // Below the list, from column B: column A is the narrow "#" column, and text in it runs over.
  const lowerStart = rows.length + 1;
  push([]);
  push(['Open debt by quadrant (live)'], TITLE_STYLE);
  push(['', 'Client', ...QUADRANTS, 'Open debt'], HEADER_STYLE);
  const active = clients.filter((c) => isActiveClient(c.status));
  for (const c of active) {
    push([
      '',
      clientLink(c),
      ...QUADRANTS.map((q) => formula(`=${openCount(refsOf(ranges, c.id), 'debt_quadrant', q)}`)),
      formula(`=${openDebtCount(refsOf(ranges, c.id))}`),
    ]);
  }
  if (active.length === 0) push(['No active clients yet.']);
  push([]);
  push(['Signals'], TITLE_STYLE);
  push(['', 'Client', 'Signal', 'Item', 'Detail'], HEADER_STYLE);
  for (const k of rollup.conflicts) {
    push([
      '',
      k.clientName,
      'Principle conflict',
      k.decisionId,
      `${k.decisionTitle}: ${k.message} (tags: ${k.matched.join(', ')})`,
    ]);
  }
  for (const n of rollup.notices) {
    const item = `${n.providerName} ${n.itemId}`;
    push([
      '',
      n.consumerName,
      'Dependency notice',
      item,
      `${n.title}: ${n.providerName} changed ${n.component || 'a component'} you depend on (${n.date}; ${n.matched.join(', ')})`,
    ]);
    push([
      '',
      n.providerName,
      'Dependency notice',
      item,
      `${n.title}: tell ${n.consumerName}, which depends on ${n.component || 'this'}`,
    ]);
  }
  for (const f of rollup.deliveryFalls) {
    push([
      '',
      f.clientName,
      'Change failure falling',
      `week of ${f.week}`,
      `The change failure band fell two weeks running (${f.bands}): look at what broke and why`,
    ]);
  }
  if (signals === 0)
    push(['No principle conflicts, dependency notices or falling change failure bands.']);
  push([]);
  push(['Problems'], TITLE_STYLE);
  // The reason goes in the wide Title column, where it wraps.
  push(['', 'Tab', 'Cell', '', 'What is wrong'], HEADER_STYLE);
  for (const p of rollup.problems) push(['', p.tab, p.cell, '', p.reason]);
  if (rollup.problems.length === 0) push(['Every cell was read.']);

  const place = (r: number, cells: CellInput[]): void => {
    while (rows.length < r) push([]);
    const row = rows[r - 1] as CellInput[];
    while (row.length < INDEX_COLUMN - 1) row.push('');
    row.splice(INDEX_COLUMN - 1, cells.length, ...cells);
  };
  // Beside the part below the list, in the hidden columns: the client index (ADR 21, 32).
  place(lowerStart, ['Client index: the add-on reads these marks to find each client', '', '']);
  [...ranges].forEach(([id, refs], i) => {
    const r = lowerStart + 1 + i;
    place(r, indexRow(id, refs, r));
  });
  return { rows, styles, lowerStart };
}

export function overviewGrid(
  clients: readonly ClientRecord[],
  ranges: RangesByClient,
  shared: ReadonlyMap<string, string>,
  /** Client id → planned and actual hours over its last four closed weeks (Plan History). */
  hoursTaken: ReadonlyMap<string, string> = new Map(),
): TabGrid {
  const rows: CellInput[][] = [];
  const styles: (RowStyle | null)[] = [];
  rows.push([GENERATED_TITLES.overview ?? '']);
  styles.push(TITLE_STYLE);
  rows.push([...OVERVIEW_HEADER]);
  styles.push(HEADER_STYLE);
  const first = rows.length + 1;
  clients.forEach((c) => {
    const r = rows.length + 1;
    const n = refsOf(ranges, c.id);
    const E = `E${r}`;
    rows.push([
      clientLink(c),
      formula(`=${n('stage')}`),
      formula(`=${n('status')}`),
      formula(`=${n('hours')}`),
      formula(`=IF(COUNT(${n('review_date')})=0,"",MAX(${n('review_date')}))`),
      formula(`=IF(${E}="","",DAYS(TODAY(),${E}))`),
      formula(`=${openCount(n, 'debt_priority', 'High')}`),
      formula(`=${openCount(n, 'debt_priority', 'Medium')}`),
      formula(`=${openCount(n, 'debt_priority', 'Low')}`),
      formula(`=${openCount(n, 'debt_quadrant', 'Do now')}`),
      formula(`=COUNTIFS(${n('decision_status')},"${PENDING_DECISION_STATUS}")`),
      formula(`=${overdueCount(n)}`),
      formula(
        `=${['High', 'Critical'].map((band) => countWhere(n('risk_status'), OPEN_RISK, [[n('risk_band'), `"${band}"`]])).join('+')}`,
      ),
      formula(medianFormula(c.id)),
      shared.has(c.id)
        ? formula(`=HYPERLINK(${formulaString(shared.get(c.id) ?? '')},"Shared view")`)
        : '',
      hoursTaken.get(c.id) ?? '',
      ...overviewHealthCells(c),
    ]);
    styles.push(null);
  });
  const last = rows.length;
  const hoursColumn = columnLetter(4);
  rows.push([
    'Total',
    '',
    '',
    clients.length ? formula(`=SUM(${hoursColumn}${first}:${hoursColumn}${last})`) : 0,
    'Capacity',
    formula('=CTOR_CapacityHours'),
    'Left',
    formula(`=F${last + 1}-D${last + 1}`),
  ]);
  styles.push(HEADER_STYLE);
  return { rows, styles };
}
