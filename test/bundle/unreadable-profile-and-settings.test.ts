import { describe, expect, it } from 'vitest';
import { snapshotOf, type LoadedScript, type Runtime } from '../../emulator/index.js';
import { addClient, loadAddon, rowWith, tab, values } from '../support/bundle.js';

interface Problem {
  tab: string;
  cell: string;
  reason: string;
}

const HOURS_REASON =
  'Hours per week must be a number from 0 to 40; found "2h". The weekly plan gives this client no hours until it is fixed.';
const CAPACITY_REASON =
  'Capacity (hours per week) must be a number from 0 to 168; found "twenty". The default, 20, is used until it is fixed.';

/** Two clients with debt; then a person types "2h" as Acme's hours and "twenty" as the capacity. */
function mistyped() {
  const { rt, addon } = loadAddon();
  const acme = addClient(addon, { name: 'Acme', hoursPerWeek: 2 });
  const beacon = addClient(addon, { name: 'Beacon', hoursPerWeek: 3 });
  for (const [client, title] of [
    [acme.id, 'Flaky CI'],
    [beacon.id, 'No staging'],
  ] as const)
    addon.call('addItem', {
      clientId: client,
      kind: 'debt',
      fields: { title, impact: 4, effort: 1 },
    });
  const hoursRow = rowWith(rt, tab(rt, 'Acme'), 'Hours per week');
  const capacityRow = rowWith(rt, tab(rt, 'Settings'), 'Capacity (hours per week)');
  typeInto(rt, 'Acme', hoursRow, '2h');
  typeInto(rt, 'Settings', capacityRow, 'twenty');
  return { rt, addon, acme, beacon, hoursCell: `B${hoursRow}`, capacityCell: `B${capacityRow}` };
}

/** A person types text into column B of a row. */
function typeInto(rt: Runtime, tabName: string, row: number, value: string): void {
  rt.spreadsheet.writeBlock(tab(rt, tabName), row, 2, [[{ kind: 'value', value }]]);
}

/**
 * The Problems area of the Priorities tab: tab, cell and reason of each row under its Tab / Cell /
 * What is wrong header (columns B, C and E), or the line in column A that says there are none.
 */
function problemsArea(rt: Runtime): unknown[][] {
  const grid = values(rt, tab(rt, 'Priorities'));
  const header = grid.findIndex((r) => r[1] === 'Tab' && r[2] === 'Cell');
  const out: unknown[][] = [];
  for (let r = header + 1; r < grid.length; r++) {
    const row = grid[r] as unknown[];
    if (row[0] === '' && row[1] === '') break;
    out.push(row[0] === '' ? [row[1], row[2], row[4]] : [row[0], '', '']);
  }
  return out;
}

function rankedTitles(rt: Runtime): unknown[] {
  const grid = values(rt, tab(rt, 'Priorities'));
  const start = grid.findIndex((r) => r[0] === 'Ranked list') + 2;
  return grid
    .slice(start)
    .filter((r) => typeof r[0] === 'number')
    .map((r) => r.find((c) => c === 'Flaky CI' || c === 'No staging'));
}

const refresh = (addon: LoadedScript) =>
  addon.call('refreshPriorities') as { problems: Problem[]; entries: number };

describe('profile and Settings values that cannot be read', () => {
  it('"2h" in Hours per week and "twenty" as the capacity appear under Problems on Priorities, with tab, cell and reason', () => {
    const { rt, addon, hoursCell, capacityCell } = mistyped();
    const clientTabs = JSON.stringify(
      snapshotOf(rt.spreadsheet).sheets.filter((s) => ['Acme', 'Beacon'].includes(s.name)),
    );
    const result = refresh(addon);
    expect(result.problems).toEqual([
      { tab: 'Acme', cell: hoursCell, reason: HOURS_REASON },
      { tab: 'Settings', cell: capacityCell, reason: CAPACITY_REASON },
    ]);
    expect(problemsArea(rt)).toEqual([
      ['Acme', hoursCell, HOURS_REASON],
      ['Settings', capacityCell, CAPACITY_REASON],
    ]);
    // The rest still works: both clients' debt is ranked, and no client tab was written.
    expect(result.entries).toBe(2);
    expect(rankedTitles(rt).sort()).toEqual(['Flaky CI', 'No staging']);
    expect(
      JSON.stringify(
        snapshotOf(rt.spreadsheet).sheets.filter((s) => ['Acme', 'Beacon'].includes(s.name)),
      ),
    ).toBe(clientTabs);
  });

  it('getRegistry reports both problems and still lists every client, the mistyped hours as none', () => {
    const { addon, hoursCell, capacityCell } = mistyped();
    const registry = addon.call('getRegistry') as {
      clients: { name: string; hoursPerWeek: number | null }[];
      problems: Problem[];
    };
    expect(registry.problems).toEqual(
      expect.arrayContaining([
        { tab: 'Acme', cell: hoursCell, reason: HOURS_REASON },
        { tab: 'Settings', cell: capacityCell, reason: CAPACITY_REASON },
      ]),
    );
    expect(registry.problems).toHaveLength(2);
    expect(registry.clients.map((c) => [c.name, c.hoursPerWeek])).toEqual([
      ['Acme', null],
      ['Beacon', 3],
    ]);
  });

  it("getClient shows the profile's problem in the client's own list", () => {
    const { addon, acme, hoursCell } = mistyped();
    const detail = addon.call('getClient', { clientId: acme.id }) as { problems: Problem[] };
    expect(detail.problems).toEqual([{ tab: 'Acme', cell: hoursCell, reason: HOURS_REASON }]);
  });

  it('the weekly plan is still written, with the default capacity of 20 h', () => {
    const { rt, addon } = mistyped();
    addon.call('generateWeeklyPlan');
    const lines = values(rt, tab(rt, 'Weekly Plan')).map((r) =>
      r.filter((c) => c !== '').join(' | '),
    );
    expect(lines.some((l) => /of 20 h; flex/.test(l))).toBe(true);
    expect(lines.some((l) => l.includes('Beacon: ') && l.includes('h this week'))).toBe(true);
  });

  it('once both are fixed, Problems reads "Every cell was read."', () => {
    const { rt, addon } = mistyped();
    rt.spreadsheet.writeBlock(tab(rt, 'Acme'), rowWith(rt, tab(rt, 'Acme'), 'Hours per week'), 2, [
      [{ kind: 'value', value: 2 }],
    ]);
    rt.spreadsheet.writeBlock(
      tab(rt, 'Settings'),
      rowWith(rt, tab(rt, 'Settings'), 'Capacity (hours per week)'),
      2,
      [[{ kind: 'value', value: 24 }]],
    );
    expect(refresh(addon).problems).toEqual([]);
    expect(problemsArea(rt)).toEqual([['Every cell was read.', '', '']]);
  });
});
