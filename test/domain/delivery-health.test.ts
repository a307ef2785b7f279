/**
 * The delivery and stage rules in the domain: DORA 2023 bands at every edge, commitment
 * reliability, the four-week trend, the falling change failure signal, exit criteria met, overdue
 * deliverables, the stage groups and what a stage change seeds, and the health sections read by
 * the one client-tab reader.
 */
import { describe, expect, it } from 'vitest';
import {
  changeFailureBand,
  deployBand,
  leadTimeBand,
  reliability,
  restoreBand,
  type Band,
} from '../../src/domain/dora.js';
import {
  changeFailureFalling,
  deliveryWeek,
  exitCriteriaMet,
  isOverdueDeliverable,
  latestBands,
  readClientHealth,
  type DeliveryWeek,
} from '../../src/domain/client-health.js';
import {
  deliverablesToSeed,
  stageGroupOf,
  STAGE_DELIVERABLES,
} from '../../src/domain/stage-deliverables.js';
import { locateClientTab } from '../../src/domain/client-tab-layout.js';
import { readClientItems } from '../../src/domain/client-read.js';
import { HEALTH_SECTIONS } from '../../src/domain/health-layout.js';
import { CLIENT_TAB_WIDTH, STAGES } from '../../src/domain/registry-layout.js';
import { clientTabGrid, type Cell } from './client-tab-fixture.js';
import { deliveryRowFormulas, doraBandFormula } from '../../src/sheets/formulas.js';

const DELIVERY_COLUMNS = HEALTH_SECTIONS[0]!.columns.map((c) => c.header);

describe('DORA 2023 bands at every edge', () => {
  it.each<[number, Band | null]>([
    [-1, null],
    [0, 'Low'],
    [1, 'High'],
    [6, 'High'],
    [7, 'Elite'],
    [30, 'Elite'],
  ])('deployments in a week: %s is %s', (v, band) => expect(deployBand(v)).toBe(band));

  it.each<[number, Band | null]>([
    [-0.5, null],
    [0, 'Elite'],
    [23.99, 'Elite'],
    [24, 'High'],
    [168, 'High'],
    [168.01, 'Medium'],
    [720, 'Medium'],
    [720.01, 'Low'],
  ])('lead time of %s hours is %s', (v, band) => expect(leadTimeBand(v)).toBe(band));

  it.each<[number, Band | null]>([
    [0, 'Elite'],
    [0.05, 'Elite'],
    [0.0501, 'High'],
    [0.1, 'High'],
    [0.1001, 'Medium'],
    [0.15, 'Medium'],
    [0.1501, 'Low'],
    [1, 'Low'],
    [1.01, null],
  ])('a change failure rate of %s is %s', (v, band) => expect(changeFailureBand(v)).toBe(band));

  it.each<[number, Band | null]>([
    [0, 'Elite'],
    [0.99, 'Elite'],
    [1, 'High'],
    [23.99, 'High'],
    [24, 'Medium'],
    [168, 'Medium'],
    [168.01, 'Low'],
  ])('time to restore of %s hours is %s', (v, band) => expect(restoreBand(v)).toBe(band));

  it('gives no band for a blank measure', () => {
    expect([deployBand(null), leadTimeBand(undefined), restoreBand(Number.NaN)]).toEqual([
      null,
      null,
      null,
    ]);
  });
});

describe('commitment reliability', () => {
  it('is shipped ÷ planned, above 1 when more shipped than planned, none when nothing was planned', () => {
    expect(reliability(10, 8)).toBe(0.8);
    expect(reliability(4, 5)).toBe(1.25);
    expect(reliability(0, 3)).toBeNull();
    expect(reliability(null, 3)).toBeNull();
  });
});

function week(date: string, measures: Partial<Record<string, number>>, row = 1): DeliveryWeek {
  return deliveryWeek(row, { week: date, ...measures });
}

describe('the four-week trend', () => {
  it('compares the latest band with the oldest within 21 days of it: ↑ better, ↓ worse, → the same', () => {
    const weeks = [
      week('2026-10-19', { deployments: 0, changeFailure: 0.02 }),
      week('2026-10-26', { deployments: 2, changeFailure: 0.02, leadTime: 10 }),
      week('2026-11-09', { deployments: 9, changeFailure: 0.2, leadTime: 10 }),
      week('2026-11-16', { deployments: 9, changeFailure: 0.12 }),
    ];
    const now = latestBands(weeks);
    expect(now.deploy).toEqual({ band: 'Elite', trend: '↑', week: '2026-11-16' });
    expect(now.changeFailure).toEqual({ band: 'Medium', trend: '↓', week: '2026-11-16' });
    // The latest week with a lead time is 11-09; 10-26 is within its window.
    expect(now.leadTime).toEqual({ band: 'Elite', trend: '→', week: '2026-11-09' });
    expect(now.restore).toEqual({ band: null, trend: '', week: '' });
  });

  it('has no arrow with one week in the window', () => {
    const now = latestBands([
      week('2026-10-01', { deployments: 0 }),
      week('2026-11-16', { deployments: 3 }),
    ]);
    expect(now.deploy).toEqual({ band: 'High', trend: '', week: '2026-11-16' });
  });
});

describe('a change failure band that fell two weeks running', () => {
  const cf = (...rates: number[]) =>
    rates.map((r, i) => week(`2026-11-0${i + 1}`, { changeFailure: r }));
  it('is signalled for Elite → High → Medium', () =>
    expect(changeFailureFalling(cf(0.04, 0.08, 0.14))).toBe(true));
  it('is not for a fall then a recovery, a fall then the same band, or two weeks only', () => {
    expect(changeFailureFalling(cf(0.04, 0.08, 0.03))).toBe(false);
    expect(changeFailureFalling(cf(0.04, 0.08, 0.09))).toBe(false);
    expect(changeFailureFalling(cf(0.04, 0.14))).toBe(false);
  });
  it('reads the last three weeks with a band, weeks without one skipped', () => {
    const weeks = [...cf(0.2, 0.04, 0.08), week('2026-11-05', { deployments: 3 })];
    weeks.push(week('2026-11-06', { changeFailure: 0.5 }));
    expect(changeFailureFalling(weeks)).toBe(true);
  });
});

describe('exit criteria and deliverables', () => {
  it('counts the exit criteria met of all of them', () => {
    expect(
      exitCriteriaMet([
        { row: 1, criterion: 'a', status: 'Met' },
        { row: 2, criterion: 'b', status: 'In progress' },
        { row: 3, criterion: 'c', status: '' },
      ]),
    ).toEqual({ met: 1, total: 3 });
  });

  it('calls a deliverable overdue when its due date passed and it is neither done nor dropped', () => {
    const d = { row: 1, deliverable: 'x', stage: '', due: '2026-11-17', deliveredOn: '', link: '' };
    expect(isOverdueDeliverable({ ...d, status: 'In progress' }, '2026-11-18')).toBe(true);
    expect(isOverdueDeliverable({ ...d, status: '' }, '2026-11-18')).toBe(true);
    expect(isOverdueDeliverable({ ...d, status: 'Done' }, '2026-11-18')).toBe(false);
    expect(isOverdueDeliverable({ ...d, status: 'Dropped' }, '2026-11-18')).toBe(false);
    expect(isOverdueDeliverable({ ...d, status: 'Not started' }, '2026-11-17')).toBe(false);
  });
});

describe('stages and their deliverables', () => {
  it('maps every profile Stage to a stage group', () => {
    expect(Object.fromEntries(STAGES.map((s) => [s, stageGroupOf(s)]))).toEqual({
      Idea: 'Pre-product',
      'Pre-seed': 'Pre-product',
      Seed: 'Product-market fit',
      'Series A': 'Product-market fit',
      'Series B': 'Growth',
      'Series C+': 'Growth',
      Bootstrapped: 'Product-market fit',
    });
    expect(stageGroupOf('')).toBeNull();
  });

  it('seeds a new group whole, skips one seeded before, and never repeats a deliverable named already', () => {
    expect(deliverablesToSeed('Series B', [])).toEqual({
      group: 'Growth',
      deliverables: [...STAGE_DELIVERABLES.Growth],
    });
    expect(
      deliverablesToSeed('Series C+', [{ deliverable: 'Anything', stage: 'growth' }]),
    ).toBeNull();
    expect(
      deliverablesToSeed('Series B', [{ deliverable: 'technology radar', stage: 'Mine' }])
        ?.deliverables,
    ).toEqual([
      'Team structure',
      'Architecture evolution plan',
      'Metrics dashboard',
      'Vendor consolidation',
    ]);
    expect(deliverablesToSeed('', [])).toBeNull();
  });
});

/** A client tab with the health sections drawn before the Review log, rows typed by key. */
function healthTab(rows: Partial<Record<string, Record<string, Cell>[]>>): Cell[][] {
  const grid = clientTabGrid({ name: 'Acme', stage: 'Seed', hoursPerWeek: 2 });
  const review = grid.findIndex((r) => r[0] === 'Review log');
  const health: Cell[][] = [];
  for (const spec of HEALTH_SECTIONS) {
    health.push(
      [spec.title],
      spec.columns.map((c) => c.header),
    );
    for (const row of rows[spec.kind] ?? []) health.push(spec.columns.map((c) => row[c.key] ?? ''));
    health.push([]);
  }
  grid.splice(review, 0, ...health);
  return grid;
}

describe('the health sections, read by the one client-tab reader', () => {
  it('reads weeks, deliverables and exit criteria; "3h" in Lead time is a Problem naming tab, cell and what is allowed', () => {
    const grid = healthTab({
      delivery: [
        { week: '2026-11-09', deployments: 3, leadTime: 30, changeFailure: 0.05 },
        { week: '2026-11-16', deployments: 4, leadTime: '3h', changeFailure: 1.2, incidents: 1.5 },
        { deployments: 2 },
      ],
      deliverable: [{ deliverable: 'Hiring plan', forStage: 'Product-market fit', status: 'Done' }],
      exitCriterion: [{ exitCriterion: 'A lead runs the team', status: 'Met' }],
    });
    const layout = locateClientTab(grid);
    const { health, problems } = readClientHealth(layout, 'Acme');
    const start = grid.findIndex((r) => r[0] === 'Delivery') + 3;
    expect(problems).toEqual([
      {
        tab: 'Acme',
        cell: `C${start + 1}`,
        reason: 'Lead time (hours) must be a number of hours from 0, such as 36 or 1.5; found "3h"',
      },
      {
        tab: 'Acme',
        cell: `D${start + 1}`,
        reason: 'Change failure (%) must be a percentage from 0% to 100%, such as 12%; found "1.2"',
      },
      {
        tab: 'Acme',
        cell: `I${start + 1}`,
        reason: 'Incidents must be a whole number from 0, such as 4; found "1.5"',
      },
      {
        tab: 'Acme',
        cell: `A${start + 2}`,
        reason: 'Week is empty: a delivery week row needs its week (a date)',
      },
    ]);
    expect(health.delivery?.map((w) => [w.week, w.bands])).toEqual([
      ['2026-11-09', { deploy: 'High', leadTime: 'High', changeFailure: 'Elite', restore: null }],
      ['2026-11-16', { deploy: 'High', leadTime: null, changeFailure: null, restore: null }],
    ]);
    expect(health.deliverables).toEqual([
      {
        row: grid.findIndex((r) => r[0] === 'Hiring plan') + 1,
        deliverable: 'Hiring plan',
        stage: 'Product-market fit',
        status: 'Done',
        due: '',
        deliveredOn: '',
        link: '',
      },
    ]);
    expect(exitCriteriaMet(health.exitCriteria ?? [])).toEqual({ met: 1, total: 1 });
    // The Review log below is still its own section, and the tab's other problems are the same.
    expect(layout.sections.get('review')?.rows).toEqual([]);
    expect(readClientItems(layout, 'Acme').problems).toEqual(problems);
  });

  it('reads a tab made before the sections as having none, with no problem', () => {
    const layout = locateClientTab(clientTabGrid({ name: 'Acme', stage: 'Seed' }));
    expect(readClientHealth(layout, 'Acme')).toEqual({
      health: { delivery: null, deliverables: null, exitCriteria: null },
      problems: [],
    });
  });

  it('fits every health section within the client tab width the six sections set', () => {
    expect(Math.max(...HEALTH_SECTIONS.map((s) => s.columns.length))).toBeLessThanOrEqual(
      CLIENT_TAB_WIDTH,
    );
  });
});

describe('the Delivery formulas, in the dialect Sheets and HyperFormula share', () => {
  it('use only IF, OR and COUNT over the row’s own cells: no array, no open range, no bare TRUE or FALSE', () => {
    const formulas = [...deliveryRowFormulas(40, (h) => DELIVERY_COLUMNS.indexOf(h) + 1).values()];
    expect(formulas).toHaveLength(5);
    for (const { formula } of formulas) {
      expect(new Set(formula.match(/[A-Z]+(?=\()/g))).toEqual(
        new Set(formula.includes('OR(') ? ['IF', 'COUNT', 'OR'] : ['IF', 'COUNT']),
      );
      expect(formula).not.toMatch(/[{}]|TRUE|FALSE|[A-Z]+\d*:[A-Z]+(?!\d)/);
      expect(formula.match(/[A-Z]+\d+/g)?.every((ref) => ref.endsWith('40'))).toBe(true);
    }
    expect(doraBandFormula('changeFailure', 'D40').formula).toBe(
      '=IF(COUNT(D40)=0,"",IF(OR(D40<0,D40>1),"",IF(D40<=0.05,"Elite",IF(D40<=0.1,"High",IF(D40<=0.15,"Medium","Low")))))',
    );
  });
});
