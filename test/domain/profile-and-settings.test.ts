import { describe, expect, it } from 'vitest';
import { readClientItems } from '../../src/domain/client-read.js';
import { readProfile, summarizeClient } from '../../src/domain/client-summary.js';
import { locateClientTab } from '../../src/domain/client-tab-layout.js';
import { SECTIONS } from '../../src/domain/registry-layout.js';
import {
  SETTINGS,
  SETTINGS_HEADER,
  parseSettings,
  readSettings,
} from '../../src/domain/settings.js';

/** The Settings tab as setup draws it, with some values typed over: label → value. */
function settingsGrid(typed: Record<string, unknown> = {}): unknown[][] {
  return [
    [...SETTINGS_HEADER],
    ...SETTINGS.map((s) => [s.label, s.label in typed ? typed[s.label] : s.value, s.about]),
  ];
}

/** The settings' row on the tab: the header is row 1. */
const rowOf = (label: string) => SETTINGS.findIndex((s) => s.label === label) + 2;

describe('reading Settings', () => {
  it('reads the values setup writes without a problem', () => {
    const { settings, problems } = parseSettings(settingsGrid(), 'Settings');
    expect(problems).toEqual([]);
    expect(settings).toEqual({
      capacityHours: 20,
      flexReserveHours: 2,
      planWeekday: 'Monday',
      planHour: 7,
      summaryEmail: '',
      reviewMinutes: 40,
      reviewCadenceDays: 7,
      debtReviewCadenceDays: 90,
      impactThreshold: 3,
      effortThreshold: 3,
      sharingRole: 'viewer',
    });
  });

  it('reports a mistyped capacity with its cell and reason, uses the default, and reads the rest', () => {
    const { settings, problems } = parseSettings(
      settingsGrid({ 'Capacity (hours per week)': 'twenty', 'Flex reserve (hours)': 3.5 }),
      'My settings',
    );
    expect(problems).toEqual([
      {
        tab: 'My settings',
        cell: `B${rowOf('Capacity (hours per week)')}`,
        reason:
          'Capacity (hours per week) must be a number from 0 to 168; found "twenty". The default, 20, is used until it is fixed.',
      },
    ]);
    expect(settings.capacityHours).toBe(20);
    expect(settings.flexReserveHours).toBe(3.5);
  });

  it('holds every setting to its rule: whole numbers, ranges and choices', () => {
    const { settings, problems } = parseSettings(
      settingsGrid({
        'Plan weekday': 'friday',
        'Plan hour': 7.5,
        'Impact threshold': 6,
        'Effort threshold': '2',
        'Review cadence (days)': 0,
        'Sharing role': 'editor',
      }),
      'Settings',
    );
    expect(settings).toMatchObject({
      planWeekday: 'Friday',
      planHour: 7,
      impactThreshold: 3,
      effortThreshold: 3,
      reviewCadenceDays: 7,
      sharingRole: 'viewer',
    });
    expect(problems.map((p) => [p.cell, p.reason])).toEqual([
      [
        `B${rowOf('Plan hour')}`,
        'Plan hour must be a whole number from 0 to 23; found "7.5". The default, 7, is used until it is fixed.',
      ],
      [
        `B${rowOf('Review cadence (days)')}`,
        'Review cadence (days) must be a whole number from 1 to 365; found "0". The default, 7, is used until it is fixed.',
      ],
      [
        `B${rowOf('Impact threshold')}`,
        'Impact threshold must be a whole number from 1 to 5; found "6". The default, 3, is used until it is fixed.',
      ],
      [
        `B${rowOf('Effort threshold')}`,
        'Effort threshold must be a whole number from 1 to 5; found "2". The default, 3, is used until it is fixed.',
      ],
      [
        `B${rowOf('Sharing role')}`,
        'Sharing role must be one of: viewer, commenter; found "editor". The default, "viewer", is used until it is fixed.',
      ],
    ]);
  });

  it('says so when a value is emptied or its row is gone; an empty Summary email means you', () => {
    const grid = settingsGrid({ 'Flex reserve (hours)': '' }).filter(
      (r) => r[0] !== 'Debt review cadence (days)',
    );
    const { settings, problems } = parseSettings(grid, 'Settings');
    expect(settings.flexReserveHours).toBe(2);
    expect(settings.debtReviewCadenceDays).toBe(90);
    expect(settings.summaryEmail).toBe('');
    expect(problems).toEqual([
      {
        tab: 'Settings',
        cell: `B${rowOf('Flex reserve (hours)')}`,
        reason: 'Flex reserve (hours) is empty. The default, 2, is used until it is fixed.',
      },
      {
        tab: 'Settings',
        cell: `A${grid.length + 1}`,
        reason:
          'The setting "Debt review cadence (days)" is missing: add a row labelled "Debt review cadence (days)" with its value in column B. The default, 90, is used until it is fixed.',
      },
    ]);
  });

  it('keeps a mistyped Summary email, reported, so that no plan is mailed to a guess', () => {
    const { settings, problems } = parseSettings(
      settingsGrid({ 'Summary email': 'cto at example' }),
      'Settings',
    );
    expect(settings.summaryEmail).toBe('cto at example');
    expect(problems.map((p) => p.reason)).toEqual([
      'Summary email must be an email address; found "cto at example". The weekly plan does not run until it is fixed.',
    ]);
  });

  it('gives the defaults, with nothing to report, when there is no Settings tab to read', () => {
    expect(parseSettings([], 'Settings').problems).toEqual([]);
    expect(readSettings([])).toEqual(parseSettings(settingsGrid(), 'Settings').settings);
  });
});

/** A client tab with its profile rows (label → value) and every section, empty. */
function clientTab(profile: Record<string, unknown>) {
  const grid: unknown[][] = Object.entries(profile).map(([label, value]) => [label, value]);
  grid.push([]);
  for (const s of SECTIONS)
    grid.push(
      [s.title],
      s.columns.map((c) => c.header),
      [],
    );
  return locateClientTab(grid);
}

const ACME = {
  Client: 'Acme',
  Stage: 'Seed',
  Status: 'Active',
  'Founder emails': 'maya@acme.io, lee@acme.io',
  'PM tool': 'Linear',
  'Hours per week': 2,
  'Review cadence': 14,
  'Engagement start': '2026-03-02',
};

describe("reading a client's profile", () => {
  it('reads a profile as addClient writes it without a problem', () => {
    const { profile, problems } = readProfile(clientTab(ACME), 'Acme');
    expect(problems).toEqual([]);
    expect(profile).toMatchObject({
      name: 'Acme',
      stage: 'Seed',
      status: 'Active',
      hoursPerWeek: 2,
      reviewCadence: 14,
      founderEmails: ['maya@acme.io', 'lee@acme.io'],
      pmTool: 'Linear',
    });
  });

  it('reports "2h" in Hours per week with tab, cell and reason, and plans no hours meanwhile', () => {
    const layout = clientTab({ ...ACME, 'Hours per week': '2h' });
    const { problems } = readProfile(layout, 'Acme tab');
    expect(problems).toEqual([
      {
        tab: 'Acme tab',
        cell: 'B6',
        reason:
          'Hours per week must be a number from 0 to 40; found "2h". The weekly plan gives this client no hours until it is fixed.',
      },
    ]);
    expect(summarizeClient('1', 'Acme tab', layout).hoursPerWeek).toBeNull();
  });

  it('reports every profile value that cannot be read, keeping choices as typed', () => {
    const { profile, problems } = readProfile(
      clientTab({
        ...ACME,
        Stage: 'Series Z',
        Status: 'paused',
        'Founder emails': 'maya@acme.io; lee at acme',
        'PM tool': 'Notion',
        'Review cadence': 0,
        'Engagement start': 'spring',
      }),
      'Acme',
    );
    expect(profile).toMatchObject({ stage: 'Series Z', status: 'Paused', pmTool: 'Notion' });
    expect(profile.reviewCadence).toBeNull();
    expect(problems.map((p) => [p.cell, p.reason])).toEqual([
      [
        'B2',
        'Stage must be one of: Idea, Pre-seed, Seed, Series A, Series B, Series C+, Bootstrapped; found "Series Z". It is shown as typed.',
      ],
      [
        'B4',
        'Founder emails: "lee at acme" is not an email address. The founder view cannot be shared until it is fixed.',
      ],
      [
        'B5',
        'PM tool must be one of: Linear, Jira, GitHub Projects, Asana, Shortcut, Trello, Other; found "Notion". It is shown as typed.',
      ],
      [
        'B7',
        'Review cadence must be a whole number from 1 to 90; found "0". The review cadence in Settings is used until it is fixed.',
      ],
      [
        'B8',
        'Engagement start must be a date (YYYY-MM-DD); found "spring". It is left out until it is fixed.',
      ],
    ]);
  });

  it('counts a client whose Status cannot be read as not active, and says so', () => {
    const { profile, problems } = readProfile(clientTab({ ...ACME, Status: 'Activ' }), 'Acme');
    expect(profile.status).toBe('Activ');
    expect(problems[0]?.reason).toBe(
      'Status must be one of: Active, Paused, Ended; found "Activ". The client counts as not active (no plan, no Priorities) until it is fixed.',
    );
  });

  it("puts the profile's problems first among the problems of reading a client tab", () => {
    const { problems } = readClientItems(clientTab({ ...ACME, 'Hours per week': '2h' }), 'Acme');
    expect(problems).toEqual([expect.objectContaining({ tab: 'Acme', cell: 'B6' })]);
  });
});
