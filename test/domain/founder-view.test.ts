import { describe, expect, it } from 'vitest';
import type { Dependency } from '../../src/domain/dependencies.js';
import { DEFAULT_THRESHOLDS } from '../../src/domain/debt.js';
import { readFounderRecord } from '../../src/domain/founder-record.js';
import {
  DETAIL_COLUMNS,
  SHARED_TABS,
  SHARE_ROLES,
  founderRadarOf,
  founderTabs,
  founderWeekLine,
  radarGrid,
  type SharedGrid,
} from '../../src/domain/founder-view.js';
import { radarVocabulary } from '../../src/domain/radar.js';
import { FOUNDER_FIELDS } from '../../src/domain/founder-allow-list.js';
import { founderSummary, withFocus } from '../../src/domain/founder-summary.js';
import type { FounderRecord } from '../../src/domain/founder-record.js';
import type { Principle } from '../../src/domain/principles.js';
import { buildRollup } from '../../src/domain/rollup.js';
import {
  buildWeeklyPlan,
  type AgendaEntry,
  type ClientPlan,
} from '../../src/domain/weekly-plan.js';
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

function planOf(beta = betaGrid()) {
  const clients = [acme, recordOf(beta, '2', 'Beta')];
  const rollup = buildRollup(clients, principles, dependencies, TODAY, 'Dependencies');
  return buildWeeklyPlan(clients, rollup, DEFAULT_SETTINGS, TODAY);
}

/** The founder's file for a view, as a sync draws it, with this week's line from the plan. */
function fileOf(view: FounderRecord, plan = planOf()): SharedGrid[] {
  const thisWeek = founderWeekLine(
    view,
    plan.clients.find((c) => c.clientId === '1'),
  );
  const summary = founderSummary({
    view,
    name: 'Acme',
    today: TODAY,
    thisWeek,
    focus: withFocus([], plan.weekStart, thisWeek),
    reviewCadenceDays: 7,
  });
  return founderTabs(view, summary);
}

const everything = (tabs: SharedGrid[]) =>
  tabs.flatMap((t) => [t.title, ...t.rows.flat().map(String)]).join('\n');
const tabOf = (tabs: SharedGrid[], title: string) => tabs.find((t) => t.title === title)!;

describe("a founder's file", () => {
  const tabs = fileOf(acmeView);
  const text = everything(tabs);

  it('reads the tab with nothing to withhold', () => {
    expect(acmeView.withheld).toEqual([]);
  });

  it("opens the founder's file on a Summary tab, then one tab per part of the registry, the technology radar last", () => {
    expect(Object.values(SHARED_TABS)[0]).toBe('Summary');
    expect(tabs.map((t) => t.title)).toEqual([
      'Summary',
      'Goals',
      'Technical debt',
      'Decisions',
      'Risks',
      'Team',
      'Technology radar',
    ]);
  });

  it('holds no private note, and no Private notes of the profile', () => {
    expect(text).not.toContain('Private');
    for (const secret of [
      'Board is unhappy with the CEO',
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
    for (const [kind, columns] of Object.entries(DETAIL_COLUMNS))
      for (const c of columns)
        expect(FOUNDER_FIELDS[kind as keyof typeof FOUNDER_FIELDS]).toContain(c.key);
  });

  it('heads each detail tab with readable headers, and no internal ID column but the decision number', () => {
    expect(tabOf(tabs, 'Technical debt').rows[0]).toEqual([
      'Item',
      'Area',
      'Priority',
      'Impact (1–5)',
      'Effort (1–5)',
      'Quadrant',
      'Status',
      'Owner',
      'Tracked in',
      'Added',
      'Last reviewed',
      'Notes',
    ]);
    expect(tabOf(tabs, 'Risks').rows[0]?.slice(0, 5)).toEqual([
      'Risk',
      'Likelihood (1–5)',
      'Impact (1–5)',
      'Score (1–25)',
      'Band',
    ]);
    for (const title of ['Goals', 'Technical debt', 'Risks', 'Team'])
      expect(tabOf(tabs, title).rows.flat()).not.toContain('ID');
    expect(tabOf(tabs, 'Technical debt').rows.flat()).not.toContain('D-1');
    expect(tabOf(tabs, 'Decisions').rows[1]?.slice(0, 3)).toEqual([
      'ADR-2',
      'Pick a database',
      'Proposed',
    ]);
  });

  it('computes the quadrant and leaves the tags out', () => {
    expect(tabOf(tabs, 'Technical debt').rows[1]?.slice(0, 7)).toEqual([
      'Flaky CI',
      '',
      'High',
      4,
      2,
      'Do now',
      'Open',
    ]);
    expect(text).not.toContain('ci, tests');
  });

  it('draws each detail tab with its header row frozen and shaded and a width for every column', () => {
    for (const tab of tabs.slice(1)) {
      expect(tab.frozenRows).toBe(1);
      expect(tab.headers).toEqual([0]);
      expect(tab.widths).toHaveLength(tab.rows[0]!.length);
    }
    expect(tabOf(tabs, 'Technical debt').widths.at(-1)).toBe(300);
  });

  it('says so when a section is empty', () => {
    expect(tabOf(tabs, 'Goals').rows[1]).toEqual(['Nothing recorded yet.']);
    expect(tabOf(tabs, 'Team').rows[1]).toEqual(['Nothing recorded yet.']);
  });

  it('withholds a row whose status is not one of the choices, and says why', () => {
    const tab = clientTabGrid(ACME_PROFILE, {
      debt: [{ id: 'D-1', title: 'Flaky CI', status: 'Blocked by Beta' }],
    });
    const view = founderOf(tab);
    expect(everything(fileOf(view))).not.toContain('Blocked by Beta');
    const row = tab.findIndex((r) => r[0] === 'D-1') + 1;
    expect(view.withheld).toEqual([
      {
        cell: `H${row}`,
        where: `Technical debt, row ${row}, Status (H${row})`,
        reason: `Status must be one of: Open, In progress, Done, Won't fix; found "Blocked by Beta"`,
      },
    ]);
  });

  it("holds no checklist of the CTO's", () => {
    expect(text).not.toContain('☐');
    for (const step of [
      'Review the codebase',
      'Update the registry',
      'Sync with the lead engineer',
    ])
      expect(text).not.toContain(step);
  });
});

describe('the "This week" line', () => {
  it('is the first entry after the review, written from its own item', () => {
    expect(
      founderWeekLine(
        acmeView,
        planOf().clients.find((c) => c.clientId === '1'),
      ),
    ).toBe('Overdue since 2026-11-10: Risk R-1: Single DBA');
  });

  it("is the profile's Focus this week when the CTO typed one", () => {
    const grid = clientTabGrid({ ...ACME_PROFILE, focusThisWeek: 'Hiring a second engineer' });
    const view = founderOf(grid);
    expect(
      founderWeekLine(
        view,
        planOf().clients.find((c) => c.clientId === '1'),
      ),
    ).toBe('Hiring a second engineer');
  });

  it('names no other client: no related decision, dependency notice or principle conflict', () => {
    const text = everything(fileOf(acmeView));
    expect(text).not.toContain('Beta');
    expect(text).not.toContain('Move to Postgres');
    expect(text).not.toContain('Login tokens v2');
    expect(text).not.toContain('conflicts with');
  });

  it.each([
    ['a line feed', '\n'],
    ['a line separator', '\u2028'],
    ['a paragraph separator', '\u2029'],
  ])("names no other client when a related decision's title holds %s", (_, separator) => {
    const shared = everything(fileOf(acmeView, planOf(betaGrid(`Move to${separator}Postgres`))));
    expect(shared).not.toContain('Beta');
    expect(shared).not.toContain('Postgres');
    expect(shared).toContain('Pick a database');
  });

  it('skips an entry whose item is withheld', () => {
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
    const line = founderWeekLine(view, plan.clients[0]);
    expect(line).not.toContain('Single DBA');
    expect(line).toBe('Decide ADR-2: Pick a database');
  });
});

describe("a plan entry as the founder's line", () => {
  const rowOfId = (id: string) => acmeGrid.findIndex((r) => r[0] === id) + 1;
  const entry = (kind: string, section: string, id: string) =>
    ({
      kind,
      subject: { kind: 'item', section, row: rowOfId(id) },
      label: 'Decision ADR-2: due Thu; related: Beta ADR-3 Move to Postgres',
      minutes: 30,
      link: '',
      privateNote: 'Founder prefers Mongo',
    }) as unknown as AgendaEntry;
  const line = (kind: string, section: string, id: string) =>
    founderWeekLine(acmeView, { agenda: [entry(kind, section, id)] } as unknown as ClientPlan);

  it("is rebuilt from the client's own item, whatever rule placed it", () => {
    expect(line('critical', 'risk', 'R-1')).toBe('Critical risk R-1: Single DBA');
    expect(line('decision', 'decision', 'ADR-2')).toBe('Decide ADR-2: Pick a database');
    expect(line('doNow', 'debt', 'D-1')).toBe('Do now D-1: Flaky CI');
  });

  it('is never a dependency notice or a principle conflict, whose subject may be another row', () => {
    expect(line('notice', 'decision', 'ADR-2')).toBe('');
    expect(line('conflict', 'decision', 'ADR-2')).toBe('');
  });

  it('is never a step of the review', () => {
    const review = {
      kind: 'review',
      subject: { kind: 'review', step: 'code' },
    } as unknown as AgendaEntry;
    expect(founderWeekLine(acmeView, { agenda: [review] } as unknown as ClientPlan)).toBe('');
  });

  it("is never an entry that waits, as the plan's own focus is not", () => {
    const review = {
      kind: 'review',
      subject: { kind: 'review', step: 'code' },
    } as unknown as AgendaEntry;
    const plan = { agenda: [review], waits: [entry('doNow', 'debt', 'D-1')] };
    expect(founderWeekLine(acmeView, plan as unknown as ClientPlan)).toBe('');
  });
});

describe('sharing', () => {
  it('gives founders the viewer or commenter role', () => {
    expect(SHARE_ROLES).toEqual(['viewer', 'commenter']);
  });
});

describe("a founder's technology radar", () => {
  const vocabulary = radarVocabulary(
    [
      {
        id: 'P-2',
        principle: 'Standardise on PostgreSQL',
        standard: 'Postgres',
        avoid: ['mongodb'],
        avoidText: 'MongoDB',
        rationale: 'Beta runs it well',
        active: true,
      },
    ],
    [
      { key: 'auth', name: 'Auth', row: 2, cell: 'A2', description: 'Beta login tokens' },
      { key: 'postgres', name: 'Postgres', row: 3, cell: 'A3', quadrant: 'Platforms' },
    ],
  );

  it("holds the client's own technologies, placed by the CTO's rings and quadrants and described by its own decisions", () => {
    const radar = radarGrid(founderRadarOf(acmeView, vocabulary, TODAY));
    expect(radar.title).toBe('Technology radar');
    expect(radar.rows.slice(0, 3)).toEqual([
      ['Technology', 'Ring', 'Quadrant', 'New (last 90 days)', 'From your decisions'],
      ['Postgres', 'Adopt', 'Platforms', 'New', 'Proposed: ADR-2 Pick a database'],
      ['MongoDB', 'Hold', 'Tools', 'New', 'Proposed: ADR-2 Pick a database'],
    ]);
    expect(radar.rows.slice(3)).toEqual([
      [],
      ['What the rings mean'],
      ['Adopt', '', '', '', 'Proven for you: the default choice.'],
      ['Trial', '', '', '', 'Chosen in a decision: in use, still being proven.'],
      ['Assess', '', '', '', 'Proposed: being looked into, not chosen yet.'],
      ['Hold', '', '', '', 'Advised against for now.'],
    ]);
    // Nothing of Beta's, whose decisions name auth and postgres, nor the CTO's own text.
    expect(JSON.stringify(radar.rows)).not.toMatch(/Beta|Auth|login|runs it well/i);
  });

  it('says it is not available when the Decisions could not be read with confidence', () => {
    const grid = clientTabGrid(ACME_PROFILE, {
      decision: [{ id: 'ADR-2', title: 'Pick a database', status: 'Proposed', tags: 'postgres' }],
    });
    grid.splice(
      grid.findIndex((r) => r[0] === 'ID' && r[1] === 'Title' && r[2] === 'Status'),
      1,
    );
    const radar = radarGrid(founderRadarOf(founderOf(grid), vocabulary, TODAY));
    expect(radar.rows[1]).toEqual(['Not available at the moment: your CTO has been told why.']);
  });
});
