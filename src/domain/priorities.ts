/**
 * The cross-client priority list: open debt, open risks and pending decisions of active
 * clients, in one order (the README's ranking rule):
 * overdue first; then priority (Critical/High, Medium, Low, unset; a risk's band is its
 * priority; a pending decision is Medium); then quadrant (Do now, Plan & invest, Quick win,
 * Skip for now, none); then impact/effort descending; then due date (blank last); then date
 * added (blank last); then client name and ID.
 */
import { daysBetween } from './dates.js';
import { quadrantOf, DEFAULT_THRESHOLDS, type Thresholds } from './debt.js';
import { riskBand, riskScore } from './risk.js';
import {
  num,
  OPEN_DEBT,
  OPEN_RISK,
  PENDING_DECISION,
  str,
  type ClientRecord,
} from './registry-model.js';

export type PriorityKind = 'debt' | 'risk' | 'decision';

export interface PriorityEntry {
  clientId: string;
  clientName: string;
  kind: PriorityKind;
  id: string;
  row: number;
  title: string;
  /** High/Medium/Low for debt and decisions; the band for risks; '' when unset. */
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

const PRIORITY_RANK: Record<string, number> = { Critical: 0, High: 0, Medium: 1, Low: 2 };
const QUADRANT_RANK: Record<string, number> = {
  'Do now': 0,
  'Plan & invest': 1,
  'Quick win': 2,
  'Skip for now': 3,
};

function ratio(e: PriorityEntry): number {
  return e.impact !== null && e.effort !== null && e.effort > 0 ? e.impact / e.effort : -1;
}

function idNumber(id: string): number {
  const m = /(\d+)$/.exec(id);
  return m ? Number(m[1]) : Number.MAX_SAFE_INTEGER;
}

function blankLast(a: string, b: string): number {
  if (a === b) return 0;
  if (!a) return 1;
  if (!b) return -1;
  return a < b ? -1 : 1;
}

export function comparePriorities(a: PriorityEntry, b: PriorityEntry): number {
  return (
    Number(b.overdue) - Number(a.overdue) ||
    (PRIORITY_RANK[a.priority] ?? 3) - (PRIORITY_RANK[b.priority] ?? 3) ||
    (QUADRANT_RANK[a.quadrant] ?? 4) - (QUADRANT_RANK[b.quadrant] ?? 4) ||
    ratio(b) - ratio(a) ||
    blankLast(a.due, b.due) ||
    blankLast(a.added, b.added) ||
    a.clientName.localeCompare(b.clientName) ||
    a.id.localeCompare(b.id, undefined, { numeric: true }) ||
    idNumber(a.id) - idNumber(b.id) ||
    a.row - b.row
  );
}

export function isActive(c: ClientRecord): boolean {
  return (c.status || 'Active') === 'Active';
}

export function collectPriorities(
  clients: readonly ClientRecord[],
  today: string,
  thresholds: Thresholds = DEFAULT_THRESHOLDS,
): PriorityEntry[] {
  const out: PriorityEntry[] = [];
  for (const c of clients) {
    if (!isActive(c)) continue;
    const base = { clientId: c.id, clientName: c.name };
    for (const d of c.items.debt) {
      const status = str(d.fields['status']) || 'Open';
      if (!OPEN_DEBT.has(status)) continue;
      const impact = num(d.fields['impact']);
      const effort = num(d.fields['effort']);
      const added = str(d.fields['added']);
      out.push({
        ...base,
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
        ageDays: added ? daysBetween(added, today) : null,
        overdue: false,
        link: str(d.fields['trackedIn']),
        impact,
        effort,
      });
    }
    for (const r of c.items.risk) {
      const status = str(r.fields['status']) || 'Open';
      if (!OPEN_RISK.has(status)) continue;
      const score = riskScore(num(r.fields['likelihood']), num(r.fields['impact']));
      const due = str(r.fields['due']);
      out.push({
        ...base,
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
        overdue: !!due && due < today,
        link: '',
        impact: null,
        effort: null,
      });
    }
    for (const d of c.items.decision) {
      const status = str(d.fields['status']);
      if (!PENDING_DECISION.has(status)) continue;
      const due = str(d.fields['due']);
      const proposed = str(d.fields['proposedOn']);
      out.push({
        ...base,
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
        ageDays: proposed ? daysBetween(proposed, today) : null,
        overdue: !!due && due < today,
        link: str(d.fields['link']),
        impact: null,
        effort: null,
      });
    }
  }
  return out.sort(comparePriorities);
}
