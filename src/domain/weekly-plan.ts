/**
 * The week's plan: per active client a budget of its hours, filled in order (the weekly review,
 * what must not wait, decisions and notices, Do-now debt, goals, team gaps, the quarterly debt
 * review), what does not fit under Waits; a focus line per client and the capacity list; what
 * changed since last week. Built from the registry, its rollup and the previous plan; knows
 * nothing of sheets or mail.
 */
import { addDays } from './dates.js';
import type { Rollup } from './rollup.js';
import type { ClientRecord } from './client-record.js';
import { isActiveClient } from './item-states.js';
import type { RegistrySettings } from './settings.js';
import type { SectionKind } from './registry-layout.js';
import { clientCandidates, fillBudget } from './plan-budget.js';
import { registryState, sinceLastWeek } from './since-last-week.js';
import type { PreviousPlan } from './week-closing.js';

export type AgendaKind =
  | 'review'
  | 'overdue'
  | 'due'
  | 'critical'
  | 'decision'
  | 'conflict'
  | 'notice'
  | 'doNow'
  | 'goal'
  | 'team'
  | 'quarterly';

/**
 * What an entry is about, so that a view for someone else (a founder) is built from typed fields
 * of the item itself, never by cutting the CTO's label.
 */
export type AgendaSubject =
  { kind: 'review'; step: ReviewStep } | { kind: 'item'; section: SectionKind; row: number };

export type ReviewStep = 'pm' | 'code' | 'sync' | 'registry';

export interface AgendaEntry {
  /** The first rule that placed it: its tier in the budget's order. */
  kind: AgendaKind;
  /** Stable across weeks: `risk:R-1`, `review:pm`, `notice:Beta:ADR-4`; how a tick is carried. */
  key: string;
  /** What it is, without the reasons: "Decision ADR-1 Pick a message queue". */
  headline: string;
  /** Every rule that placed it: "due Thu", "related: Acme ADR-2 Use Kafka". */
  reasons: string[];
  /** The headline with its reasons and, when carried, for how long. */
  label: string;
  subject?: AgendaSubject;
  minutes: number;
  link: string;
  /** Private context for the CTO's own plan; never in anything meant for a founder. */
  privateNote: string;
  /** Weeks it has come back unticked. */
  carried: number;
  /** Ticked on the Weekly Plan tab this week (kept when the plan is written again). */
  done: boolean;
}

export interface ClientPlan {
  clientId: string;
  name: string;
  hours: number;
  /** The profile's "Focus this week", else the first entry after the review. */
  focus: string;
  /** What is planned and counted, in the budget's order. */
  agenda: AgendaEntry[];
  /** What did not fit: listed, not counted (the first few; `waitsMore` counts the rest). */
  waits: AgendaEntry[];
  waitsMore: number;
  plannedMinutes: number;
  budgetMinutes: number;
  /** Minutes by which the review and what must not wait exceed the budget; 0 when they fit. */
  overMinutes: number;
  overdue: number;
  /** What must not wait does not fit the client's hours. */
  overbooked: boolean;
  /** "last review 2026-10-20, 29 days ago (cadence 7 days)", or '' when reviewed in time. */
  drifting: string;
  /** Actual hours typed for this week, kept when the plan is written again. */
  actualHours: number | null;
  /** The registry's state this plan compares next week's with (see since-last-week.ts). */
  state: string;
  /** The state this plan compared with. */
  baseline: string;
}

export interface WeeklyPlan {
  weekStart: string;
  weekEnd: string;
  today: string;
  clients: ClientPlan[];
  /** "Acme: Risk R-1 Backups never restored (2 h)", one per client, then "Flex: 15.5 h". */
  capacityList: string[];
  capacityHours: number;
  allocatedHours: number;
  flexHours: number;
  flexReserveHours: number;
  overCommitted: boolean;
  warnings: string[];
  /** Log lines, oldest first: "Acme: accepted ADR-4 Switch to MongoDB (2026-11-18)". */
  sinceLastWeek: string[];
  /** What "since last week" could not tell, said once (the first plan has no baseline). */
  sinceNote: string;
  /** The date the baseline was recorded, '' for none. */
  baselineDate: string;
}

/** Monday of the week holding `today` (an ISO date). */
export function weekStartOf(today: string): string {
  const d = new Date(`${today}T00:00:00Z`);
  const back = (d.getUTCDay() + 6) % 7;
  return addDays(today, -back);
}

/** The week a plan run on `today` is for: this week Monday to Friday, next week at the weekend. */
export function planWeekOf(today: string): string {
  const day = new Date(`${today}T00:00:00Z`).getUTCDay();
  const monday = weekStartOf(today);
  return day === 0 || day === 6 ? addDays(monday, 7) : monday;
}

function hoursText(h: number): string {
  return `${Math.round(h * 100) / 100} h`;
}

export function buildWeeklyPlan(
  clients: readonly ClientRecord[],
  rollup: Rollup,
  settings: RegistrySettings,
  today: string,
  sharedClientIds: ReadonlySet<string> = new Set(),
  previous: PreviousPlan | null = null,
): WeeklyPlan {
  const weekStart = planWeekOf(today);
  const weekEnd = addDays(weekStart, 6);
  const active = clients.filter((c) => isActiveClient(c.status));
  // A plan written again in its own week keeps its ticks, hours and carried counts, and compares
  // with the same baseline; a plan for a new week carries what was left unticked.
  const sameWeek = previous?.weekStart === weekStart ? previous : null;
  const carriedFrom = previous && !sameWeek && previous.weekStart < weekStart ? previous : null;
  const candidatesOf = clientCandidates(clients, rollup, settings, today, weekStart, weekEnd);
  const plans: ClientPlan[] = active.map((c) => {
    const prior = (sameWeek ?? carriedFrom)?.clients.get(c.id);
    const filled = fillBudget(c, candidatesOf(c), settings, today, prior, sameWeek !== null);
    return {
      ...filled,
      actualHours: sameWeek ? (prior?.actualHours ?? null) : null,
      state: registryState(c),
      baseline: sameWeek ? (prior?.baseline ?? '') : (prior?.state ?? ''),
    };
  });
  const allocatedHours = plans.reduce((n, p) => n + p.hours, 0);
  const flexHours = Math.round((settings.capacityHours - allocatedHours) * 100) / 100;
  const overCommitted = flexHours < settings.flexReserveHours;
  const warnings: string[] = [];
  if (overCommitted) {
    warnings.push(
      `Over-committed: ${allocatedHours} h allocated of ${settings.capacityHours} h leaves ${flexHours} h, below the ${settings.flexReserveHours} h flex reserve.`,
    );
  }
  for (const c of clients) {
    if (c.status === 'Ended' && sharedClientIds.has(c.id)) {
      warnings.push(
        `${c.name} has ended but its founders can still open its shared view: choose Stop sharing.`,
      );
    }
  }
  for (const p of plans) {
    if (p.overbooked)
      warnings.push(
        `${p.name}: the review and what must not wait need ${formatMinutes(p.budgetMinutes + p.overMinutes)} of ${hoursText(p.hours)}, ${formatMinutes(p.overMinutes)} over.`,
      );
  }
  const baselineDate = sameWeek ? sameWeek.baselineDate : (carriedFrom?.today ?? '');
  const since = sinceLastWeek(active, plans, today, baselineDate);
  return {
    weekStart,
    weekEnd,
    today,
    clients: plans,
    capacityList: [
      ...plans.map((p) => `${p.name}: ${p.focus} (${hoursText(p.hours)})`),
      `Flex: ${hoursText(flexHours)}`,
    ],
    capacityHours: settings.capacityHours,
    allocatedHours,
    flexHours,
    flexReserveHours: settings.flexReserveHours,
    overCommitted,
    warnings,
    sinceLastWeek: since.lines,
    sinceNote: since.note,
    baselineDate,
  };
}

export function formatMinutes(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return h ? (m ? `${h} h ${m} min` : `${h} h`) : `${m} min`;
}
