/**
 * What a founder may see of their own company: the profile without private notes, every section
 * without its Private columns, and the client-safe part of this week's plan. Nothing about any
 * other client: related decisions and dependency notices are left out, as are the CTO's own
 * flags and conflicts.
 */
import { isPrivateHeader, PROFILE, SECTIONS } from './registry-layout.js';
import type { ClientRecord } from './client-record.js';
import type { FieldValue } from './item-schemas.js';
import { formatMinutes, type ClientPlan } from './weekly-plan.js';

export const SHARED_TABS = { registry: 'Registry', week: 'This week' } as const;
export const SHARE_ROLES = ['viewer', 'commenter'] as const;
export type ShareRole = (typeof SHARE_ROLES)[number];

export interface SharedGrid {
  rows: (string | number)[][];
  /** Rows (0-based) drawn as titles or headers. */
  bold: number[];
}

function cell(v: FieldValue | undefined): string | number {
  if (v === null || v === undefined) return '';
  if (Array.isArray(v)) return v.join(', ');
  return v;
}

export function sharedRegistryGrid(
  c: ClientRecord,
  profile: Record<string, FieldValue>,
): SharedGrid {
  const rows: (string | number)[][] = [];
  const bold: number[] = [];
  rows.push([`${c.name}: technical registry`]);
  bold.push(0);
  for (const p of PROFILE) {
    if (isPrivateHeader(p.label)) continue;
    rows.push([p.label, cell(profile[p.key])]);
  }
  for (const spec of SECTIONS) {
    const columns = spec.columns.filter((col) => !isPrivateHeader(col.header));
    rows.push([]);
    bold.push(rows.length);
    rows.push([spec.title]);
    bold.push(rows.length);
    rows.push(columns.map((col) => col.header));
    const items = c.items[spec.kind];
    for (const item of items) rows.push(columns.map((col) => cell(item.fields[col.key])));
    if (items.length === 0) rows.push(['Nothing recorded yet.']);
  }
  return { rows, bold };
}

const SHAREABLE = new Set(['review', 'overdue', 'due', 'decision', 'doNow']);

export function sharedWeekGrid(
  c: ClientRecord,
  plan: ClientPlan | undefined,
  weekStart: string,
): SharedGrid {
  const rows: (string | number)[][] = [[`${c.name}: this week`]];
  const bold = [0];
  if (!plan) {
    rows.push(['No plan for this week yet.']);
    return { rows, bold };
  }
  rows.push([`Week of ${weekStart}; ${plan.hours} h with your fractional CTO.`]);
  rows.push([]);
  bold.push(rows.length);
  rows.push(['Done', 'Agenda', 'Estimate']);
  for (const a of plan.agenda) {
    if (!SHAREABLE.has(a.kind)) continue;
    // A pending decision's line names related decisions at other clients: cut them off.
    const label = a.kind === 'decision' ? a.label.replace(/ \(related: .*\)$/, '') : a.label;
    rows.push([a.kind === 'review' ? '☐' : '', label, formatMinutes(a.minutes)]);
  }
  return { rows, bold };
}
