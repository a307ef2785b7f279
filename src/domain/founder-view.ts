/**
 * What a founder sees of their own company, drawn from the founder record (founder-record.ts):
 * a Summary tab first (founder-summary.ts), then readable detail tabs of the allow-listed fields
 * that were read with confidence. No CTO checklist, no internal ID a founder cannot use, nothing
 * about any other client: related decisions, dependency notices, conflicts and flags are left out.
 */
import { FOUNDER_FIELDS } from './founder-allow-list.js';
import type { FounderItem, FounderRecord } from './founder-record.js';
import type { FieldValue } from './item-schemas.js';
import type { ColumnType, SectionKind } from './registry-layout.js';
import { SECTIONS } from './registry-layout.js';
import { DORA_SOURCE } from './dora.js';
import { str } from './client-record.js';
import { oneLine, type FounderSummary } from './founder-summary.js';
import type { AgendaEntry, ClientPlan } from './weekly-plan.js';
import { founderRadar, type RadarBlip, type RadarVocabulary } from './radar.js';

/** The founder file's tabs by key, in the order the founder reads them: the Summary first. */
export const SHARED_TABS = {
  summary: 'Summary',
  goals: 'Goals',
  debt: 'Technical debt',
  decisions: 'Decisions',
  risks: 'Risks',
  team: 'Team',
  radar: 'Technology radar',
} as const;
export type SharedTabKey = keyof typeof SHARED_TABS;
export const SHARE_ROLES = ['viewer', 'commenter'] as const;
export type ShareRole = (typeof SHARE_ROLES)[number];

export type Fill = 'At risk' | 'Needs attention' | 'On track' | 'Needs you';

/** One tab of the founder's file, with how it is drawn. */
export interface SharedGrid {
  key: SharedTabKey;
  title: string;
  rows: (string | number)[][];
  /** Rows (0-based) drawn as titles: bold. */
  titles: number[];
  /** Rows (0-based) drawn as column headers: bold on a shaded band. */
  headers: number[];
  /** Rows kept in view while scrolling. */
  frozenRows: number;
  /** Column widths in pixels, from column A. */
  widths: number[];
  /** Cells coloured by what they say (0-based row and column). */
  fills: { row: number; column: number; fill: Fill }[];
}

function cell(v: FieldValue | undefined): string | number {
  if (v === null || v === undefined) return '';
  if (Array.isArray(v)) return v.join(', ');
  return v;
}

/** A detail tab's column: an allow-listed field under a header a founder reads. */
interface DetailColumn {
  key: string;
  header: string;
}

/**
 * Each detail tab's columns. Internal IDs are left out (a decision keeps its number, which
 * "Replaces" refers to), as are tags and a decision's principle exception: the CTO's own filing.
 */
export const DETAIL_COLUMNS: Record<Exclude<SectionKind, 'review'>, readonly DetailColumn[]> = {
  goal: [
    { key: 'goal', header: 'Goal' },
    { key: 'why', header: 'Why it matters' },
    { key: 'metricTarget', header: 'Metric / target' },
    { key: 'targetDate', header: 'Target date' },
    { key: 'status', header: 'Status' },
    { key: 'owner', header: 'Owner' },
    { key: 'link', header: 'Link' },
  ],
  debt: [
    { key: 'title', header: 'Item' },
    { key: 'area', header: 'Area' },
    { key: 'priority', header: 'Priority' },
    { key: 'impact', header: 'Impact (1–5)' },
    { key: 'effort', header: 'Effort (1–5)' },
    { key: 'quadrant', header: 'Quadrant' },
    { key: 'status', header: 'Status' },
    { key: 'owner', header: 'Owner' },
    { key: 'trackedIn', header: 'Tracked in' },
    { key: 'added', header: 'Added' },
    { key: 'lastReviewed', header: 'Last reviewed' },
    { key: 'notes', header: 'Notes' },
  ],
  decision: [
    { key: 'id', header: 'No.' },
    { key: 'title', header: 'Decision' },
    { key: 'status', header: 'Status' },
    { key: 'proposedOn', header: 'Proposed on' },
    { key: 'decidedOn', header: 'Decided on' },
    { key: 'due', header: 'Due' },
    { key: 'deciders', header: 'Deciders' },
    { key: 'context', header: 'Context' },
    { key: 'optionsConsidered', header: 'Options considered' },
    { key: 'decision', header: 'What was decided' },
    { key: 'consequences', header: 'Consequences' },
    { key: 'supersedes', header: 'Replaces' },
    { key: 'link', header: 'Link' },
  ],
  risk: [
    { key: 'risk', header: 'Risk' },
    { key: 'likelihood', header: 'Likelihood (1–5)' },
    { key: 'impact', header: 'Impact (1–5)' },
    { key: 'score', header: 'Score (1–25)' },
    { key: 'band', header: 'Band' },
    { key: 'owner', header: 'Owner' },
    { key: 'due', header: 'Due' },
    { key: 'mitigation', header: 'Mitigation' },
    { key: 'status', header: 'Status' },
  ],
  team: [
    { key: 'personRole', header: 'Person / role' },
    { key: 'capabilities', header: 'Capabilities' },
    { key: 'gaps', header: 'Gaps' },
    { key: 'plan', header: 'Plan' },
  ],
};

const DETAIL_TABS = [
  ['goals', 'goal'],
  ['debt', 'debt'],
  ['decisions', 'decision'],
  ['risks', 'risk'],
  ['team', 'team'],
] as const;

const WIDTH: Record<ColumnType, number> = {
  id: 60,
  text: 200,
  longText: 300,
  date: 100,
  scale: 120,
  choice: 110,
  tags: 150,
  link: 220,
  formula: 110,
  count: 90,
  hours: 90,
  percent: 90,
};

const NOT_AVAILABLE = 'Not available at the moment: your CTO has been told why.';
const NOTHING_YET = 'Nothing recorded yet.';

function detailGrid(view: FounderRecord, key: SharedTabKey, kind: SectionKind): SharedGrid {
  const section = view.sections.find((s) => s.spec.kind === kind);
  const columns = (DETAIL_COLUMNS[kind as Exclude<SectionKind, 'review'>] ?? []).filter((c) =>
    FOUNDER_FIELDS[kind].includes(c.key),
  );
  const spec = SECTIONS.find((s) => s.kind === kind);
  const rows: (string | number)[][] = [columns.map((c) => c.header)];
  for (const item of section?.shared ? section.items : [])
    rows.push(columns.map((c) => cell(item.fields[c.key])));
  if (!section?.shared) rows.push([NOT_AVAILABLE]);
  else if (section.items.length === 0) rows.push([NOTHING_YET]);
  return {
    key,
    title: SHARED_TABS[key],
    rows,
    titles: [],
    headers: [0],
    frozenRows: 1,
    widths: columns.map((c) => {
      const type = spec?.columns.find((s) => s.key === c.key)?.type ?? 'text';
      return c.key === 'id' ? 70 : WIDTH[type];
    }),
    fills: [],
  };
}

const SUMMARY_WIDTHS = [240, 320, 120, 260, 110];

/** The Summary tab: the founder's page, drawn from the Summary. */
export function summaryGrid(s: FounderSummary): SharedGrid {
  const rows: (string | number)[][] = [];
  const titles: number[] = [];
  const headers: number[] = [];
  const fills: SharedGrid['fills'] = [];
  const title = (t: string) => {
    if (rows.length) rows.push([]);
    titles.push(rows.length);
    rows.push([t]);
  };
  const header = (...h: string[]) => {
    headers.push(rows.length);
    rows.push(h);
  };
  const table = <T>(
    list: readonly T[] | null,
    head: string[],
    row: (t: T) => (string | number)[],
    none: string,
  ) => {
    if (list === null) return void rows.push([NOT_AVAILABLE]);
    if (list.length === 0) return void rows.push([none]);
    header(...head);
    for (const t of list) rows.push(row(t));
  };
  titles.push(0);
  rows.push([`${s.name}: technology update`]);
  rows.push([`As of ${s.asOf}`]);
  rows.push([]);
  fills.push({ row: rows.length, column: 1, fill: s.status });
  titles.push(rows.length);
  rows.push(['Status', s.status]);
  for (const r of s.reasons) rows.push(['', r]);
  rows.push([]);
  titles.push(rows.length);
  rows.push(['This week', s.thisWeek || 'The regular review with your team.']);
  if (s.incomplete)
    rows.push([
      '',
      'Some of the registry could not be included in this update; your CTO has been told.',
    ]);

  title("This month's focus");
  if (s.focus.length === 0) rows.push([NOTHING_YET]);
  for (const f of s.focus) rows.push([`Week of ${f.week}`, f.line]);

  title('90-day goals');
  table(
    s.goals,
    ['Goal', 'Why it matters', 'Target date', 'Status'],
    (g) => [g.goal, g.why, g.targetDate, g.status],
    'No goals recorded yet.',
  );

  title(`Decisions made in the last 30 days`);
  table(
    s.decided,
    ['Decision', 'What was decided', 'Date'],
    (d) => [d.title, d.decision, d.date],
    'No decision made in the last 30 days.',
  );

  title('Decisions needed');
  const neededAt = rows.length + 1;
  table(
    s.needed,
    ['Decision', 'Deciders', 'Due', 'Who'],
    (d) => [d.title, d.deciders, d.due, d.needsYou ? 'Needs you' : ''],
    'No decision waiting.',
  );
  (s.needed ?? []).forEach((d, i) => {
    if (d.needsYou) fills.push({ row: neededAt + i, column: 3, fill: 'Needs you' });
  });

  title('High and critical risks');
  table(
    s.risks,
    ['Risk', 'Mitigation', 'Band', 'Owner', 'Due'],
    (r) => [r.risk, r.mitigation, r.band, r.owner, r.due],
    'No high or critical risk is open.',
  );

  title('Technical debt');
  if (s.debt === null) rows.push([NOT_AVAILABLE]);
  else {
    header('Open items by quadrant', 'Count');
    for (const q of s.debt.open) rows.push([q.quadrant, q.count]);
    rows.push([]);
    if (s.debt.doNow.length === 0) rows.push(['Nothing to do now.']);
    else {
      header('Top items to do now', 'Tracked in');
      for (const d of s.debt.doNow) rows.push([d.title, d.trackedIn]);
    }
  }

  title('Delivery');
  if (s.delivery === null) rows.push([NOT_AVAILABLE]);
  else {
    rows.push(['Last review', s.delivery.lastReview || 'No review logged yet.']);
    rows.push(['Next review', s.delivery.nextReview || 'After the first review.']);
  }
  if (s.performance?.length) {
    rows.push([]);
    rows.push([`How the team ships: bands by ${DORA_SOURCE}`]);
    for (const line of s.performance) rows.push([line]);
  }
  rows.push([]);
  rows.push([
    'The tabs after this one hold the details: goals, technical debt, decisions, risks, team and the technology radar.',
  ]);
  return {
    key: 'summary',
    title: SHARED_TABS.summary,
    rows,
    titles,
    headers,
    frozenRows: 0,
    widths: SUMMARY_WIDTHS,
    fills,
  };
}

/**
 * The client's own radar, from its shared decisions alone (ADR 28); null when its Decisions could
 * not be read with confidence.
 */
export function founderRadarOf(
  view: FounderRecord,
  vocabulary: RadarVocabulary,
  today: string,
): RadarBlip[] | null {
  const decisions = view.sections.find((s) => s.spec.kind === 'decision');
  if (!decisions?.shared) return null;
  return founderRadar(
    vocabulary,
    decisions.items.map((i) => ({ id: str(i.fields['id']), fields: i.fields })),
    today,
  );
}

/** What each ring means, in a founder's words. */
const RING_MEANINGS: [string, string][] = [
  ['Adopt', 'Proven for you: the default choice.'],
  ['Trial', 'Chosen in a decision: in use, still being proven.'],
  ['Assess', 'Proposed: being looked into, not chosen yet.'],
  ['Hold', 'Advised against for now.'],
];

/** The Technology radar tab: the client's technologies by ring, then what the rings mean. */
export function radarGrid(blips: readonly RadarBlip[] | null): SharedGrid {
  const rows: (string | number)[][] = [
    ['Technology', 'Ring', 'Quadrant', 'New (last 90 days)', 'From your decisions'],
  ];
  if (blips === null) rows.push([NOT_AVAILABLE]);
  else if (blips.length === 0) rows.push(['No technology named in your decisions yet.']);
  for (const b of blips ?? [])
    rows.push([b.name, b.ring, b.quadrant, b.isNew ? 'New' : '', b.description]);
  rows.push([]);
  const meaning = rows.length;
  rows.push(['What the rings mean']);
  // Each meaning in the widest column, so it reads on one line.
  for (const [ring, meaning] of RING_MEANINGS) rows.push([ring, '', '', '', meaning]);
  return {
    key: 'radar',
    title: SHARED_TABS.radar,
    rows,
    titles: [meaning],
    headers: [0],
    frozenRows: 1,
    widths: [180, 80, 170, 120, 360],
    fills: [],
  };
}

/** Every tab of the founder's file, the Summary first, the radar last. */
export function founderTabs(
  view: FounderRecord,
  summary: FounderSummary,
  radar: readonly RadarBlip[] | null = null,
): SharedGrid[] {
  return [
    summaryGrid(summary),
    ...DETAIL_TABS.map(([key, kind]) => detailGrid(view, key, kind)),
    radarGrid(radar),
  ];
}

/** What an item is called in a line: its ID and its title, both as shared. */
function named(item: FounderItem, titleKey: string): string {
  const id = str(item.fields['id']);
  const title = str(item.fields[titleKey]);
  return id ? `${id}: ${title}` : title;
}

const TITLE_OF = {
  risk: 'risk',
  decision: 'title',
  goal: 'goal',
  debt: 'title',
  team: 'personRole',
} as const;
const NOUN_OF = { risk: 'Risk', decision: 'Decision', goal: 'Goal' } as const;
const DUE_OF = { risk: 'due', decision: 'due', goal: 'targetDate' } as const;

/**
 * Entries whose line may be rebuilt for a founder. A dependency notice or a principle conflict is
 * about another client or the CTO's own principles, and its subject may be another client's row:
 * it is never rebuilt.
 */
const REBUILT = new Set([
  'overdue',
  'due',
  'critical',
  'decision',
  'doNow',
  'goal',
  'team',
  'quarterly',
]);

/**
 * An agenda line written from the founder record, or null when its item is not shared: the
 * line is rebuilt from the typed fields of this client's own item, never cut from the CTO's label.
 */
export function founderLine(view: FounderRecord, entry: AgendaEntry): string | null {
  if (!REBUILT.has(entry.kind)) return null;
  const kind: string = entry.kind;
  if (kind === 'quarterly') return 'Quarterly review of the technical debt';
  const subject = entry.subject;
  if (!subject) return null;
  // The review's steps are the CTO's own checklist: never a founder's line.
  if (subject.kind === 'review') return null;
  const item = view.sections
    .find((s) => s.spec.kind === subject.section)
    ?.items.find((i) => i.row === subject.row);
  if (!item) return null;
  const section = subject.section;
  if (section === 'review') return null;
  if (section === 'debt')
    return entry.kind === 'doNow'
      ? `Do now ${named(item, 'title')}`
      : `Technical debt ${named(item, 'title')}`;
  if (section === 'team') return `Team: ${named(item, 'personRole')}`;
  const due = str(item.fields[DUE_OF[section]]);
  const what = `${NOUN_OF[section]} ${named(item, TITLE_OF[section])}`;
  if (entry.kind === 'overdue' && due) return `Overdue since ${due}: ${what}`;
  if (entry.kind === 'due' && due) return `Due ${due}: ${what}`;
  if (section === 'decision') return `Decide ${named(item, 'title')}`;
  if (kind === 'critical' && section === 'risk') return `Critical risk ${named(item, 'risk')}`;
  return what;
}

/**
 * The "This week" line: the profile's "Focus this week" as the CTO typed it for this client,
 * else the first entry of the week's plan after the review, rebuilt from its own item's fields;
 * '' when the week holds only the review. Never the plan's own focus label, which may name
 * another client.
 */
export function founderWeekLine(view: FounderRecord, plan: ClientPlan | undefined): string {
  const typed = oneLine(str(view.profile.get('Focus this week')), 200);
  if (typed) return typed;
  for (const entry of plan?.agenda ?? []) {
    const line = founderLine(view, entry);
    if (line) return line;
  }
  return '';
}
