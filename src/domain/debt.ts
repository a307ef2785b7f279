/** The impact/effort quadrant of a technical debt item. */

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
