import { describe, expect, it } from 'vitest';
import { locateClientTab } from '../../src/domain/client-tab-layout.js';
import { sectionDoubt } from '../../src/domain/founder-doubts.js';
import { findRegions } from '../../src/domain/founder-regions.js';
import type { SectionKind } from '../../src/domain/registry-layout.js';
import { clientTabGrid, rowOf, type Cell } from './client-tab-fixture.js';

function tab(): Cell[][] {
  return clientTabGrid(
    { name: 'Acme', status: 'Active', hoursPerWeek: 4 },
    {
      debt: [
        { id: 'D-1', title: 'Flaky CI', impact: 4, effort: 2 },
        { id: 'D-2', title: 'No backups', impact: 5, effort: 1 },
      ],
      decision: [{ id: 'ADR-1', title: 'Adopt Auth0' }],
    },
  );
}

function regionsOf(grid: Cell[][]) {
  const layout = locateClientTab(grid);
  return { layout, regions: findRegions(grid, layout) };
}

function doubtOf(grid: Cell[][], kind: SectionKind): string | null {
  const { layout, regions } = regionsOf(grid);
  const section = layout.sections.get(kind);
  if (!section) throw new Error(`no ${kind} section`);
  const others = [...layout.sections.values()].filter((s) => s !== section);
  return sectionDoubt(grid, section, others, regions);
}

describe('the rows of a client tab a founder view may read', () => {
  it('gives each located section its rows down to its end, and withholds nothing in a clean tab', () => {
    const grid = tab();
    const { layout, regions } = regionsOf(grid);
    expect(regions.withheld).toEqual([]);
    expect(regions.doubts.size).toBe(0);
    const debt = layout.sections.get('debt');
    expect(regions.sections.get('debt')?.lastRow).toBe(debt?.endRow);
    expect(grid[(regions.sections.get('debt')?.lastRow ?? 0) - 1]?.[0]).not.toBe('Decisions');
  });

  it('ends a section at a hand-typed "Private" heading and withholds the rows below it', () => {
    const grid = tab();
    const second = rowOf(grid, 'D-2');
    grid.splice(second - 1, 0, ['Private: notes from the board']);
    grid.splice(second, 0, ['board wants a sale']);
    const { regions } = regionsOf(grid);
    expect(regions.sections.get('debt')?.lastRow).toBe(second - 1);
    expect(regions.withheld).toHaveLength(1);
    expect(regions.withheld[0]?.cell).toBe(`A${second}`);
    expect(regions.withheld[0]?.where).toBe(`Technical debt, rows ${second}–${second + 2}`);
    expect(regions.withheld[0]?.reason).toMatch(
      /hand-typed heading "Private: notes from the board"/,
    );
  });

  it('withholds text typed between the profile and the first section, naming its rows', () => {
    const grid = tab();
    const blank = rowOf(grid, 'Priorities & 90-day goals') - 1;
    grid[blank - 1] = ['call the lawyer about the term sheet'];
    const { regions } = regionsOf(grid);
    expect(regions.withheld.map((w) => [w.cell, w.where])).toEqual([
      [`A${blank}`, `Outside any section, row ${blank}`],
    ]);
  });

  it('withholds a section whose title is there but whose header row was deleted, rows and all', () => {
    const grid = tab();
    const header = rowOf(grid, 'Decisions') + 1;
    grid.splice(header - 1, 1);
    const { layout, regions } = regionsOf(grid);
    expect(layout.sections.has('decision')).toBe(false);
    const said = regions.withheld.find((w) => w.where.startsWith('Decisions'));
    expect(said?.reason).toMatch(/header row below the "Decisions" title is missing/);
  });
});

describe('whether a located section can be read with confidence', () => {
  it('has no doubt about a section the add-on drew', () => {
    expect(doubtOf(tab(), 'debt')).toBeNull();
  });

  it("doubts a section whose header row lost its ID column: its rows cannot be told from another section's", () => {
    const grid = tab();
    const header = rowOf(grid, 'Technical debt') + 1;
    grid[header - 1] = (grid[header - 1] ?? []).map((h) => (h === 'ID' ? 'Ref' : h));
    expect(doubtOf(grid, 'debt')).toMatch(/no "ID"/);
  });

  it('doubts a section with text under no header, naming the cell', () => {
    const grid = tab();
    const row = rowOf(grid, 'D-1');
    const width = (grid[rowOf(grid, 'Technical debt')] ?? []).length;
    (grid[row - 1] as Cell[])[width + 1] = 'stray';
    const letter = String.fromCharCode(65 + width + 1);
    expect(doubtOf(grid, 'debt')).toBe(
      `${letter}${row} holds text under no header: a column may not be where the header says`,
    );
  });

  it('doubts a section whose Private column stands before shared columns', () => {
    const grid = tab();
    const header = rowOf(grid, 'Technical debt') + 1;
    const cells = grid[header - 1] as Cell[];
    const priv = cells.indexOf('Private note');
    const title = cells.indexOf('Title');
    [cells[priv], cells[title]] = [cells[title] as Cell, cells[priv] as Cell];
    expect(doubtOf(grid, 'debt')).toMatch(/Private column B stands before shared columns/);
  });
});
