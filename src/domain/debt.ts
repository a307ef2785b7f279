/** Technical debt items: the input schema and the impact/effort quadrant. */
import { DEBT_STATUSES, PRIORITIES } from './registry-layout.js';
import { choice, isoDate, optionalText, requiredText, scale, tags } from './fields.js';
import * as z from 'zod/mini';

export const debtFieldsSchema = z.object({
  title: requiredText('Title'),
  area: optionalText('Area', 100),
  priority: z._default(choice('Priority', PRIORITIES), 'Medium'),
  impact: scale('Impact'),
  effort: scale('Effort'),
  status: z._default(choice('Status', DEBT_STATUSES), 'Open'),
  owner: optionalText('Owner', 100),
  trackedIn: optionalText('Tracked in', 500),
  tags: tags('Tags'),
  added: isoDate('Added'),
  lastReviewed: isoDate('Last reviewed'),
  notes: optionalText('Notes'),
  privateNote: optionalText('Private note'),
});

export type DebtFields = z.input<typeof debtFieldsSchema>;
export type DebtItem = z.output<typeof debtFieldsSchema>;

export const QUADRANTS = ['Do now', 'Plan & invest', 'Quick win', 'Skip for now'] as const;
export type Quadrant = (typeof QUADRANTS)[number];

export interface Thresholds {
  impact: number;
  effort: number;
}

export const DEFAULT_THRESHOLDS: Thresholds = { impact: 3, effort: 3 };

/** The impact/effort matrix: high impact and low effort is Do now; missing either, no quadrant. */
export function quadrantOf(
  impact: number | null,
  effort: number | null,
  thresholds: Thresholds = DEFAULT_THRESHOLDS,
): Quadrant | null {
  if (impact === null || effort === null) return null;
  const highImpact = impact >= thresholds.impact;
  const highEffort = effort >= thresholds.effort;
  if (highImpact) return highEffort ? 'Plan & invest' : 'Do now';
  return highEffort ? 'Skip for now' : 'Quick win';
}
