import { describe, expect, it } from 'vitest';
import { locateClientTab } from '../../src/domain/client-tab-layout.js';
import { clientInputSchema } from '../../src/domain/client.js';
import { quadrantOf } from '../../src/domain/debt.js';
import { addSchema } from '../../src/domain/item-schemas.js';
import { nextId } from '../../src/domain/item-ids.js';
import { sectionOf } from '../../src/domain/registry-layout.js';
import { fieldErrors } from '../../src/domain/validation.js';
import {
  collectPriorities,
  comparePriorities,
  type PriorityEntry,
} from '../../src/domain/priorities.js';

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

describe('the priority comparator', () => {
  const entry = (over: Partial<PriorityEntry>): PriorityEntry => ({
    clientId: '1',
    clientName: 'Acme',
    kind: 'debt',
    id: 'D-1',
    row: 1,
    title: '',
    priority: '',
    quadrant: '',
    score: null,
    status: 'Open',
    owner: '',
    due: '',
    added: '',
    ageDays: null,
    overdue: false,
    link: '',
    impact: null,
    effort: null,
    ...over,
  });

  it('applies each rule in turn, each only when the ones before tie', () => {
    const items = [
      entry({ id: 'D-9', clientName: 'Zed' }),
      entry({ id: 'D-8', added: '2026-01-02' }),
      entry({ id: 'D-7', added: '2026-01-01' }),
      entry({ id: 'D-6', due: '2026-12-01' }),
      entry({ id: 'D-5', impact: 2, effort: 4 }),
      entry({ id: 'D-4', impact: 4, effort: 2 }),
      entry({ id: 'D-3', quadrant: 'Quick win' }),
      entry({ id: 'D-2', quadrant: 'Do now' }),
      entry({ id: 'D-11', priority: 'Low' }),
      entry({ id: 'D-10', priority: 'Medium' }),
      entry({ id: 'R-1', kind: 'risk', priority: 'Critical' }),
      entry({ id: 'D-1', priority: 'Low', overdue: true }),
      entry({ id: 'D-12', clientName: 'Acme' }),
    ];
    expect([...items].sort(comparePriorities).map((e) => e.id)).toEqual([
      'D-1',
      'R-1',
      'D-10',
      'D-11',
      'D-2',
      'D-3',
      'D-4',
      'D-5',
      'D-6',
      'D-7',
      'D-8',
      'D-12',
      'D-9',
    ]);
  });

  it('ranks only open debt, open risks and pending decisions of active clients', () => {
    const items = (kind: 'debt' | 'risk' | 'decision', status: string) => [
      { kind, id: `${kind}-${status}`, row: 1, fields: { status, title: status, risk: status } },
    ];
    const client = (name: string, status: string) => ({
      id: name,
      name,
      tabName: name,
      stage: '',
      status,
      hoursPerWeek: 1,
      reviewCadence: 7,
      pmTool: '',
      pmLink: '',
      repoLink: '',
      items: {
        goal: [],
        team: [],
        review: [],
        debt: [...items('debt', 'Open'), ...items('debt', 'Done'), ...items('debt', 'In progress')],
        risk: [...items('risk', 'Mitigating'), ...items('risk', 'Closed')],
        decision: [...items('decision', 'Proposed'), ...items('decision', 'Accepted')],
      },
    });
    const ranked = collectPriorities(
      [client('Acme', 'Active'), client('Paused Co', 'Paused')] as never,
      '2026-11-18',
    );
    expect(ranked.map((e) => `${e.clientName} ${e.id}`).sort()).toEqual([
      'Acme debt-In progress',
      'Acme debt-Open',
      'Acme decision-Proposed',
      'Acme risk-Mitigating',
    ]);
  });
});
