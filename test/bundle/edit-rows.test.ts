import { describe, expect, it } from 'vitest';
import { snapshotOf, type LoadedScript, type Runtime } from '../../emulator/index.js';
import { ITEM_KINDS } from '../../src/domain/add-item.js';
import { sectionOf, type SectionKind } from '../../src/domain/registry-layout.js';
import { addClient, loadAddon, tab, values, type Loaded } from '../support/bundle.js';

interface Item {
  kind: SectionKind;
  id: string;
  ref: string;
  row: number;
  fields: Record<string, unknown>;
}

function setup(options: Parameters<typeof loadAddon>[0] = {}) {
  const loaded: Loaded = loadAddon(options);
  const acme = addClient(loaded.addon, { name: 'Acme', hoursPerWeek: 2 });
  return { ...loaded, acme };
}

const add = (addon: LoadedScript, clientId: string, kind: SectionKind, fields: object) =>
  addon.call('addItem', { clientId, kind, fields }) as { id: string; row: number };

const update = (
  addon: LoadedScript,
  clientId: string,
  kind: SectionKind,
  id: string,
  fields: object,
) =>
  addon.call('updateItem', { clientId, kind, id, fields }) as {
    id: string;
    row: number;
    changed: string[];
  };

function itemsOf(addon: LoadedScript, clientId: string, kind: SectionKind): Item[] {
  const detail = addon.call('getClient', { clientId }) as { items: Record<SectionKind, Item[]> };
  return detail.items[kind];
}

/** A data row of a client tab as a person reads it, keyed by the section's headers. */
function rowCells(rt: Runtime, kind: SectionKind, row: number): Record<string, unknown> {
  const grid = values(rt, tab(rt, 'Acme'));
  const title = grid.findIndex((r) => r[0] === sectionOf(kind).title);
  const headers = grid[title + 1] as string[];
  const line = grid[row - 1] as unknown[];
  return Object.fromEntries(headers.map((h, i) => [h, line[i]]).filter(([h]) => h !== ''));
}

/** A person types into one cell. */
function typeInto(rt: Runtime, row: number, column: number, value: string | number): void {
  rt.spreadsheet.writeBlock(tab(rt, 'Acme'), row, column, [[{ kind: 'value', value }]]);
}

const FIRST: Record<SectionKind, Record<string, unknown>> = {
  goal: { goal: 'SOC 2 Type I', owner: 'Dana' },
  debt: { title: 'Flaky CI', impact: 2, effort: 2 },
  decision: { title: 'Adopt Postgres', tags: 'database' },
  risk: { risk: 'Vendor lock-in', likelihood: 2, impact: 3 },
  team: { personRole: 'Lead engineer', capabilities: 'Backend', gaps: 'Infra' },
  review: { date: '2026-11-16', pmReviewed: 'Yes', notes: 'Board tidy' },
};

const CHANGE: Record<SectionKind, [string, string, unknown]> = {
  goal: ['owner', 'Owner', 'Priya'],
  debt: ['notes', 'Notes', 'Retries hide it'],
  decision: ['deciders', 'Deciders', 'CTO, CEO'],
  risk: ['mitigation', 'Mitigation', 'Abstraction layer'],
  team: ['plan', 'Plan', 'Pair with the SRE'],
  review: ['codeReviewed', 'Code reviewed', 'Partly'],
};

describe('updateItem names a row by the reference getClient gives it', () => {
  it.each(ITEM_KINDS)('changes a %s row through its reference, and nothing else', (kind) => {
    const { rt, addon, acme } = setup();
    add(addon, acme.id, kind, FIRST[kind]);
    const [item] = itemsOf(addon, acme.id, kind);
    if (!item) throw new Error(`no ${kind} read back`);
    if (sectionOf(kind).idPrefix) expect(item.ref).toBe(item.id);
    else expect(item.ref).toMatch(/^row:\d+:/);
    const before = rowCells(rt, kind, item.row);
    const [key, header, value] = CHANGE[kind];
    const result = update(addon, acme.id, kind, item.ref, { [key]: value });
    expect(result).toMatchObject({ row: item.row, changed: [key] });
    expect(rt.lastExecution?.spreadsheetCalls).toBeLessThanOrEqual(8);
    expect(rowCells(rt, kind, item.row)).toEqual({ ...before, [header]: value });
  });

  it('edits a team row: only the given fields change, even after rows were inserted above it', () => {
    const { rt, addon, acme } = setup();
    add(addon, acme.id, 'team', FIRST.team);
    add(addon, acme.id, 'team', { personRole: 'Designer', gaps: 'Accessibility' });
    const designer = itemsOf(addon, acme.id, 'team')[1] as Item;
    // A person inserts a row above the Team section and another inside it, above the designer.
    rt.spreadsheet.insertRows(tab(rt, 'Acme'), 2, 1, null);
    rt.spreadsheet.insertRows(tab(rt, 'Acme'), designer.row + 1, 1, null);
    const result = update(addon, acme.id, 'team', designer.ref, {
      gaps: 'Accessibility, motion',
      plan: 'Course in Q1',
    });
    expect(result.row).toBe(designer.row + 2);
    expect(rowCells(rt, 'team', designer.row + 2)).toEqual({
      'Person / role': 'Designer',
      Capabilities: '',
      Gaps: 'Accessibility, motion',
      Plan: 'Course in Q1',
      'Private note': '',
    });
    expect(rowCells(rt, 'team', designer.row)).toMatchObject({
      'Person / role': 'Lead engineer',
      Gaps: 'Infra',
      Plan: '',
    });
  });

  it('edits a review row whose date the spreadsheet keeps as a date, in a zone far from UTC', () => {
    const { rt, addon, acme } = setup({ timeZone: 'Pacific/Auckland' });
    add(addon, acme.id, 'review', FIRST.review);
    const [review] = itemsOf(addon, acme.id, 'review');
    if (!review) throw new Error('no review read back');
    expect(review.fields['date']).toBe('2026-11-16');
    update(addon, acme.id, 'review', review.ref, { leadSync: 'No', notes: 'Board tidy; CI red' });
    expect(rt.lastExecution?.spreadsheetCalls).toBeLessThanOrEqual(8);
    const [after] = itemsOf(addon, acme.id, 'review');
    expect(after?.fields).toEqual({
      date: '2026-11-16',
      pmReviewed: 'Yes',
      codeReviewed: '',
      leadSync: 'No',
      notes: 'Board tidy; CI red',
      privateNote: '',
    });
    expect(after?.ref).not.toBe(review.ref);
  });

  it('refuses a row changed by hand since it was read, writing nothing, and edits it once reloaded', () => {
    const { rt, addon, acme } = setup();
    add(addon, acme.id, 'team', FIRST.team);
    const [read] = itemsOf(addon, acme.id, 'team');
    if (!read) throw new Error('no team row read back');
    typeInto(rt, read.row, 3, 'Infra, security');
    const before = JSON.stringify(snapshotOf(rt.spreadsheet));
    expect(() => update(addon, acme.id, 'team', read.ref, { plan: 'Hire an SRE' })).toThrow(
      `The team entry you opened (row ${read.row}) was changed, moved or deleted at Acme since you opened it: reload to see it as it is now, then make your change again. Nothing was changed.`,
    );
    expect(JSON.stringify(snapshotOf(rt.spreadsheet))).toBe(before);
    const [reloaded] = itemsOf(addon, acme.id, 'team');
    update(addon, acme.id, 'team', reloaded?.ref ?? '', { plan: 'Hire an SRE' });
    expect(rowCells(rt, 'team', read.row)).toMatchObject({
      Gaps: 'Infra, security',
      Plan: 'Hire an SRE',
    });
  });

  it('tells two identical rows apart: editing the second leaves the first as it was', () => {
    const { rt, addon, acme } = setup();
    const same = { date: '2026-11-16', pmReviewed: 'Yes', notes: 'Weekly' };
    add(addon, acme.id, 'review', same);
    add(addon, acme.id, 'review', same);
    const [first, second] = itemsOf(addon, acme.id, 'review');
    if (!first || !second) throw new Error('two reviews expected');
    expect(first.fields).toEqual(second.fields);
    expect(first.ref).not.toBe(second.ref);
    update(addon, acme.id, 'review', second.ref, { notes: 'Weekly; lead away' });
    expect(rowCells(rt, 'review', first.row)['Notes']).toBe('Weekly');
    expect(rowCells(rt, 'review', second.row)['Notes']).toBe('Weekly; lead away');
    // The first still reads as it did, so its reference still names it.
    update(addon, acme.id, 'review', first.ref, { privateNote: 'Short one' });
    expect(rowCells(rt, 'review', first.row)).toMatchObject({
      Notes: 'Weekly',
      'Private note': 'Short one',
    });
  });

  it('refuses to guess when the row moved and two rows now read exactly like it', () => {
    const { rt, addon, acme } = setup();
    const same = { personRole: 'Contractor', gaps: 'Context' };
    add(addon, acme.id, 'team', same);
    add(addon, acme.id, 'team', same);
    const second = itemsOf(addon, acme.id, 'team')[1] as Item;
    // Two rows inserted above both: where the second was, there is now a blank row.
    rt.spreadsheet.insertRows(tab(rt, 'Acme'), second.row - 1, 2, null);
    const before = JSON.stringify(snapshotOf(rt.spreadsheet));
    expect(() => update(addon, acme.id, 'team', second.ref, { plan: 'Onboard' })).toThrow(
      `The team entry you opened (row ${second.row}) has moved at Acme, and 2 rows now read exactly like it: reload, then make your change again. Nothing was changed.`,
    );
    expect(JSON.stringify(snapshotOf(rt.spreadsheet))).toBe(before);
  });

  it('edits a debt row typed by hand without an ID, and keeps the ID of a row that has one', () => {
    const { rt, addon, acme } = setup();
    add(addon, acme.id, 'debt', FIRST.debt);
    const row = (itemsOf(addon, acme.id, 'debt')[0] as Item).row + 1;
    typeInto(rt, row, 2, 'Typed by hand');
    const typed = itemsOf(addon, acme.id, 'debt')[1] as Item;
    expect(typed.id).toBe('');
    update(addon, acme.id, 'debt', typed.ref, { status: 'In progress', impact: 4 });
    expect(rowCells(rt, 'debt', row)).toMatchObject({
      ID: '',
      Title: 'Typed by hand',
      Impact: 4,
      Status: 'In progress',
    });
  });
});
