/**
 * What a fractional CTO delivers at each company stage, and when an engagement is done. The
 * profile's Stage (registry-layout.ts STAGES) maps to one of three stage groups; a client is
 * given its group's deliverables when it is added, and again when its Stage moves it into a
 * group it has no deliverable of yet. The rows are the user's from then on.
 */
import { STAGES } from './registry-layout.js';

export const STAGE_GROUPS = ['Pre-product', 'Product-market fit', 'Growth'] as const;
export type StageGroup = (typeof STAGE_GROUPS)[number];

/**
 * Idea and Pre-seed build the first version; Seed and Series A look for fit and then scale what
 * fits; Series B and later grow the organisation. A bootstrapped company is taken to have a
 * product earning money, so it starts from product-market fit.
 */
const GROUP_OF_STAGE: Record<(typeof STAGES)[number], StageGroup> = {
  Idea: 'Pre-product',
  'Pre-seed': 'Pre-product',
  Seed: 'Product-market fit',
  'Series A': 'Product-market fit',
  Bootstrapped: 'Product-market fit',
  'Series B': 'Growth',
  'Series C+': 'Growth',
};

export const STAGE_DELIVERABLES: Record<StageGroup, readonly string[]> = {
  'Pre-product': [
    'Architecture document',
    'Technology budget',
    'MVP scope',
    'Team plan',
    'Vendor selection',
  ],
  'Product-market fit': [
    'Scalability assessment',
    'Debt inventory',
    'Engineering process playbook',
    'Hiring plan',
    'Security and compliance review',
  ],
  Growth: [
    'Team structure',
    'Architecture evolution plan',
    'Metrics dashboard',
    'Technology radar',
    'Vendor consolidation',
  ],
};

/** When the engagement has done its work: the CTO is no longer needed week to week. */
export const EXIT_CRITERIA: readonly string[] = [
  'An engineering lead runs the team day to day',
  'The architecture is written down and current',
  'The team extends the system without outside help',
  'Engineering routines (reviews, releases, incidents) run without prompting',
  'The team hires and assesses engineers on its own',
  'A full-time CTO is hired, being hired, or judged unnecessary',
];

/** The stage group of a profile Stage, or null for a blank or unknown stage. */
export function stageGroupOf(stage: string): StageGroup | null {
  const s = stage.trim().toLowerCase();
  const key = STAGES.find((x) => x.toLowerCase() === s);
  return key ? GROUP_OF_STAGE[key] : null;
}

export interface DeliverableLine {
  deliverable: string;
  stage: string;
}

/**
 * The deliverables a client at `stage` is to be given: none when its group was given before (a
 * row already names that group in For stage), else the group's that no row names yet. Nothing
 * existing is ever changed or removed.
 */
export function deliverablesToSeed(
  stage: string,
  existing: readonly DeliverableLine[],
): { group: StageGroup; deliverables: string[] } | null {
  const group = stageGroupOf(stage);
  if (!group) return null;
  const norm = (s: string) => s.trim().toLowerCase();
  if (existing.some((d) => norm(d.stage) === norm(group))) return null;
  const named = new Set(existing.map((d) => norm(d.deliverable)));
  const deliverables = STAGE_DELIVERABLES[group].filter((d) => !named.has(norm(d)));
  return deliverables.length ? { group, deliverables } : null;
}
