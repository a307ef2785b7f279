/** The Settings tab: one labelled row per setting, with the defaults a new registry starts from. */

export interface SettingSpec {
  key: string;
  label: string;
  value: string | number;
  about: string;
  /** Named range the add-on keeps on the value cell, for formulas that use it. */
  rangeName?: string;
}

export const SETTINGS: readonly SettingSpec[] = [
  {
    key: 'capacityHours',
    label: 'Capacity (hours per week)',
    value: 20,
    about: 'Hours you can give all clients together in a week.',
    rangeName: 'CTOR_CapacityHours',
  },
  {
    key: 'flexReserveHours',
    label: 'Flex reserve (hours)',
    value: 2,
    about: 'Hours kept free each week for the unplanned.',
  },
  {
    key: 'planWeekday',
    label: 'Plan weekday',
    value: 'Monday',
    about: 'Day the weekly plan is written and mailed.',
  },
  {
    key: 'planHour',
    label: 'Plan hour',
    value: 7,
    about: 'Hour of that day (0–23), in the spreadsheet time zone.',
  },
  {
    key: 'summaryEmail',
    label: 'Summary email',
    value: '',
    about: 'Where the weekly plan is mailed; empty means you.',
  },
  {
    key: 'reviewCadenceDays',
    label: 'Review cadence (days)',
    value: 7,
    about: 'A client not reviewed for this long is drifting.',
  },
  {
    key: 'debtReviewCadenceDays',
    label: 'Debt review cadence (days)',
    value: 90,
    about: 'A debt inventory not reviewed for this long is due its quarterly review.',
  },
  {
    key: 'impactThreshold',
    label: 'Impact threshold',
    value: 3,
    about: 'Impact at or above this is high.',
    rangeName: 'CTOR_ImpactThreshold',
  },
  {
    key: 'effortThreshold',
    label: 'Effort threshold',
    value: 3,
    about: 'Effort at or above this is high.',
    rangeName: 'CTOR_EffortThreshold',
  },
  {
    key: 'sharingRole',
    label: 'Sharing role',
    value: 'viewer',
    about: "Role founders get on their company's shared view: viewer or commenter.",
  },
];

export const SETTINGS_HEADER = ['Setting', 'Value', 'About'] as const;

export interface RegistrySettings {
  capacityHours: number;
  flexReserveHours: number;
  planWeekday: string;
  planHour: number;
  summaryEmail: string;
  reviewCadenceDays: number;
  debtReviewCadenceDays: number;
  impactThreshold: number;
  effortThreshold: number;
  sharingRole: string;
}

/** Settings by label, falling back to the default for a missing or unreadable value. */
export function readSettings(grid: readonly (readonly unknown[])[]): RegistrySettings {
  const byLabel = new Map<string, unknown>();
  for (const row of grid) byLabel.set(String(row[0] ?? '').trim(), row[1]);
  const out: Record<string, string | number> = {};
  for (const s of SETTINGS) {
    const v = byLabel.get(s.label);
    if (typeof s.value === 'number')
      out[s.key] = typeof v === 'number' && Number.isFinite(v) ? v : s.value;
    else out[s.key] = typeof v === 'string' && v.trim() ? v.trim() : s.value;
  }
  return out as unknown as RegistrySettings;
}
