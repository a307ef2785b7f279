/**
 * The Settings tab: one labelled row per setting, with the defaults a new registry starts from.
 * A value that cannot be read is reported with its cell and reason, like a section's cell, and
 * only then is the default used.
 */
import { isBlankValue, readLabelled, type ValueRule } from './labelled-values.js';
import type { Problem } from './section-items.js';
import { SHARE_ROLES } from './founder-view.js';
import { WEEKDAY_NAMES } from './weekly-trigger-input.js';
import { str } from './client-record.js';

export interface SettingSpec {
  key: string;
  label: string;
  value: string | number;
  about: string;
  /** Named range the add-on keeps on the value cell, for formulas that use it. */
  rangeName?: string;
  /** What the value must be. */
  rule: ValueRule;
  /** What an empty value means, when it is not "use the default". */
  blankMeans?: string;
  /** Added after registries were made: a Settings tab without its row quietly uses the default. */
  optionalRow?: true;
}

export const SETTINGS: readonly SettingSpec[] = [
  {
    key: 'capacityHours',
    label: 'Capacity (hours per week)',
    value: 20,
    about: 'Hours you can give all clients together in a week.',
    rangeName: 'CTOR_CapacityHours',
    rule: { type: 'number', min: 0, max: 168 },
  },
  {
    key: 'flexReserveHours',
    label: 'Flex reserve (hours)',
    value: 2,
    about: 'Hours kept free each week for the unplanned.',
    rule: { type: 'number', min: 0, max: 168 },
  },
  {
    key: 'planWeekday',
    label: 'Plan weekday',
    value: 'Monday',
    about: 'Day the weekly plan is written and mailed.',
    rule: { type: 'choice', choices: WEEKDAY_NAMES },
  },
  {
    key: 'planHour',
    label: 'Plan hour',
    value: 7,
    about: 'Hour of that day (0–23), in the spreadsheet time zone.',
    rule: { type: 'number', min: 0, max: 23, whole: true },
  },
  {
    key: 'summaryEmail',
    label: 'Summary email',
    value: '',
    about: 'Where the weekly plan is mailed; empty means you.',
    rule: { type: 'email' },
    blankMeans: 'you',
  },
  {
    key: 'reviewMinutes',
    label: 'Review minutes',
    value: 40,
    about:
      "Minutes of each client's weekly review in the plan: PM board, codebase, lead sync, registry update.",
    rule: { type: 'number', min: 0, max: 480, whole: true },
    optionalRow: true,
  },
  {
    key: 'reviewCadenceDays',
    label: 'Review cadence (days)',
    value: 7,
    about: 'A client not reviewed for this long is drifting.',
    rule: { type: 'number', min: 1, max: 365, whole: true },
  },
  {
    key: 'debtReviewCadenceDays',
    label: 'Debt review cadence (days)',
    value: 90,
    about: 'A debt inventory not reviewed for this long is due its quarterly review.',
    rule: { type: 'number', min: 1, max: 365, whole: true },
  },
  {
    key: 'impactThreshold',
    label: 'Impact threshold',
    value: 3,
    about: 'Impact at or above this is high.',
    rangeName: 'CTOR_ImpactThreshold',
    rule: { type: 'number', min: 1, max: 5, whole: true },
  },
  {
    key: 'effortThreshold',
    label: 'Effort threshold',
    value: 3,
    about: 'Effort at or above this is high.',
    rangeName: 'CTOR_EffortThreshold',
    rule: { type: 'number', min: 1, max: 5, whole: true },
  },
  {
    key: 'sharingRole',
    label: 'Sharing role',
    value: 'viewer',
    about: "Role founders get on their company's shared view: viewer or commenter.",
    rule: { type: 'choice', choices: SHARE_ROLES },
  },
];

export const SETTINGS_HEADER = ['Setting', 'Value', 'About'] as const;

export interface RegistrySettings {
  capacityHours: number;
  flexReserveHours: number;
  planWeekday: string;
  planHour: number;
  summaryEmail: string;
  reviewMinutes: number;
  reviewCadenceDays: number;
  debtReviewCadenceDays: number;
  impactThreshold: number;
  effortThreshold: number;
  sharingRole: string;
}

export interface SettingsRead {
  settings: RegistrySettings;
  problems: Problem[];
}

function usingDefault(s: SettingSpec): string {
  const shown = typeof s.value === 'number' ? String(s.value) : `"${s.value}"`;
  return `The default, ${shown}, is used until it is fixed.`;
}

/**
 * Settings by label. A missing, empty or unreadable value is a problem on `tab`, and the default
 * is used; an unreadable Summary email is kept, so the weekly run refuses to mail a guess.
 */
export function parseSettings(grid: readonly (readonly unknown[])[], tab: string): SettingsRead {
  const byLabel = new Map<string, { row: number; raw: unknown }>();
  grid.forEach((row, i) => {
    const label = typeof row[0] === 'string' ? row[0].trim() : '';
    if (label && !byLabel.has(label)) byLabel.set(label, { row: i + 1, raw: row[1] });
  });
  const out: Record<string, string | number> = {};
  const problems: Problem[] = [];
  for (const s of SETTINGS) {
    out[s.key] = s.value;
    const found = byLabel.get(s.label);
    // No Settings tab at all is the setup's to repair; a registry without one has no cells to name.
    if (grid.length === 0) continue;
    if (!found) {
      if (s.optionalRow) continue;
      problems.push({
        tab,
        cell: `A${grid.length + 1}`,
        reason: `The setting "${s.label}" is missing: add a row labelled "${s.label}" with its value in column B. ${usingDefault(s)}`,
      });
      continue;
    }
    const cell = `B${found.row}`;
    if (isBlankValue(found.raw) || (typeof found.raw === 'string' && !found.raw.trim())) {
      if (s.blankMeans === undefined)
        problems.push({
          tab,
          cell,
          reason: `${s.label} is empty. ${usingDefault(s)}`,
        });
      continue;
    }
    const read = readLabelled(s.label, s.rule, found.raw);
    if ('value' in read) {
      out[s.key] = read.value;
      continue;
    }
    if (s.rule.type === 'email') {
      out[s.key] = str(found.raw).trim();
      problems.push({
        tab,
        cell,
        reason: `${read.problem}. The weekly plan does not run until it is fixed.`,
      });
    } else
      problems.push({
        tab,
        cell,
        reason: `${read.problem}. ${usingDefault(s)}`,
      });
  }
  return { settings: out as unknown as RegistrySettings, problems };
}

/** The settings alone, for callers that report nothing (the trigger's defaults, benchmarks). */
export function readSettings(grid: readonly (readonly unknown[])[]): RegistrySettings {
  return parseSettings(grid, 'Settings').settings;
}
