/** The Overview's numbers per client, as its live formulas compute them. */
import { median, daysBetween } from './dates.js';
import { decisionCycleDays } from './decision-log.js';
import type { Thresholds } from './debt.js';
import { str, type ClientRecord } from './client-record.js';
import { isOpenDebt, isOpenRisk, isOverdue, isPendingDecision } from './item-states.js';
import { exitCriteriaMet, latestBands, type MeasureNow } from './client-health.js';
import { MEASURES, type Measure } from './dora.js';

export interface OverviewRow {
  clientId: string;
  name: string;
  stage: string;
  status: string;
  hoursPerWeek: number | null;
  lastReview: string;
  daysSinceReview: number | null;
  openDebt: { High: number; Medium: number; Low: number };
  doNow: number;
  pendingDecisions: number;
  overdue: number;
  openHighRisks: number;
  medianDecisionDays: number | null;
  /** Each DORA measure's latest band and four-week trend; null without a Delivery section. */
  delivery: Record<Measure, MeasureNow> | null;
  /** Exit criteria met of all; null without an Exit criteria section. */
  exitCriteria: { met: number; total: number } | null;
}

/** "High ↑": a band with its trend, as the Overview shows it; '' without a band. */
export function bandCell(now: MeasureNow | undefined): string {
  return now?.band ? `${now.band}${now.trend ? ` ${now.trend}` : ''}` : '';
}

/** "2 of 6 met". */
export function exitCell(exit: { met: number; total: number } | null): string {
  return exit && exit.total ? `${exit.met} of ${exit.total} met` : '';
}

/** The Overview's health cells of a client: each measure's band and trend, then exit criteria. */
export function overviewHealthCells(c: ClientRecord): string[] {
  const delivery = c.health?.delivery ? latestBands(c.health.delivery) : null;
  const exit = c.health?.exitCriteria ? exitCriteriaMet(c.health.exitCriteria) : null;
  return [...MEASURES.map((m) => bandCell(delivery?.[m])), exitCell(exit)];
}

export function overviewRow(c: ClientRecord, today: string, _thresholds?: Thresholds): OverviewRow {
  const openDebt = c.items.debt.filter((d) => isOpenDebt(d.fields));
  const openRisks = c.items.risk.filter((r) => isOpenRisk(r.fields));
  const pending = c.items.decision.filter((d) => isPendingDecision(d.fields));
  const reviews = c.items.review
    .map((r) => str(r.fields['date']))
    .filter(Boolean)
    .sort();
  const lastReview = reviews[reviews.length - 1] ?? '';
  const cycles = c.items.decision
    .map((d) => decisionCycleDays(d.fields))
    .filter((days): days is number => days !== null);
  const count = (p: string) => openDebt.filter((d) => str(d.fields['priority']) === p).length;
  return {
    clientId: c.id,
    name: c.name,
    stage: c.stage,
    status: c.status,
    hoursPerWeek: c.hoursPerWeek,
    lastReview,
    daysSinceReview: lastReview ? daysBetween(lastReview, today) : null,
    openDebt: { High: count('High'), Medium: count('Medium'), Low: count('Low') },
    // As the sheet's COUNTIFS do: over the Quadrant and Band cells the formulas fill.
    doNow: openDebt.filter((d) => str(d.fields['quadrant']) === 'Do now').length,
    pendingDecisions: pending.length,
    overdue: [...c.items.risk, ...c.items.decision, ...c.items.goal].filter((i) =>
      isOverdue(i, today),
    ).length,
    openHighRisks: openRisks.filter((r) => ['High', 'Critical'].includes(str(r.fields['band'])))
      .length,
    medianDecisionDays: median(cycles),
    delivery: c.health?.delivery ? latestBands(c.health.delivery) : null,
    exitCriteria: c.health?.exitCriteria ? exitCriteriaMet(c.health.exitCriteria) : null,
  };
}
