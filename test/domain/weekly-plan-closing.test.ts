/**
 * Closing the week and what the next plan makes of it: the tab read back, the Review log row a
 * ticked review becomes, entries carried over, and "since last week" against the previous plan.
 */
import { describe, expect, it } from 'vitest';
import type { ClientRecord } from '../../src/domain/client-record.js';
import { buildRollup } from '../../src/domain/rollup.js';
import { profileRule } from '../../src/domain/client-summary.js';
import { HOURS_RULE } from '../../src/domain/hours.js';
import {
  actualHoursProblems,
  closeRefusal,
  closeWeek,
  readPreviousPlan,
  reviewLogFields,
  type PreviousPlan,
} from '../../src/domain/week-closing.js';
import { buildWeeklyPlan } from '../../src/domain/weekly-plan.js';
import { registryState } from '../../src/domain/since-last-week.js';
import { DEFAULT_SETTINGS, client, item } from './registry-fixture.js';

const REVIEWED = [item('review', '', { date: '2026-11-16' })];

function planFor(clients: ClientRecord[], today: string, previous: PreviousPlan | null) {
  const rollup = buildRollup(clients, [], [], today, 'Dependencies');
  return buildWeeklyPlan(clients, rollup, DEFAULT_SETTINGS, today, new Set(), previous);
}

const key = (...k: (string | number)[]) => JSON.stringify(k);

/** The Weekly Plan tab as the add-on writes it: A done, B entry, C estimate, D link/actual, F key. */
const tab: unknown[][] = [
  ['Weekly plan'],
  [
    'Week of 2026-11-16 to 2026-11-22.',
    '',
    '',
    '',
    '',
    key('week', '2026-11-16', '2026-11-18', ''),
  ],
  ['Last run: ok'],
  ['Acme: Decision ADR-1 Pick a queue (2 h)'],
  [],
  [
    'Acme: 2 h this week; planned 1 h 40 min',
    '',
    'Actual hours',
    1.75,
    '',
    key('client', '1', 2),
    '{"d":[],"r":{},"g":[]}',
    '',
  ],
  [
    true,
    'Review the Linear board',
    '10 min',
    'https://linear.app/acme',
    '',
    key('entry', '1', 'review:pm', 10, 0),
  ],
  [false, 'Review the codebase', '10 min', '', '', key('entry', '1', 'review:code', 10, 0)],
  [true, 'Sync with the lead engineer', '15 min', '', '', key('entry', '1', 'review:sync', 15, 0)],
  [false, 'Update the registry', '5 min', '', '', key('entry', '1', 'review:registry', 5, 0)],
  [
    false,
    'Decision ADR-1 Pick a queue: due Fri',
    '30 min',
    '',
    '',
    key('entry', '1', 'decision:ADR-1', 30, 0),
  ],
  [true, 'Debt D-1 Flaky CI: Do now', '30 min', '', '', key('entry', '1', 'debt:D-1', 30, 0)],
  ['', 'Debt D-9 Old ORM: Do now', '30 min', '', '', key('wait', '1', 'debt:D-9')],
  [],
  [
    'Beacon: 1 h this week; planned 40 min',
    '',
    'Actual hours',
    '',
    '',
    key('client', '2', 1),
    '',
    '',
  ],
  [false, 'Review the PM board', '10 min', '', '', key('entry', '2', 'review:pm', 10, 0)],
];

describe('the Weekly Plan tab read back', () => {
  const previous = readPreviousPlan(tab);

  it('gives the week, each client with its actual hours, and each entry ticked or not', () => {
    expect(previous?.weekStart).toBe('2026-11-16');
    expect(previous?.today).toBe('2026-11-18');
    const acme = previous?.clients.get('1');
    expect([acme?.name, acme?.hours, acme?.actualHours]).toEqual(['Acme', 2, 1.75]);
    expect(acme?.entries.map((e) => [e.key, e.done])).toEqual([
      ['review:pm', true],
      ['review:code', false],
      ['review:sync', true],
      ['review:registry', false],
      ['decision:ADR-1', false],
      ['debt:D-1', true],
    ]);
    expect(previous?.clients.get('2')?.actualHours).toBeNull();
  });

  it('reads no plan from a tab the add-on did not write, or wrote before it kept keys', () => {
    expect(readPreviousPlan([['Weekly plan'], ['Week of 2026-11-16 to 2026-11-22.']])).toBeNull();
    expect(readPreviousPlan([])).toBeNull();
  });

  const typed = (v: unknown) =>
    readPreviousPlan([
      ['', '', '', '', '', key('week', '2026-11-16', '2026-11-18', '')],
      ['Acme: 2 h this week', '', 'Actual hours', v, '', key('client', '1', 2)],
    ]) as PreviousPlan;

  it('reads Actual hours by the rule of Hours per week: a number from 0 to 40, a blank not recorded', () => {
    const read = [1.5, 0, 40, '', '  '].map(typed);
    expect(read.map((p) => p.clients.get('1')?.actualHours)).toEqual([1.5, 0, 40, null, null]);
    expect(read.flatMap((p) => p.unreadableHours)).toEqual([]);
  });

  it('"2h" typed in Actual hours is not taken as 2 but reported with its cell and what is allowed, as in Hours per week', () => {
    const plans = ['2h', '1,5', 'lots', -1, 41].map(typed);
    expect(plans.map((p) => p.clients.get('1')?.actualHours)).toEqual([
      null,
      null,
      null,
      null,
      null,
    ]);
    expect(plans.map((p) => p.unreadableHours)).toEqual(
      ['2h', '1,5', 'lots', '-1', '41'].map((found) => [
        {
          cell: 'D2',
          problem: `Actual hours must be a number from 0 to 40; found "${found}" (Acme)`,
        },
      ]),
    );
    // One rule: Hours per week on a profile is read by the same (profile-and-settings.test.ts).
    expect(profileRule('Hours per week')?.rule).toBe(HOURS_RULE);
    const [first] = plans as [PreviousPlan];
    expect(actualHoursProblems(first, 'Weekly Plan')).toEqual([
      {
        tab: 'Weekly Plan',
        cell: 'D2',
        reason:
          'Actual hours must be a number from 0 to 40; found "2h" (Acme). Type the hours as a number, such as 2 or 1.5: until then Close the week records nothing, and the weekly run records the week without them.',
      },
    ]);
    expect(closeRefusal(first, 'Weekly Plan')).toBe(
      'The week of 2026-11-16 was not closed, nothing was recorded: Actual hours must be a number from 0 to 40; found "2h" (Acme) (Weekly Plan, D2). Type the hours as a number, such as 2 or 1.5, then close the week again.',
    );
    expect(closeRefusal(typed(2), 'Weekly Plan')).toBeNull();
  });
});

describe('closing the week', () => {
  const closed = closeWeek(readPreviousPlan(tab) as PreviousPlan);

  it('records per client planned and actual hours and entries done of planned', () => {
    expect(
      closed.map((c) => [
        c.clientId,
        c.plannedHours,
        c.actualHours,
        c.entriesDone,
        c.entriesPlanned,
      ]),
    ).toEqual([
      ['1', 2, 1.75, 3, 6],
      ['2', 1, null, 0, 1],
    ]);
  });

  it('turns ticked review lines into a Review log row, dated the Friday or the day it is closed', () => {
    const acme = closed[0]!;
    expect(reviewLogFields(acme, '2026-11-16', '2026-11-20', '2026-11-23')).toEqual({
      date: '2026-11-20',
      pmReviewed: 'Yes',
      codeReviewed: 'No',
      leadSync: 'Yes',
      notes: 'Ticked on the weekly plan of 2026-11-16: PM board, lead sync.',
    });
    expect(reviewLogFields(acme, '2026-11-16', '2026-11-20', '2026-11-18')?.date).toBe(
      '2026-11-18',
    );
    expect(reviewLogFields(closed[1]!, '2026-11-16', '2026-11-20', '2026-11-23')).toBeNull();
  });
});

describe('the next week, after closing', () => {
  const acme = (decisionStatus = 'Proposed') =>
    client({
      id: '1',
      name: 'Acme',
      hoursPerWeek: 2,
      items: {
        review: REVIEWED,
        decision: [
          item('decision', 'ADR-1', {
            title: 'Pick a queue',
            status: decisionStatus,
            due: '2026-11-20',
          }),
        ],
        debt: [
          item('debt', 'D-1', {
            title: 'Flaky CI',
            status: 'Open',
            impact: 5,
            effort: 1,
            lastReviewed: '2026-11-01',
          }),
        ],
      },
    });
  const previous = readPreviousPlan(tab) as PreviousPlan;

  it('brings back an unticked entry "carried over 1 week", and a ticked one without the mark', () => {
    const plan = planFor([acme()], '2026-11-23', previous).clients[0];
    const byKey = new Map(plan?.agenda.map((a) => [a.key, a]));
    expect(byKey.get('decision:ADR-1')?.label).toBe(
      'Decision ADR-1 Pick a queue: overdue since 2026-11-20 (carried over 1 week)',
    );
    expect(byKey.get('decision:ADR-1')?.carried).toBe(1);
    expect(byKey.get('debt:D-1')?.label).toBe('Debt D-1 Flaky CI: Do now');
    // The review recurs every week: an unticked review line is not "carried over".
    expect(byKey.get('review:code')?.carried).toBe(0);
    expect(plan?.agenda.every((a) => !a.done)).toBe(true);
  });

  it('counts the weeks an entry keeps coming back', () => {
    const week2 = planFor([acme()], '2026-11-23', previous);
    const again: PreviousPlan = {
      weekStart: week2.weekStart,
      today: week2.today,
      baselineDate: week2.baselineDate,
      unreadableHours: [],
      clients: new Map(
        week2.clients.map((c) => [
          c.clientId,
          {
            clientId: c.clientId,
            name: c.name,
            hours: c.hours,
            actualHours: null,
            state: c.state,
            baseline: c.baseline,
            entries: c.agenda.map((a) => ({
              key: a.key,
              label: a.label,
              minutes: a.minutes,
              carried: a.carried,
              done: false,
              review: a.kind === 'review',
            })),
          },
        ]),
      ),
    };
    const week3 = planFor([acme()], '2026-11-30', again).clients[0];
    expect(week3?.agenda.find((a) => a.key === 'decision:ADR-1')?.label).toMatch(
      /\(carried over 2 weeks\)$/,
    );
  });

  it('does not bring back an entry whose item was closed or decided meanwhile', () => {
    const plan = planFor([acme('Accepted')], '2026-11-23', previous).clients[0];
    expect(plan?.agenda.some((a) => a.key === 'decision:ADR-1')).toBe(false);
  });

  it('written again in the same week, keeps the ticks, the actual hours and the carried counts', () => {
    const sameWeek: PreviousPlan = { ...previous, today: '2026-11-16' };
    const plan = planFor([acme()], '2026-11-18', sameWeek).clients[0];
    expect(plan?.agenda.filter((a) => a.done).map((a) => a.key)).toEqual([
      'review:pm',
      'review:sync',
      'debt:D-1',
    ]);
    expect(plan?.actualHours).toBe(1.75);
    expect(plan?.agenda.find((a) => a.key === 'decision:ADR-1')?.carried).toBe(0);
  });
});

describe('since last week', () => {
  const before = client({
    id: '1',
    name: 'Acme',
    items: {
      review: REVIEWED,
      debt: [
        item('debt', 'D-1', { title: 'Flaky CI', status: 'Open' }),
        item('debt', 'D-2', { title: 'Old ORM', status: 'Open' }),
      ],
      risk: [item('risk', 'R-1', { risk: 'Single DBA', likelihood: 2, impact: 4, status: 'Open' })],
      goal: [item('goal', 'G-1', { goal: 'Launch EU', status: 'On track' })],
    },
  });
  const after = client({
    id: '1',
    name: 'Acme',
    items: {
      review: [...REVIEWED, item('review', '', { date: '2026-11-20' })],
      debt: [
        item('debt', 'D-1', { title: 'Flaky CI', status: 'Done', lastReviewed: '2026-11-19' }),
        item('debt', 'D-2', { title: 'Old ORM', status: "Won't fix" }),
        item('debt', 'D-3', { title: 'No staging', status: 'Open', added: '2026-11-19' }),
      ],
      risk: [
        item('risk', 'R-1', { risk: 'Single DBA', likelihood: 4, impact: 4, status: 'Open' }),
        item('risk', 'R-2', { risk: 'Key person', likelihood: 3, impact: 4, status: 'Open' }),
      ],
      goal: [item('goal', 'G-1', { goal: 'Launch EU', status: 'Done' })],
      decision: [
        item('decision', 'ADR-3', {
          title: 'Use Postgres',
          status: 'Superseded',
          proposedOn: '2026-10-01',
          decidedOn: '2026-10-02',
        }),
        item('decision', 'ADR-4', {
          title: 'Switch to MongoDB',
          status: 'Accepted',
          proposedOn: '2026-11-17',
          decidedOn: '2026-11-18',
          supersedes: 'ADR-3',
        }),
      ],
    },
  });
  const previous: PreviousPlan = {
    weekStart: '2026-11-16',
    today: '2026-11-16',
    baselineDate: '',
    unreadableHours: [],
    clients: new Map([
      [
        '1',
        {
          clientId: '1',
          name: 'Acme',
          hours: 4,
          actualHours: null,
          entries: [],
          state: registryState(before),
          baseline: '',
        },
      ],
    ]),
  };

  it("lists what the registry dates, and what changed since the previous plan's record, as log lines", () => {
    const plan = planFor([after], '2026-11-23', previous);
    // The previous plan's day is in the window too: a review logged that day may have come after it.
    expect(plan.sinceLastWeek).toEqual([
      'Acme: review logged (2026-11-16)',
      'Acme: proposed ADR-4 Switch to MongoDB (2026-11-17)',
      'Acme: accepted ADR-4 Switch to MongoDB (2026-11-18)',
      'Acme: superseded ADR-3 Use Postgres by ADR-4 (2026-11-18)',
      'Acme: added debt D-3 No staging (2026-11-19)',
      'Acme: closed debt D-1 Flaky CI (Done, 2026-11-19)',
      'Acme: review logged (2026-11-20)',
      "Acme: closed debt D-2 Old ORM (Won't fix, since 2026-11-16)",
      'Acme: risk R-1 Single DBA rose from Medium to Critical (since 2026-11-16)',
      'Acme: raised risk R-2 Key person (High, since 2026-11-16)',
      'Acme: goal G-1 Launch EU done (since 2026-11-16)',
    ]);
    expect(plan.sinceNote).toBe('');
  });

  it('says, on the first plan, that what needs a comparison starts next week', () => {
    const plan = planFor([after], '2026-11-23', null);
    expect(plan.sinceLastWeek).toContain('Acme: accepted ADR-4 Switch to MongoDB (2026-11-18)');
    expect(plan.sinceLastWeek.some((l) => l.includes('raised risk'))).toBe(false);
    expect(plan.sinceNote).toMatch(/listed from next week/);
  });

  it('compares a plan written again in its week with the same record as the first', () => {
    const first = planFor([after], '2026-11-23', previous);
    const sameWeek: PreviousPlan = {
      weekStart: first.weekStart,
      today: first.today,
      baselineDate: first.baselineDate,
      unreadableHours: [],
      clients: new Map(
        first.clients.map((c) => [
          c.clientId,
          { ...previous.clients.get('1')!, state: c.state, baseline: c.baseline },
        ]),
      ),
    };
    expect(planFor([after], '2026-11-24', sameWeek).sinceLastWeek).toContain(
      'Acme: raised risk R-2 Key person (High, since 2026-11-16)',
    );
  });
});
