/** The Overview's numbers per client, as its live formulas compute them. */
import { median, daysBetween } from './dates.js';
import { decisionCycleDays } from './decision-log.js';
import type { Thresholds } from './debt.js';
import { str, type ClientRecord } from './client-record.js';
import { isOpenDebt, isOpenRisk, isOverdue, isPendingDecision } from './item-states.js';

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
  };
}
