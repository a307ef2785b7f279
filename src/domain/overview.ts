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

/**
 * One pass over each section, counting as it goes: the Overview is worked out for every client at
 * every refresh, and lists of a large tab's items would be made only to be counted.
 */
export function overviewRow(c: ClientRecord, today: string, _thresholds?: Thresholds): OverviewRow {
  const openDebt = { High: 0, Medium: 0, Low: 0 };
  let doNow = 0;
  for (const d of c.items.debt) {
    if (!isOpenDebt(d.fields)) continue;
    const priority = str(d.fields['priority']);
    if (priority === 'High' || priority === 'Medium' || priority === 'Low') openDebt[priority]++;
    // As the sheet's COUNTIFS do: over the Quadrant and Band cells the formulas fill.
    if (str(d.fields['quadrant']) === 'Do now') doNow++;
  }
  let overdue = 0;
  let openHighRisks = 0;
  for (const r of c.items.risk) {
    if (isOverdue(r, today)) overdue++;
    if (!isOpenRisk(r.fields)) continue;
    const band = str(r.fields['band']);
    if (band === 'High' || band === 'Critical') openHighRisks++;
  }
  let pendingDecisions = 0;
  const cycles: number[] = [];
  for (const d of c.items.decision) {
    if (isPendingDecision(d.fields)) pendingDecisions++;
    if (isOverdue(d, today)) overdue++;
    const days = decisionCycleDays(d.fields);
    if (days !== null) cycles.push(days);
  }
  for (const g of c.items.goal) if (isOverdue(g, today)) overdue++;
  // The latest review date: the greatest of the dates typed, compared as text.
  let lastReview = '';
  for (const r of c.items.review) {
    const date = str(r.fields['date']);
    if (date > lastReview) lastReview = date;
  }
  return {
    clientId: c.id,
    name: c.name,
    stage: c.stage,
    status: c.status,
    hoursPerWeek: c.hoursPerWeek,
    lastReview,
    daysSinceReview: lastReview ? daysBetween(lastReview, today) : null,
    openDebt,
    doNow,
    pendingDecisions,
    overdue,
    openHighRisks,
    medianDecisionDays: median(cycles),
    delivery: c.health?.delivery ? latestBands(c.health.delivery) : null,
    exitCriteria: c.health?.exitCriteria ? exitCriteriaMet(c.health.exitCriteria) : null,
  };
}
