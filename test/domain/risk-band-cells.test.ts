import { describe, expect, it } from 'vitest';
import { readClientItems } from '../../src/domain/client-read.js';
import { locateClientTab } from '../../src/domain/client-tab-layout.js';
import { sectionOf } from '../../src/domain/registry-layout.js';
import { columnLetter } from '../../src/domain/section-items.js';

const risk = sectionOf('risk');
const header = risk.columns.map((c) => c.header);
const at = (h: string) => header.indexOf(h);

/** The problems about Band cells (the tab holds no other section, each reported missing). */
const bandProblems = (grid: unknown[][]) =>
  readClientItems(locateClientTab(grid), 'Acme').problems.filter((p) =>
    p.reason.startsWith('Band'),
  );

/** A Risks section with one row per [likelihood, impact, band] given. */
function tab(rows: [number | '', number | '', string][]): unknown[][] {
  return [
    ['Client', 'Acme'],
    [],
    [risk.title],
    header,
    ...rows.map(([likelihood, impact, band], i) => {
      const row: unknown[] = header.map(() => '');
      row[at('ID')] = `R-${i + 1}`;
      row[at('Likelihood')] = likelihood;
      row[at('Impact')] = impact;
      row[at('Band')] = band;
      return row;
    }),
  ];
}

describe('a risk whose Band cell was pasted or typed over', () => {
  it('is a Problem naming the Band cell, what it shows and the band Likelihood × Impact gives', () => {
    expect(bandProblems(tab([[4, 4, '']]))).toEqual([
      {
        tab: 'Acme',
        cell: `${columnLetter(at('Band') + 1)}5`,
        reason: expect.stringMatching(
          /^Band shows nothing where Likelihood × Impact gives Critical/,
        ),
      },
    ]);
  });

  it('names a stale band too, and nothing when the cell agrees or the numbers are missing', () => {
    const problems = bandProblems(
      tab([
        [3, 4, 'Medium'],
        [4, 4, 'Critical'],
        ['', 4, ''],
      ]),
    );
    expect(problems.map((p) => [p.cell, p.reason.slice(0, 61)])).toEqual([
      [
        `${columnLetter(at('Band') + 1)}5`,
        'Band shows "Medium" where Likelihood × Impact gives High: its',
      ],
    ]);
  });
});
