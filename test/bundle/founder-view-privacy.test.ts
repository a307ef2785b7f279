/**
 * What a founder view must never show, whatever a person does to the registry by hand: each test
 * makes one ordinary hand edit, then shares, and looks at every text the founder can open.
 */
import { describe, expect, it } from 'vitest';
import type { Runtime, SheetData, Workbook } from '../../emulator/index.js';
import type { Content } from '../../emulator/workbook.js';
import {
  addClient,
  loadAddon,
  restorable,
  rowWith,
  tab,
  values,
  fileText,
  sharedFiles,
} from '../support/bundle.js';

interface Shared {
  clientName: string;
  withheld: string[];
}

/** What a founder could read in the file, lower-cased: tags are. */
const founderText = (wb: Workbook): string => fileText(wb).toLowerCase();

/** The Problems area of the Priorities tab, one line per problem: tab, cell, reason. */
function problems(rt: Runtime): string[] {
  const grid = values(rt, tab(rt, 'Priorities'));
  // Found by its headers, wherever the Problems area stands.
  const header = grid.findIndex((r) => r[r.indexOf('Tab') + 1] === 'Cell');
  const heads = grid[header] ?? [];
  const at = heads.indexOf('Tab');
  const reason = heads.findIndex((h, i) => i > at + 1 && h !== '');
  const out: string[] = [];
  for (let r = header + 1; r < grid.length && grid[r]?.[at] !== ''; r++) {
    const cells = grid[r] as unknown[];
    out.push([cells[at], cells[at + 1], cells[reason]].join(' | '));
  }
  return out;
}

const text = (value: string | number): Content => ({ kind: 'value', value });
const formula = (f: string): Content => ({ kind: 'formula', formula: f });

/** The 1-based column of `header` in the header row `row`. */
function columnOf(rt: Runtime, sheet: SheetData, row: number, header: string): number {
  const c = (values(rt, sheet)[row - 1] ?? []).indexOf(header);
  if (c < 0) throw new Error(`no ${header} in row ${row} of ${sheet.name}`);
  return c + 1;
}

/**
 * Acme with a private note on every kind of row, and Beacon with a decision that shares a tag
 * with Acme's pending one; built once, restored for each test.
 */
const registry = restorable(
  () => {
    const { rt, addon } = loadAddon();
    const acme = addClient(addon, {
      name: 'Acme',
      hoursPerWeek: 3,
      founderEmails: 'ann@acme.io',
      privateNotes: 'acme profile secret',
    });
    const beacon = addClient(addon, {
      name: 'Beacon',
      hoursPerWeek: 1,
      founderEmails: 'cy@beacon.dev',
      privateNotes: 'beacon profile secret',
    });
    const add = (clientId: string, kind: string, fields: Record<string, unknown>) =>
      addon.call('addItem', { clientId, kind, fields }) as { id: string; row: number };
    const debt = add(acme.id, 'debt', {
      title: 'Rotate leaked keys',
      impact: 5,
      effort: 1,
      privateNote: 'debt secret lead leaked them',
    });
    const decision = add(acme.id, 'decision', {
      title: 'Adopt Auth0',
      tags: 'auth',
      privateNote: 'decision secret cheaper than they think',
    });
    const risk = add(acme.id, 'risk', {
      risk: 'Single DBA',
      likelihood: 3,
      impact: 4,
      privateNote: 'risk secret dba is job hunting',
    });
    const team = add(acme.id, 'team', {
      personRole: 'Priya / lead',
      gaps: 'On-call',
      privateNote: 'team secret considering leaving',
    });
    add(acme.id, 'review', { notes: 'Weekly review held', privateNote: 'review secret' });
    const related = add(beacon.id, 'decision', {
      title: 'Beacon moves auth in-house',
      tags: 'auth',
    });
    return { rt, addon, acme, beacon, rows: { debt, decision, risk, team, related } };
  },
  { cacheAs: 'founder-view-privacy-registry' },
);

const SECRETS = [
  'acme profile secret',
  'debt secret',
  'decision secret',
  'risk secret',
  'team secret',
  'review secret',
  'beacon',
];

/**
 * Shares Acme after `edit`, and checks that nothing private or Beacon's reached its file, and
 * that the rest of the view (`stillShared`) was written.
 */
function shareAfter(
  edit: (r: ReturnType<typeof registry>) => void,
  stillShared = 'rotate leaked keys',
) {
  const r = registry();
  edit(r);
  const shared = r.addon.call('shareClientView', { clientId: r.acme.id }) as Shared;
  const file = () => founderText(sharedFiles(r.rt)[0]!);
  const seen = file();
  for (const secret of SECRETS) expect(seen, secret).not.toContain(secret);
  expect(seen).toContain(stillShared);
  return { ...r, shared, file, seen };
}

describe('a section whose header row was deleted or relabelled is withheld, and the rest is shared', () => {
  it('the Risks header row deleted: risk rows are not read under the Decisions columns (a private note as tags)', () => {
    const { rt, shared, seen } = shareAfter(({ rt, rows }) => {
      rt.spreadsheet.deleteRows(tab(rt, 'Acme'), rows.risk.row - 1, 1);
    });
    expect(seen).toContain('adopt auth0');
    expect(seen).not.toContain('single dba');
    expect(shared.withheld).toContainEqual(expect.stringMatching(/^Risks, rows? \d+.*header row/));
    expect(problems(rt)).toContainEqual(
      expect.stringMatching(/^Acme \| A\d+ \| Not shared with the founders: Risks, rows? \d+/),
    );
  });

  it('the Team header row deleted: team rows are not read under the Risks columns (a private note as a score)', () => {
    const { rt, shared, seen } = shareAfter(({ rt, rows }) => {
      rt.spreadsheet.deleteRows(tab(rt, 'Acme'), rows.team.row - 1, 1);
    });
    expect(seen).toContain('single dba');
    expect(seen).not.toContain('priya');
    expect(shared.withheld).toContainEqual(expect.stringMatching(/^Team, rows? \d+.*header row/));
    expect(problems(rt)).toContainEqual(
      expect.stringMatching(/Not shared with the founders: Team/),
    );
  });

  it('the Risks header row relabelled by hand is withheld as a missing header', () => {
    const { shared } = shareAfter(({ rt, rows }) => {
      const labels = ['Ref', 'What', 'Chance', 'Hit', 'Score', 'Band', 'Who', 'When', 'Plan'];
      rt.spreadsheet.writeBlock(tab(rt, 'Acme'), rows.risk.row - 1, 1, [
        [...labels, 'State', 'Labels', 'Aside'].map(text),
      ]);
    });
    expect(shared.withheld).toContainEqual(expect.stringMatching(/^Risks, rows? \d+.*header row/));
  });
});

describe("no other client's name or text reaches a founder through a related decision", () => {
  it.each([
    ['a line feed', '\n'],
    ['a line separator (U+2028)', '\u2028'],
    ['a paragraph separator (U+2029)', '\u2029'],
  ])("with %s in the other client's decision title", (_, separator) => {
    const { rt, file } = shareAfter(({ rt, rows }) => {
      const beacon = tab(rt, 'Beacon');
      const title = columnOf(rt, beacon, rows.related.row - 1, 'Title');
      rt.spreadsheet.writeBlock(beacon, rows.related.row, title, [
        [text(`Beacon moves auth${separator}in-house`)],
      ]);
    });
    const summary = values(rt, sharedFiles(rt)[0]!.sheets[0]!).flat().join('\n');
    expect(summary).toContain('Adopt Auth0');
    expect(file()).not.toContain('in-house');
  });
});

describe('text typed outside any section is withheld', () => {
  it('lines typed below the Review log under a hand-typed "Private notes" heading, in any column', () => {
    const { rt, shared } = shareAfter(({ rt }) => {
      const sheet = tab(rt, 'Acme');
      const below = sheet.lastRow() + 2;
      rt.spreadsheet.writeBlock(sheet, below, 1, [
        [text('Private notes')],
        [text('acme profile secret: ann is leaving in march')],
        ['', '', '', '', 'debt secret: the board wants a new CTO'].map((v) =>
          v ? text(v) : ({ kind: 'empty' } as Content),
        ),
        [{ kind: 'empty' }, text('risk secret typed in column B')],
      ]);
    });
    expect(shared.withheld).toContainEqual(expect.stringMatching(/Private notes/));
    expect(problems(rt)).toContainEqual(expect.stringMatching(/Not shared with the founders/));
  });

  it('a line typed below the Review log in its Notes column, with no date and no heading', () => {
    const { shared } = shareAfter(({ rt }) => {
      const sheet = tab(rt, 'Acme');
      const notes = columnOf(rt, sheet, rowWith(rt, sheet, 'Date'), 'Notes');
      rt.spreadsheet.writeBlock(sheet, sheet.lastRow() + 3, notes, [
        [text('review secret: Sam is interviewing elsewhere')],
      ]);
    });
    expect(shared.withheld).toContainEqual(expect.stringMatching(/^Review log, row \d+/));
  });
});

describe('a formula in a shared field is withheld and reported', () => {
  it("=O<row> in a debt item's Notes would share its private note", () => {
    const { rt, shared, seen } = shareAfter(({ rt, rows }) => {
      const sheet = tab(rt, 'Acme');
      const header = rows.debt.row - 1;
      const note = columnOf(rt, sheet, header, 'Private note');
      const letter = String.fromCharCode(64 + note);
      rt.spreadsheet.writeBlock(sheet, rows.debt.row, columnOf(rt, sheet, header, 'Notes'), [
        [formula(`=${letter}${rows.debt.row}`)],
      ]);
    }, 'adopt auth0');
    // The whole row is withheld: a row that cannot be read with confidence is not shared on a guess.
    expect(seen).not.toContain('d-1');
    expect(shared.withheld).toContainEqual(
      expect.stringMatching(/^Technical debt, row \d+, Notes \(N\d+\): a formula/),
    );
    expect(problems(rt)).toContainEqual(
      expect.stringMatching(/^Acme \| N\d+ \| Not shared with the founders: Technical debt/),
    );
  });

  it("='Beacon'!B12 in a decision's Context would share another client's private notes", () => {
    const { shared } = shareAfter(({ rt, rows }) => {
      const acme = tab(rt, 'Acme');
      const notes = rowWith(rt, tab(rt, 'Beacon'), 'Private notes');
      const header = rows.decision.row - 1;
      rt.spreadsheet.writeBlock(acme, rows.decision.row, columnOf(rt, acme, header, 'Context'), [
        [formula(`='Beacon'!B${notes}`)],
      ]);
    });
    expect(shared.withheld).toContainEqual(
      expect.stringMatching(/^Decisions, row \d+, Context \(H\d+\): a formula/),
    );
  });

  it('a formula in a profile value shared with founders is withheld', () => {
    const { shared, seen } = shareAfter(({ rt }) => {
      const acme = tab(rt, 'Acme');
      const notes = rowWith(rt, acme, 'Private notes');
      rt.spreadsheet.writeBlock(acme, rowWith(rt, acme, 'Lead engineer'), 2, [
        [formula(`=B${notes}`)],
      ]);
    });
    expect(seen).toContain('acme: technology update');
    expect(shared.withheld).toContainEqual(
      expect.stringMatching(/^Profile, Lead engineer \(B5\): a formula/),
    );
  });
});

describe('what was withheld is said where the CTO looks', () => {
  it('Sync shared views, the weekly run and its status name the section, row, column and reason', () => {
    const { rt, addon, acme, rows } = registry();
    addon.call('shareClientView', { clientId: acme.id });
    const sheet = tab(rt, 'Acme');
    const notes = columnOf(rt, sheet, rows.debt.row - 1, 'Notes');
    const cell = `${String.fromCharCode(64 + notes)}${rows.debt.row}`;
    rt.spreadsheet.writeBlock(sheet, rows.debt.row, notes, [[formula('=B1')]]);
    const said = `Technical debt, row ${rows.debt.row}, Notes (${cell}): a formula: only typed values are shared`;

    const sync = addon.call('syncSharedViews') as { synced: string[]; withheld: unknown };
    expect(sync.synced).toEqual(['Acme']);
    expect(sync.withheld).toEqual([{ client: 'Acme', withheld: [said] }]);

    addon.call('runWeeklyPlan', {});
    const run = (addon.call('getWeeklyTrigger') as { lastRun: { ok: boolean; partial?: string } })
      .lastRun;
    expect(run.ok).toBe(true);
    expect(run.partial).toContain(
      `Acme's founder view withholds what cannot be read with confidence (${said})`,
    );
    expect(values(rt, tab(rt, 'Weekly Plan')).flat().join('\n')).toContain(said);
    expect(problems(rt)).toContainEqual(`Acme | ${cell} | Not shared with the founders: ${said}.`);
  });
});
