import { describe, expect, it } from 'vitest';
import { snapshotOf, type RuntimeOptions, type Runtime } from '../../emulator/index.js';
import { riskBand, riskScore } from '../../src/domain/risk.js';
import { sectionOf, type SectionKind } from '../../src/domain/registry-layout.js';
import { addClient, loadAddon, restorable, rowWith, tab, values } from '../support/bundle.js';

/** Acme's registry on Wednesday 18 November 2026 in London, the sheet's zone: "today" below. */
function setup(options: RuntimeOptions = {}) {
  const loaded = loadAddon({
    now: '2026-11-18T10:00:00Z',
    timeZone: 'Europe/London',
    ...options,
  });
  const acme = addClient(loaded.addon, { name: 'Acme', hoursPerWeek: 2 });
  return { ...loaded, acme };
}

/** That registry built once: each test and each case of a table restores its own copy. */
const freshAcme = restorable(() => setup(), { cacheAs: 'items-freshAcme' });

/** The rows of one section of a client tab, keyed by header, as a person reading the sheet sees them. */
function sectionRows(rt: Runtime, tabName: string, kind: SectionKind): Record<string, unknown>[] {
  const sheet = tab(rt, tabName);
  const grid = values(rt, sheet);
  const title = rowWith(rt, sheet, sectionOf(kind).title);
  const headers = grid[title] as string[];
  const titles = new Set([
    'Priorities & 90-day goals',
    'Technical debt',
    'Decisions',
    'Risks',
    'Team',
    'Delivery',
    'Deliverables',
    'Exit criteria',
    'Review log',
  ]);
  const out: Record<string, unknown>[] = [];
  for (let r = title + 1; r < grid.length; r++) {
    const row = grid[r] as unknown[];
    if (titles.has(String(row[0]))) break;
    if (row.every((c) => c === '')) continue;
    out.push(Object.fromEntries(headers.map((h, i) => [h, row[i]]).filter(([h]) => h !== '')));
  }
  return out;
}

const add = (
  addon: ReturnType<typeof loadAddon>['addon'],
  clientId: string,
  kind: SectionKind,
  fields: Record<string, unknown>,
) =>
  addon.call('addItem', { clientId, kind, fields }) as {
    id: string;
    row: number;
    clientName: string;
  };

const update = (
  addon: ReturnType<typeof loadAddon>['addon'],
  clientId: string,
  kind: SectionKind,
  id: string,
  fields: Record<string, unknown>,
) => addon.call('updateItem', { clientId, kind, id, fields }) as { id: string; changed: string[] };

describe('addItem for every kind', () => {
  it('appends a row to each section with its own ID sequence and dates filled in', () => {
    const { rt, addon, acme } = freshAcme();
    expect(
      add(addon, acme.id, 'goal', {
        goal: 'SOC 2 Type I by March',
        why: 'Enterprise pilot',
        targetDate: '2027-03-01',
      }).id,
    ).toBe('G-1');
    expect(
      add(addon, acme.id, 'decision', { title: 'Adopt Postgres for events', tags: 'database' }).id,
    ).toBe('ADR-1');
    expect(
      add(addon, acme.id, 'decision', { title: 'Use feature flags', status: 'Accepted' }).id,
    ).toBe('ADR-2');
    expect(
      add(addon, acme.id, 'risk', {
        risk: 'Bus factor on billing',
        likelihood: 4,
        impact: 5,
        due: '2026-12-01',
      }).id,
    ).toBe('R-1');
    expect(
      add(addon, acme.id, 'team', {
        personRole: 'Priya / lead engineer',
        gaps: 'No on-call experience',
      }).id,
    ).toBe('');
    expect(add(addon, acme.id, 'review', { pmReviewed: 'Yes', notes: 'Sprint slipped' }).id).toBe(
      '',
    );

    expect(sectionRows(rt, 'Acme', 'goal')[0]).toMatchObject({
      ID: 'G-1',
      Goal: 'SOC 2 Type I by March',
      Status: 'Not started',
      'Target date': '2027-03-01',
    });
    const decisions = sectionRows(rt, 'Acme', 'decision');
    expect(decisions.map((d) => [d['ID'], d['Status'], d['Proposed on'], d['Decided on']])).toEqual(
      [
        ['ADR-1', 'Proposed', '2026-11-18', ''],
        ['ADR-2', 'Accepted', '2026-11-18', '2026-11-18'],
      ],
    );
    expect(sectionRows(rt, 'Acme', 'risk')[0]).toMatchObject({
      ID: 'R-1',
      Likelihood: 4,
      Impact: 5,
      Score: 20,
      Band: 'Critical',
      Status: 'Open',
    });
    expect(sectionRows(rt, 'Acme', 'team')[0]).toMatchObject({
      'Person / role': 'Priya / lead engineer',
      Gaps: 'No on-call experience',
    });
    expect(sectionRows(rt, 'Acme', 'review')[0]).toMatchObject({
      Date: '2026-11-18',
      'PM reviewed': 'Yes',
      Notes: 'Sprint slipped',
    });
  });

  it('computes Score and Band with live formulas that agree with the domain for every pair', () => {
    const { rt, addon, acme } = freshAcme();
    const pairs: [number, number][] = [];
    for (let l = 1; l <= 5; l++) for (let i = 1; i <= 5; i++) pairs.push([l, i]);
    for (const [likelihood, impact] of pairs)
      add(addon, acme.id, 'risk', { risk: `${likelihood}×${impact}`, likelihood, impact });
    const rows = sectionRows(rt, 'Acme', 'risk');
    expect(rows).toHaveLength(25);
    rows.forEach((r, n) => {
      const [l, i] = pairs[n] as [number, number];
      expect([r['Score'], r['Band']]).toEqual([riskScore(l, i), riskBand(riskScore(l, i))]);
    });
    // A person edits Likelihood in the sheet: Score and Band follow without the add-on.
    const sheet = tab(rt, 'Acme');
    const first = rowWith(rt, sheet, 'R-1');
    rt.spreadsheet.writeBlock(sheet, first, 3, [[{ kind: 'value', value: 5 }]]);
    expect(sectionRows(rt, 'Acme', 'risk')[0]).toMatchObject({ Score: 5, Band: 'Medium' });
  });

  const HOSTILE = [
    '=IMPORTXML("http://x","//a")',
    '+1 (555) 0100',
    '-rf everything',
    '@here -1 +1',
  ];

  it.each([
    ['goal', 'goal'],
    ['decision', 'title'],
    ['risk', 'risk'],
    ['team', 'personRole'],
    ['review', 'notes'],
  ] as const)('stores %s text starting with =, +, - or @ as text', (kind, key) => {
    const { rt, addon, acme } = freshAcme();
    for (const text of HOSTILE) add(addon, acme.id, kind, { [key]: text });
    const header = sectionOf(kind).columns.find((c) => c.key === key)?.header as string;
    expect(sectionRows(rt, 'Acme', kind).map((row) => row[header])).toEqual(HOSTILE);
    const sheet = tab(rt, 'Acme');
    const title = rowWith(rt, sheet, sectionOf(kind).title);
    const column = sectionOf(kind).columns.findIndex((c) => c.key === key) + 1;
    for (let row = title + 2; row < title + 2 + HOSTILE.length; row++)
      expect(rt.spreadsheet.formula(sheet, row, column), `row ${row}`).toBe('');
  });

  const BAD_FIELDS: [SectionKind | 'idea', Record<string, unknown>, string][] = [
    ['goal', { goal: '' }, 'Goal is required.'],
    [
      'goal',
      { goal: 'x', targetDate: 'soon' },
      'Target date must be a real date written YYYY-MM-DD.',
    ],
    [
      'decision',
      { title: 'x', status: 'Maybe' },
      'Status must be one of: Proposed, Accepted, Rejected, Deprecated, Superseded.',
    ],
    [
      'decision',
      { title: 'x', supersedes: 'D-1' },
      'Supersedes must be a decision ID such as ADR-3 (or left empty).',
    ],
    [
      'decision',
      { title: 'x', supersedes: 'ADR-9' },
      'Supersedes: there is no decision ADR-9 at this client.',
    ],
    [
      'decision',
      { title: 'x', link: 'ftp://x' },
      'Link must be a web address starting with https:// (or left empty).',
    ],
    ['risk', { risk: 'x', likelihood: 0 }, 'Likelihood must be a whole number from 1 to 5.'],
    [
      'risk',
      { risk: 'x', status: 'Gone' },
      'Status must be one of: Open, Mitigating, Accepted, Closed.',
    ],
    ['team', { personRole: 'x'.repeat(201) }, 'Person / role must be at most 200 characters.'],
    ['review', { leadSync: 'Maybe' }, 'Lead sync must be one of: Yes, Partly, No (or left empty).'],
    ['idea', {}, 'Kind must be one of: goal, debt, decision, risk, team, review.'],
  ];

  it.each(BAD_FIELDS.map(([kind, fields, message]) => ({ kind, fields, message })))(
    'addItem of kind $kind answers "$message" and writes nothing',
    ({ kind, fields, message }) => {
      const { rt, addon, acme } = freshAcme();
      const before = JSON.stringify(snapshotOf(rt.spreadsheet));
      expect(() => addon.call('addItem', { clientId: acme.id, kind, fields })).toThrow(message);
      expect(JSON.stringify(snapshotOf(rt.spreadsheet))).toBe(before);
    },
  );
});

describe('updateItem', () => {
  it('changes only the given fields, keeping formulas, notes and a column a person added', () => {
    const { rt, addon, acme } = freshAcme();
    add(addon, acme.id, 'debt', {
      title: 'Flaky CI',
      impact: 2,
      effort: 2,
      owner: 'Sam',
      notes: 'Retries hide it',
    });
    const sheet = tab(rt, 'Acme');
    const header = rowWith(rt, sheet, 'Technical debt') + 1;
    rt.spreadsheet.insertColumns(sheet, 6, 1);
    rt.spreadsheet.writeBlock(sheet, header, 6, [
      [{ kind: 'value', value: 'Customer' }],
      [{ kind: 'formula', formula: '=UPPER("globex")' }],
    ]);
    sheet.ensureCell(header + 1, 2).note = 'Ask Sam';
    const result = update(addon, acme.id, 'debt', 'D-1', { impact: 5, status: 'In progress' });
    expect(result.changed.sort()).toEqual(['impact', 'status']);
    const row = sectionRows(rt, 'Acme', 'debt')[0];
    expect(row).toMatchObject({
      ID: 'D-1',
      Title: 'Flaky CI',
      Impact: 5,
      Customer: 'GLOBEX',
      Effort: 2,
      Quadrant: 'Do now',
      Status: 'In progress',
      Owner: 'Sam',
      Notes: 'Retries hide it',
    });
    expect(rt.spreadsheet.formula(sheet, header + 1, 6)).toBe('=UPPER("globex")');
    expect(sheet.cell(header + 1, 2)?.note).toBe('Ask Sam');
  });

  it('dates a decision when it is accepted, and supersedes the older one', () => {
    const { rt, addon, acme } = freshAcme();
    add(addon, acme.id, 'decision', {
      title: 'Monolith first',
      status: 'Accepted',
      proposedOn: '2026-01-05',
      decidedOn: '2026-01-20',
    });
    add(addon, acme.id, 'decision', {
      title: 'Split the billing service',
      proposedOn: '2026-11-01',
    });
    rt.advanceClockTo('2026-11-20T09:00:00Z');
    update(addon, acme.id, 'decision', 'ADR-2', { status: 'Accepted', supersedes: 'ADR-1' });
    const rows = sectionRows(rt, 'Acme', 'decision');
    expect(rows.map((d) => [d['ID'], d['Status'], d['Decided on'], d['Supersedes']])).toEqual([
      ['ADR-1', 'Superseded', '2026-01-20', ''],
      ['ADR-2', 'Accepted', '2026-11-20', 'ADR-1'],
    ]);
  });

  it('refuses an unknown ID, an empty change and a bad value, writing nothing', () => {
    const { rt, addon, acme } = freshAcme();
    add(addon, acme.id, 'risk', { risk: 'Vendor lock-in' });
    const before = JSON.stringify(snapshotOf(rt.spreadsheet));
    expect(() => update(addon, acme.id, 'risk', 'R-7', { status: 'Closed' })).toThrow(
      'R-7 was not found at Acme: it may have been deleted or its ID changed. Reload and try again.',
    );
    expect(() => update(addon, acme.id, 'risk', 'R-1', {})).toThrow(
      'Nothing to change: give at least one field.',
    );
    expect(() => update(addon, acme.id, 'risk', 'R-1', { impact: 9 })).toThrow(
      'Impact must be a whole number from 1 to 5.',
    );
    expect(() =>
      addon.call('updateItem', {
        clientId: acme.id,
        kind: 'risk',
        id: 'r1',
        fields: { status: 'Closed' },
      }),
    ).toThrow('ID must be an item ID such as D-4 or ADR-2.');
    expect(JSON.stringify(snapshotOf(rt.spreadsheet))).toBe(before);
  });
});

describe('reading a client tab edited by hand', () => {
  it('reads reordered columns, hand-typed rows with or without an ID, and skips blank rows', () => {
    const { rt, addon, acme } = freshAcme();
    add(addon, acme.id, 'debt', { title: 'Added by the add-on', impact: 4, effort: 1 });
    const sheet = tab(rt, 'Acme');
    const header = rowWith(rt, sheet, 'Technical debt') + 1;
    // A person swaps the Title and Area columns (header and data move together), then types rows.
    const swap = (r: number) => {
      const title = rt.spreadsheet.read(sheet, r, 2);
      const area = rt.spreadsheet.read(sheet, r, 3);
      rt.spreadsheet.writeBlock(sheet, r, 2, [
        [rt.spreadsheet.interpret(area, undefined), { kind: 'value', value: String(title) }],
      ]);
    };
    swap(header);
    swap(header + 1);
    rt.spreadsheet.insertRows(sheet, header + 2, 3, header + 1);
    const typed = (r: number, cells: Record<number, string | number>) =>
      Object.entries(cells).forEach(([c, v]) =>
        rt.spreadsheet.writeBlock(sheet, r, Number(c), [[{ kind: 'value', value: v }]]),
      );
    typed(header + 3, { 1: 'D-7', 3: 'Typed with an ID', 5: 3, 6: 3, 8: 'Open' });
    typed(header + 4, { 3: 'Typed without an ID', 4: 'Low' });
    const detail = addon.call('getClient', { clientId: acme.id }) as {
      items: { debt: { id: string; fields: Record<string, unknown> }[] };
      problems: unknown[];
    };
    expect(
      detail.items.debt.map((d) => [
        d.id,
        d.fields['title'],
        d.fields['impact'],
        d.fields['quadrant'],
      ]),
    ).toEqual([
      ['D-1', 'Added by the add-on', 4, 'Do now'],
      ['D-7', 'Typed with an ID', 3, ''],
      ['', 'Typed without an ID', null, ''],
    ]);
    expect(detail.problems).toEqual([]);
    expect(add(addon, acme.id, 'debt', { title: 'Next' }).id).toBe('D-8');
  });

  it('reports text in Impact, an impossible date and an unknown status with tab, cell and reason, and reads the rest', () => {
    const { rt, addon, acme } = freshAcme();
    add(addon, acme.id, 'debt', { title: 'Good row', impact: 3, effort: 1 });
    add(addon, acme.id, 'debt', { title: 'Mistyped row', impact: 2, effort: 2 });
    const sheet = tab(rt, 'Acme');
    const row = rowWith(rt, sheet, 'D-2');
    rt.spreadsheet.writeBlock(sheet, row, 5, [[{ kind: 'value', value: 'high' }]]);
    rt.spreadsheet.writeBlock(sheet, row, 8, [[{ kind: 'value', value: 'Closed' }]]);
    rt.spreadsheet.writeBlock(sheet, row, 13, [
      [rt.spreadsheet.interpret('2026-02-30', undefined)],
    ]);
    const detail = addon.call('getClient', { clientId: acme.id }) as {
      items: { debt: { id: string; fields: Record<string, unknown> }[] };
      problems: unknown[];
    };
    expect(detail.problems).toEqual([
      {
        tab: 'Acme',
        cell: `E${row}`,
        reason: 'Impact must be a whole number from 1 to 5; found "high"',
      },
      {
        tab: 'Acme',
        cell: `H${row}`,
        reason: 'Status must be one of: Open, In progress, Done, Won\'t fix; found "Closed"',
      },
      { tab: 'Acme', cell: `M${row}`, reason: 'Last reviewed must be a date; found "2026-02-30"' },
    ]);
    expect(detail.items.debt.map((d) => [d.id, d.fields['title'], d.fields['impact']])).toEqual([
      ['D-1', 'Good row', 3],
      ['D-2', 'Mistyped row', null],
    ]);
    const registry = addon.call('getRegistry') as {
      problems: unknown[];
      clients: { counts: Record<string, number> }[];
    };
    expect(registry.problems).toHaveLength(3);
    expect(registry.clients[0]?.counts).toEqual({
      goal: 0,
      debt: 2,
      decision: 0,
      risk: 0,
      team: 0,
      review: 0,
    });
  });
});

describe('relatedDecisions', () => {
  it('lists decisions at other clients sharing a tag, newest first', () => {
    const { addon, acme } = freshAcme();
    const beacon = addClient(addon, { name: 'Beacon', hoursPerWeek: 1 });
    const corvid = addClient(addon, { name: 'Corvid', hoursPerWeek: 1 });
    add(addon, beacon.id, 'decision', {
      title: 'Adopt Auth0',
      tags: 'auth, vendor',
      proposedOn: '2026-09-01',
    });
    add(addon, corvid.id, 'decision', {
      title: 'Rotate JWT keys',
      tags: 'Auth',
      status: 'Accepted',
      proposedOn: '2026-10-01',
      decidedOn: '2026-10-10',
    });
    add(addon, corvid.id, 'decision', {
      title: 'Move to Postgres',
      tags: 'database',
      proposedOn: '2026-11-01',
    });
    add(addon, acme.id, 'decision', {
      title: 'Own auth service',
      tags: 'auth',
      privateNote: 'secret',
    });
    const related = addon.call('relatedDecisions', {
      tags: 'auth, billing',
      excludeClientId: acme.id,
    }) as { clientName: string; id: string; title: string; sharedTags: string[] }[];
    expect(related.map((d) => [d.clientName, d.id, d.title, d.sharedTags])).toEqual([
      ['Corvid', 'ADR-1', 'Rotate JWT keys', ['auth']],
      ['Beacon', 'ADR-1', 'Adopt Auth0', ['auth']],
    ]);
    expect(JSON.stringify(related)).not.toContain('secret');
    expect(addon.call('relatedDecisions', { tags: '' })).toEqual([]);
  });
});

describe("dates in the sheet's own time zone", () => {
  // Auckland is 13 hours ahead of UTC in November, Los Angeles 8 behind: at these instants
  // Auckland's date is a day after UTC's and Los Angeles' a day before.
  it.each([
    { timeZone: 'Pacific/Auckland', now: '2026-11-18T11:30:00Z', today: '2026-11-19' },
    { timeZone: 'America/Los_Angeles', now: '2026-11-19T06:30:00Z', today: '2026-11-18' },
  ])(
    'in $timeZone a date typed as 2026-11-23 reads back as 2026-11-23, and today is $today',
    ({ timeZone, now, today }) => {
      const { rt, addon, acme } = setup({ timeZone, now });
      expect(rt.spreadsheet.timeZone).toBe(timeZone);
      add(addon, acme.id, 'risk', { risk: 'Typed in the sidebar', due: '2026-11-23' });
      const sheet = tab(rt, 'Acme');
      const row = rowWith(rt, sheet, 'R-1');
      // A person types the same date into the next row's Due cell.
      rt.spreadsheet.writeBlock(sheet, row + 1, 2, [
        [{ kind: 'value', value: 'Typed in the sheet' }],
      ]);
      rt.spreadsheet.writeBlock(sheet, row + 1, 8, [
        [rt.spreadsheet.interpret('2026-11-23', undefined)],
      ]);
      const rows = sectionRows(rt, 'Acme', 'risk');
      expect(rows.map((r) => [r['Risk'], r['Due']])).toEqual([
        ['Typed in the sidebar', '2026-11-23'],
        ['Typed in the sheet', '2026-11-23'],
      ]);
      add(addon, acme.id, 'decision', { title: 'Dated today' });
      expect(sectionRows(rt, 'Acme', 'decision')[0]?.['Proposed on']).toBe(today);
      const detail = addon.call('getClient', { clientId: acme.id }) as {
        items: Record<SectionKind, { fields: Record<string, unknown> }[]>;
      };
      expect(detail.items.risk.map((r) => r.fields['due'])).toEqual(['2026-11-23', '2026-11-23']);
      expect(detail.items.decision[0]?.fields['proposedOn']).toBe(today);
    },
  );
});
