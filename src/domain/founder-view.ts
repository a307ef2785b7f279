/**
 * What a founder sees of their own company, drawn from the founder record (founder-record.ts):
 * the allow-listed profile rows and section fields that were read with confidence, and this
 * week's client-safe agenda, each line written from the typed fields of the item it is about.
 * Nothing about any other client: related decisions and dependency notices are left out, as are
 * the CTO's own flags and conflicts.
 */
import { FOUNDER_FIELDS, FOUNDER_PROFILE } from './founder-allow-list.js';
import type { FounderItem, FounderRecord } from './founder-record.js';
import type { FieldValue } from './item-schemas.js';
import { str } from './client-record.js';
import { formatMinutes, type AgendaEntry, type ClientPlan } from './weekly-plan.js';

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

export function sharedRegistryGrid(name: string, view: FounderRecord): SharedGrid {
  const rows: (string | number)[][] = [];
  const bold: number[] = [];
  rows.push([`${name}: technical registry`]);
  bold.push(0);
  for (const label of FOUNDER_PROFILE) rows.push([label, view.profile.get(label) ?? '']);
  for (const section of view.sections) {
    const spec = section.spec;
    const columns = FOUNDER_FIELDS[spec.kind].map(
      (key) => spec.columns.find((c) => c.key === key) ?? { key, header: key },
    );
    rows.push([]);
    bold.push(rows.length);
    rows.push([spec.title]);
    bold.push(rows.length);
    rows.push(columns.map((col) => col.header));
    for (const item of section.items) rows.push(columns.map((col) => cell(item.fields[col.key])));
    if (!section.shared) rows.push(['Not available at the moment.']);
    else if (section.items.length === 0) rows.push(['Nothing recorded yet.']);
  }
  return { rows, bold };
}

const SHAREABLE = new Set(['review', 'overdue', 'due', 'decision', 'doNow']);

const REVIEW_STEPS = {
  code: 'Review the codebase',
  sync: 'Sync with the lead engineer',
  registry: 'Update the registry',
} as const;

/** What an item is called in a line: its ID and its title, both as shared. */
function named(item: FounderItem, titleKey: string): string {
  const id = str(item.fields['id']);
  const title = str(item.fields[titleKey]);
  return id ? `${id}: ${title}` : title;
}

const TITLE_OF = { risk: 'risk', decision: 'title', goal: 'goal', debt: 'title' } as const;
const NOUN_OF = { risk: 'Risk', decision: 'Decision', goal: 'Goal' } as const;
const DUE_OF = { risk: 'due', decision: 'due', goal: 'targetDate' } as const;

/** An agenda line written from the founder record, or null when its item is not shared. */
function founderLine(view: FounderRecord, entry: AgendaEntry): string | null {
  const subject = entry.subject;
  if (!subject) return null;
  if (subject.kind === 'review') {
    if (subject.step !== 'pm') return REVIEW_STEPS[subject.step];
    return `Review the ${str(view.profile.get('PM tool')) || 'PM'} board`;
  }
  const item = view.sections
    .find((s) => s.spec.kind === subject.section)
    ?.items.find((i) => i.row === subject.row);
  if (!item) return null;
  const section = subject.section;
  if (entry.kind === 'doNow' && section === 'debt') return `Do now ${named(item, 'title')}`;
  if (entry.kind === 'decision' && section === 'decision') return `Decide ${named(item, 'title')}`;
  if ((entry.kind === 'overdue' || entry.kind === 'due') && section !== 'debt') {
    if (section !== 'risk' && section !== 'decision' && section !== 'goal') return null;
    const due = str(item.fields[DUE_OF[section]]);
    if (!due) return null;
    const what = `${NOUN_OF[section]} ${named(item, TITLE_OF[section])}`;
    return entry.kind === 'overdue' ? `Overdue since ${due}: ${what}` : `Due ${due}: ${what}`;
  }
  return null;
}

export function sharedWeekGrid(
  name: string,
  view: FounderRecord,
  plan: ClientPlan | undefined,
  weekStart: string,
): SharedGrid {
  const rows: (string | number)[][] = [[`${name}: this week`]];
  const bold = [0];
  if (!plan) {
    rows.push(['No plan for this week yet.']);
    return { rows, bold };
  }
  const hours = view.profile.get('Hours per week');
  rows.push([
    typeof hours === 'number'
      ? `Week of ${weekStart}; ${hours} h with your fractional CTO.`
      : `Week of ${weekStart}.`,
  ]);
  rows.push([]);
  bold.push(rows.length);
  rows.push(['Done', 'Agenda', 'Estimate']);
  for (const a of plan.agenda) {
    if (!SHAREABLE.has(a.kind)) continue;
    const label = founderLine(view, a);
    if (label === null) continue;
    rows.push([a.kind === 'review' ? '☐' : '', label, formatMinutes(a.minutes)]);
  }
  return { rows, bold };
}
