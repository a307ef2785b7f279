import { describe, expect, it } from 'vitest';
import { locateClientTab } from '../../src/domain/client-tab-layout.js';
import { clientInputSchema } from '../../src/domain/client.js';
import { quadrantOf } from '../../src/domain/debt.js';
import { addSchema } from '../../src/domain/item-schemas.js';
import { nextId } from '../../src/domain/item-ids.js';
import { sectionOf } from '../../src/domain/registry-layout.js';
import { fieldErrors } from '../../src/domain/validation.js';

describe('quadrantOf', () => {
  it.each([
    [5, 1, 'Do now'],
    [3, 2, 'Do now'],
    [3, 3, 'Plan & invest'],
    [2, 2, 'Quick win'],
    [1, 5, 'Skip for now'],
    [null, 2, null],
    [4, null, null],
  ] as const)('impact %s and effort %s give %s', (impact, effort, quadrant) => {
    expect(quadrantOf(impact, effort)).toBe(quadrant);
  });

  it('follows the thresholds', () => {
    expect(quadrantOf(3, 2, { impact: 4, effort: 3 })).toBe('Quick win');
    expect(quadrantOf(4, 2, { impact: 4, effort: 2 })).toBe('Plan & invest');
  });
});

describe('nextId', () => {
  it('follows the highest ID in use or ever issued, ignoring other kinds and junk', () => {
    expect(nextId('D', [], 0)).toBe('D-1');
    expect(nextId('D', ['D-2', 'D-10', 'ADR-40', 'x', 7, ' D-11 '], 0)).toBe('D-12');
    expect(nextId('D', ['D-2'], 9)).toBe('D-10');
    expect(nextId('ADR', ['ADR-3', 'D-9'], 0)).toBe('ADR-4');
  });
});

describe('locateClientTab', () => {
  // Debt headers reordered by a person: Title first, ID second, the rest as the add-on drew them.
  const debtHeaders = [
    'Title',
    'ID',
    ...sectionOf('debt')
      .columns.map((c) => c.header)
      .filter((h) => h !== 'Title' && h !== 'ID'),
  ];
  const grid = [
    ['Client', 'Acme'],
    ['Hours per week', 2],
    ['', ''],
    ['Technical debt', '', ''],
    debtHeaders,
    ['Fix CI', 'D-1', '', 'High', 3, 2],
    ['', '', '', '', ''],
    ['Typed by hand', '', '', 'Low', 2, 2],
    ['', '', '', '', ''],
    ['Decisions', '', ''],
    sectionOf('decision').columns.map((c) => c.header),
    ['ADR-1', 'Use Postgres', 'Accepted'],
  ];

  it('finds sections by title and columns by header, in any order, skipping blank rows', () => {
    const layout = locateClientTab(grid);
    expect(layout.profile.get('Client')?.value).toBe('Acme');
    expect(layout.profile.get('Hours per week')).toEqual({ row: 2, value: 2 });
    const debt = layout.sections.get('debt');
    expect(debt?.titleRow).toBe(4);
    expect(debt?.columns.get('ID')).toBe(2);
    expect(debt?.rows.map((r) => r.row)).toEqual([6, 8]);
    expect(debt?.lastFilledRow).toBe(8);
    expect(debt?.endRow).toBe(9);
    expect(layout.sections.get('decision')?.rows).toHaveLength(1);
    expect(layout.sections.has('risk')).toBe(false);
  });

  it('does not take a data cell that happens to say a section title for a section', () => {
    const layout = locateClientTab([
      ['Decisions'],
      ['not a header row'],
      ['Technical debt'],
      ['ID', 'Title', 'Area', 'Priority', 'Impact', 'Effort', 'Quadrant', 'Status'],
    ]);
    expect([...layout.sections.keys()]).toEqual(['debt']);
  });
});

describe('schemas', () => {
  it('reports every wrong field of a client at once, for forms', () => {
    expect(
      fieldErrors(clientInputSchema, { name: '', hoursPerWeek: -1, founderEmails: 'x' }),
    ).toEqual({
      name: 'Client name is required.',
      hoursPerWeek: 'Hours per week must be a number from 0 to 40.',
      founderEmails: 'Founder emails: "x" is not an email address.',
    });
  });

  it('normalises tags and fills defaults', () => {
    expect(
      addSchema('debt').parse({ title: '  Flaky CI ', tags: 'CI, ci ,  Tests,' }),
    ).toMatchObject({
      title: 'Flaky CI',
      tags: ['ci', 'tests'],
      priority: 'Medium',
      status: 'Open',
      impact: null,
      effort: null,
    });
  });
});
