/**
 * The ranking rule, one step at a time: each test holds every earlier key equal and shows the
 * step deciding, so a step moved or dropped fails here by name.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  collectPriorities,
  comparePriorities,
  rankPriorities,
  type PriorityEntry,
} from '../../src/domain/priorities.js';
import { QUADRANTS } from '../../src/domain/debt.js';
import { client, item } from './registry-fixture.js';

const TODAY = '2026-11-18';

function entry(over: Partial<PriorityEntry>): PriorityEntry {
  return {
    clientId: '1',
    clientName: 'Acme',
    kind: 'debt',
    id: 'D-1',
    row: 10,
    title: '',
    priority: 'Medium',
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
  };
}

/** The ids in ranked order, whatever order they were given in. */
function ranked(entries: PriorityEntry[]): string[] {
  const forward = rankPriorities(entries).map((e) => e.id);
  expect(rankPriorities([...entries].reverse()).map((e) => e.id)).toEqual(forward);
  return forward;
}

describe('the ranking rule, step by step', () => {
  it('1. an overdue item comes first, above a Critical one', () => {
    expect(
      ranked([
        entry({ id: 'R-1', kind: 'risk', priority: 'Critical' }),
        entry({ id: 'D-1', priority: 'Low', overdue: true }),
      ]),
    ).toEqual(['D-1', 'R-1']);
  });

  it('2. then priority: Critical, High, Medium, Low, unset', () => {
    expect(
      ranked([
        entry({ id: 'D-5', priority: '' }),
        entry({ id: 'D-4', priority: 'Low' }),
        entry({ id: 'D-3', priority: 'Medium' }),
        entry({ id: 'D-2', priority: 'High' }),
        entry({ id: 'R-1', kind: 'risk', priority: 'Critical' }),
      ]),
    ).toEqual(['R-1', 'D-2', 'D-3', 'D-4', 'D-5']);
  });

  it('2. a Critical risk due next month ranks above High debt in the Do-now quadrant', () => {
    const acme = client({
      items: {
        debt: [
          item('debt', 'D-1', {
            title: 'Secrets in history',
            priority: 'High',
            impact: 5,
            effort: 1,
            status: 'Open',
          }),
        ],
        risk: [
          item('risk', 'R-1', {
            risk: 'Single DBA',
            likelihood: 4,
            impact: 5,
            due: '2026-12-20',
            status: 'Open',
          }),
        ],
      },
    });
    const list = collectPriorities([acme], TODAY);
    expect(list.map((e) => [e.id, e.priority, e.quadrant])).toEqual([
      ['R-1', 'Critical', ''],
      ['D-1', 'High', 'Do now'],
    ]);
  });

  it("2. a risk's band is its priority, and a pending decision without one is Medium", () => {
    const acme = client({
      items: {
        debt: [
          item('debt', 'D-1', { title: 'High debt', priority: 'High', status: 'Open' }),
          item('debt', 'D-2', { title: 'Low debt', priority: 'Low', status: 'Open' }),
        ],
        risk: [
          // 3 × 4 = 12: High.
          item('risk', 'R-1', { risk: 'Vendor', likelihood: 3, impact: 4, status: 'Open' }),
        ],
        decision: [item('decision', 'ADR-1', { title: 'Pick a queue', status: 'Proposed' })],
      },
    });
    const list = collectPriorities([acme], TODAY);
    expect(list.map((e) => `${e.id} ${e.priority}`)).toEqual([
      'D-1 High', // High ties with R-1; the client name ties; D before R
      'R-1 High',
      'ADR-1 Medium',
      'D-2 Low',
    ]);
  });

  it('3. then quadrant: Do now, Plan & invest, Quick win, Skip for now, none', () => {
    expect(
      ranked([
        entry({ id: 'D-5', quadrant: '' }),
        entry({ id: 'D-4', quadrant: 'Skip for now' }),
        entry({ id: 'D-3', quadrant: 'Quick win' }),
        entry({ id: 'D-2', quadrant: 'Plan & invest' }),
        entry({ id: 'D-1', quadrant: 'Do now' }),
      ]),
    ).toEqual(['D-1', 'D-2', 'D-3', 'D-4', 'D-5']);
  });

  it('4. then impact ÷ effort, highest first; an item without both comes last', () => {
    expect(
      ranked([
        entry({ id: 'D-3', impact: null, effort: 2 }),
        entry({ id: 'D-2', impact: 3, effort: 3 }),
        entry({ id: 'D-1', impact: 4, effort: 2 }),
      ]),
    ).toEqual(['D-1', 'D-2', 'D-3']);
  });

  it('5. then due date, earliest first, blank last', () => {
    expect(
      ranked([
        entry({ id: 'R-3', kind: 'risk', due: '' }),
        entry({ id: 'R-2', kind: 'risk', due: '2026-12-20' }),
        entry({ id: 'R-1', kind: 'risk', due: '2026-11-30' }),
      ]),
    ).toEqual(['R-1', 'R-2', 'R-3']);
  });

  it('6. then date added, earliest first, blank last', () => {
    expect(
      ranked([
        entry({ id: 'D-3', added: '' }),
        entry({ id: 'D-2', added: '2026-10-02' }),
        entry({ id: 'D-1', added: '2026-10-01' }),
      ]),
    ).toEqual(['D-1', 'D-2', 'D-3']);
  });

  it("7. then client name (case aside), then the ID's kind and number", () => {
    expect(
      ranked([
        entry({ id: 'D-10', clientName: 'beacon' }),
        entry({ id: 'D-2', clientName: 'Beacon', clientId: '2' }),
        entry({ id: 'D-9', clientName: 'Zed', clientId: '3' }),
        entry({ id: 'D-7', clientName: 'acme' }),
      ]),
    ).toEqual(['D-7', 'D-2', 'D-10', 'D-9']);
    expect(comparePriorities(entry({ id: 'D-2' }), entry({ id: 'D-10' }))).toBeLessThan(0);
  });

  it('each step decides only when every step before it ties', () => {
    // The later key says the opposite of the earlier one every time; the earlier one wins.
    const pairs: [Partial<PriorityEntry>, Partial<PriorityEntry>][] = [
      [{ overdue: true, priority: 'Low' }, { priority: 'Critical' }],
      [{ priority: 'Critical' }, { priority: 'High', quadrant: 'Do now' }],
      [{ quadrant: 'Skip for now' }, { quadrant: '', impact: 5, effort: 1 }],
      [
        { impact: 5, effort: 1, due: '2026-12-31' },
        { impact: 1, effort: 5, due: '2026-11-20' },
      ],
      [
        { due: '2026-12-01', added: '2026-11-01' },
        { due: '2026-12-02', added: '2026-01-01' },
      ],
      [
        { added: '2026-01-01', clientName: 'Zed' },
        { added: '2026-01-02', clientName: 'Acme' },
      ],
      [
        { clientName: 'Acme', id: 'D-9' },
        { clientName: 'Beacon', id: 'D-1' },
      ],
    ];
    for (const [first, second] of pairs) {
      const [a, b] = [first.id ?? 'D-1', second.id ?? 'D-2'];
      expect(
        ranked([entry({ ...second, id: b }), entry({ ...first, id: a })]),
        JSON.stringify(first),
      ).toEqual([a, b]);
    }
  });
});

describe('ranking a whole list', () => {
  // Few values per key, so that most pairs tie on several steps and the later steps decide.
  const anEntry = fc.record({
    overdue: fc.boolean(),
    priority: fc.constantFrom('Critical', 'High', 'Medium', 'Low', '', 'Urgent'),
    quadrant: fc.constantFrom(...QUADRANTS, ''),
    impact: fc.option(fc.integer({ min: 0, max: 5 })),
    effort: fc.option(fc.integer({ min: 0, max: 5 })),
    due: fc.constantFrom('', '2026-11-01', '2026-11-18', '2026-12-01', 'soon'),
    added: fc.constantFrom('', '2026-01-05', '2026-11-18', 'Q3'),
    clientName: fc.constantFrom('Acme', 'acme', 'ACME', 'Beacon', 'Ärger', 'zed', ''),
    id: fc.constantFrom(
      'D-1',
      'D-2',
      'D-10',
      'D-01',
      'ADR-1',
      'ADR-12',
      'R-3',
      'X',
      '',
      '7',
      'D-1a',
    ),
    row: fc.integer({ min: 1, max: 4 }),
  });

  it('ranks exactly as sorting by the comparator does', () => {
    fc.assert(
      fc.property(fc.array(anEntry, { maxLength: 60 }), (over) => {
        // Each entry's title is its place in the input, so the two orders compare entry by entry.
        const entries = over.map((o, i) => entry({ ...o, title: String(i) }));
        const bySort = [...entries].sort(comparePriorities).map((e) => e.title);
        expect(rankPriorities(entries).map((e) => e.title)).toEqual(bySort);
      }),
      { numRuns: 500 },
    );
  });
});
