/**
 * Closing the week: the Weekly Plan tab read back (its ticks, each client's Actual hours, the keys
 * the add-on wrote in its hidden column) into what Plan History records and what the review log
 * gains. The tab's columns are fixed here, for the writer and this reader alike.
 */
import { readHours } from './hours.js';
import type { Problem } from './section-items.js';
import type { ReviewStep } from './weekly-plan.js';

/** Columns of the Weekly Plan tab, 1-based. Key, State and Baseline are hidden. */
export const PLAN_COLUMNS = {
  done: 1,
  entry: 2,
  estimate: 3,
  /** An entry's link; on a client's line, its Actual hours. */
  link: 4,
  actualHours: 4,
  privateNote: 5,
  key: 6,
  state: 7,
  baseline: 8,
} as const;
export const PLAN_WIDTH = 8;
/** The first hidden column and how many. */
export const PLAN_HIDDEN = { from: PLAN_COLUMNS.key, count: 3 } as const;

/** What the hidden Key cell of a row holds, as JSON. */
export type PlanKey =
  | ['week', string, string, string]
  | ['client', string, number]
  | ['entry', string, string, number, number]
  | ['wait', string, string];

export interface PreviousEntry {
  key: string;
  label: string;
  minutes: number;
  carried: number;
  done: boolean;
  review: boolean;
}

export interface PreviousClient {
  clientId: string;
  name: string;
  hours: number;
  actualHours: number | null;
  entries: PreviousEntry[];
  state: string;
  baseline: string;
}

export interface PreviousPlan {
  weekStart: string;
  /** The run date of the plan on the tab. */
  today: string;
  baselineDate: string;
  clients: Map<string, PreviousClient>;
  /** Actual hours cells that cannot be read (A1 cell, why): those clients' are not recorded. */
  unreadableHours: { cell: string; problem: string }[];
}

function keyOf(cell: unknown): PlanKey | null {
  if (typeof cell !== 'string' || !cell.startsWith('[')) return null;
  try {
    const parsed: unknown = JSON.parse(cell);
    return Array.isArray(parsed) && typeof parsed[0] === 'string' ? (parsed as PlanKey) : null;
  } catch {
    return null;
  }
}

const text = (v: unknown): string => (typeof v === 'string' ? v : '');

const ACTUAL_COLUMN = String.fromCharCode(64 + PLAN_COLUMNS.actualHours);

/**
 * The plan on the Weekly Plan tab, or null when the tab holds none the add-on can read back.
 * A client's Actual hours are read by the rule of Hours per week (`readHours`): one that cannot
 * be read is a problem naming its cell, and is not recorded.
 */
export function readPreviousPlan(grid: readonly (readonly unknown[])[]): PreviousPlan | null {
  let plan: PreviousPlan | null = null;
  let client: PreviousClient | null = null;
  const cell = (row: readonly unknown[], column: number): unknown => row[column - 1] ?? '';
  for (const [index, row] of grid.entries()) {
    const key = keyOf(cell(row, PLAN_COLUMNS.key));
    if (!key) continue;
    if (key[0] === 'week') {
      plan = {
        weekStart: key[1],
        today: key[2],
        baselineDate: key[3],
        clients: new Map(),
        unreadableHours: [],
      };
    } else if (plan && key[0] === 'client') {
      const label = text(cell(row, 1));
      const name = /^(.*): [\d.]+ h this week/.exec(label)?.[1] ?? label;
      const actual = readHours('Actual hours', cell(row, PLAN_COLUMNS.actualHours));
      if ('problem' in actual)
        plan.unreadableHours.push({
          cell: `${ACTUAL_COLUMN}${index + 1}`,
          problem: `${actual.problem} (${name})`,
        });
      client = {
        clientId: key[1],
        name,
        hours: key[2],
        actualHours: 'problem' in actual ? null : actual.value,
        entries: [],
        state: text(cell(row, PLAN_COLUMNS.state)),
        baseline: text(cell(row, PLAN_COLUMNS.baseline)),
      };
      plan.clients.set(key[1], client);
    } else if (client && key[0] === 'entry' && key[1] === client.clientId) {
      client.entries.push({
        key: key[2],
        label: text(cell(row, PLAN_COLUMNS.entry)),
        minutes: key[3],
        carried: key[4],
        done: cell(row, PLAN_COLUMNS.done) === true,
        review: key[2].startsWith('review:'),
      });
    }
  }
  return plan;
}

const TYPE_HOURS = 'Type the hours as a number, such as 2 or 1.5';

/** The Problems tab's lines for Actual hours that cannot be read, while the plan is on its tab. */
export function actualHoursProblems(plan: PreviousPlan | null, tab: string): Problem[] {
  return (plan?.unreadableHours ?? []).map((u) => ({
    tab,
    cell: u.cell,
    reason: `${u.problem}. ${TYPE_HOURS}: until then Close the week records nothing, and the weekly run records the week without them.`,
  }));
}

/**
 * Why Close the week records nothing, or null: Actual hours that cannot be read are fixed first,
 * not guessed and not lost (a person is there to fix them; the weekly run is not and records the
 * week without them, saying so).
 */
export function closeRefusal(plan: PreviousPlan, tab: string): string | null {
  if (plan.unreadableHours.length === 0) return null;
  const each = plan.unreadableHours.map((u) => `${u.problem} (${tab}, ${u.cell})`).join('; ');
  return `The week of ${plan.weekStart} was not closed, nothing was recorded: ${each}. ${TYPE_HOURS}, then close the week again.`;
}

/** The weekly run's note for Actual hours it could not read and recorded as not recorded. */
export function unrecordedHoursNote(plan: PreviousPlan, tab: string): string {
  return plan.unreadableHours
    .map(
      (u) =>
        `${u.problem} (${tab}, ${u.cell}): the week was closed without them; type them in Plan History`,
    )
    .join('; ');
}

export interface ClosedClient {
  clientId: string;
  name: string;
  plannedHours: number;
  actualHours: number | null;
  entriesDone: number;
  entriesPlanned: number;
  /** The review steps ticked: each becomes a mark in the Review log row. */
  reviewed: Record<ReviewStep, boolean>;
}

/** Per client, what the week on the tab came to. */
export function closeWeek(plan: PreviousPlan): ClosedClient[] {
  return [...plan.clients.values()].map((c) => {
    const ticked = (step: ReviewStep): boolean =>
      c.entries.some((e) => e.key === `review:${step}` && e.done);
    return {
      clientId: c.clientId,
      name: c.name,
      plannedHours: c.hours,
      actualHours: c.actualHours,
      entriesDone: c.entries.filter((e) => e.done).length,
      entriesPlanned: c.entries.length,
      reviewed: {
        pm: ticked('pm'),
        code: ticked('code'),
        sync: ticked('sync'),
        registry: ticked('registry'),
      },
    };
  });
}

/**
 * The Review log row a closed week adds for a client whose review lines were ticked, or null.
 * Dated the week's Friday, or the day it is closed when that is earlier: the tab does not say
 * which day of the week the review was done.
 */
export function reviewLogFields(
  c: ClosedClient,
  weekStart: string,
  friday: string,
  today: string,
): Record<string, string> | null {
  const r = c.reviewed;
  if (!r.pm && !r.code && !r.sync && !r.registry) return null;
  const mark = (b: boolean): string => (b ? 'Yes' : 'No');
  const done = [
    r.pm && 'PM board',
    r.code && 'codebase',
    r.sync && 'lead sync',
    r.registry && 'registry update',
  ].filter(Boolean);
  return {
    date: today < friday ? today : friday,
    pmReviewed: mark(r.pm),
    codeReviewed: mark(r.code),
    leadSync: mark(r.sync),
    notes: `Ticked on the weekly plan of ${weekStart}: ${done.join(', ')}.`,
  };
}
