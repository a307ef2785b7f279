/**
 * Delivery weeks, stage deliverables and exit criteria through the built bundle: the sections a
 * new client's tab is drawn with, the band formulas as HyperFormula evaluates them against the
 * domain's bands at every edge (dora.ts), a stage change's deliverables, and what the Overview,
 * Priorities, the weekly plan and the founder Summary make of the rows.
 */
import { describe, expect, it } from 'vitest';
import type { Runtime } from '../../emulator/index.js';
import { SheetsEditor } from '../../emulator/person.js';
import { BAND_OF, MEASURES, reliability, type Measure } from '../../src/domain/dora.js';
import { STAGE_DELIVERABLES } from '../../src/domain/stage-deliverables.js';
import {
  addClient,
  loadAddon,
  restorable,
  rowWith,
  sharedFiles,
  tab,
  values,
} from '../support/bundle.js';

/** Acme at Seed and Beta at Series B; Wednesday 18 November 2026 in London. */
const registry = restorable(
  () => {
    const { rt, addon } = loadAddon({ now: '2026-11-18T10:00:00Z', timeZone: 'Europe/London' });
    const acme = addClient(addon, {
      name: 'Acme',
      hoursPerWeek: 4,
      stage: 'Seed',
      founderEmails: 'ann@acme.io',
    });
    const beta = addClient(addon, { name: 'Beta', hoursPerWeek: 2, stage: 'Series B' });
    return { rt, addon, acme, beta, addClientCalls: rt.lastExecution?.calls ?? {} };
  },
  { cacheAs: 'delivery-health-registry' },
);

/** The person at the Sheets editor: pastes text as typed, from the cell given. */
function paste(rt: Runtime, tabName: string, row: number, column: number, block: string[][]) {
  new SheetsEditor(rt.drive, () => rt.user).paste(
    rt.spreadsheet.id,
    { sheetId: tab(rt, tabName).id, row, column },
    block,
  );
}

/** Types weeks into the Delivery section's first rows, from Week on. */
function typeWeeks(rt: Runtime, tabName: string, weeks: string[][]): number {
  const first = rowWith(rt, tab(rt, tabName), 'Delivery') + 2;
  paste(rt, tabName, first, 1, weeks);
  return first;
}

function header(rt: Runtime, tabName: string, title: string): string[] {
  const row = rowWith(rt, tab(rt, tabName), title) + 1;
  return (values(rt, tab(rt, tabName))[row - 1] as string[]).filter(Boolean);
}

/** The rows of a section below its header, to its first blank row, `width` cells each. */
function sectionRows(rt: Runtime, tabName: string, title: string, width: number): unknown[][] {
  const grid = values(rt, tab(rt, tabName));
  const out: unknown[][] = [];
  for (let r = rowWith(rt, tab(rt, tabName), title) + 1; r < grid.length; r++) {
    const row = (grid[r] as unknown[]).slice(0, width);
    if (row.every((c) => c === '')) break;
    out.push(row);
  }
  return out;
}

function overview(rt: Runtime): Record<string, unknown>[] {
  const grid = values(rt, tab(rt, 'Overview'));
  const head = grid[1] as string[];
  return grid
    .slice(2, -1)
    .map((r) => Object.fromEntries(head.map((h, i) => [h, r[i]])) as Record<string, unknown>);
}

describe('a new client tab', () => {
  it('holds Delivery, Deliverables and Exit criteria, with the deliverables of its stage', () => {
    const { rt } = registry();
    expect(header(rt, 'Acme', 'Delivery')).toEqual([
      'Week',
      'Deployments',
      'Lead time (hours)',
      'Change failure (%)',
      'Time to restore (hours)',
      'Planned',
      'Shipped',
      'Blocked items',
      'Incidents',
      'Deploy band',
      'Lead time band',
      'Change failure band',
      'Restore band',
      'Reliability',
      'Notes',
    ]);
    expect(sectionRows(rt, 'Acme', 'Deliverables', 3)).toEqual(
      STAGE_DELIVERABLES['Product-market fit'].map((d) => [d, 'Product-market fit', 'Not started']),
    );
    expect(sectionRows(rt, 'Beta', 'Deliverables', 2).map((r) => r[0])).toEqual([
      'Team structure',
      'Architecture evolution plan',
      'Metrics dashboard',
      'Technology radar',
      'Vendor consolidation',
    ]);
    expect(sectionRows(rt, 'Acme', 'Exit criteria', 2)).toHaveLength(6);
    // The Review log stays the last section, its rows free to grow.
    const titles = values(rt, tab(rt, 'Acme')).map((r) => r[0]);
    expect(titles.indexOf('Exit criteria')).toBeLessThan(titles.indexOf('Review log'));
  });

  it('is drawn in the same one write of the tab, with no named range at all (ADR 32)', () => {
    const { addClientCalls, rt } = registry();
    expect(addClientCalls['Range.setValues']).toBe(2);
    expect(addClientCalls['Spreadsheet.setNamedRange'] ?? 0).toBe(0);
    expect([...rt.spreadsheet.namedRanges.keys()].filter((n) => /deliver|exit/i.test(n))).toEqual(
      [],
    );
  });
});

/** Values at and either side of every edge of every measure; a row per value, in all columns. */
const EDGES: Record<Measure, (number | string)[]> = {
  deploy: [0, 1, 6, 7, 20],
  leadTime: [0, 23.9, 24, 168, 168.1, 720, 720.1],
  changeFailure: [0, 0.05, 0.0501, 0.1, 0.1001, 0.15, 0.1501, 1],
  restore: [0, 0.9, 1, 23.9, 24, 168, 168.1],
};
const INPUT: Record<Measure, string> = {
  deploy: 'Deployments',
  leadTime: 'Lead time (hours)',
  changeFailure: 'Change failure (%)',
  restore: 'Time to restore (hours)',
};
const BAND_HEADER: Record<Measure, string> = {
  deploy: 'Deploy band',
  leadTime: 'Lead time band',
  changeFailure: 'Change failure band',
  restore: 'Restore band',
};

describe('the band formulas, as HyperFormula evaluates them', () => {
  it('equal the domain band at every threshold edge, and stay blank for text such as "3h"', () => {
    const { rt } = registry();
    const sheet = tab(rt, 'Acme');
    const head = header(rt, 'Acme', 'Delivery');
    const col = (h: string) => head.indexOf(h);
    const first = rowWith(rt, sheet, 'Delivery') + 2;
    const rows = Math.max(...MEASURES.map((m) => EDGES[m].length)) + 1;
    const block = Array.from({ length: rows }, (_, i) => {
      const line: (number | string)[] = new Array<number | string>(9).fill('');
      line[0] = `2026-0${1 + (i % 9)}-0${1 + (i % 9)}`;
      for (const m of MEASURES) line[col(INPUT[m])] = EDGES[m][i] ?? (i === rows - 1 ? '3h' : '');
      return line;
    });
    rt.spreadsheet.writeBlock(
      sheet,
      first,
      1,
      block.map((r) => r.map((v) => (v === '' ? { kind: 'empty' } : { kind: 'value', value: v }))),
    );
    const grid = values(rt, sheet);
    let checked = 0;
    for (let i = 0; i < rows; i++) {
      const line = grid[first - 1 + i] as unknown[];
      for (const m of MEASURES) {
        const v = line[col(INPUT[m])];
        const expected = typeof v === 'number' ? (BAND_OF[m](v) ?? '') : '';
        expect([m, v, line[col(BAND_HEADER[m])]]).toEqual([m, v, expected]);
        checked++;
      }
    }
    expect(checked).toBe(4 * rows);
  });

  it('compute commitment reliability as Shipped ÷ Planned, blank when nothing was planned', () => {
    const { rt } = registry();
    const first = typeWeeks(rt, 'Acme', [
      ['2026-11-02', '', '', '', '', '10', '8'],
      ['2026-11-09', '', '', '', '', '0', '3'],
      ['2026-11-16', '', '', '', '', '4', '5'],
    ]);
    const head = header(rt, 'Acme', 'Delivery');
    const grid = values(rt, tab(rt, 'Acme'));
    const shown = [0, 1, 2].map(
      (i) => (grid[first - 1 + i] as unknown[])[head.indexOf('Reliability')],
    );
    expect(shown).toEqual([reliability(10, 8), '', reliability(4, 5)]);
    expect(shown).toEqual([0.8, '', 1.25]);
  });
});

describe('a cell of a Delivery row that cannot be read', () => {
  it('"3h" typed in Lead time is a Problem naming tab, cell and what is allowed; the rest is read', () => {
    const { rt, addon } = registry();
    const first = typeWeeks(rt, 'Acme', [
      ['2026-11-09', '3', '30', '5%'],
      ['2026-11-16', '4', '3h', '8%'],
    ]);
    const result = addon.call('refreshPriorities') as {
      problems: { tab: string; cell: string; reason: string }[];
    };
    expect(result.problems).toEqual([
      {
        tab: 'Acme',
        cell: `C${first + 1}`,
        reason: 'Lead time (hours) must be a number of hours from 0, such as 36 or 1.5; found "3h"',
      },
    ]);
    expect(overview(rt)[0]).toMatchObject({
      'Change failure band': 'High ↓',
      'Deploy band': 'High →',
    });
  });
});

describe('the Overview', () => {
  it("shows each client's latest bands with a four-week trend, and exit criteria as n of m met", () => {
    const { rt, addon } = registry();
    typeWeeks(rt, 'Acme', [
      ['2026-10-26', '2', '200', '20%', '30'],
      ['2026-11-02', '3', '100', '12%', '20'],
      ['2026-11-09', '5', '30', '8%', '5'],
      ['2026-11-16', '9', '12', '4%', '0.5'],
    ]);
    const exit = rowWith(rt, tab(rt, 'Acme'), 'Exit criteria') + 2;
    paste(rt, 'Acme', exit, 2, [['Met'], ['Met']]);
    addon.call('refreshPriorities');
    const [acme, beta] = overview(rt);
    expect(acme).toMatchObject({
      Client: 'Acme',
      'Deploy band': 'Elite ↑',
      'Lead time band': 'Elite ↑',
      'Change failure band': 'Elite ↑',
      'Restore band': 'Elite ↑',
      'Exit criteria': '2 of 6 met',
    });
    expect(beta).toMatchObject({
      Client: 'Beta',
      'Deploy band': '',
      'Exit criteria': '0 of 6 met',
    });
  });

  it('reads a week already four weeks back out of the trend: only the last four weeks count', () => {
    const { rt, addon } = registry();
    typeWeeks(rt, 'Acme', [
      ['2026-10-19', '0'],
      ['2026-10-26', '3'],
      ['2026-11-09', '3'],
      ['2026-11-16', '4'],
    ]);
    addon.call('refreshPriorities');
    expect(overview(rt)[0]).toMatchObject({ 'Deploy band': 'High →' });
  });
});

describe('Priorities', () => {
  it('signals a client whose change failure band fell two weeks running, and not one that recovered', () => {
    const { rt, addon } = registry();
    typeWeeks(rt, 'Acme', [
      ['2026-11-02', '5', '', '4%'],
      ['2026-11-09', '5', '', '9%'],
      ['2026-11-16', '5', '', '14%'],
    ]);
    typeWeeks(rt, 'Beta', [
      ['2026-11-02', '5', '', '4%'],
      ['2026-11-09', '5', '', '9%'],
      ['2026-11-16', '5', '', '3%'],
    ]);
    addon.call('refreshPriorities');
    const grid = values(rt, tab(rt, 'Priorities'));
    const signals = grid.filter((r) => r[2] === 'Change failure falling');
    expect(signals.map((r) => r.slice(1, 5))).toEqual([
      [
        'Acme',
        'Change failure falling',
        'week of 2026-11-16',
        'The change failure band fell two weeks running (Elite → High → Medium): look at what broke and why',
      ],
    ]);
  });
});

describe('a stage change', () => {
  it("seeds the new stage's deliverables on refresh, leaving every existing row as it was", () => {
    const { rt, addon } = registry();
    const sheet = tab(rt, 'Acme');
    const first = rowWith(rt, sheet, 'Deliverables') + 2;
    // The CTO's own edits: a status and a due date, a deliverable dropped by deleting its row.
    paste(rt, 'Acme', first, 3, [['Done', '2026-10-01']]);
    paste(rt, 'Acme', first + 4, 1, [['', '', '']]);
    const before = sectionRows(rt, 'Acme', 'Deliverables', 7);
    paste(rt, 'Acme', rowWith(rt, sheet, 'Stage'), 2, [['Series B']]);
    addon.call('refreshPriorities');
    const after = sectionRows(rt, 'Acme', 'Deliverables', 7);
    expect(after.slice(0, before.length)).toEqual(before);
    expect(after.slice(before.length).map((r) => r.slice(0, 3))).toEqual(
      STAGE_DELIVERABLES.Growth.map((d) => [d, 'Growth', 'Not started']),
    );
    // The Review log and the exit criteria below did not move: the rows the section kept blank held them.
    expect(rowWith(rt, sheet, 'Exit criteria')).toBe(first + 11);
    // A second refresh adds nothing, and no removed row comes back.
    addon.call('refreshPriorities');
    expect(sectionRows(rt, 'Acme', 'Deliverables', 7)).toEqual(after);
  });

  it('inserts rows for them when the section has no blank row left, and the Review log keeps its rows', () => {
    const { rt, addon, acme } = registry();
    addon.call('addItem', {
      clientId: acme.id,
      kind: 'review',
      fields: { date: '2026-11-16', pmReviewed: 'Yes' },
    });
    const sheet = tab(rt, 'Acme');
    const first = rowWith(rt, sheet, 'Deliverables') + 2;
    paste(
      rt,
      'Acme',
      first + 5,
      1,
      Array.from({ length: 6 }, (_, i) => [`Own deliverable ${i + 1}`]),
    );
    paste(rt, 'Acme', rowWith(rt, sheet, 'Stage'), 2, [['Idea']]);
    addon.call('refreshPriorities');
    const rows = sectionRows(rt, 'Acme', 'Deliverables', 2);
    expect(rows).toHaveLength(16);
    expect(rows.slice(11).map((r) => r[0])).toEqual([...STAGE_DELIVERABLES['Pre-product']]);
    expect(sectionRows(rt, 'Acme', 'Review log', 2)).toEqual([['2026-11-16', 'Yes']]);
    const refreshed = addon.call('refreshPriorities') as { problems: unknown[] };
    expect(refreshed.problems).toEqual([]);
    expect(overview(rt)[0]).toMatchObject({ 'Last review': '2026-11-16' });
  });
});

describe('the weekly plan', () => {
  it('puts an overdue deliverable among what must not wait, and not one that is done', () => {
    const { rt, addon } = registry();
    const first = rowWith(rt, tab(rt, 'Acme'), 'Deliverables') + 2;
    paste(rt, 'Acme', first, 3, [['In progress', '2026-11-10']]);
    paste(rt, 'Acme', first + 1, 3, [['Done', '2026-11-01']]);
    addon.call('generateWeeklyPlan');
    const lines = values(rt, tab(rt, 'Weekly Plan')).map((r) => r.join(' | '));
    const entries = lines.filter((l) => l.includes('overdue since'));
    expect(entries).toHaveLength(1);
    expect(entries[0]).toContain('Deliverable Scalability assessment: overdue since 2026-11-10');
    // First of what must not wait, it is the client's focus line too.
    expect(lines).toContain('Acme: Deliverable Scalability assessment (4 h) |  |  |  |  |  | ');
    expect(lines.filter((l) => l.includes('Debt inventory'))).toEqual([]);
  });
});

describe("the founder's Summary", () => {
  it('states the latest bands in words with their trend, and nothing of Planned, Shipped or Notes', () => {
    const { rt, addon, acme } = registry();
    const first = typeWeeks(rt, 'Acme', [
      ['2026-11-02', '3', '30', '4%', '2', '10', '7', '1', '0'],
      ['2026-11-16', '8', '20', '12%', '0.5', '10', '9', '0', '1'],
    ]);
    const notes = header(rt, 'Acme', 'Delivery').indexOf('Notes') + 1;
    paste(rt, 'Acme', first, notes, [['Release train stalled by the vendor audit']]);
    addon.call('shareClientView', { clientId: acme.id });
    const file = sharedFiles(rt)[0]!;
    const summary = values(rt, file.sheets[0]!).map((r) => String(r[0]));
    const at = summary.findIndex((l) => l.startsWith('How the team ships'));
    expect(summary.slice(at, at + 5)).toEqual([
      'How the team ships: bands by DORA, Accelerate State of DevOps Report 2023',
      'Deployment frequency: Elite (shipping daily or more often), better than four weeks ago.',
      'Lead time for changes: Elite (a change reaches users within a day), better than four weeks ago.',
      'Change failure rate: Medium (up to 15% of changes cause a failure), worse than four weeks ago.',
      'Time to restore service: Elite (service restored within an hour), better than four weeks ago.',
    ]);
    const text = JSON.stringify(file.sheets.map((s) => values(rt, s)));
    expect(text).not.toContain('Release train stalled');
  });
});
