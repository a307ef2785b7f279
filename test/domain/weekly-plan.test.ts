import { describe, expect, it } from 'vitest';
import type { ClientRecord } from '../../src/domain/client-record.js';
import type { Dependency } from '../../src/domain/dependencies.js';
import type { Principle } from '../../src/domain/principles.js';
import { buildRollup } from '../../src/domain/rollup.js';
import {
  buildWeeklyPlan,
  formatMinutes,
  planWeekOf,
  weekStartOf,
} from '../../src/domain/weekly-plan.js';
import type { PreviousPlan } from '../../src/domain/week-closing.js';
import { DEFAULT_SETTINGS, client, item } from './registry-fixture.js';

// Wednesday 18 November 2026: the week runs from Monday 16 to Sunday 22 November.
const TODAY = '2026-11-18';
const REVIEWED = [item('review', '', { date: '2026-11-16' })];

const postgres: Principle = {
  id: 'P-2',
  principle: 'Standardise on PostgreSQL',
  standard: 'PostgreSQL',
  avoid: ['mongodb'],
  active: true,
};
const billing: Dependency = {
  row: 2,
  consumer: 'Acme',
  provider: 'Beta',
  component: 'Billing API',
  matchTags: ['billing'],
};

function planFor(
  clients: ClientRecord[],
  today = TODAY,
  extra: {
    principles?: Principle[];
    dependencies?: Dependency[];
    shared?: string[];
    previous?: PreviousPlan;
  } = {},
  settings = DEFAULT_SETTINGS,
) {
  const rollup = buildRollup(
    clients,
    extra.principles ?? [],
    extra.dependencies ?? [],
    today,
    'Dependencies',
  );
  return buildWeeklyPlan(
    clients,
    rollup,
    settings,
    today,
    new Set(extra.shared ?? []),
    extra.previous ?? null,
  );
}

const acme = client({
  id: '1',
  name: 'Acme',
  hoursPerWeek: 6,
  items: {
    risk: [
      item('risk', 'R-1', {
        risk: 'Single DBA',
        likelihood: 3,
        impact: 4,
        status: 'Open',
        due: '2026-11-10',
      }),
    ],
    goal: [
      item('goal', 'G-1', { goal: 'Launch EU', status: 'On track', targetDate: '2026-11-20' }),
    ],
    decision: [
      item('decision', 'ADR-2', {
        title: 'Pick a database',
        status: 'Proposed',
        tags: ['postgres'],
        proposedOn: '2026-11-09',
      }),
    ],
    debt: [
      item('debt', 'D-1', {
        title: 'Flaky CI',
        status: 'Open',
        impact: 4,
        effort: 2,
        lastReviewed: '',
      }),
    ],
    review: REVIEWED,
  },
});
const beta = client({
  id: '2',
  name: 'Beta',
  status: '',
  hoursPerWeek: 3,
  items: {
    decision: [
      item('decision', 'ADR-3', {
        title: 'Move to Postgres',
        status: 'Accepted',
        tags: ['postgres'],
        proposedOn: '2026-09-01',
        decidedOn: '2026-10-01',
      }),
      item('decision', 'ADR-4', {
        title: 'Invoice events',
        status: 'Accepted',
        tags: ['billing'],
        proposedOn: '2026-11-10',
        decidedOn: '2026-11-16',
      }),
    ],
    review: REVIEWED,
  },
});

describe('the week a plan is for', () => {
  it('starts on the Monday of the week holding a weekday', () => {
    expect(weekStartOf('2026-11-16')).toBe('2026-11-16');
    expect(weekStartOf('2026-11-18')).toBe('2026-11-16');
    expect(weekStartOf('2026-11-20')).toBe('2026-11-16');
    // Thursday 1 January 2026: the week began in the old year.
    expect(weekStartOf('2026-01-01')).toBe('2025-12-29');
  });

  it('runs Monday to Sunday in the plan', () => {
    const plan = planFor([acme]);
    expect([plan.weekStart, plan.weekEnd, plan.today]).toEqual(['2026-11-16', '2026-11-22', TODAY]);
  });

  it('run on a Saturday or a Sunday, is for the week starting next Monday', () => {
    expect(planFor([acme], '2026-11-21').weekStart).toBe('2026-11-23');
    expect(planFor([acme], '2026-11-22').weekStart).toBe('2026-11-23');
    expect(planWeekOf('2026-11-20')).toBe('2026-11-16'); // Friday: this week
    expect(planWeekOf('2027-01-03')).toBe('2027-01-04'); // Sunday, across the new year
  });
});

describe('estimates in words', () => {
  it.each([
    [0, '0 min'],
    [45, '45 min'],
    [60, '1 h'],
    [90, '1 h 30 min'],
    [200, '3 h 20 min'],
  ])('%i minutes read "%s"', (minutes, words) => {
    expect(formatMinutes(minutes)).toBe(words);
  });
});

describe("a client's agenda", () => {
  const plan = planFor([acme, beta], TODAY, { principles: [postgres], dependencies: [billing] });
  const acmePlan = plan.clients.find((c) => c.name === 'Acme');

  it('opens with the weekly review: PM board and codebase with their links, lead sync, registry update', () => {
    expect(acmePlan?.agenda.slice(0, 4).map((a) => [a.label, a.link])).toEqual([
      ['Review the Linear board', 'https://linear.app/acme'],
      ['Review the codebase', 'https://github.com/acme/app'],
      ['Sync with the lead engineer', ''],
      ['Update the registry', ''],
    ]);
  });

  it('gives the weekly review 40 minutes by default, split 10, 10, 15 and 5', () => {
    const review = acmePlan?.agenda.filter((a) => a.kind === 'review') ?? [];
    expect(review.map((a) => a.minutes)).toEqual([10, 10, 15, 5]);
  });

  it('gives the weekly review the minutes of Settings "Review minutes"', () => {
    const sixty = planFor([acme], TODAY, {}, { ...DEFAULT_SETTINGS, reviewMinutes: 60 });
    const review = sixty.clients[0]?.agenda.filter((a) => a.kind === 'review') ?? [];
    expect(review.map((a) => a.minutes)).toEqual([15, 15, 23, 7]);
  });

  it('then what must not wait, then decisions and notices, then Do-now debt, the quarterly review last', () => {
    expect(acmePlan?.agenda.map((a) => [a.kind, a.label])).toEqual([
      ['review', 'Review the Linear board'],
      ['review', 'Review the codebase'],
      ['review', 'Sync with the lead engineer'],
      ['review', 'Update the registry'],
      ['overdue', 'Risk R-1 Single DBA: overdue since 2026-11-10'],
      ['due', 'Goal G-1 Launch EU: due Fri'],
      ['decision', 'Decision ADR-2 Pick a database: related: Beta ADR-3 Move to Postgres'],
      ['notice', 'Beta changed Billing API: ADR-4 Invoice events: you depend on it (2026-11-16)'],
      ['doNow', 'Debt D-1 Flaky CI: Do now'],
      ['quarterly', 'Quarterly debt review: never reviewed'],
    ]);
    expect(acmePlan?.overdue).toBe(1);
  });

  it("tells both clients of a provider's change: the consumer and the provider", () => {
    const betaPlan = plan.clients.find((c) => c.name === 'Beta');
    expect(betaPlan?.agenda.find((a) => a.kind === 'notice')?.label).toBe(
      'Decision ADR-4 Invoice events: tell Acme: it depends on Billing API',
    );
  });

  const mongo = client({
    ...acme,
    items: {
      review: REVIEWED,
      decision: [
        item('decision', 'ADR-5', {
          title: 'Events in MongoDB',
          status: 'Proposed',
          tags: ['mongodb'],
          due: '2026-11-19',
        }),
      ],
    },
  });

  it('lists a pending decision due this week that breaks a principle once, with all its reasons', () => {
    const agenda = planFor([mongo], TODAY, { principles: [postgres] }).clients[0]?.agenda ?? [];
    const lines = agenda.filter((a) => a.label.includes('ADR-5'));
    expect(lines.map((a) => [a.kind, a.label, a.minutes])).toEqual([
      [
        'due',
        'Decision ADR-5 Events in MongoDB: due Thu; conflicts with P-2: Standardise on PostgreSQL',
        30,
      ],
    ]);
  });

  it('plans principle conflicts and dependency notices before Do-now debt', () => {
    const kinds = acmePlan?.agenda.map((a) => a.kind) ?? [];
    expect(kinds.indexOf('notice')).toBeLessThan(kinds.indexOf('doNow'));
    const accepted = client({
      ...acme,
      items: {
        review: REVIEWED,
        decision: [
          item('decision', 'ADR-6', {
            title: 'Mongo for logs',
            status: 'Accepted',
            tags: ['mongodb'],
          }),
        ],
        debt: [
          item('debt', 'D-2', {
            title: 'Slow build',
            status: 'Open',
            impact: 5,
            effort: 1,
            lastReviewed: '2026-11-01',
          }),
        ],
      },
    });
    const agenda = planFor([accepted], TODAY, { principles: [postgres] }).clients[0]?.agenda ?? [];
    expect(agenda.slice(4).map((a) => [a.kind, a.label])).toEqual([
      ['conflict', 'Decision ADR-6 Mongo for logs: conflicts with P-2: Standardise on PostgreSQL'],
      ['doNow', 'Debt D-2 Slow build: Do now'],
    ]);
  });

  it('plans an open Critical risk whatever its due date, among what must not wait', () => {
    const critical = (due: string) =>
      client({
        ...acme,
        items: {
          review: REVIEWED,
          risk: [
            item('risk', 'R-9', {
              risk: 'No backups',
              likelihood: 4,
              impact: 4,
              status: 'Open',
              due,
            }),
          ],
        },
      });
    for (const due of ['', '2026-12-15']) {
      const entry = planFor([critical(due)]).clients[0]?.agenda[4];
      expect([entry?.kind, entry?.label]).toEqual(['critical', 'Risk R-9 No backups: Critical']);
    }
  });

  it('plans a goal whose target date is within 30 days, and not one further off', () => {
    const goals = client({
      ...acme,
      items: {
        review: REVIEWED,
        goal: [
          item('goal', 'G-2', {
            goal: 'SOC 2 audit',
            status: 'On track',
            targetDate: '2026-12-18',
          }),
          item('goal', 'G-3', { goal: 'Series A', status: 'On track', targetDate: '2026-12-19' }),
        ],
      },
    });
    const labels = (planFor([goals]).clients[0]?.agenda ?? []).map((a) => a.label);
    expect(labels).toContain('Goal G-2 SOC 2 audit: target 2026-12-18');
    expect(labels.some((l) => l.includes('G-3'))).toBe(false);
  });

  it('plans a team gap that has a plan, and not one without', () => {
    const team = client({
      ...acme,
      items: {
        review: REVIEWED,
        team: [
          item('team', '', { personRole: 'Platform', gaps: 'No SRE', plan: 'Hire in Q1' }),
          item('team', '', { personRole: 'Mobile', gaps: 'No iOS lead', plan: '' }),
        ],
      },
    });
    const entries = (planFor([team]).clients[0]?.agenda ?? []).filter((a) => a.kind === 'team');
    expect(entries.map((a) => a.label)).toEqual(['Team gap (Platform): No SRE: plan: Hire in Q1']);
  });
});

describe('staleness in the plan', () => {
  const drifting = (c: ClientRecord) => planFor([c]).clients[0]?.drifting;

  it("notes a client not reviewed within its review cadence on the client's line, not as an entry", () => {
    const at = (date: string, reviewCadence: number | null = null) =>
      client({ reviewCadence, items: { review: [item('review', '', { date })] } });
    expect(drifting(at('2026-11-11'))).toBe(''); // 7 days ago: within the cadence
    expect(drifting(at('2026-11-10'))).toBe('last review 2026-11-10, 8 days ago (cadence 7 days)');
    expect(drifting(at('2026-11-10', 10))).toBe(''); // the client's own cadence of 10 days
    expect(drifting(client({ engagementStart: '2026-10-01' }))).toBe(
      'no review logged yet, 48 days on the registry (since 2026-10-01; cadence 7 days)',
    );
    expect(planFor([client()]).clients[0]?.agenda.map((a) => a.kind)).toEqual([
      'review',
      'review',
      'review',
      'review',
    ]);
  });

  it('a client added this week is not drifting in its first plan, with or without an Engagement start', () => {
    expect(drifting(client({ engagementStart: '2026-11-18' }))).toBe('');
    expect(drifting(client({ engagementStart: '2026-11-11' }))).toBe(''); // 7 days: the cadence
    expect(drifting(client({ engagementStart: '2026-12-01' }))).toBe(''); // starts later
    // No Engagement start: known since the earliest date on its tab, or not known at all.
    const debt = (raised: string) => client({ items: { debt: [item('debt', 'D-1', { raised })] } });
    expect(drifting(debt('2026-11-16'))).toBe('');
    expect(drifting(client())).toBe('');
  });

  it('a client with no review logged for longer than its cadence is still drifting', () => {
    expect(drifting(client({ engagementStart: '2026-11-10' }))).toBe(
      'no review logged yet, 8 days on the registry (since 2026-11-10; cadence 7 days)',
    );
    expect(drifting(client({ engagementStart: '2026-11-10', reviewCadence: 10 }))).toBe('');
    const debt = client({ items: { debt: [item('debt', 'D-1', { raised: '2026-09-01' })] } });
    expect(drifting(debt)).toBe(
      'no review logged yet, 78 days on the registry (since 2026-09-01; cadence 7 days)',
    );
  });

  it('plans the quarterly debt review when no debt item was reviewed within 90 days', () => {
    const quarterly = (fields: Record<string, string>) =>
      (
        planFor([
          client({
            items: {
              review: REVIEWED,
              debt: [item('debt', 'D-1', { title: 'Old ORM', status: 'Open', ...fields })],
            },
          }),
        ]).clients[0]?.agenda ?? []
      )
        .filter((a) => a.kind === 'quarterly')
        .map((a) => a.label);
    // 20 August to 18 November is 90 days; 19 August is 91.
    expect(quarterly({ lastReviewed: '2026-08-20' })).toEqual([]);
    expect(quarterly({ lastReviewed: '2026-08-19' })).toEqual([
      'Quarterly debt review: last 2026-08-19',
    ]);
    // Never reviewed: due once the inventory is older than the cadence, or of unknown age.
    expect(quarterly({ added: '2026-11-02' })).toEqual([]);
    expect(quarterly({ added: '2026-08-01' })).toEqual(['Quarterly debt review: never reviewed']);
    expect(quarterly({})).toEqual(['Quarterly debt review: never reviewed']);
    // Only closed debt: nothing to review.
    expect(quarterly({ status: 'Done', lastReviewed: '2026-01-01' })).toEqual([]);
  });
});

describe('capacity and flex', () => {
  const team = (betaHours: number) => [
    client({ id: '1', name: 'Acme', hoursPerWeek: 10, items: { review: REVIEWED } }),
    client({
      id: '2',
      name: 'Beta',
      status: '',
      hoursPerWeek: betaHours,
      items: { review: REVIEWED },
    }),
    client({ id: '3', name: 'Paused Co', status: 'Paused', hoursPerWeek: 5 }),
    client({ id: '4', name: 'Ended Co', status: 'Ended', hoursPerWeek: 3 }),
  ];

  it('plans active clients only; paused and ended clients take no hours', () => {
    const plan = planFor(team(8));
    expect(plan.clients.map((c) => c.name)).toEqual(['Acme', 'Beta']);
    expect(plan.allocatedHours).toBe(18);
  });

  it('leaves capacity − allocated as flex, and allocating exactly capacity − reserve is not over-commitment', () => {
    // 20 h capacity, 2 h reserve, 10 + 8 = 18 h allocated.
    const plan = planFor(team(8));
    expect([plan.capacityHours, plan.flexHours, plan.flexReserveHours]).toEqual([20, 2, 2]);
    expect(plan.overCommitted).toBe(false);
    expect(plan.warnings).toEqual([]);
  });

  it('warns of over-commitment when allocated hours exceed capacity − flex reserve', () => {
    // 10 + 8.5 = 18.5 h allocated leaves 1.5 h, below the 2 h reserve.
    const plan = planFor(team(8.5));
    expect(plan.flexHours).toBe(1.5);
    expect(plan.overCommitted).toBe(true);
    expect(plan.warnings).toHaveLength(1);
    expect(plan.warnings[0]).toContain('Over-committed');
  });

  it('warns when an ended client is still shared with its founders', () => {
    expect(planFor(team(8), TODAY, { shared: ['4'] }).warnings).toEqual([
      'Ended Co has ended but its founders can still open its shared view: choose Stop sharing.',
    ]);
  });

  it('gives a client without hours none', () => {
    const plan = planFor([client({ hoursPerWeek: null, items: { review: REVIEWED } })]);
    expect(plan.clients[0]?.hours).toBe(0);
    expect(plan.allocatedHours).toBe(0);
  });

  it("opens with the capacity list: each client's focus and hours, then flex (the seed's 2 h, 1.5 h and 1 h leave 15.5 h of 20)", () => {
    const seed = [
      client({
        id: '1',
        name: 'Client A',
        hoursPerWeek: 2,
        items: {
          review: REVIEWED,
          debt: [
            item('debt', 'D-3', {
              title: 'Monolith boundaries',
              status: 'Open',
              impact: 5,
              effort: 2,
            }),
          ],
        },
      }),
      client({
        id: '2',
        name: 'Client B',
        hoursPerWeek: 1.5,
        focus: 'database decisions',
        items: { review: REVIEWED },
      }),
      client({ id: '3', name: 'Client C', hoursPerWeek: 1, items: { review: REVIEWED } }),
    ];
    const plan = planFor(seed);
    expect(plan.capacityList).toEqual([
      'Client A: Debt D-3 Monolith boundaries (2 h)',
      'Client B: database decisions (1.5 h)',
      'Client C: weekly review (1 h)',
      'Flex: 15.5 h',
    ]);
    expect(plan.warnings).toEqual([]);
  });
});

describe("a client's budget", () => {
  const overdueRisks = (n: number) =>
    Array.from({ length: n }, (_, i) =>
      item('risk', `R-${i + 1}`, { risk: `Risk ${i + 1}`, status: 'Open', due: '2026-11-01' }),
    );

  it('is not warned about when what must not wait fits after the review', () => {
    // 40 min review + 20 min for one overdue risk (15 min) fits a 1 h budget.
    const plan = planFor([
      client({ hoursPerWeek: 1, items: { review: REVIEWED, risk: overdueRisks(1) } }),
    ]);
    expect(plan.clients[0]?.overbooked).toBe(false);
    expect(plan.warnings).toEqual([]);
  });

  it('is warned about, with the minutes over, when what must not wait alone exceeds it', () => {
    // Five overdue risks at 15 minutes each need 75 minutes beside the 40-minute review: 55 over 1 h.
    const plan = planFor([
      client({ hoursPerWeek: 1, items: { review: REVIEWED, risk: overdueRisks(5) } }),
    ]);
    expect(plan.clients[0]?.overdue).toBe(5);
    expect(plan.clients[0]?.overMinutes).toBe(55);
    expect(plan.warnings).toEqual([
      'Acme: the review and what must not wait need 1 h 55 min of 1 h, 55 min over.',
    ]);
  });

  const decisions = Array.from({ length: 8 }, (_, i) =>
    item('decision', `ADR-${i + 1}`, { title: `Choice ${i + 1}`, status: 'Proposed' }),
  );

  it('is not warned about when only decisions and debt overflow it', () => {
    const plan = planFor([
      client({ hoursPerWeek: 2, items: { review: REVIEWED, decision: decisions } }),
    ]);
    expect(plan.warnings).toEqual([]);
  });

  it('counts only what fits; the rest waits, the first five listed and the others counted', () => {
    // 1 h: the 40-minute review leaves 20 minutes, less than one 30-minute decision.
    const c = planFor([
      client({ hoursPerWeek: 1.5, items: { review: REVIEWED, decision: decisions } }),
    ]).clients[0];
    expect(c?.plannedMinutes).toBe(70);
    expect(c?.agenda.map((a) => a.key)).toEqual([
      'review:pm',
      'review:code',
      'review:sync',
      'review:registry',
      'decision:ADR-1',
    ]);
    expect(c?.waits.map((a) => a.key)).toEqual([
      'decision:ADR-2',
      'decision:ADR-3',
      'decision:ADR-4',
      'decision:ADR-5',
      'decision:ADR-6',
    ]);
    expect(c?.waitsMore).toBe(2);
  });

  it('names the focus typed in the profile, else the first entry after the review', () => {
    const typed = planFor([
      client({ focus: 'hiring and onboarding', items: { review: REVIEWED, decision: decisions } }),
    ]);
    expect(typed.clients[0]?.focus).toBe('hiring and onboarding');
    const first = planFor([client({ items: { review: REVIEWED, decision: decisions } })]);
    expect(first.clients[0]?.focus).toBe('Decision ADR-1 Choice 1');
  });

  it('names the weekly review as the focus when nothing after the review fits the hours', () => {
    const plan = planFor([
      client({ hoursPerWeek: 40 / 60, items: { review: REVIEWED, decision: decisions } }),
    ]);
    const c = plan.clients[0];
    expect(c?.agenda.map((a) => a.kind)).toEqual(['review', 'review', 'review', 'review']);
    expect(c?.waits[0]?.key).toBe('decision:ADR-1');
    expect(c?.focus).toBe('weekly review');
  });
});
