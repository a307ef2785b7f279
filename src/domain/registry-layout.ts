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
  { key: 'privateNotes', label: 'Private notes' },
] as const;

export type ProfileKey = (typeof PROFILE)[number]['key'];

export type SectionKind = 'goal' | 'debt' | 'decision' | 'risk' | 'team' | 'review';

export interface ColumnSpec {
  header: string;
  /** camelCase key used by the server surface and the sidebar. */
  key: string;
  /** Allowed values, drawn as a dropdown. */
  choices?: readonly string[];
  /** Written by the add-on as a formula, never typed. */
  formula?: boolean;
  date?: boolean;
  width?: number;
}

export interface SectionSpec {
  kind: SectionKind;
  title: string;
  /** Prefix of the per-client ID (`D` gives `D-1`); absent when rows have no ID. */
  idPrefix?: string;
  columns: readonly ColumnSpec[];
}

export const SECTIONS: readonly SectionSpec[] = [
  {
    kind: 'goal',
    title: 'Priorities & 90-day goals',
    idPrefix: 'G',
    columns: [
      { header: 'ID', key: 'id', width: 60 },
      { header: 'Goal', key: 'goal', width: 240 },
      { header: 'Why (business milestone)', key: 'why', width: 200 },
      { header: 'Metric / target', key: 'metricTarget', width: 160 },
      { header: 'Target date', key: 'targetDate', date: true },
      { header: 'Status', key: 'status', choices: GOAL_STATUSES },
      { header: 'Owner', key: 'owner' },
      { header: 'Link', key: 'link' },
    ],
  },
  {
    kind: 'debt',
    title: 'Technical debt',
    idPrefix: 'D',
    columns: [
      { header: 'ID', key: 'id', width: 60 },
      { header: 'Title', key: 'title', width: 240 },
      { header: 'Area', key: 'area' },
      { header: 'Priority', key: 'priority', choices: PRIORITIES },
      { header: 'Impact', key: 'impact', choices: SCALE },
      { header: 'Effort', key: 'effort', choices: SCALE },
      { header: 'Quadrant', key: 'quadrant', formula: true, width: 110 },
      { header: 'Status', key: 'status', choices: DEBT_STATUSES },
      { header: 'Owner', key: 'owner' },
      { header: 'Tracked in', key: 'trackedIn' },
      { header: 'Tags', key: 'tags' },
      { header: 'Added', key: 'added', date: true },
      { header: 'Last reviewed', key: 'lastReviewed', date: true },
      { header: 'Notes', key: 'notes', width: 240 },
      { header: 'Private note', key: 'privateNote', width: 200 },
    ],
  },
  {
    kind: 'decision',
    title: 'Decisions',
    idPrefix: 'ADR',
    columns: [
      { header: 'ID', key: 'id', width: 60 },
      { header: 'Title', key: 'title', width: 240 },
      { header: 'Status', key: 'status', choices: DECISION_STATUSES },
      { header: 'Proposed on', key: 'proposedOn', date: true },
      { header: 'Decided on', key: 'decidedOn', date: true },
      { header: 'Due', key: 'due', date: true },
      { header: 'Deciders', key: 'deciders' },
      { header: 'Context', key: 'context', width: 240 },
      { header: 'Options considered', key: 'optionsConsidered', width: 200 },
      { header: 'Decision', key: 'decision', width: 200 },
      { header: 'Consequences', key: 'consequences', width: 200 },
      { header: 'Tags', key: 'tags' },
      { header: 'Supersedes', key: 'supersedes' },
      { header: 'Exception', key: 'exception' },
      { header: 'Link', key: 'link' },
      { header: 'Private note', key: 'privateNote', width: 200 },
    ],
  },
  {
    kind: 'risk',
    title: 'Risks',
    idPrefix: 'R',
    columns: [
      { header: 'ID', key: 'id', width: 60 },
      { header: 'Risk', key: 'risk', width: 240 },
      { header: 'Likelihood', key: 'likelihood', choices: SCALE },
      { header: 'Impact', key: 'impact', choices: SCALE },
      { header: 'Score', key: 'score', formula: true },
      { header: 'Band', key: 'band', formula: true },
      { header: 'Owner', key: 'owner' },
      { header: 'Due', key: 'due', date: true },
      { header: 'Mitigation', key: 'mitigation', width: 200 },
      { header: 'Status', key: 'status', choices: RISK_STATUSES },
      { header: 'Tags', key: 'tags' },
      { header: 'Private note', key: 'privateNote', width: 200 },
    ],
  },
  {
    kind: 'team',
    title: 'Team',
    columns: [
      { header: 'Person / role', key: 'personRole', width: 180 },
      { header: 'Capabilities', key: 'capabilities', width: 200 },
      { header: 'Gaps', key: 'gaps', width: 200 },
      { header: 'Plan', key: 'plan', width: 200 },
      { header: 'Private note', key: 'privateNote', width: 200 },
    ],
  },
  {
    kind: 'review',
    title: 'Review log',
    columns: [
      { header: 'Date', key: 'date', date: true },
      { header: 'PM reviewed', key: 'pmReviewed' },
      { header: 'Code reviewed', key: 'codeReviewed' },
      { header: 'Lead sync', key: 'leadSync' },
      { header: 'Notes', key: 'notes', width: 240 },
      { header: 'Private note', key: 'privateNote', width: 200 },
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
