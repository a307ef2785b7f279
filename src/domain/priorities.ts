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

/** The first three steps, overdue, priority and quadrant, as one number (each step below 5). */
function standing(e: PriorityEntry): number {
  const overdue = e.overdue ? 0 : 1;
  const priority = PRIORITY_RANK[e.priority] ?? UNSET_PRIORITY;
  return (overdue * 5 + priority) * 5 + (QUADRANT_RANK[e.quadrant] ?? 4);
}

interface IdParts {
  /** The ID before its trailing digits: "ADR-" of "ADR-12". */
  prefix: string;
  /** The trailing digits' number, or after every number when there are none. */
  number: number;
}

function idParts(id: string): IdParts {
  let end = id.length;
  while (end > 0) {
    const c = id.charCodeAt(end - 1);
    if (c < 48 || c > 57) break;
    end--;
  }
  return {
    prefix: id.slice(0, end),
    number: end < id.length ? Number(id.slice(end)) : Number.MAX_SAFE_INTEGER,
  };
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
  standing: number;
  ratio: number;
  due: string;
  added: string;
  client: string;
  id: IdParts;
  row: number;
}

function keyOf(e: PriorityEntry): SortKey {
  return {
    standing: standing(e),
    ratio: ratio(e),
    due: e.due,
    added: e.added,
    client: e.clientName.toLowerCase(),
    id: idParts(e.id),
    row: e.row,
  };
}

/** The ranking rule, as the README states it: one step after another. */
function compareKeys(a: SortKey, b: SortKey): number {
  return (
    a.standing - b.standing ||
    b.ratio - a.ratio ||
    blankLast(a.due, b.due) ||
    blankLast(a.added, b.added) ||
    text(a.client, b.client) ||
    text(a.id.prefix, b.id.prefix) ||
    a.id.number - b.id.number ||
    a.row - b.row
  );
}

export function comparePriorities(a: PriorityEntry, b: PriorityEntry): number {
  return compareKeys(keyOf(a), keyOf(b));
}

/** A value worked out once per distinct input: dates repeat across entries. */
function once<T>(work: (input: string) => T): (input: string) => T {
  const known = new Map<string, T>();
  return (input) => {
    let value = known.get(input);
    if (value === undefined) known.set(input, (value = work(input)));
    return value;
  };
}

/** Each distinct text's place in an order of texts (one that holds only equal texts equal). */
function placesOf(
  texts: Iterable<string>,
  order: (a: string, b: string) => number,
): Map<string, number> {
  const places = new Map<string, number>();
  [...texts].sort(order).forEach((t, i) => places.set(t, i));
  return places;
}

/**
 * Sorts by the comparator, each entry's key worked out once and its texts turned into their
 * places in the comparator's order of them, so that the many comparisons compare numbers only.
 * Every pair compares with the sign compareKeys gives it, so the order is the same. Texts repeat
 * (a registry has a few hundred names, IDs and dates among tens of thousands of entries): each
 * distinct one is lowered, split and placed once, and an entry's key is read from maps, with no
 * list of the entries' texts in between.
 */
export function rankPriorities(entries: readonly PriorityEntry[]): PriorityEntry[] {
  const n = entries.length;
  const dueTexts = new Set<string>();
  const addedTexts = new Set<string>();
  const names = new Set<string>();
  const ids = new Set<string>();
  // Every pass over the entries is a callback (forEach, map, sort), none a loop of this function:
  // it runs once a rollup, and a loop in it would be optimised on its own while it runs, then
  // thrown away at the first step after the loop not yet seen, again at every rollup.
  entries.forEach((e) => {
    dueTexts.add(e.due);
    addedTexts.add(e.added);
    names.add(e.clientName);
    ids.add(e.id);
  });
  const dues = placesOf(dueTexts, blankLast);
  const addeds = placesOf(addedTexts, blankLast);
  // A client by its name in lower case (names differing only in case share a place); an ID by
  // its prefix's place and its number.
  const lowered = placesOf(new Set([...names].map((name) => name.toLowerCase())), text);
  const clientPlace = new Map([...names].map((name) => [name, lowered.get(name.toLowerCase())]));
  const parts = new Map([...ids].map((id) => [id, idParts(id)]));
  const prefixes = placesOf(new Set([...parts.values()].map((p) => p.prefix)), text);
  // Due and added as one number, client and ID prefix as another: a place times the count of
  // places of the next step, plus that step's place.
  const standings = new Float64Array(n);
  const ratios = new Float64Array(n);
  const dueAndAdded = new Float64Array(n);
  const clientAndKind = new Float64Array(n);
  const numbers = new Float64Array(n);
  const rows = new Float64Array(n);
  entries.forEach((e, i) => {
    const id = parts.get(e.id) as IdParts;
    standings[i] = standing(e);
    ratios[i] = ratio(e);
    dueAndAdded[i] = (dues.get(e.due) as number) * addeds.size + (addeds.get(e.added) as number);
    clientAndKind[i] =
      (clientPlace.get(e.clientName) as number) * prefixes.size +
      (prefixes.get(id.prefix) as number);
    numbers[i] = id.number;
    rows[i] = e.row;
  });
  const order = Array.from({ length: n }, (_, i) => i);
  order.sort(
    (a, b) =>
      (standings[a] as number) - (standings[b] as number) ||
      (ratios[b] as number) - (ratios[a] as number) ||
      (dueAndAdded[a] as number) - (dueAndAdded[b] as number) ||
      (clientAndKind[a] as number) - (clientAndKind[b] as number) ||
      (numbers[a] as number) - (numbers[b] as number) ||
      (rows[a] as number) - (rows[b] as number),
  );
  return order.map((i) => entries[i] as PriorityEntry);
}

export function collectPriorities(
  clients: readonly ClientRecord[],
  today: string,
  thresholds: Thresholds = DEFAULT_THRESHOLDS,
): PriorityEntry[] {
  const out: PriorityEntry[] = [];
  const todayNumber = dayNumber(today);
  // Items raised the same day are many: each date is turned into its day number once.
  const days = once(dayNumber);
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
        ageDays: added ? todayNumber - days(added) : null,
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
        ageDays: proposed ? todayNumber - days(proposed) : null,
        overdue: isOverdue(d, today),
        link: str(d.fields['link']),
        impact: null,
        effort: null,
      });
    }
  }
  return rankPriorities(out);
}
