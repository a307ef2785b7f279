/**
 * A client's profile and section counts, read from its located tab. The profile is parsed like
 * a section: a value that cannot be read is a problem with its tab, cell and reason, and what
 * the registry does meanwhile.
 */
import type { ClientSummary } from './client.js';
import type { ClientTabLayout } from './client-tab-layout.js';
import { HOURS_RULE } from './hours.js';
import { isBlankValue, readLabelled, type ValueRule } from './labelled-values.js';
import { CLIENT_STATUSES, DIGEST_CADENCES, PM_TOOLS, STAGES } from './registry-layout.js';
import type { Problem } from './section-items.js';

/** A profile value as text: what a person typed, a number as its digits, anything else blank. */
function str(v: unknown): string {
  if (typeof v === 'string') return v.trim();
  return typeof v === 'number' || typeof v === 'boolean' ? String(v) : '';
}

/** Each checked profile row: its rule, and what the registry does while the value is unreadable. */
const PROFILE_RULES: Record<string, { rule: ValueRule; meanwhile: string }> = {
  Stage: { rule: { type: 'choice', choices: STAGES }, meanwhile: 'It is shown as typed.' },
  Status: {
    rule: { type: 'choice', choices: CLIENT_STATUSES },
    meanwhile: 'The client counts as not active (no plan, no Priorities) until it is fixed.',
  },
  'Founder emails': {
    rule: { type: 'emails' },
    meanwhile: 'The founder view cannot be shared until it is fixed.',
  },
  'PM tool': { rule: { type: 'choice', choices: PM_TOOLS }, meanwhile: 'It is shown as typed.' },
  'Hours per week': {
    rule: HOURS_RULE,
    meanwhile: 'The weekly plan gives this client no hours until it is fixed.',
  },
  'Review cadence': {
    rule: { type: 'number', min: 1, max: 90, whole: true },
    meanwhile: 'The review cadence in Settings is used until it is fixed.',
  },
  'Engagement start': { rule: { type: 'date' }, meanwhile: 'It is left out until it is fixed.' },
  'Founder digest': {
    rule: { type: 'choice', choices: DIGEST_CADENCES },
    meanwhile: 'No founder digest is mailed until it is fixed.',
  },
};

/** The rule a profile row is read by, if it has one (other rows are text). */
export function profileRule(label: string): { rule: ValueRule; meanwhile: string } | undefined {
  return PROFILE_RULES[label];
}

export interface ClientProfileRead {
  name: string;
  stage: string;
  status: string;
  hoursPerWeek: number | null;
  reviewCadence: number | null;
  /** ISO date; blank when not typed or unreadable. */
  engagementStart: string;
  founderEmails: string[];
  pmTool: string;
  pmLink: string;
  repoLink: string;
}

/** The profile rows of a client tab, each by its rule, with every value that cannot be read. */
export function readProfile(
  layout: ClientTabLayout,
  tabName: string,
): { profile: ClientProfileRead; problems: Problem[] } {
  const problems: Problem[] = [];
  /** The value by its rule; `null` when blank or unreadable (reported). */
  const read = (label: string): string | number | null => {
    const cell = layout.profile.get(label);
    const raw = cell?.value;
    if (!cell || isBlankValue(raw) || (typeof raw === 'string' && !raw.trim())) return null;
    const check = profileRule(label);
    if (!check) return str(raw);
    const found = readLabelled(label, check.rule, raw);
    if ('value' in found) return found.value;
    problems.push({
      tab: tabName,
      cell: `B${cell.row}`,
      reason: `${found.problem}. ${check.meanwhile}`,
    });
    return null;
  };
  /** Text kept as typed even when it is not one of the choices: it is shown, and reported. */
  const choice = (label: string): string =>
    str(read(label) ?? layout.profile.get(label)?.value ?? '');
  const number = (label: string): number | null => {
    const v = read(label);
    return typeof v === 'number' ? v : null;
  };
  const engagementStart = read('Engagement start');
  read('Founder digest');
  const founders = read('Founder emails');
  const profile: ClientProfileRead = {
    name: str(layout.profile.get('Client')?.value) || tabName,
    stage: choice('Stage'),
    status: choice('Status') || 'Active',
    hoursPerWeek: number('Hours per week'),
    reviewCadence: number('Review cadence'),
    engagementStart: typeof engagementStart === 'string' ? engagementStart : '',
    founderEmails: str(founders ?? layout.profile.get('Founder emails')?.value ?? '')
      .split(/[,;]/)
      .map((e) => e.trim())
      .filter(Boolean),
    pmTool: choice('PM tool'),
    pmLink: str(layout.profile.get('PM link')?.value),
    repoLink: str(layout.profile.get('Repo link')?.value),
  };
  // In the order a person reads the tab.
  problems.sort((a, b) => Number(a.cell.slice(1)) - Number(b.cell.slice(1)));
  return { profile, problems };
}

export function summarizeClient(
  id: string,
  tabName: string,
  layout: ClientTabLayout,
): ClientSummary {
  const { profile } = readProfile(layout, tabName);
  const count = (kind: keyof ClientSummary['counts']): number =>
    layout.sections.get(kind)?.rows.length ?? 0;
  return {
    id,
    name: profile.name,
    tabName,
    stage: profile.stage,
    status: profile.status,
    hoursPerWeek: profile.hoursPerWeek,
    founderEmails: profile.founderEmails,
    pmTool: profile.pmTool,
    pmLink: profile.pmLink,
    repoLink: profile.repoLink,
    counts: {
      goal: count('goal'),
      debt: count('debt'),
      decision: count('decision'),
      risk: count('risk'),
      team: count('team'),
      review: count('review'),
    },
  };
}
