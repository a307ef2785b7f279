/**
 * The engineering-health sections of a client tab, below the six the sidebar edits: Delivery
 * (one row per week, typed or pasted), Deliverables (seeded per company stage) and Exit criteria.
 * The sheets layer draws them; the one reader (client-tab-layout.ts) finds them by title and
 * header, as it finds the others.
 */
import { columns, type HealthKind, type SectionSpec, type SectionKind } from './registry-layout.js';

export const DELIVERABLE_STATUSES = ['Not started', 'In progress', 'Done', 'Dropped'] as const;
export const EXIT_STATUSES = ['Not met', 'In progress', 'Met'] as const;

/**
 * Column headers that are never the user's words but the add-on's: the four band columns and
 * commitment reliability, live formulas over the row (formulas.ts).
 */
export const DELIVERY_FORMULA_HEADERS = {
  deployBand: 'Deploy band',
  leadTimeBand: 'Lead time band',
  changeFailureBand: 'Change failure band',
  restoreBand: 'Restore band',
  reliability: 'Reliability',
} as const;

export const HEALTH_SECTIONS: readonly SectionSpec<HealthKind>[] = [
  {
    kind: 'delivery',
    title: 'Delivery',
    noun: 'Delivery week',
    required: 'week',
    columns: columns(
      'Week:date|Deployments:count|Lead time (hours):hours|Change failure (%):percent|' +
        'Time to restore (hours):hours|Planned:count|Shipped:count|Blocked items:count|' +
        'Incidents:count|Deploy band:formula|Lead time band:formula|' +
        'Change failure band:formula|Restore band:formula|Reliability:formula|Notes:longText',
    ),
  },
  {
    kind: 'deliverable',
    title: 'Deliverables',
    noun: 'Deliverable',
    required: 'deliverable',
    columns: columns(
      'Deliverable|For stage|Status:choice|Due:date|Delivered on:date|Link:link|Notes:longText',
      { status: DELIVERABLE_STATUSES },
    ),
  },
  {
    kind: 'exitCriterion',
    title: 'Exit criteria',
    noun: 'Exit criterion',
    required: 'exitCriterion',
    columns: columns('Exit criterion|Status:choice|Met on:date|Evidence:longText', {
      status: EXIT_STATUSES,
    }),
  },
];

export function healthSectionOf(kind: HealthKind): SectionSpec<HealthKind> {
  const s = HEALTH_SECTIONS.find((x) => x.kind === kind);
  if (!s) throw new Error(`Unknown section kind ${kind}`);
  return s;
}

const CORE: ReadonlySet<string> = new Set<SectionKind>([
  'goal',
  'debt',
  'decision',
  'risk',
  'team',
  'review',
]);

/** One of the six sections the sidebar edits and the founder view reads. */
export function isCoreKind(kind: string): kind is SectionKind {
  return CORE.has(kind);
}
