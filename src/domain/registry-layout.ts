/**
 * The shape of a client tab in the user's words: the profile labels, and each section's title,
 * columns and allowed values. The sheets layer draws this; the readers find it again by title and
 * header name, so a person may move columns and rows without breaking anything.
 */

export const STAGES = [
  'Idea',
  'Pre-seed',
  'Seed',
  'Series A',
  'Series B',
  'Series C+',
  'Bootstrapped',
] as const;
export const CLIENT_STATUSES = ['Active', 'Paused', 'Ended'] as const;
/** How often the founders are mailed their Summary (profile row "Founder digest"). */
export const DIGEST_CADENCES = ['Off', 'Weekly', 'Monthly'] as const;
export const PM_TOOLS = [
  'Linear',
  'Jira',
  'GitHub Projects',
  'Asana',
  'Shortcut',
  'Trello',
  'Other',
] as const;
export const PRIORITIES = ['High', 'Medium', 'Low'] as const;
export const DEBT_STATUSES = ['Open', 'In progress', 'Done', "Won't fix"] as const;
export const DECISION_STATUSES = [
  'Proposed',
  'Accepted',
  'Rejected',
  'Deprecated',
  'Superseded',
] as const;
export const GOAL_STATUSES = [
  'Not started',
  'On track',
  'At risk',
  'Off track',
  'Done',
  'Dropped',
] as const;
export const RISK_STATUSES = ['Open', 'Mitigating', 'Accepted', 'Closed'] as const;
export const SCALE = ['1', '2', '3', '4', '5'] as const;
export const REVIEW_MARKS = ['Yes', 'Partly', 'No'] as const;

/** Profile rows, top of every client tab: label in column A, value in column B. */
export const PROFILE = [
  { key: 'name', label: 'Client' },
  { key: 'stage', label: 'Stage' },
  { key: 'status', label: 'Status' },
  { key: 'founderEmails', label: 'Founder emails' },
  { key: 'leadEngineer', label: 'Lead engineer' },
  { key: 'pmTool', label: 'PM tool' },
  { key: 'pmLink', label: 'PM link' },
  { key: 'repoLink', label: 'Repo link' },
  { key: 'hoursPerWeek', label: 'Hours per week' },
  { key: 'reviewCadence', label: 'Review cadence' },
  { key: 'engagementStart', label: 'Engagement start' },
  { key: 'focusThisWeek', label: 'Focus this week' },
  { key: 'founderDigest', label: 'Founder digest' },
  { key: 'privateNotes', label: 'Private notes' },
] as const;

export type ProfileKey = (typeof PROFILE)[number]['key'];

export type SectionKind = 'goal' | 'debt' | 'decision' | 'risk' | 'team' | 'review';
/** The engineering-health sections below the six (health-layout.ts): read, never added through the sidebar. */
export type HealthKind = 'delivery' | 'deliverable' | 'exitCriterion';
/** Every section a client tab can hold. */
export type TabSectionKind = SectionKind | HealthKind;

/** `count`: a whole number from 0; `hours`: a number from 0; `percent`: a fraction 0–1 shown as %. */
export type ColumnType =
  | 'id'
  | 'text'
  | 'longText'
  | 'date'
  | 'scale'
  | 'choice'
  | 'tags'
  | 'link'
  | 'formula'
  | 'count'
  | 'hours'
  | 'percent';

export interface ColumnSpec {
  header: string;
  /** camelCase key used by the server surface and the sidebar. */
  key: string;
  type: ColumnType;
  /** Allowed values, drawn as a dropdown. */
  choices?: readonly string[];
}

export interface SectionSpec<K extends TabSectionKind = SectionKind> {
  kind: K;
  title: string;
  /** What one row is called, for messages ("Technical debt item"). */
  noun: string;
  /** The column a row cannot be without. */
  required?: string;
  /** Defaults of choice columns for a new row. */
  defaults?: Record<string, string>;
  /** Prefix of the per-client ID (`D` gives `D-1`); absent when rows have no ID. */
  idPrefix?: string;
  columns: readonly ColumnSpec[];
}

/** "Why (business milestone)" is `why`, "Metric / target" `metricTarget`, "PM reviewed" `pmReviewed`. */
function keyOf(header: string): string {
  return header
    .replace(/\(.*\)/, '')
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((w, i) => (i ? w.charAt(0).toUpperCase() + w.slice(1).toLowerCase() : w.toLowerCase()))
    .join('');
}

/**
 * A section's columns, written `Header:type` and separated by `|` (the type is `text` when left
 * out). A column's key is its header in camelCase, without a part in brackets; a scale offers 1 to
 * 5, a choice the list `choices` gives for its key. Compact, as the sidebar ships this table.
 */
export function columns(
  spec: string,
  choices: Record<string, readonly string[]> = {},
): ColumnSpec[] {
  return spec.split('|').map((column) => {
    const [header = '', type = 'text'] = column.split(':') as [string, ColumnType?];
    const key = keyOf(header);
    const allowed = type === 'scale' ? SCALE : choices[key];
    return allowed ? { header, key, type, choices: allowed } : { header, key, type };
  });
}

export const SECTIONS: readonly SectionSpec[] = [
  {
    kind: 'goal',
    title: 'Priorities & 90-day goals',
    noun: 'Goal',
    required: 'goal',
    defaults: { status: 'Not started' },
    idPrefix: 'G',
    columns: columns(
      'ID:id|Goal|Why (business milestone):longText|Metric / target|Target date:date|' +
        'Status:choice|Owner|Link:link',
      { status: GOAL_STATUSES },
    ),
  },
  {
    kind: 'debt',
    title: 'Technical debt',
    noun: 'Technical debt item',
    required: 'title',
    defaults: { priority: 'Medium', status: 'Open' },
    idPrefix: 'D',
    columns: columns(
      'ID:id|Title|Area|Priority:choice|Impact:scale|Effort:scale|Quadrant:formula|Status:choice|' +
        'Owner|Tracked in|Tags:tags|Added:date|Last reviewed:date|Notes:longText|' +
        'Private note:longText',
      { priority: PRIORITIES, status: DEBT_STATUSES },
    ),
  },
  {
    kind: 'decision',
    title: 'Decisions',
    noun: 'Decision',
    required: 'title',
    defaults: { status: 'Proposed' },
    idPrefix: 'ADR',
    columns: columns(
      'ID:id|Title|Status:choice|Proposed on:date|Decided on:date|Due:date|Deciders|' +
        'Context:longText|Options considered:longText|Decision:longText|Consequences:longText|' +
        'Tags:tags|Supersedes|Exception|Link:link|Private note:longText',
      { status: DECISION_STATUSES },
    ),
  },
  {
    kind: 'risk',
    title: 'Risks',
    noun: 'Risk',
    required: 'risk',
    defaults: { status: 'Open' },
    idPrefix: 'R',
    columns: columns(
      'ID:id|Risk|Likelihood:scale|Impact:scale|Score:formula|Band:formula|Owner|Due:date|' +
        'Mitigation:longText|Status:choice|Tags:tags|Private note:longText',
      { status: RISK_STATUSES },
    ),
  },
  {
    kind: 'team',
    title: 'Team',
    noun: 'Team entry',
    required: 'personRole',
    columns: columns(
      'Person / role|Capabilities:longText|Gaps:longText|Plan:longText|Private note:longText',
    ),
  },
  {
    kind: 'review',
    title: 'Review log',
    noun: 'Review',
    columns: columns(
      'Date:date|PM reviewed:choice|Code reviewed:choice|Lead sync:choice|Notes:longText|' +
        'Private note:longText',
      { pmReviewed: REVIEW_MARKS, codeReviewed: REVIEW_MARKS, leadSync: REVIEW_MARKS },
    ),
  },
];

export function sectionOf(kind: SectionKind): SectionSpec {
  const s = SECTIONS.find((x) => x.kind === kind);
  if (!s) throw new Error(`Unknown section kind ${kind}`);
  return s;
}

/**
 * The widest section decides how many columns a client tab needs: Decisions' 16, wider than any
 * health section (health-layout.ts; a test holds it).
 */
export const CLIENT_TAB_WIDTH = Math.max(...SECTIONS.map((s) => s.columns.length));

/** A header whose text starts with "Private" never leaves the registry. */
export function isPrivateHeader(header: string): boolean {
  return /^private/i.test(header.trim());
}
