/**
 * What a founder may see of their own company, field by field. A founder view is built from these
 * lists and nothing else: a column or profile row that is not named here (a Private one, a user's
 * own column, one added to the registry later) is never shared, whatever its header says.
 */
import type { SectionKind } from './registry-layout.js';

/** Profile rows shared with founders, in the order the founder reads them. */
export const FOUNDER_PROFILE = [
  'Client',
  'Stage',
  'Status',
  'Founder emails',
  'Lead engineer',
  'PM tool',
  'PM link',
  'Repo link',
  'Hours per week',
  'Review cadence',
  'Engagement start',
  // What the CTO works on for this company this week, typed for its founders (the Summary's
  // "This week" line).
  'Focus this week',
] as const;

/**
 * Each section's shared fields, by key, in the order the founder reads them. The keys in
 * `FOUNDER_COMPUTED` are never read from a cell: they are computed from the typed fields.
 */
/**
 * A decision's fields that may leave the registry, to a founder and in an exported record file
 * alike (ADR 25): typed, so the export can name each one.
 */
export const DECISION_FIELDS_SHARED = [
  'id',
  'title',
  'status',
  'proposedOn',
  'decidedOn',
  'due',
  'deciders',
  'context',
  'optionsConsidered',
  'decision',
  'consequences',
  'tags',
  'supersedes',
  'exception',
  'link',
] as const;

export const FOUNDER_FIELDS: Record<SectionKind, readonly string[]> = {
  goal: ['id', 'goal', 'why', 'metricTarget', 'targetDate', 'status', 'owner', 'link'],
  debt: [
    'id',
    'title',
    'area',
    'priority',
    'impact',
    'effort',
    'quadrant',
    'status',
    'owner',
    'trackedIn',
    'tags',
    'added',
    'lastReviewed',
    'notes',
  ],
  decision: DECISION_FIELDS_SHARED,
  risk: [
    'id',
    'risk',
    'likelihood',
    'impact',
    'score',
    'band',
    'owner',
    'due',
    'mitigation',
    'status',
    'tags',
  ],
  team: ['personRole', 'capabilities', 'gaps', 'plan'],
  review: ['date', 'pmReviewed', 'codeReviewed', 'leadSync', 'notes'],
};

/** Fields the registry shows as live formulas; the founder view computes them instead. */
export const FOUNDER_COMPUTED: Partial<Record<SectionKind, readonly string[]>> = {
  debt: ['quadrant'],
  risk: ['score', 'band'],
};

/**
 * The field a row cannot be without to be shared: a row without it is not known to be a row of
 * its section. The Review log's rows are dated.
 */
export const FOUNDER_KEY_FIELD: Record<SectionKind, string> = {
  goal: 'goal',
  debt: 'title',
  decision: 'title',
  risk: 'risk',
  team: 'personRole',
  review: 'date',
};

/**
 * The Delivery section's fields a founder's Summary is computed from (its bands, in words): the
 * week and the four measures. Planned, Shipped, Blocked items, Incidents and Notes stay in the
 * registry.
 */
export const FOUNDER_DELIVERY_FIELDS = [
  'week',
  'deployments',
  'leadTime',
  'changeFailure',
  'timeToRestore',
] as const;
