import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { locateClientTab } from '../../src/domain/client-tab-layout.js';
import { readSectionItems } from '../../src/domain/section-items.js';
import { SECTIONS } from '../../src/domain/registry-layout.js';
import { readPrinciples } from '../../src/domain/principles.js';
import { readDependencies } from '../../src/domain/dependencies.js';
import { readSettings } from '../../src/domain/settings.js';

const hostileCell = fc.oneof(
  fc.string(),
  fc.string({ minLength: 0, maxLength: 3 }).map((s) => `=${s}`),
  fc.integer(),
  fc.double({ noNaN: false }),
  fc.boolean(),
  fc.date({ noInvalidDate: false }),
  fc.constantFrom(
    '#REF!',
    '#N/A',
    '#NAME?',
    '#VALUE!',
    '#DIV/0!',
    '',
    ' ',
    'x'.repeat(50000),
    null,
    undefined,
  ),
  fc.constantFrom(...SECTIONS.map((s) => s.title)),
  fc.constantFrom(...SECTIONS.flatMap((s) => s.columns.map((c) => c.header))),
);

/** A real section's header, moved to a random place in the grid, with random rows around it. */
const gridWithSections = fc
  .tuple(
    fc.array(fc.array(hostileCell, { maxLength: 18 }), { maxLength: 40 }),
    fc.subarray(SECTIONS as unknown as (typeof SECTIONS)[number][]),
    fc.nat(),
  )
  .map(([rows, sections, seed]) => {
    const grid = rows.map((r) => [...r]);
    sections.forEach((s, i) => {
      const at = (seed + i * 7) % (grid.length + 1);
      grid.splice(
        at,
        0,
        [s.title],
        s.columns.map((c) => c.header),
      );
    });
    return grid;
  });

describe('row readers never throw, whatever a person typed', () => {
  it('reads any grid, reporting each unreadable cell with tab, cell and reason', () => {
    let problemsSeen = 0;
    fc.assert(
      fc.property(gridWithSections, (grid) => {
        const layout = locateClientTab(grid);
        for (const section of layout.sections.values()) {
          const { items, problems } = readSectionItems(section, 'Tab');
          expect(items.length).toBe(section.rows.length);
          for (const p of problems) {
            expect(p.tab).toBe('Tab');
            expect(p.cell).toMatch(/^[A-Z]+\d+$/);
            expect(p.reason.length).toBeGreaterThan(10);
          }
          problemsSeen += problems.length;
        }
        readPrinciples(grid);
        readDependencies(grid);
        readSettings(grid);
      }),
      { numRuns: 400 },
    );
    expect(problemsSeen).toBeGreaterThan(0);
  });

  it('a readable row reads back exactly what was written', () => {
    const debt = SECTIONS.find((s) => s.kind === 'debt')!;
    const row = fc.record({
      id: fc.integer({ min: 1, max: 999 }).map((n) => `D-${n}`),
      title: fc
        .string({ minLength: 1, maxLength: 50 })
        .filter((s) => s.trim() === s && s.length > 0 && !/^#/.test(s)),
      priority: fc.constantFrom('High', 'Medium', 'Low'),
      impact: fc.integer({ min: 1, max: 5 }),
      effort: fc.integer({ min: 1, max: 5 }),
      status: fc.constantFrom('Open', 'In progress', 'Done', "Won't fix"),
      added: fc
        .date({ min: new Date('2000-01-01'), max: new Date('2099-12-31'), noInvalidDate: true })
        .map((d) => d.toISOString().slice(0, 10)),
    });
    fc.assert(
      fc.property(fc.array(row, { minLength: 1, maxLength: 10 }), (rows) => {
        const header = debt.columns.map((c) => c.header);
        const grid: unknown[][] = [
          [debt.title],
          header,
          ...rows.map((r) =>
            header.map(
              (h) =>
                ({
                  ID: r.id,
                  Title: r.title,
                  Priority: r.priority,
                  Impact: r.impact,
                  Effort: r.effort,
                  Status: r.status,
                  Added: r.added,
                })[h] ?? '',
            ),
          ),
        ];
        const section = locateClientTab(grid).sections.get('debt')!;
        const { items, problems } = readSectionItems(section, 'Tab');
        expect(problems).toEqual([]);
        expect(
          items.map((i) => ({
            id: i.id,
            title: i.fields['title'],
            priority: i.fields['priority'],
            impact: i.fields['impact'],
            effort: i.fields['effort'],
            status: i.fields['status'],
            added: i.fields['added'],
          })),
        ).toEqual(rows);
      }),
      { numRuns: 200 },
    );
  });
});
