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

export type ColumnType =
  'id' | 'text' | 'longText' | 'date' | 'scale' | 'choice' | 'tags' | 'link' | 'formula';

export interface ColumnSpec {
  header: string;
  /** camelCase key used by the server surface and the sidebar. */
  key: string;
  type: ColumnType;
  /** Allowed values, drawn as a dropdown. */
  choices?: readonly string[];
}

export interface SectionSpec {
  kind: SectionKind;
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

export const SECTIONS: readonly SectionSpec[] = [
  {
    kind: 'goal',
    title: 'Priorities & 90-day goals',
    noun: 'Goal',
    required: 'goal',
    defaults: { status: 'Not started' },
    idPrefix: 'G',
    columns: [
      { header: 'ID', key: 'id', type: 'id' },
      { header: 'Goal', key: 'goal', type: 'text' },
      { header: 'Why (business milestone)', key: 'why', type: 'longText' },
      { header: 'Metric / target', key: 'metricTarget', type: 'text' },
      { header: 'Target date', key: 'targetDate', type: 'date' },
      { header: 'Status', key: 'status', type: 'choice', choices: GOAL_STATUSES },
      { header: 'Owner', key: 'owner', type: 'text' },
      { header: 'Link', key: 'link', type: 'link' },
    ],
  },
  {
    kind: 'debt',
    title: 'Technical debt',
    noun: 'Technical debt item',
    required: 'title',
    defaults: { priority: 'Medium', status: 'Open' },
    idPrefix: 'D',
    columns: [
      { header: 'ID', key: 'id', type: 'id' },
      { header: 'Title', key: 'title', type: 'text' },
      { header: 'Area', key: 'area', type: 'text' },
      { header: 'Priority', key: 'priority', type: 'choice', choices: PRIORITIES },
      { header: 'Impact', key: 'impact', type: 'scale', choices: SCALE },
      { header: 'Effort', key: 'effort', type: 'scale', choices: SCALE },
      { header: 'Quadrant', key: 'quadrant', type: 'formula' },
      { header: 'Status', key: 'status', type: 'choice', choices: DEBT_STATUSES },
      { header: 'Owner', key: 'owner', type: 'text' },
      { header: 'Tracked in', key: 'trackedIn', type: 'text' },
      { header: 'Tags', key: 'tags', type: 'tags' },
      { header: 'Added', key: 'added', type: 'date' },
      { header: 'Last reviewed', key: 'lastReviewed', type: 'date' },
      { header: 'Notes', key: 'notes', type: 'longText' },
      { header: 'Private note', key: 'privateNote', type: 'longText' },
    ],
  },
  {
    kind: 'decision',
    title: 'Decisions',
    noun: 'Decision',
    required: 'title',
    defaults: { status: 'Proposed' },
    idPrefix: 'ADR',
    columns: [
      { header: 'ID', key: 'id', type: 'id' },
      { header: 'Title', key: 'title', type: 'text' },
      { header: 'Status', key: 'status', type: 'choice', choices: DECISION_STATUSES },
      { header: 'Proposed on', key: 'proposedOn', type: 'date' },
      { header: 'Decided on', key: 'decidedOn', type: 'date' },
      { header: 'Due', key: 'due', type: 'date' },
      { header: 'Deciders', key: 'deciders', type: 'text' },
      { header: 'Context', key: 'context', type: 'longText' },
      { header: 'Options considered', key: 'optionsConsidered', type: 'longText' },
      { header: 'Decision', key: 'decision', type: 'longText' },
      { header: 'Consequences', key: 'consequences', type: 'longText' },
      { header: 'Tags', key: 'tags', type: 'tags' },
      { header: 'Supersedes', key: 'supersedes', type: 'text' },
      { header: 'Exception', key: 'exception', type: 'text' },
      { header: 'Link', key: 'link', type: 'link' },
      { header: 'Private note', key: 'privateNote', type: 'longText' },
    ],
  },
  {
    kind: 'risk',
    title: 'Risks',
    noun: 'Risk',
    required: 'risk',
    defaults: { status: 'Open' },
    idPrefix: 'R',
    columns: [
      { header: 'ID', key: 'id', type: 'id' },
      { header: 'Risk', key: 'risk', type: 'text' },
      { header: 'Likelihood', key: 'likelihood', type: 'scale', choices: SCALE },
      { header: 'Impact', key: 'impact', type: 'scale', choices: SCALE },
      { header: 'Score', key: 'score', type: 'formula' },
      { header: 'Band', key: 'band', type: 'formula' },
      { header: 'Owner', key: 'owner', type: 'text' },
      { header: 'Due', key: 'due', type: 'date' },
      { header: 'Mitigation', key: 'mitigation', type: 'longText' },
      { header: 'Status', key: 'status', type: 'choice', choices: RISK_STATUSES },
      { header: 'Tags', key: 'tags', type: 'tags' },
      { header: 'Private note', key: 'privateNote', type: 'longText' },
    ],
  },
  {
    kind: 'team',
    title: 'Team',
    noun: 'Team entry',
    required: 'personRole',
    columns: [
      { header: 'Person / role', key: 'personRole', type: 'text' },
      { header: 'Capabilities', key: 'capabilities', type: 'longText' },
      { header: 'Gaps', key: 'gaps', type: 'longText' },
      { header: 'Plan', key: 'plan', type: 'longText' },
      { header: 'Private note', key: 'privateNote', type: 'longText' },
    ],
  },
  {
    kind: 'review',
    title: 'Review log',
    noun: 'Review',
    columns: [
      { header: 'Date', key: 'date', type: 'date' },
      { header: 'PM reviewed', key: 'pmReviewed', type: 'choice', choices: REVIEW_MARKS },
      { header: 'Code reviewed', key: 'codeReviewed', type: 'choice', choices: REVIEW_MARKS },
      { header: 'Lead sync', key: 'leadSync', type: 'choice', choices: REVIEW_MARKS },
      { header: 'Notes', key: 'notes', type: 'longText' },
      { header: 'Private note', key: 'privateNote', type: 'longText' },
    ],
  },
];

export function sectionOf(kind: SectionKind): SectionSpec {
  const s = SECTIONS.find((x) => x.kind === kind);
  if (!s) throw new Error(`Unknown section kind ${kind}`);
  return s;
}

/** The widest section decides how many columns a client tab needs. */
export const CLIENT_TAB_WIDTH = Math.max(...SECTIONS.map((s) => s.columns.length));

/** A header whose text starts with "Private" never leaves the registry. */
export function isPrivateHeader(header: string): boolean {
  return /^private/i.test(header.trim());
}
