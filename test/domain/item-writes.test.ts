import { describe, expect, it } from 'vitest';
import { locateClientTab, type LocatedSection } from '../../src/domain/client-tab-layout.js';
import { InputError } from '../../src/domain/input-error.js';
import {
  changedItem,
  newItem,
  supersededId,
  withAutomaticDates,
} from '../../src/domain/item-writes.js';
import { sectionOf, type SectionKind } from '../../src/domain/registry-layout.js';

const TODAY = '2026-12-01';
const today = (): string => TODAY;

/** A client tab holding one section with the given data rows, under its own header. */
function section(kind: SectionKind, rows: Record<string, unknown>[] = []): LocatedSection {
  const spec = sectionOf(kind);
  const header = spec.columns.map((c) => c.header);
  const grid = [[spec.title], header, ...rows.map((r) => header.map((h) => r[h] ?? ''))];
  return locateClientTab(grid).sections.get(kind) as LocatedSection;
}

function thrown(f: () => unknown): InputError {
  try {
    f();
  } catch (e) {
    if (e instanceof InputError) return e;
    throw e;
  }
  throw new Error('expected an InputError');
}

describe('automatic dates', () => {
  it('gives a new debt item, decision and review the creation date only when left empty', () => {
    expect(withAutomaticDates('debt', {}, today, { isNew: true })['added']).toBe(TODAY);
    expect(withAutomaticDates('decision', {}, today, { isNew: true })['proposedOn']).toBe(TODAY);
    expect(withAutomaticDates('review', {}, today, { isNew: true })['date']).toBe(TODAY);
    expect(
      withAutomaticDates('debt', { added: '2026-01-05' }, today, { isNew: true })['added'],
    ).toBe('2026-01-05');
  });

  it('gives a decision recorded after it was made its decided date as proposed date, never a later one', () => {
    const added = withAutomaticDates(
      'decision',
      { status: 'Accepted', decidedOn: '2026-01-05' },
      today,
      { isNew: true },
    );
    expect([added['proposedOn'], added['decidedOn']]).toEqual(['2026-01-05', '2026-01-05']);
  });

  it('refuses a decided date before the proposed one, naming Decided on', () => {
    expect(() =>
      withAutomaticDates('decision', { proposedOn: '2026-02-01', decidedOn: '2026-01-05' }, today, {
        isNew: true,
      }),
    ).toThrow('Decided on (2026-01-05) cannot be before Proposed on (2026-02-01).');
  });

  it('adds no creation date to goals, risks and team rows, nor to a change', () => {
    for (const kind of ['goal', 'risk', 'team'] as const)
      expect(withAutomaticDates(kind, { title: 'x' }, today, { isNew: true })).toEqual({
        title: 'x',
      });
    expect(
      withAutomaticDates('debt', { title: 'x' }, today, { isNew: false, decidedOnBefore: '' }),
    ).toEqual({ title: 'x' });
  });

  it('dates a decision accepted now, unless a date is given or one was already recorded', () => {
    const accepted = { status: 'Accepted' };
    expect(withAutomaticDates('decision', accepted, today, { isNew: true })['decidedOn']).toBe(
      TODAY,
    );
    expect(
      withAutomaticDates('decision', accepted, today, { isNew: false, decidedOnBefore: '' })[
        'decidedOn'
      ],
    ).toBe(TODAY);
    expect(
      withAutomaticDates('decision', accepted, today, {
        isNew: false,
        decidedOnBefore: new Date(Date.UTC(2026, 10, 3)),
      }),
    ).not.toHaveProperty('decidedOn');
    expect(
      withAutomaticDates('decision', { ...accepted, decidedOn: '2026-11-30' }, today, {
        isNew: true,
      })['decidedOn'],
    ).toBe('2026-11-30');
    expect(
      withAutomaticDates('decision', { status: 'Proposed' }, today, { isNew: true }),
    ).not.toHaveProperty('decidedOn');
  });

  it('asks for today only when a date is filled in', () => {
    let asked = 0;
    const counting = (): string => {
      asked += 1;
      return TODAY;
    };
    withAutomaticDates('goal', { title: 'x' }, counting, { isNew: true });
    withAutomaticDates('debt', { added: '2026-01-05' }, counting, { isNew: true });
    expect(asked).toBe(0);
    withAutomaticDates('debt', {}, counting, { isNew: true });
    expect(asked).toBe(1);
  });
});

describe('supersedes', () => {
  const decisions = section('decision', [
    { ID: 'ADR-1', Title: 'Postgres', Status: 'Accepted' },
    { ID: 'ADR-2', Title: 'Queue', Status: 'Proposed' },
  ]);

  it('names a decision recorded at this client, trimmed', () => {
    expect(supersededId(decisions, { supersedes: ' ADR-1 ' }, 'ADR-3')).toBe('ADR-1');
    expect(supersededId(decisions, { supersedes: '' }, 'ADR-3')).toBeNull();
    expect(supersededId(decisions, {}, 'ADR-3')).toBeNull();
  });

  it('refuses the decision itself and one not at this client, naming the field', () => {
    const self = thrown(() => supersededId(decisions, { supersedes: 'ADR-2' }, 'ADR-2'));
    expect(self.message).toBe('Supersedes cannot name the decision itself.');
    expect(self.field).toBe('supersedes');
    const missing = thrown(() => supersededId(decisions, { supersedes: 'ADR-9' }, 'ADR-3'));
    expect(missing.message).toBe('Supersedes: there is no decision ADR-9 at this client.');
    expect(missing.field).toBe('supersedes');
  });
});

describe('a new item', () => {
  it('takes the next ID after every one in its section and after the highest ever issued', () => {
    const debt = section('debt', [
      { ID: 'D-2', Title: 'a' },
      { ID: 'D-7', Title: 'b' },
    ]);
    expect(newItem(debt, { title: 'c' }, 0, today).id).toBe('D-8');
    expect(newItem(debt, { title: 'c' }, 12, today).id).toBe('D-13');
    expect(newItem(section('debt'), { title: 'c' }, 0, today).id).toBe('D-1');
  });

  it('ignores IDs of another kind and hand-typed text in the ID column', () => {
    const debt = section('debt', [
      { ID: 'ADR-40', Title: 'a' },
      { ID: 'see D-9', Title: 'b' },
    ]);
    expect(newItem(debt, { title: 'c' }, 1, today).id).toBe('D-2');
  });

  it('has no ID for team and review rows', () => {
    expect(newItem(section('team'), { person: 'Ana' }, 0, today).id).toBe('');
    expect(newItem(section('review'), { summary: 'x' }, 0, today)).toMatchObject({
      id: '',
      fields: { date: TODAY },
    });
  });

  it('a new decision superseding an earlier one names it; one naming itself is refused', () => {
    const decisions = section('decision', [{ ID: 'ADR-1', Title: 'Postgres' }]);
    const added = newItem(decisions, { title: 'Aurora', supersedes: 'ADR-1' }, 1, today);
    expect(added).toMatchObject({ id: 'ADR-2', supersedes: 'ADR-1' });
    expect(added.fields['proposedOn']).toBe(TODAY);
    expect(() => newItem(decisions, { title: 'x', supersedes: 'ADR-2' }, 1, today)).toThrow(
      'Supersedes cannot name the decision itself.',
    );
  });
});

describe('a change', () => {
  const decisions = section('decision', [
    { ID: 'ADR-1', Title: 'Postgres', Status: 'Accepted', 'Decided on': '2026-10-01' },
    { ID: 'ADR-2', Title: 'Queue', Status: 'Proposed' },
  ]);
  const row = (id: string) =>
    decisions.rows.find((r) => r.cells.includes(id))?.cells as readonly unknown[];

  it('dates an acceptance only when the row had no decision date', () => {
    expect(changedItem(decisions, row('ADR-2'), { status: 'Accepted' }, today).fields).toEqual({
      status: 'Accepted',
      decidedOn: TODAY,
    });
    expect(changedItem(decisions, row('ADR-1'), { status: 'Accepted' }, today).fields).toEqual({
      status: 'Accepted',
    });
  });

  it('checks supersedes against the row being changed', () => {
    expect(changedItem(decisions, row('ADR-2'), { supersedes: 'ADR-1' }, today).supersedes).toBe(
      'ADR-1',
    );
    expect(() => changedItem(decisions, row('ADR-2'), { supersedes: 'ADR-2' }, today)).toThrow(
      'Supersedes cannot name the decision itself.',
    );
  });
});
