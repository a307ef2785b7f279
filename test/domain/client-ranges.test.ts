import { describe, expect, it } from 'vitest';
import {
  a1Reference,
  clientRanges,
  MISSING_RANGE,
  quotedTabName,
  rangeOf,
} from '../../src/domain/client-ranges.js';
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

describe("a client's references (ADR 32)", () => {
  const refs = clientRanges('Acme', locateClientTab(grid), grid.length);

  it("quote the tab's name always, an apostrophe doubled, and fix rows and columns", () => {
    expect(quotedTabName("Joe's Pizza")).toBe("'Joe''s Pizza'");
    expect(a1Reference("Joe's Pizza", 8, 2, 4)).toBe("'Joe''s Pizza'!$B$8:$B$11");
    expect(a1Reference('Acme', 1, 2)).toBe("'Acme'!$B$1");
  });

  it("run from a section's first data row down to the next section's title row", () => {
    // Debt data starts on row 8; the Decisions title is on row 11: rows 8 to 11.
    expect(refs.get('debt_title')).toBe("'Acme'!$B$8:$B$11");
    expect(refs.get('debt_priority')).toBe("'Acme'!$D$8:$D$11");
    expect(refs.get('debt_quadrant')).toBe("'Acme'!$G$8:$G$11");
    expect(refs.get('debt_status')).toBe("'Acme'!$H$8:$H$11");
  });

  it('give a section with no data rows a one-row range on the next title', () => {
    // Decisions header on row 12, Review log title on row 13.
    expect(refs.get('decision_status')).toBe("'Acme'!$C$13");
    expect(refs.get('decision_due')).toBe("'Acme'!$F$13");
  });

  it("run the last section's ranges to the tab's last row with content", () => {
    expect(refs.get('review_date')).toBe("'Acme'!$A$15:$A$16");
    const longer = clientRanges('Acme', locateClientTab(grid), 40);
    expect(longer.get('review_date')).toBe("'Acme'!$A$15:$A$40");
  });

  it('leave out the ranges of a section the tab does not have, which then read as an error', () => {
    expect([...refs.keys()].some((k) => k.startsWith('risk_') || k.startsWith('goal_'))).toBe(
      false,
    );
    expect(rangeOf(refs, 'risk_status')).toBe(MISSING_RANGE);
  });

  it('name one profile cell each, in column B', () => {
    expect(['name', 'stage', 'status', 'hours'].map((k) => refs.get(k))).toEqual([
      "'Acme'!$B$1",
      "'Acme'!$B$2",
      "'Acme'!$B$3",
      "'Acme'!$B$4",
    ]);
  });

  it('follow a column the person moved', () => {
    const swap = (r: unknown[]) => [r[1], r[0], ...r.slice(2)];
    const moved = grid.map((r, i) => (i >= 6 && i <= 9 ? swap(r) : r));
    expect(clientRanges('Acme', locateClientTab(moved), moved.length).get('debt_title')).toBe(
      "'Acme'!$A$8:$A$11",
    );
  });
});
