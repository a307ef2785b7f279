import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { snapshotOf } from '../../emulator/index.js';
import { SECTIONS, type ColumnSpec } from '../../src/domain/registry-layout.js';
import { addClient, loadAddon, restorable } from '../support/bundle.js';

/** A value each kind of column must refuse, and the words its message must use. */
function wrongFor(col: ColumnSpec): unknown {
  switch (col.type) {
    case 'text':
      return 'x'.repeat(501);
    case 'longText':
      return 'x'.repeat(5001);
    case 'date':
      return 'next Tuesday';
    case 'scale':
      return 7;
    case 'choice':
      return 'Not a choice';
    case 'tags':
      return `${'t'.repeat(41)}, ok`;
    case 'link':
      return 'ftp://files.example.com';
    default:
      return undefined;
  }
}

/** A registry with Acme and one debt item D-1, built once: every case restores its own copy. */
const fresh = restorable(
  () => {
    const loaded = loadAddon();
    const client = addClient(loaded.addon, { name: 'Acme', hoursPerWeek: 2 });
    loaded.addon.call('addItem', {
      clientId: client.id,
      kind: 'debt',
      fields: { title: 'Target' },
    });
    return { ...loaded, client };
  },
  { cacheAs: 'bad-input-fresh' },
);

describe('every field wrong in turn', () => {
  const { client } = fresh();
  const valid: Record<string, Record<string, unknown>> = {
    goal: { goal: 'g' },
    debt: { title: 't' },
    decision: { title: 't' },
    risk: { risk: 'r' },
    team: { personRole: 'p' },
    review: {},
  };
  const cases = SECTIONS.flatMap((s) =>
    s.columns
      .filter((c) => wrongFor(c) !== undefined)
      .map((c) => [s.kind, c.header, c.key, wrongFor(c)] as const),
  );

  it.each(cases)(
    '%s: a wrong %s is refused with a message naming it, writing nothing',
    (kind, header, key, value) => {
      const { rt, addon } = fresh();
      const before = JSON.stringify(snapshotOf(rt.spreadsheet));
      let message = '';
      try {
        addon.call('addItem', {
          clientId: client.id,
          kind,
          fields: { ...valid[kind], [key]: value },
        });
      } catch (e) {
        message = (e as Error).message;
      }
      expect(message.startsWith(header), message).toBe(true);
      expect(JSON.stringify(snapshotOf(rt.spreadsheet))).toBe(before);
    },
  );

  const debtCases = SECTIONS.find((s) => s.kind === 'debt')!
    .columns.filter((c) => wrongFor(c) !== undefined)
    .map((c) => [c.header, c.key, wrongFor(c)] as const);

  it.each(debtCases)(
    'updateItem: a wrong %s for D-1 is refused with a message naming it, writing nothing',
    (header, key, value) => {
      const { rt, addon } = fresh();
      const before = JSON.stringify(snapshotOf(rt.spreadsheet));
      expect(() =>
        addon.call('updateItem', {
          clientId: client.id,
          kind: 'debt',
          id: 'D-1',
          fields: { [key]: value },
        }),
      ).toThrow(new RegExp(`^${header.replace(/[()/]/g, '.')}`));
      expect(JSON.stringify(snapshotOf(rt.spreadsheet))).toBe(before);
    },
  );

  const wrongInputs: [string, Record<string, unknown>, RegExp][] = [
    ['addClient', { name: 'B', hoursPerWeek: 1, reviewCadence: 0 }, /^Review cadence/],
    ['addClient', { name: 'B', hoursPerWeek: 1, pmTool: 'Notion' }, /^PM tool/],
    ['addClient', { name: 'B', hoursPerWeek: 1, repoLink: 'github.com/x' }, /^Repo link/],
    ['addClient', { name: 'B'.repeat(61), hoursPerWeek: 1 }, /^Client name/],
    ['addClient', { name: 'B', hoursPerWeek: 1, privateNotes: 'x'.repeat(5001) }, /^Private notes/],
    [
      'shareClientView',
      { clientId: client.id, role: 'owner' },
      /^Role must be viewer or commenter/,
    ],
    ['shareClientView', { clientId: 'abc' }, /^Client is not one of the registry's clients/],
    ['installWeeklyTrigger', { weekday: 'Someday' }, /^Plan weekday/],
    ['relatedDecisions', { tags: 5 }, /^Tags/],
    ['decisionSignalSources', { excludeClientId: 7 }, /^Exclude client must be a client id/],
  ];

  it.each(wrongInputs.map(([fn, input, message]) => ({ fn, input, message })))(
    '$fn answers $message for a wrong field and writes nothing',
    ({ fn, input, message }) => {
      const { rt, addon } = fresh();
      const before = JSON.stringify(snapshotOf(rt.spreadsheet));
      expect(() => addon.call(fn, input)).toThrow(message);
      expect(JSON.stringify(snapshotOf(rt.spreadsheet))).toBe(before);
    },
  );

  it('valid debt items of any shape round-trip through the sheet unchanged (property)', () => {
    const text = fc
      .string({ minLength: 1, maxLength: 40 })
      .map((s) => s.trim())
      .filter((s) => s.length > 0);
    const hostile = fc
      .tuple(fc.constantFrom('=', '+', '-', '@', ''), text)
      .map(([p, s]) => `${p}${s}`.trim())
      .filter((s) => s.length > 0);
    fc.assert(
      fc.property(
        fc.record({
          title: hostile,
          priority: fc.constantFrom('High', 'Medium', 'Low'),
          impact: fc.option(fc.integer({ min: 1, max: 5 }), { nil: null }),
          effort: fc.option(fc.integer({ min: 1, max: 5 }), { nil: null }),
          status: fc.constantFrom('Open', 'In progress', 'Done', "Won't fix"),
          owner: hostile,
          notes: hostile,
          tags: fc.array(fc.stringMatching(/^[a-z]{1,12}$/), { maxLength: 4 }),
        }),
        (fields) => {
          const { addon } = fresh();
          const { id } = addon.call('addItem', {
            clientId: client.id,
            kind: 'debt',
            fields: { ...fields, tags: fields.tags.join(', ') },
          }) as { id: string };
          const read = (
            addon.call('getClient', { clientId: client.id }) as {
              items: { debt: { id: string; fields: Record<string, unknown> }[] };
            }
          ).items.debt.find((d) => d.id === id)!;
          expect({
            title: read.fields['title'],
            priority: read.fields['priority'],
            impact: read.fields['impact'],
            effort: read.fields['effort'],
            status: read.fields['status'],
            owner: read.fields['owner'],
            notes: read.fields['notes'],
            tags: read.fields['tags'],
          }).toEqual({ ...fields, tags: [...new Set(fields.tags)] });
        },
      ),
      { numRuns: 40 },
    );
  }, 60000);
});
