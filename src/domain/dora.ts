/**
 * The four DORA measures of a week of delivery and their performance bands, by the clusters of
 * the Accelerate State of DevOps Report 2023 (DORA, Google Cloud; dora.dev), "How do you compare?":
 *
 * | band   | deployment frequency        | change lead time     | change failure rate | failed deployment recovery time |
 * | Elite  | on demand                   | less than one day    | 5%                  | less than one hour               |
 * | High   | once a day to once a week   | one day to one week  | 10%                 | less than one day                |
 * | Medium | once a week to once a month | one week to one month| 15%                 | one day to one week              |
 * | Low    | once a week to once a month | one week to one month| 64%                 | one month to six months          |
 *
 * A row is one week, so deployment frequency is the week's Deployments: 7 or more (daily or
 * more) is Elite, 1 to 6 High, none Low. The report gives Medium and Low the same frequency, which
 * one week cannot tell apart; a week without a deployment takes the lower band. Lead time past a
 * month, and recovery between a week and a month, fall outside every cluster's range and read Low.
 * Change failure takes each cluster's rate as the upper edge of its band. The sheet's formulas
 * (formulas.ts) compute the same bands; a test holds them equal at every edge.
 */
export const DORA_SOURCE = 'DORA, Accelerate State of DevOps Report 2023';

export const BANDS = ['Elite', 'High', 'Medium', 'Low'] as const;
export type Band = (typeof BANDS)[number];

export const MEASURES = ['deploy', 'leadTime', 'changeFailure', 'restore'] as const;
export type Measure = (typeof MEASURES)[number];

/**
 * Each measure's edges, best band first: `value` is in the band when it is at least `min` (a
 * frequency, higher is better) or at most/below `max` (a time or rate, lower is better).
 */
export const THRESHOLDS = {
  /** Deployments in the week. */
  deploy: { elite: 7, high: 1 },
  /** Hours: Elite below 24, High up to 168 (a week), Medium up to 720 (30 days). */
  leadTime: { elite: 24, high: 168, medium: 720 },
  /** A fraction of deployments: Elite up to 0.05, High up to 0.10, Medium up to 0.15. */
  changeFailure: { elite: 0.05, high: 0.1, medium: 0.15 },
  /** Hours: Elite below 1, High below 24, Medium up to 168. */
  restore: { elite: 1, high: 24, medium: 168 },
} as const;

function isValue(v: number | null | undefined): v is number {
  return typeof v === 'number' && Number.isFinite(v) && v >= 0;
}

export function deployBand(deployments: number | null | undefined): Band | null {
  if (!isValue(deployments)) return null;
  const t = THRESHOLDS.deploy;
  return deployments >= t.elite ? 'Elite' : deployments >= t.high ? 'High' : 'Low';
}

export function leadTimeBand(hours: number | null | undefined): Band | null {
  if (!isValue(hours)) return null;
  const t = THRESHOLDS.leadTime;
  return hours < t.elite
    ? 'Elite'
    : hours <= t.high
      ? 'High'
      : hours <= t.medium
        ? 'Medium'
        : 'Low';
}

export function changeFailureBand(rate: number | null | undefined): Band | null {
  if (!isValue(rate) || rate > 1) return null;
  const t = THRESHOLDS.changeFailure;
  return rate <= t.elite ? 'Elite' : rate <= t.high ? 'High' : rate <= t.medium ? 'Medium' : 'Low';
}

export function restoreBand(hours: number | null | undefined): Band | null {
  if (!isValue(hours)) return null;
  const t = THRESHOLDS.restore;
  return hours < t.elite ? 'Elite' : hours < t.high ? 'High' : hours <= t.medium ? 'Medium' : 'Low';
}

export const BAND_OF: Record<Measure, (v: number | null | undefined) => Band | null> = {
  deploy: deployBand,
  leadTime: leadTimeBand,
  changeFailure: changeFailureBand,
  restore: restoreBand,
};

/** Commitment reliability: shipped ÷ planned; null when nothing was planned. */
export function reliability(
  planned: number | null | undefined,
  shipped: number | null | undefined,
): number | null {
  if (!isValue(planned) || !isValue(shipped) || planned === 0) return null;
  return shipped / planned;
}

/** Elite 4 … Low 1: a higher rank is a better band. */
export function bandRank(band: Band): number {
  return BANDS.length - BANDS.indexOf(band);
}

export const MEASURE_NAMES: Record<Measure, string> = {
  deploy: 'Deployment frequency',
  leadTime: 'Lead time for changes',
  changeFailure: 'Change failure rate',
  restore: 'Time to restore service',
};

/** Each band in plain words, for a founder: what the week's value was. */
export const BAND_WORDS: Record<Measure, Partial<Record<Band, string>>> = {
  deploy: {
    Elite: 'shipping daily or more often',
    High: 'shipping between weekly and daily',
    Low: 'nothing shipped that week',
  },
  leadTime: {
    Elite: 'a change reaches users within a day',
    High: 'a change reaches users within a week',
    Medium: 'a change takes one week to a month to reach users',
    Low: 'a change takes more than a month to reach users',
  },
  changeFailure: {
    Elite: '5% or fewer of changes cause a failure',
    High: 'up to 10% of changes cause a failure',
    Medium: 'up to 15% of changes cause a failure',
    Low: 'more than 15% of changes cause a failure',
  },
  restore: {
    Elite: 'service restored within an hour',
    High: 'service restored within a day',
    Medium: 'service restored within a week',
    Low: 'service took more than a week to restore',
  },
};

export const TREND_WORDS: Record<'↑' | '→' | '↓', string> = {
  '↑': 'better than four weeks ago',
  '→': 'the same as four weeks ago',
  '↓': 'worse than four weeks ago',
};

/** "Change failure rate: High (up to 10% of changes cause a failure), worse than four weeks ago." */
export function bandSentence(measure: Measure, band: Band, trend: '↑' | '→' | '↓' | ''): string {
  const words = BAND_WORDS[measure][band];
  return `${MEASURE_NAMES[measure]}: ${band}${words ? ` (${words})` : ''}${trend ? `, ${TREND_WORDS[trend]}` : ''}.`;
}
