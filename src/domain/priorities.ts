/**
 * The cross-client priority list: open debt, open risks and pending decisions of active
 * clients, in one order (the README's ranking rule):
 * overdue first; then priority (Critical, High, Medium, Low, unset: a risk's band is its
 * priority, a pending decision without one is Medium); then quadrant (Do now, Plan & invest,
 * Quick win, Skip for now, none); then impact/effort descending; then due date (blank last);
 * then date added (blank last); then client name and ID.
 */
import { dayNumber } from './dates.js';
import { QUADRANTS, quadrantOf, DEFAULT_THRESHOLDS, type Thresholds } from './debt.js';
import { riskBand, riskScore } from './risk.js';
import { num, str, type ClientRecord } from './client-record.js';
import {
  isActiveClient,
  isOpenDebt,
  isOpenRisk,
  isOverdue,
  isPendingDecision,
} from './item-states.js';

export type PriorityKind = 'debt' | 'risk' | 'decision';

export interface PriorityEntry {
  clientId: string;
  clientName: string;
  kind: PriorityKind;
  id: string;
  row: number;
  title: string;
  /** High/Medium/Low for debt; the band for risks; Medium for a pending decision; '' when unset. */
  priority: string;
  quadrant: string;
  /** Risk score, or the debt item's impact ÷ effort. */
  score: number | null;
  status: string;
  owner: string;
  due: string;
  added: string;
  ageDays: number | null;
  overdue: boolean;
  link: string;
  impact: number | null;
  effort: number | null;
}

/** Critical ranks above High: a Critical risk is never listed below High debt. */
const PRIORITY_RANK: Record<string, number> = { Critical: 0, High: 1, Medium: 2, Low: 3 };
const UNSET_PRIORITY = 4;
/** Quadrants rank in the order the matrix names them: Do now first. */
const QUADRANT_RANK: Record<string, number> = Object.fromEntries(QUADRANTS.map((q, i) => [q, i]));

function ratio(e: PriorityEntry): number {
  return e.impact !== null && e.effort !== null && e.effort > 0 ? e.impact / e.effort : -1;
}

function idNumber(id: string): number {
  const m = /(\d+)$/.exec(id);
  return m ? Number(m[1]) : Number.MAX_SAFE_INTEGER;
}

function text(a: string, b: string): number {
  return a === b ? 0 : a < b ? -1 : 1;
}

function blankLast(a: string, b: string): number {
  if (a === b) return 0;
  if (!a) return 1;
  if (!b) return -1;
  return a < b ? -1 : 1;
}

interface SortKey {
  overdue: number;
  priority: number;
  quadrant: number;
  ratio: number;
  due: string;
  added: string;
  client: string;
  idPrefix: string;
  idNumber: number;
  row: number;
}

function keyOf(e: PriorityEntry): SortKey {
  return {
    overdue: e.overdue ? 0 : 1,
    priority: PRIORITY_RANK[e.priority] ?? UNSET_PRIORITY,
    quadrant: QUADRANT_RANK[e.quadrant] ?? 4,
    ratio: ratio(e),
    due: e.due,
    added: e.added,
    client: e.clientName.toLowerCase(),
    idPrefix: e.id.replace(/\d+$/, ''),
    idNumber: idNumber(e.id),
    row: e.row,
  };
}

function compareKeys(a: SortKey, b: SortKey): number {
  return (
    a.overdue - b.overdue ||
    a.priority - b.priority ||
    a.quadrant - b.quadrant ||
    b.ratio - a.ratio ||
    blankLast(a.due, b.due) ||
    blankLast(a.added, b.added) ||
    text(a.client, b.client) ||
    text(a.idPrefix, b.idPrefix) ||
    a.idNumber - b.idNumber ||
    a.row - b.row
  );
}

export function comparePriorities(a: PriorityEntry, b: PriorityEntry): number {
  return compareKeys(keyOf(a), keyOf(b));
}

/** Sorts by the comparator, computing each entry's keys once. */
export function rankPriorities(entries: readonly PriorityEntry[]): PriorityEntry[] {
  return entries
    .map((entry) => ({ entry, key: keyOf(entry) }))
    .sort((a, b) => compareKeys(a.key, b.key))
    .map((x) => x.entry);
}

export function collectPriorities(
  clients: readonly ClientRecord[],
  today: string,
  thresholds: Thresholds = DEFAULT_THRESHOLDS,
): PriorityEntry[] {
  const out: PriorityEntry[] = [];
  const todayNumber = dayNumber(today);
  for (const c of clients) {
    if (!isActiveClient(c.status)) continue;
    for (const d of c.items.debt) {
      if (!isOpenDebt(d.fields)) continue;
      const status = str(d.fields['status']) || 'Open';
      const impact = num(d.fields['impact']);
      const effort = num(d.fields['effort']);
      const added = str(d.fields['added']);
      out.push({
        clientId: c.id,
        clientName: c.name,
        kind: 'debt',
        id: d.id,
        row: d.row,
        title: str(d.fields['title']),
        priority: str(d.fields['priority']),
        quadrant: quadrantOf(impact, effort, thresholds) ?? '',
        score:
          impact !== null && effort !== null ? Math.round((impact / effort) * 100) / 100 : null,
        status,
        owner: str(d.fields['owner']),
        due: '',
        added,
        ageDays: added ? todayNumber - dayNumber(added) : null,
        overdue: false,
        link: str(d.fields['trackedIn']),
        impact,
        effort,
      });
    }
    for (const r of c.items.risk) {
      if (!isOpenRisk(r.fields)) continue;
      const status = str(r.fields['status']) || 'Open';
      const score = riskScore(num(r.fields['likelihood']), num(r.fields['impact']));
      const due = str(r.fields['due']);
      out.push({
        clientId: c.id,
        clientName: c.name,
        kind: 'risk',
        id: r.id,
        row: r.row,
        title: str(r.fields['risk']),
        priority: riskBand(score) ?? '',
        quadrant: '',
        score,
        status,
        owner: str(r.fields['owner']),
        due,
        added: '',
        ageDays: null,
        overdue: isOverdue(r, today),
        link: '',
        impact: null,
        effort: null,
      });
    }
    for (const d of c.items.decision) {
      if (!isPendingDecision(d.fields)) continue;
      const status = str(d.fields['status']);
      const due = str(d.fields['due']);
      const proposed = str(d.fields['proposedOn']);
      out.push({
        clientId: c.id,
        clientName: c.name,
        kind: 'decision',
        id: d.id,
        row: d.row,
        title: str(d.fields['title']),
        priority: 'Medium',
        quadrant: '',
        score: null,
        status,
        owner: str(d.fields['deciders']),
        due,
        added: proposed,
        ageDays: proposed ? todayNumber - dayNumber(proposed) : null,
        overdue: isOverdue(d, today),
        link: str(d.fields['link']),
        impact: null,
        effort: null,
      });
    }
  }
  return rankPriorities(out);
}
