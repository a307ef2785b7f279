import { describe, expect, it } from 'vitest';
import type { Dependency } from '../../src/domain/dependencies.js';
import { DEFAULT_THRESHOLDS } from '../../src/domain/debt.js';
import { readFounderRecord } from '../../src/domain/founder-record.js';
import {
  SHARED_TABS,
  SHARE_ROLES,
  sharedRegistryGrid,
  sharedWeekGrid,
} from '../../src/domain/founder-view.js';
import type { Principle } from '../../src/domain/principles.js';
import { sectionOf } from '../../src/domain/registry-layout.js';
import { buildRollup } from '../../src/domain/rollup.js';
import { buildWeeklyPlan } from '../../src/domain/weekly-plan.js';
import { DEFAULT_SETTINGS } from './registry-fixture.js';
import { clientTabGrid, recordOf, type Cell } from './client-tab-fixture.js';

const TODAY = '2026-11-18';

const ACME_PROFILE = {
  name: 'Acme',
  stage: 'Seed',
  status: 'Active',
  founderEmails: 'jane@acme.com',
  leadEngineer: 'Sam',
  pmTool: 'Linear',
  pmLink: 'https://linear.app/acme',
  repoLink: 'https://github.com/acme/app',
  hoursPerWeek: 6,
  reviewCadence: 7,
  engagementStart: '2026-01-05',
  privateNotes: 'Board is unhappy with the CEO',
};

const acmeGrid = clientTabGrid(ACME_PROFILE, {
  debt: [
    {
      id: 'D-1',
      title: 'Flaky CI',
      priority: 'High',
      impact: 4,
      effort: 2,
      status: 'Open',
      tags: 'ci, tests',
      privateNote: 'Sam wrote this mess',
    },
  ],
  decision: [
    {
      id: 'ADR-2',
      title: 'Pick a database',
      status: 'Proposed',
      tags: 'postgres, mongodb',
      proposedOn: '2026-11-09',
      privateNote: 'Founder prefers Mongo',
    },
  ],
  risk: [
    {
      id: 'R-1',
      risk: 'Single DBA',
      status: 'Open',
      due: '2026-11-10',
      privateNote: 'DBA is job hunting',
    },
  ],
  review: [{ date: '2026-11-16', privateNote: 'CEO distracted' }],
});
// A column of the CTO's own, beside the debt section's header.
const debtHeader = acmeGrid.findIndex((r) => r[0] === 'ID' && r[1] === 'Title' && r[2] === 'Area');
acmeGrid[debtHeader]!.push('Internal cost');
acmeGrid[debtHeader + 1]!.push('not a registry column');

function betaGrid(title = 'Move to Postgres'): Cell[][] {
  return clientTabGrid(
    { name: 'Beta', status: 'Active', hoursPerWeek: 4 },
    {
      decision: [
        { id: 'ADR-3', title, status: 'Accepted', tags: 'postgres', decidedOn: '2026-10-01' },
        {
          id: 'ADR-4',
          title: 'Login tokens v2',
          status: 'Accepted',
          tags: 'auth',
          decidedOn: '2026-11-16',
        },
      ],
      review: [{ date: '2026-11-16' }],
    },
  );
}

const founderOf = (grid: Cell[][]) =>
  readFounderRecord({ grid, formulas: [], thresholds: DEFAULT_THRESHOLDS });
const acme = recordOf(acmeGrid, '1', 'Acme');
const acmeView = founderOf(acmeGrid);

const principles: Principle[] = [
  {
    id: 'P-2',
    principle: 'Standardise on PostgreSQL',
    standard: '',
    avoid: ['mongodb'],
    active: true,
  },
];
const dependencies: Dependency[] = [
  { row: 2, consumer: 'Acme', provider: 'Beta', component: 'Login API', matchTags: ['auth'] },
];

function weekOf(beta = betaGrid()) {
  const clients = [acme, recordOf(beta, '2', 'Beta')];
  const rollup = buildRollup(clients, principles, dependencies, TODAY, 'Dependencies');
  const plan = buildWeeklyPlan(clients, rollup, DEFAULT_SETTINGS, TODAY);
  return sharedWeekGrid(
    'Acme',
    acmeView,
    plan.clients.find((c) => c.clientId === '1'),
    plan.weekStart,
  );
}

const everything = (rows: (string | number)[][]) => rows.flat().map(String).join('\n');

describe("a founder's registry tab", () => {
  const grid = sharedRegistryGrid('Acme', acmeView);
  const text = everything(grid.rows);

  it('reads the tab with nothing to withhold', () => {
    expect(acmeView.withheld).toEqual([]);
  });

  it("opens with the company's name and its profile, without the private notes", () => {
    expect(grid.rows[0]).toEqual(['Acme: technical registry']);
    expect(grid.rows.slice(1, 12).map((r) => r[0])).toEqual([
      'Client',
      'Stage',
      'Status',
      'Founder emails',
      'Lead engineer',
      'PM tool',
      'PM link',
      'Repo link',
      'Hours per week',
      'Review cadence',
      'Engagement start',
    ]);
    expect(grid.rows[9]).toEqual(['Hours per week', 6]);
    expect(text).not.toContain('Private notes');
    expect(text).not.toContain('Board is unhappy');
  });

  it('shows every section without its Private note column or the notes in it', () => {
    const debtRow = grid.rows.find((r) => r[0] === 'ID' && r.includes('Quadrant'));
    expect(debtRow).toEqual(
      sectionOf('debt')
        .columns.map((c) => c.header)
        .filter((h) => h !== 'Private note'),
    );
    expect(text).not.toContain('Private note');
    for (const secret of [
      'Sam wrote this mess',
      'Founder prefers Mongo',
      'DBA is job hunting',
      'CEO distracted',
    ])
      expect(text).not.toContain(secret);
  });

  it("shares only the allow-listed columns, not a column of the CTO's own", () => {
    expect(text).not.toContain('Internal cost');
    expect(text).not.toContain('not a registry column');
  });

  it('writes tags as a comma list, computes the quadrant, and says so when a section is empty', () => {
    const debtRow = grid.rows.find((r) => r[0] === 'D-1');
    expect(debtRow?.slice(0, 8)).toEqual(['D-1', 'Flaky CI', '', 'High', 4, 2, 'Do now', 'Open']);
    expect(debtRow).toContain('ci, tests');
    // Goals and Team hold nothing.
    expect(grid.rows.filter((r) => r[0] === 'Nothing recorded yet.')).toHaveLength(2);
  });

  it('draws the name, each section title and each header row bold', () => {
    expect(grid.bold.map((i) => grid.rows[i]?.[0])).toEqual([
      'Acme: technical registry',
      'Priorities & 90-day goals',
      'ID',
      'Technical debt',
      'ID',
      'Decisions',
      'ID',
      'Risks',
      'ID',
      'Team',
      'Person / role',
      'Review log',
      'Date',
    ]);
  });

  it('withholds a row whose status is not one of the choices, and says why', () => {
    const tab = clientTabGrid(ACME_PROFILE, {
      debt: [{ id: 'D-1', title: 'Flaky CI', status: 'Blocked by Beta' }],
    });
    const view = founderOf(tab);
    expect(everything(sharedRegistryGrid('Acme', view).rows)).not.toContain('Blocked by Beta');
    const row = tab.findIndex((r) => r[0] === 'D-1') + 1;
    expect(view.withheld).toEqual([
      {
        cell: `H${row}`,
        where: `Technical debt, row ${row}, Status (H${row})`,
        reason: `Status must be one of: Open, In progress, Done, Won't fix; found "Blocked by Beta"`,
      },
    ]);
  });
});

describe("a founder's week tab", () => {
  const week = weekOf();
  const text = everything(week.rows);

  it('says when there is no plan yet', () => {
    expect(sharedWeekGrid('Acme', acmeView, undefined, '2026-11-16')).toEqual({
      rows: [['Acme: this week'], ['No plan for this week yet.']],
      bold: [0],
    });
  });

  it("opens with the week and the company's hours", () => {
    expect(week.rows.slice(0, 4)).toEqual([
      ['Acme: this week'],
      ['Week of 2026-11-16; 6 h with your fractional CTO.'],
      [],
      ['Done', 'Agenda', 'Estimate'],
    ]);
  });

  it('lists the review, what is overdue, pending decisions and Do-now debt with estimates', () => {
    const lines = week.rows.slice(4).map((r) => r[1]);
    expect(lines).toEqual([
      'Review the Linear board',
      'Review the codebase',
      'Sync with the lead engineer',
      'Update the registry',
      'Overdue since 2026-11-10: Risk R-1: Single DBA',
      'Decide ADR-2: Pick a database',
      'Do now D-1: Flaky CI',
    ]);
    expect(week.rows[9]?.[2]).toBe('30 min');
  });

  it('names no other client: no related decision, dependency notice or principle conflict', () => {
    expect(text).not.toContain('Beta');
    expect(text).not.toContain('Move to Postgres');
    expect(text).not.toContain('Login tokens v2');
    expect(text).not.toContain('conflicts with');
  });

  it('holds no private note', () => {
    for (const secret of ['Founder prefers Mongo', 'DBA is job hunting', 'Sam wrote this mess'])
      expect(text).not.toContain(secret);
  });

  it.each([
    ['a line feed', '\n'],
    ['a line separator', '\u2028'],
    ['a paragraph separator', '\u2029'],
  ])("names no other client when a related decision's title holds %s", (_, separator) => {
    const shared = everything(weekOf(betaGrid(`Move to${separator}Postgres`)).rows);
    expect(shared).not.toContain('Beta');
    expect(shared).not.toContain('Postgres');
    expect(shared).toContain('Decide ADR-2: Pick a database');
  });

  it('leaves out a line whose item is withheld', () => {
    // The risk's Mitigation is a formula: the plan reads its value, the founder view withholds it.
    const risk = acmeGrid.findIndex((r) => r[0] === 'R-1');
    const formulas: string[][] = [];
    formulas[risk] = ['', '', '', '', '', '', '', '', '=B12'];
    const view = readFounderRecord({ grid: acmeGrid, formulas, thresholds: DEFAULT_THRESHOLDS });
    expect(view.withheld.map((w) => w.where)).toEqual([
      `Risks, row ${risk + 1}, Mitigation (I${risk + 1})`,
    ]);
    const rollup = buildRollup([acme], [], [], TODAY, 'Dependencies');
    const plan = buildWeeklyPlan([acme], rollup, DEFAULT_SETTINGS, TODAY);
    const line = 'Overdue since 2026-11-10: Risk R-1: Single DBA';
    expect(plan.clients[0]?.agenda.map((a) => a.label)).toContain(line);
    const week = sharedWeekGrid('Acme', view, plan.clients[0], plan.weekStart);
    expect(week.rows.map((r) => r[1])).not.toContain(line);
  });

  // Disagreement with DESIGN.md ("No CTO checklist"): the CTO's review lines are shared with
  // boxes to tick.
  it.fails("holds no checklist of the CTO's", () => {
    expect(text).not.toContain('☐');
  });
});

describe('sharing', () => {
  it('gives founders the viewer or commenter role', () => {
    expect(SHARE_ROLES).toEqual(['viewer', 'commenter']);
  });

  // Disagreement with DESIGN.md ("Its first tab is a Summary written for a non-technical
  // founder"): the shared file has a Registry tab and a This week tab, and no Summary.
  it.fails("opens the founder's file on a Summary tab", () => {
    expect(Object.values(SHARED_TABS)[0]).toBe('Summary');
  });
});
