import { describe, expect, it } from 'vitest';
import { clientRangeSpecs, rangeName } from '../../src/domain/client-ranges.js';
import { locateClientTab } from '../../src/domain/client-tab-layout.js';
import { sectionOf } from '../../src/domain/registry-layout.js';

const headers = (kind: Parameters<typeof sectionOf>[0]) =>
  sectionOf(kind).columns.map((c) => c.header);

// Debt columns: ID, Title, Area, Priority, Impact, Effort, Quadrant, Status (B, D, G, H).
// Decision columns: ID, Title, Status, Proposed on, Decided on, Due (C, F).
const grid: unknown[][] = [
  ['Client', 'Acme'], // 1
  ['Stage', 'Seed'], // 2
  ['Status', 'Active'], // 3
  ['Hours per week', 4], // 4
  [], // 5
  ['Technical debt'], // 6
  headers('debt'), // 7
  ['D-1', 'Flaky CI', 'CI', 'High', 4, 2, 'Do now', 'Open'], // 8
  [], // 9
  ['D-2', 'Old ORM', 'Data', '', 2, 4, 'Skip for now', ''], // 10
  ['Decisions'], // 11
  headers('decision'), // 12
  ['Review log'], // 13
  headers('review'), // 14
  ['2026-11-09', 'Yes'], // 15
  ['2026-11-16', 'Yes'], // 16
];

describe("a client's named ranges", () => {
  const specs = clientRangeSpecs('7', locateClientTab(grid), grid, 1000);
  const byName = new Map(specs.map((s) => [s.name, s]));

  it('are named CTOR_<client id>_<what>', () => {
    expect(rangeName('7', 'debt_status')).toBe('CTOR_7_debt_status');
  });

  it("run from a section's first data row down to the next section's title row", () => {
    // Debt data starts on row 8; the Decisions title is on row 11: rows 8 to 11.
    expect(byName.get('CTOR_7_debt_title')).toEqual({
      name: 'CTOR_7_debt_title',
      row: 8,
      column: 2,
      numRows: 4,
      filled: 2,
      toSheetEnd: false,
    });
  });

  it('count the cells filled in, blank statuses and priorities not counted', () => {
    expect(byName.get('CTOR_7_debt_priority')).toMatchObject({ column: 4, filled: 1 });
    expect(byName.get('CTOR_7_debt_quadrant')).toMatchObject({ column: 7, filled: 2 });
    expect(byName.get('CTOR_7_debt_status')).toMatchObject({ column: 8, filled: 1 });
  });

  it('give a section with no data rows a one-row range on the next title', () => {
    // Decisions header on row 12, Review log title on row 13.
    expect(byName.get('CTOR_7_decision_status')).toEqual({
      name: 'CTOR_7_decision_status',
      row: 13,
      column: 3,
      numRows: 1,
      filled: 0,
      toSheetEnd: false,
    });
    expect(byName.get('CTOR_7_decision_due')).toMatchObject({ row: 13, column: 6, numRows: 1 });
  });

  it("run the last section's ranges to the sheet's last row", () => {
    expect(byName.get('CTOR_7_review_date')).toEqual({
      name: 'CTOR_7_review_date',
      row: 15,
      column: 1,
      numRows: 986,
      filled: 2,
      toSheetEnd: true,
    });
  });

  it('leave out the ranges of a section the tab does not have', () => {
    expect(specs.some((s) => s.name.startsWith('CTOR_7_risk_'))).toBe(false);
    expect(specs.some((s) => s.name.startsWith('CTOR_7_goal_'))).toBe(false);
  });

  it('name one profile cell each, in column B, checked for existence only', () => {
    expect(specs.filter((s) => s.numRows === 1 && s.filled === -1)).toEqual([
      { name: 'CTOR_7_name', row: 1, column: 2, numRows: 1, filled: -1, toSheetEnd: false },
      { name: 'CTOR_7_stage', row: 2, column: 2, numRows: 1, filled: -1, toSheetEnd: false },
      { name: 'CTOR_7_status', row: 3, column: 2, numRows: 1, filled: -1, toSheetEnd: false },
      { name: 'CTOR_7_hours', row: 4, column: 2, numRows: 1, filled: -1, toSheetEnd: false },
    ]);
  });

  it('follow a column the person moved, counting what the range covers', () => {
    const swap = (r: unknown[]) => [r[1], r[0], ...r.slice(2)];
    const moved = grid.map((r, i) => (i >= 6 && i <= 9 ? swap(r) : r));
    const title = clientRangeSpecs('7', locateClientTab(moved), moved, 1000).find(
      (s) => s.name === 'CTOR_7_debt_title',
    );
    // Title now in column A: rows 8 to 11 hold "Flaky CI", blank, "Old ORM" and the
    // "Decisions" title the range runs down to.
    expect(title).toMatchObject({ row: 8, column: 1, numRows: 4, filled: 3 });
  });
});
