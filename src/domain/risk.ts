/** A risk's score and band: likelihood × impact; 1–4 Low, 5–9 Medium, 10–15 High, 16–25 Critical. */

export const BANDS = ['Low', 'Medium', 'High', 'Critical'] as const;
export type Band = (typeof BANDS)[number];

export function riskScore(likelihood: number | null, impact: number | null): number | null {
  return likelihood === null || impact === null ? null : likelihood * impact;
}

export function riskBand(score: number | null): Band | null {
  if (score === null) return null;
  if (score >= 16) return 'Critical';
  if (score >= 10) return 'High';
  if (score >= 5) return 'Medium';
  return 'Low';
}
