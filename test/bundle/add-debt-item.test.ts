import { describe, expect, it } from 'vitest';
import { snapshotOf } from '../../emulator/index.js';
import { quadrantOf } from '../../src/domain/debt.js';
import {
  BUNDLE,
  addClient,
  addDebt,
  loadAddon,
  restorable,
  rowWith,
  tab,
  values,
} from '../support/bundle.js';

/**
 * A registry with Acme on Wednesday 18 November 2026 in London, the sheet's zone: built once,
 * each test restores its own copy.
 */
const setup = restorable(
  () => {
    const loaded = loadAddon({ now: '2026-11-18T10:00:00Z', timeZone: 'Europe/London' });
    return { ...loaded, client: addClient(loaded.addon, { name: 'Acme', hoursPerWeek: 2 }) };
  },
  { cacheAs: 'add-debt-item-setup' },
);

function debtRows(rt: ReturnType<typeof loadAddon>['rt']) {
  const sheet = tab(rt, 'Acme');
  const grid = values(rt, sheet);
  const header = rowWith(rt, sheet, 'Technical debt') + 1;
  const headers = grid[header - 1] as string[];
  const end = rowWith(rt, sheet, 'Decisions') - 1;
  return grid
    .slice(header, end)
    .filter((r) => r.some((c) => c !== ''))
    .map((r) => Object.fromEntries(headers.map((h, i) => [h, r[i]]).filter(([h]) => h !== '')));
}

describe('addItem for technical debt', () => {
  it('appends rows with consecutive IDs, defaults and today as Added', () => {
    const { rt, addon, client } = setup();
    const first = addDebt(addon, client.id, {
      title: 'Upgrade Postgres 12',
      priority: 'High',
      impact: 4,
      effort: 2,
      tags: 'DB, postgres',
    });
    const second = addDebt(addon, client.id, { title: 'Flaky CI', impact: 2, effort: 1 });
    const third = addDebt(addon, client.id, { title: 'Monolith split' });
    expect([first.id, second.id, third.id]).toEqual(['D-1', 'D-2', 'D-3']);
    expect(first.clientName).toBe('Acme');
    const rows = debtRows(rt);
    expect(
      rows.map((r) => [r['ID'], r['Title'], r['Priority'], r['Quadrant'], r['Status'], r['Tags']]),
    ).toEqual([
      ['D-1', 'Upgrade Postgres 12', 'High', 'Do now', 'Open', 'db, postgres'],
      ['D-2', 'Flaky CI', 'Medium', 'Quick win', 'Open', ''],
      ['D-3', 'Monolith split', 'Medium', '', 'Open', ''],
    ]);
    // 2026-11-18 10:00 UTC is 2026-11-18 in London: stored as a real date, read as that day.
    expect(rows[0]?.['Added']).toBe('2026-11-18');
    const sheet = tab(rt, 'Acme');
    expect(rt.spreadsheet.read(sheet, rowWith(rt, sheet, 'D-1'), 12)).toEqual(
      new Date('2026-11-18T00:00:00Z'),
    );
  });

  it('keeps the sections below intact when the section outgrows its blank rows', () => {
    const { rt, addon, client } = setup();
    for (let i = 1; i <= 6; i++) addDebt(addon, client.id, { title: `Item ${i}` });
    const sheet = tab(rt, 'Acme');
    expect(debtRows(rt).map((r) => r['ID'])).toEqual(['D-1', 'D-2', 'D-3', 'D-4', 'D-5', 'D-6']);
    const decisions = rowWith(rt, sheet, 'Decisions');
    expect(values(rt, sheet)[decisions]?.[0]).toBe('ID');
    expect(values(rt, sheet)[decisions - 2]?.every((c) => c === '')).toBe(true);
    // Inserted rows take the data rows' dropdowns.
    const lastDebt = rowWith(rt, sheet, 'D-6');
    expect(sheet.cell(lastDebt, 4)?.validation?.args[0]).toEqual(['High', 'Medium', 'Low']);
    expect(sheet.cell(lastDebt, 1)?.format?.bold).toBeFalsy();
  });

  it('computes the quadrant with a live formula that agrees with the domain for every impact and effort', () => {
    const { rt, addon, client } = setup();
    const pairs: [number, number][] = [];
    for (let impact = 1; impact <= 5; impact++)
      for (let effort = 1; effort <= 5; effort++) pairs.push([impact, effort]);
    for (const [impact, effort] of pairs)
      addDebt(addon, client.id, { title: `${impact}/${effort}`, impact, effort });
    const rows = debtRows(rt);
    expect(rows).toHaveLength(25);
    rows.forEach((r, i) => {
      const [impact, effort] = pairs[i] as [number, number];
      expect(r['Quadrant']).toBe(quadrantOf(impact, effort) ?? '');
    });
    const sheet = tab(rt, 'Acme');
    const row = rowWith(rt, sheet, 'D-1');
    expect(rt.spreadsheet.formula(sheet, row, 7)).toMatch(/^=IF\(OR\(E\d+="",F\d+=""\)/);

    // A person raises the impact threshold in Settings: every quadrant follows, before any refresh.
    const settings = tab(rt, 'Settings');
    const thresholdRow = rowWith(rt, settings, 'Impact threshold');
    rt.spreadsheet.writeBlock(settings, thresholdRow, 2, [[{ kind: 'value', value: 4 }]]);
    debtRows(rt).forEach((r, i) => {
      const [impact, effort] = pairs[i] as [number, number];
      expect(r['Quadrant']).toBe(quadrantOf(impact, effort, { impact: 4, effort: 3 }) ?? '');
    });
  });

  it('stores text that starts with =, +, - or @ as text, never as a formula', () => {
    const { rt, addon, client } = setup();
    const hostile = [
      '=IMPORTXML("http://x","//a")',
      '+1 (555) 0100',
      '-rf everything',
      '@channel ping',
    ];
    for (const title of hostile) addDebt(addon, client.id, { title, notes: title, owner: title });
    const rows = debtRows(rt);
    expect(rows.map((r) => r['Title'])).toEqual(hostile);
    expect(rows.map((r) => r['Notes'])).toEqual(hostile);
    expect(rows.map((r) => r['Owner'])).toEqual(hostile);
    const sheet = tab(rt, 'Acme');
    for (const id of ['D-1', 'D-2', 'D-3', 'D-4']) {
      const row = rowWith(rt, sheet, id);
      // Title, Owner and Notes.
      for (const column of [2, 9, 14])
        expect(rt.spreadsheet.formula(sheet, row, column), `${id} column ${column}`).toBe('');
    }
  });

  it('keeps a column a person inserted inside the section, with its values', () => {
    const { rt, addon, client } = setup();
    addDebt(addon, client.id, { title: 'Before', impact: 3, effort: 3 });
    const sheet = tab(rt, 'Acme');
    const header = rowWith(rt, sheet, 'Technical debt') + 1;
    rt.spreadsheet.insertColumns(sheet, 5, 1);
    rt.spreadsheet.writeBlock(sheet, header, 5, [
      [{ kind: 'value', value: 'Customer' }],
      [{ kind: 'value', value: 'Globex' }],
    ]);
    addDebt(addon, client.id, { title: 'After', impact: 5, effort: 1 });
    const rows = debtRows(rt);
    expect(
      rows.map((r) => [
        r['ID'],
        r['Title'],
        r['Customer'],
        r['Impact'],
        r['Effort'],
        r['Quadrant'],
      ]),
    ).toEqual([
      ['D-1', 'Before', 'Globex', 3, 3, 'Plan & invest'],
      ['D-2', 'After', '', 5, 1, 'Do now'],
    ]);
  });

  it('keeps a note and formatting a person put on a cell', () => {
    const { rt, addon, client } = setup();
    addDebt(addon, client.id, { title: 'Noted' });
    const sheet = tab(rt, 'Acme');
    const row = rowWith(rt, sheet, 'D-1');
    const cell = sheet.ensureCell(row, 2);
    cell.note = 'Ask Ann first';
    cell.format = { ...cell.format, background: '#ffff00' };
    for (let i = 0; i < 4; i++) addDebt(addon, client.id, { title: `More ${i}` });
    const moved = rowWith(rt, sheet, 'D-1');
    expect(sheet.cell(moved, 2)?.note).toBe('Ask Ann first');
    expect(sheet.cell(moved, 2)?.format?.background).toBe('#ffff00');
  });

  it('never reuses an ID whose row a person deleted', () => {
    const { rt, addon, client } = setup();
    addDebt(addon, client.id, { title: 'One' });
    addDebt(addon, client.id, { title: 'Two' });
    const sheet = tab(rt, 'Acme');
    rt.spreadsheet.deleteRows(sheet, rowWith(rt, sheet, 'D-2'), 1);
    expect(addDebt(addon, client.id, { title: 'Three' }).id).toBe('D-3');
  });

  it('continues numbering after IDs a person typed by hand', () => {
    const { rt, addon, client } = setup();
    const sheet = tab(rt, 'Acme');
    const header = rowWith(rt, sheet, 'Technical debt') + 1;
    rt.spreadsheet.writeBlock(sheet, header + 1, 1, [
      [
        { kind: 'value', value: 'D-41' },
        { kind: 'value', value: 'Typed by hand' },
      ],
    ]);
    expect(addDebt(addon, client.id, { title: 'Next' }).id).toBe('D-42');
  });

  it.each([
    [{ title: '' }, 'Title is required.'],
    [{ title: 'x', impact: 'high' }, 'Impact must be a whole number from 1 to 5.'],
    [{ title: 'x', effort: 6 }, 'Effort must be a whole number from 1 to 5.'],
    [{ title: 'x', priority: 'Urgent' }, 'Priority must be one of: High, Medium, Low.'],
    [
      { title: 'x', status: 'Closed' },
      "Status must be one of: Open, In progress, Done, Won't fix.",
    ],
    [
      { title: 'x', lastReviewed: '31/12/2026' },
      'Last reviewed must be a real date written YYYY-MM-DD.',
    ],
    [{ title: 'x'.repeat(201) }, 'Title must be at most 200 characters.'],
    [{ title: 'x', notes: 'y'.repeat(5001) }, 'Notes must be at most 5000 characters.'],
  ])('answers %j with a message naming the field, writing nothing', (fields, message) => {
    const { rt, addon, client } = setup();
    const before = JSON.stringify(snapshotOf(rt.spreadsheet));
    expect(() => addDebt(addon, client.id, fields)).toThrow(message);
    expect(JSON.stringify(snapshotOf(rt.spreadsheet))).toBe(before);
  });

  it('refuses an unknown client and a missing section with a message a person can act on', () => {
    const { rt, addon, client } = setup();
    expect(() => addDebt(addon, '999', { title: 'x' })).toThrow(
      'That client is no longer in the registry (its tab was deleted). Reload the client list.',
    );
    expect(() => addon.call('addItem', { kind: 'debt', fields: { title: 'x' } })).toThrow(
      'Client is required: choose a client.',
    );
    const sheet = tab(rt, 'Acme');
    // A person overwrites the section's header row: without it the columns cannot be found.
    const header = rowWith(rt, sheet, 'Technical debt') + 1;
    rt.spreadsheet.writeBlock(sheet, header, 1, [
      Array.from({ length: 15 }, () => ({ kind: 'empty' as const })),
    ]);
    expect(() => addDebt(addon, client.id, { title: 'x' })).toThrow(
      /The "Technical debt" section was not found/,
    );
  });

  it('answers "busy" and writes nothing while another execution holds the document lock', () => {
    const { rt, addon, client } = setup();
    const before = JSON.stringify(snapshotOf(rt.spreadsheet));
    rt.holdLock('document');
    expect(() => addDebt(addon, client.id, { title: 'Blocked' })).toThrow(
      'The registry is busy, try again in a moment.',
    );
    expect(JSON.stringify(snapshotOf(rt.spreadsheet))).toBe(before);
    expect(rt.lastExecution?.estimatedMs).toBeGreaterThanOrEqual(10000);
  });

  it('waits for a lock released within its patience, then writes', () => {
    const { rt, addon, client } = setup();
    rt.holdLock('document', 3000);
    expect(addDebt(addon, client.id, { title: 'Waited' }).id).toBe('D-1');
    expect(debtRows(rt).map((r) => [r['ID'], r['Title']])).toEqual([['D-1', 'Waited']]);
  });

  it('a second writer arriving while the first holds the lock is told to retry, and writes nothing', () => {
    const { rt, addon, client } = setup();
    const second = rt.load(BUNDLE);
    let secondError = '';
    // The second sidebar's call arrives just after the first has read the tab under the lock.
    rt.interleave('Sheet.getSheetValues', () => {
      try {
        addDebt(second, client.id, { title: 'From a second sidebar' });
      } catch (e) {
        secondError = (e as Error).message;
      }
    });
    const first = addDebt(addon, client.id, { title: 'From the sidebar' });
    expect(first.id).toBe('D-1');
    expect(secondError).toBe('The registry is busy, try again in a moment.');
    expect(debtRows(rt).map((r) => r['Title'])).toEqual(['From the sidebar']);
    expect(addDebt(second, client.id, { title: 'Retried' }).id).toBe('D-2');
  });

  it('a writer that reads before the other takes the lock still gets its own ID', () => {
    const { rt, addon, client } = setup();
    const second = rt.load(BUNDLE);
    let secondId = '';
    // The second writer runs whole before the first takes the lock.
    rt.interleave('LockService.getDocumentLock', () => {
      secondId = addDebt(second, client.id, { title: 'Second' }).id;
    });
    const first = addDebt(addon, client.id, { title: 'First' });
    expect([secondId, first.id]).toEqual(['D-1', 'D-2']);
    expect(debtRows(rt).map((r) => [r['ID'], r['Title']])).toEqual([
      ['D-1', 'Second'],
      ['D-2', 'First'],
    ]);
  });
});
