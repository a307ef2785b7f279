import { describe, expect, it } from 'vitest';
import { DEFAULT_THRESHOLDS } from '../../src/domain/debt.js';
import { readFounderRecord, type FounderRecord } from '../../src/domain/founder-record.js';
import type { SectionKind } from '../../src/domain/registry-layout.js';
import { clientTabGrid, rowOf, type Cell } from './client-tab-fixture.js';

/** Acme with one row in every section, a private note on each. */
function acmeTab(): Cell[][] {
  return clientTabGrid(
    { name: 'Acme', status: 'Active', hoursPerWeek: 4, privateNotes: 'profile secret' },
    {
      goal: [{ id: 'G-1', goal: 'Ship SSO', status: 'On track' }],
      debt: [{ id: 'D-1', title: 'Flaky CI', impact: 4, effort: 2, privateNote: 'debt secret' }],
      decision: [
        { id: 'ADR-1', title: 'Adopt Auth0', tags: 'auth', privateNote: 'decision secret' },
      ],
      risk: [
        {
          id: 'R-1',
          risk: 'Single DBA',
          likelihood: 3,
          impact: 4,
          score: '=C*D',
          privateNote: 'risk secret',
        },
      ],
      team: [{ personRole: 'Priya / lead', gaps: 'On-call', privateNote: 'team secret' }],
      review: [{ date: '2026-11-16', notes: 'Held', privateNote: 'review secret' }],
    },
  );
}

function read(grid: Cell[][], formulas: string[][] = []): FounderRecord {
  return readFounderRecord({ grid, formulas, thresholds: DEFAULT_THRESHOLDS });
}

/** Every value a founder would be shown, as one text. */
function sharedText(view: FounderRecord): string {
  return JSON.stringify([view.name, [...view.profile], view.sections.map((s) => s.items)]);
}

const itemsOf = (view: FounderRecord, kind: SectionKind) =>
  view.sections.find((s) => s.spec.kind === kind)?.items ?? [];
const sharedOf = (view: FounderRecord, kind: SectionKind) =>
  view.sections.find((s) => s.spec.kind === kind)?.shared;
const wheres = (view: FounderRecord) => view.withheld.map((w) => `${w.where}: ${w.reason}`);

describe('reading a client tab for its founders', () => {
  it('shares every allow-listed field of a tab that reads cleanly, and nothing private', () => {
    const view = read(acmeTab());
    expect(view.withheld).toEqual([]);
    expect(view.name).toBe('Acme');
    expect(view.profile.get('Hours per week')).toBe(4);
    expect(view.profile.has('Private notes')).toBe(false);
    expect(itemsOf(view, 'risk')[0]?.fields).toMatchObject({ score: 12, band: 'High' });
    expect(itemsOf(view, 'debt')[0]?.fields).toMatchObject({ quadrant: 'Do now' });
    expect(sharedText(view)).not.toMatch(/secret/);
  });

  it('withholds a section whose header row was deleted, and the rows it left under the one above', () => {
    const grid = acmeTab();
    const header = rowOf(grid, 'Risks') + 1;
    grid.splice(header - 1, 1);
    const view = read(grid);
    expect(sharedOf(view, 'risk')).toBe(false);
    expect(itemsOf(view, 'decision').map((i) => i.fields['id'])).toEqual(['ADR-1']);
    expect(sharedText(view)).not.toMatch(/secret|Single DBA/);
    expect(wheres(view)).toEqual([
      `Risks, rows ${header - 1}–${rowOf(grid, 'Team') - 1}: the header row below the "Risks" title is missing or renamed: nothing of the section is shared until it is restored`,
    ]);
  });

  it('withholds a section whose header row was relabelled', () => {
    const grid = acmeTab();
    grid[rowOf(grid, 'Person / role') - 1] = ['Who', 'Good at', 'Missing', 'Next', 'Aside'];
    const view = read(grid);
    expect(sharedOf(view, 'team')).toBe(false);
    expect(sharedText(view)).not.toMatch(/secret|Priya/);
    expect(wheres(view)[0]).toMatch(/^Team, rows \d+–\d+: the header row below the "Team" title/);
  });

  it('withholds a section whose title row is gone, as the header row may have moved', () => {
    const grid = acmeTab();
    grid.splice(rowOf(grid, 'Decisions') - 1, 1);
    const view = read(grid);
    expect(sharedOf(view, 'decision')).toBe(false);
    expect(wheres(view)[0]).toMatch(/^Decisions, rows \d+–\d+: the title row above its header row/);
  });

  it("withholds rows of a section whose title and header are both gone: no row has the section's own ID", () => {
    const grid = acmeTab();
    const title = rowOf(grid, 'Risks');
    grid.splice(title - 1, 2);
    const view = read(grid);
    expect(itemsOf(view, 'decision').map((i) => i.fields['id'])).toEqual(['ADR-1']);
    expect(sharedText(view)).not.toMatch(/secret|Single DBA/);
    expect(wheres(view)).toEqual([
      'Risks: the section was not found (its title and header rows are missing or renamed): nothing of it is shared',
      `Decisions, row ${title}, ID (A${title}): "R-1" is not a decision ID (ADR-n): the row may belong to another section`,
    ]);
  });

  it('withholds the Team section when the Review log below it is gone, title and header: their rows cannot be told apart', () => {
    const grid = acmeTab();
    grid.push([], ['typed below the log']);
    grid.splice(rowOf(grid, 'Review log') - 1, 2);
    const view = read(grid);
    expect(sharedOf(view, 'team')).toBe(false);
    expect(sharedText(view)).not.toMatch(/typed below|secret/);
    expect(wheres(view)).toContainEqual(
      expect.stringMatching(
        /^Team, rows \d+–\d+: the "Review log" section was not found, and its rows may be read as this section's/,
      ),
    );
  });

  it('withholds a row with no ID of its section: typed by hand, it is shared once it has one', () => {
    const grid = acmeTab();
    const row = rowOf(grid, 'D-1');
    grid.splice(row, 0, ['', 'Typed by hand']);
    const view = read(grid);
    expect(itemsOf(view, 'debt')).toHaveLength(1);
    expect(wheres(view)).toEqual([
      `Technical debt, row ${row + 1}, ID (A${row + 1}): no ID: a row is shared once it has one (D-n), so that it cannot be another section's row`,
    ]);
  });

  it('withholds a section whose header row has a cell inserted, not a column inserted across the tab', () => {
    const shifted = acmeTab();
    const header = rowOf(shifted, 'Risks') + 1;
    // Likelihood blank: the inserted cell leaves no text under a blank header, only a gap.
    shifted[header]![2] = '';
    shifted[header - 1]!.splice(2, 0, '');
    const view = read(shifted);
    expect(sharedOf(view, 'risk')).toBe(false);
    expect(wheres(view)).toEqual([
      `Risks, rows ${header - 1}–${header + 2}: its header row has an empty cell in column C: a column may not be where the header says. Type a header for it, or delete the cell`,
    ]);
    const inserted = acmeTab().map((r) => {
      const copy = [...r];
      if (copy.length > 2) copy.splice(2, 0, '');
      return copy;
    });
    expect(read(inserted).withheld).toEqual([]);
    expect(itemsOf(read(inserted), 'risk')[0]?.fields['risk']).toBe('Single DBA');
  });

  it('withholds a section with text under no header, as its header row may have shifted', () => {
    const grid = acmeTab();
    const row = rowOf(grid, 'Priya / lead');
    grid[row - 1]![6] = 'typed beside the row';
    const view = read(grid);
    expect(sharedOf(view, 'team')).toBe(false);
    expect(wheres(view)).toEqual([
      `Team, rows ${row - 2}–${row + 1}: G${row} holds text under no header: a column may not be where the header says`,
    ]);
    // A header cell deleted, the row shifted left: the private note is now under no header.
    const shifted = acmeTab();
    shifted[rowOf(shifted, 'Risks')]!.splice(3, 1);
    expect(sharedOf(read(shifted), 'risk')).toBe(false);
  });

  it('withholds a section whose Private column was moved before shared ones, where a shifted header would share it', () => {
    const moved = acmeTab().map((r) => {
      const copy = [...r];
      if (copy.length > 4) copy.splice(1, 0, copy.splice(4, 1)[0]!);
      return copy;
    });
    const view = read(moved);
    expect(sharedOf(view, 'team')).toBe(false);
    expect(wheres(view).find((w) => w.startsWith('Team'))).toMatch(
      /its Private column B stands before shared columns/,
    );
    // Moved across the tab, the other sections' columns stay over their data and are shared.
    expect(itemsOf(view, 'debt')[0]?.fields['title']).toBe('Flaky CI');
  });

  it('withholds everything below a hand-typed "Private…" heading, in any column', () => {
    const grid = acmeTab();
    const heading = grid.length + 2;
    grid.push([], ['Private notes'], ['', '', '', 'ann is leaving'], ['', 'board wants a new CTO']);
    const view = read(grid);
    expect(itemsOf(view, 'review')).toHaveLength(1);
    expect(sharedText(view)).not.toMatch(/leaving|board/);
    expect(wheres(view)).toEqual([
      `Review log, rows ${heading}–${heading + 2}: below the hand-typed heading "Private notes" (row ${heading}): text outside any section is not shared`,
    ]);
  });

  it('withholds a Review log row without a date, and text outside the profile and the sections', () => {
    const grid = acmeTab();
    grid.push(['', '', '', '', 'a note with no date']);
    grid.splice(12, 0, ['Reminder', 'call the lawyer']);
    const view = read(grid);
    expect(sharedText(view)).not.toMatch(/no date|lawyer/);
    expect(wheres(view)).toEqual([
      'Outside any section, row 13: text typed outside the profile and the sections is not shared',
      `Review log, row ${grid.length}: no Date: the row may not belong to this section`,
    ]);
  });

  it('withholds a row with a formula in a shared field; one in a Private note or a live column is fine', () => {
    const grid = acmeTab();
    const debt = rowOf(grid, 'D-1');
    const risk = rowOf(grid, 'R-1');
    const formulas: string[][] = [];
    formulas[debt - 1] = [...new Array<string>(13).fill(''), '=O12'];
    formulas[risk - 1] = ['', '', '', '', '=C*D', '=IF(E>9,"High")', '', '', '', '', '', '=B1'];
    grid[debt - 1]![13] = 'debt secret';
    const view = read(grid, formulas);
    expect(itemsOf(view, 'debt')).toEqual([]);
    expect(itemsOf(view, 'risk')).toHaveLength(1);
    expect(sharedText(view)).not.toMatch(/secret/);
    expect(wheres(view)).toEqual([
      `Technical debt, row ${debt}, Notes (N${debt}): a formula: only typed values are shared`,
    ]);
  });

  it('withholds values an array formula may have spilled below and to its right, which hold no formula', () => {
    const grid = acmeTab();
    const team = rowOf(grid, 'Priya / lead');
    const review = rowOf(grid, '2026-11-16');
    // A private note's array formula fills the Notes of the Review log below with a secret.
    const formulas: string[][] = [];
    formulas[team - 1] = ['', '', '', '', '=TRANSPOSE(Z1:Z9)'];
    grid[review - 1]![4] = 'spilled secret';
    const view = read(grid, formulas);
    expect(sharedText(view)).not.toMatch(/secret/);
    expect(itemsOf(view, 'team')).toHaveLength(1);
    expect(wheres(view)).toEqual([
      `Review log, row ${review}, Notes (E${review}): may hold a value spilled from the formula in E${team}, which can fill the cells below and to its right`,
    ]);
    // A formula of one cell fills no other: the rows below are shared.
    formulas[team - 1] = ['', '', '', '', '=B1'];
    expect(read(grid, formulas).withheld).toEqual([]);
  });

  it('withholds a profile value that is a formula or does not read, and the name with it', () => {
    const grid = acmeTab();
    grid[0]![1] = 'Beacon';
    grid[1]![1] = 'Series Z';
    const formulas = [['', "='Beacon'!B1"]];
    const view = read(grid, formulas);
    expect(view.name).toBeNull();
    expect(view.profile.has('Client')).toBe(false);
    expect(view.profile.has('Stage')).toBe(false);
    expect(wheres(view)).toEqual([
      'Profile, Client (B1): a formula: only typed values are shared',
      'Profile, Stage (B2): Stage must be one of: Idea, Pre-seed, Seed, Series A, Series B, Series C+, Bootstrapped; found "Series Z"',
    ]);
  });

  it('does not share a column whose header was renamed, and says which field is missing', () => {
    const grid = acmeTab();
    const header = rowOf(grid, 'Technical debt') + 1;
    grid[header - 1] = grid[header - 1]!.map((h) => (h === 'Notes' ? 'My notes' : h));
    const view = read(grid);
    expect(itemsOf(view, 'debt')).toHaveLength(1);
    expect(wheres(view)).toEqual([
      `Technical debt, Notes column: row ${header} has no "Notes" header: that field is not shared`,
    ]);
  });
});
