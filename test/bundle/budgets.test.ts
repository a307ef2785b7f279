/**
 * The call budgets DESIGN.md sets, at 1 and 10 clients of 300 items: adding and updating an
 * item, refreshing Priorities, and the weekly run (at 50 clients: session-budgets.test.ts, and the
 * bench). Each size is seeded once and restored for every
 * test, since call counts do not depend on how the registry came to be; a test whose first refresh
 * only prepares the registry starts from it refreshed (`refreshedRegistry`), kept as the seed is.
 */
import { describe, expect, it } from 'vitest';
import { ITEM_KINDS } from '../../src/domain/add-item.js';
import { addDebt, tab, values } from '../support/bundle.js';
import { fillRadar, refreshedRegistry, seededRegistry } from '../support/seed.js';

const FIELDS: Record<string, Record<string, unknown>> = {
  goal: { goal: 'Ship SSO' },
  debt: { title: 'Budget item', impact: 4, effort: 2 },
  decision: { title: 'Budget decision', status: 'Accepted' },
  risk: { risk: 'Budget risk', likelihood: 3, impact: 3 },
  team: { personRole: 'Budget person' },
  review: { notes: 'Budget review' },
};

describe('call budgets', () => {
  it.each([1, 10])(
    'addItem and updateItem make at most 8 Spreadsheet service calls with %i clients of 300 items',
    (clients) => {
      const { rt, addon, ids } = seededRegistry(clients, 300);
      const last = ids[ids.length - 1] as string;
      // Twice: once into a blank row the section has to spare, once inserting a row.
      for (const title of ['First', 'Second']) {
        const added = addDebt(addon, last, { title, impact: 4, effort: 2 });
        expect(added.id).toMatch(/^D-30[12]$/);
        expect(rt.lastExecution?.spreadsheetCalls).toBeLessThanOrEqual(8);
      }
      for (const kind of ITEM_KINDS) {
        for (let i = 0; i < 3; i++) {
          addon.call('addItem', { clientId: last, kind, fields: FIELDS[kind] });
          expect(rt.lastExecution?.spreadsheetCalls, `addItem ${kind}`).toBeLessThanOrEqual(8);
        }
      }
      addon.call('updateItem', {
        clientId: last,
        kind: 'debt',
        id: 'D-150',
        fields: { status: 'Done', impact: 5 },
      });
      expect(rt.lastExecution?.spreadsheetCalls).toBeLessThanOrEqual(8);
      addon.call('updateItem', {
        clientId: last,
        kind: 'decision',
        id: 'ADR-1',
        fields: { status: 'Deprecated' },
      });
      expect(rt.lastExecution?.spreadsheetCalls).toBeLessThanOrEqual(8);
    },
    120000,
  );
});

describe('refreshPriorities budget', () => {
  it.each([1, 10])(
    'makes at most tabs + 12 Spreadsheet service calls with %i clients of 300 items, 3 more when it grows the tab',
    (clients) => {
      const { rt, addon } = seededRegistry(clients, 300);
      for (let i = 0; i < 2; i++) {
        addon.call('refreshPriorities');
        const tabs = rt.spreadsheet.sheets.length;
        // No size is remembered: growing costs the range that did not fit, the size question and
        // the time zone, asked on every run.
        const grew = (rt.lastExecution?.calls['Sheet.insertRowsAfter'] ?? 0) > 0;
        expect(grew).toBe(i === 0 && clients > 1);
        expect(rt.lastExecution?.spreadsheetCalls).toBeLessThanOrEqual(tabs + 12 + (grew ? 3 : 0));
      }
    },
    120000,
  );

  it.each([1, 10])(
    'a decision proposed, then accepted, is refreshed into the Decision log within tabs + 12 with %i clients of 300 items',
    (clients) => {
      // Refreshed once: the refreshes asserted are those after the decision is proposed and accepted.
      const { rt, addon, ids } = refreshedRegistry(clients, 300);
      const last = ids[ids.length - 1] as string;
      const { id } = addon.call('addItem', {
        clientId: last,
        kind: 'decision',
        fields: { title: 'Budget queue', status: 'Proposed', proposedOn: '2026-11-10' },
      }) as { id: string };
      const steps: [string, () => void][] = [
        ['proposed', () => undefined],
        [
          'accepted',
          () =>
            addon.call('updateItem', {
              clientId: last,
              kind: 'decision',
              id,
              fields: { status: 'Accepted', decidedOn: '2026-11-17' },
            }),
        ],
      ];
      for (const [status, step] of steps) {
        step();
        addon.call('refreshPriorities');
        const tabs = rt.spreadsheet.sheets.length;
        const grew = (rt.lastExecution?.calls['Sheet.insertRowsAfter'] ?? 0) > 0;
        expect(rt.lastExecution?.spreadsheetCalls, status).toBeLessThanOrEqual(
          tabs + 12 + (grew ? 3 : 0),
        );
        const log = rt.spreadsheet.sheetByName('Decision log');
        if (!log) throw new Error('no Decision log tab');
        expect([rt.spreadsheet.read(log, 4, 3), rt.spreadsheet.read(log, 4, 4)]).toEqual([
          'Budget queue',
          status === 'proposed' ? 'Proposed' : 'Accepted',
        ]);
      }
    },
    120000,
  );
});

describe('refreshPriorities budget with the Radar tab written', () => {
  it.each([1, 10])(
    'a decision tagged with a technology, then the refresh after it, writes the Decision log and the Radar within tabs + 12 Spreadsheet service calls (3 more when it grows the tab) with %i clients of 300 items and 42 technologies on the radar',
    (clients) => {
      const { rt, addon, ids } = refreshedRegistry(clients, 300);
      fillRadar(rt);
      addon.call('refreshPriorities');
      const last = ids[ids.length - 1] as string;
      for (const [status, ring] of [
        ['Accepted', 'Trial'],
        ['Proposed', 'Assess'],
      ] as const) {
        const tag = `${status.toLowerCase()} tech`;
        rt.spreadsheet.writeBlock(tab(rt, 'Radar overrides'), 42, 1, [
          [{ kind: 'value', value: tag }],
        ]);
        addon.call('addItem', {
          clientId: last,
          kind: 'decision',
          fields: { title: `Use ${tag}`, status, tags: tag },
        });
        addon.call('refreshPriorities');
        const tabs = rt.spreadsheet.sheets.length;
        const calls = rt.lastExecution?.spreadsheetCalls ?? 0;
        // A pending decision lengthens the ranked list: the tab may grow, as the budget allows.
        const grew = (rt.lastExecution?.calls['Sheet.insertRowsAfter'] ?? 0) > 0;
        console.log(
          `refresh after a ${status} decision, ${clients} clients, Radar tab written: ${calls} calls, ${tabs} tabs (budget ${tabs + 12}${grew ? ' + 3, grew' : ''})`,
        );
        expect(values(rt, tab(rt, 'Radar')).find((r) => r[0] === tag)?.[1]).toBe(ring);
        expect(calls).toBeLessThanOrEqual(tabs + 12 + (grew ? 3 : 0));
      }
    },
    120000,
  );

  it.each([1, 10])(
    'the first refresh of a registry whose Priorities, Overview and Radar all change makes at most tabs + 12 Spreadsheet calls with %i clients of 300 items (the restyle below the list waits for the next refresh), 3 more when it grows the tab',
    (clients) => {
      const { rt, addon } = seededRegistry(clients, 300);
      fillRadar(rt);
      addon.call('refreshPriorities');
      const tabs = rt.spreadsheet.sheets.length;
      const grew = (rt.lastExecution?.calls['Sheet.insertRowsAfter'] ?? 0) > 0;
      const calls = rt.lastExecution?.spreadsheetCalls ?? 0;
      console.log(
        `first refresh, ${clients} clients, radar of 42: ${calls} calls, ${tabs} tabs (budget ${tabs + 12}${grew ? ' + 3' : ''})`,
      );
      expect(values(rt, tab(rt, 'Radar'))).toHaveLength(43);
      expect(calls).toBeLessThanOrEqual(tabs + 12 + (grew ? 3 : 0));
      addon.call('refreshPriorities');
      expect(rt.lastExecution?.spreadsheetCalls).toBeLessThanOrEqual(
        rt.spreadsheet.sheets.length + 12,
      );
    },
    120000,
  );

  it.each([1, 10])(
    'the weekly run makes at most tabs + 12 Spreadsheet service calls with %i clients and a radar of 42 technologies, the Radar tab written in the run',
    (clients) => {
      const { rt, addon } = refreshedRegistry(clients, 300);
      addon.call('runWeeklyPlan', {});
      // A technology added meanwhile: the next run writes the Radar tab.
      fillRadar(rt);
      addon.call('runWeeklyPlan', {});
      const tabs = rt.spreadsheet.sheets.length;
      const calls = rt.lastExecution?.spreadsheetCalls ?? 0;
      console.log(
        `weekly run, ${clients} clients, Radar tab written: ${calls} calls, ${tabs} tabs`,
      );
      expect(values(rt, tab(rt, 'Radar'))).toHaveLength(43);
      expect(calls).toBeLessThanOrEqual(tabs + 12);
    },
    120000,
  );
});

describe('weekly run budget', () => {
  it.each([1, 10])(
    'the weekly run makes at most tabs + 12 Spreadsheet service calls with %i clients of 300 items, estimated under 20 s',
    (clients) => {
      const { rt, addon } = refreshedRegistry(clients, 300);
      addon.call('runWeeklyPlan', {});
      addon.call('runWeeklyPlan', {});
      const tabs = rt.spreadsheet.sheets.length;
      expect(rt.lastExecution?.function).toBe('runWeeklyPlan');
      expect(rt.lastExecution?.spreadsheetCalls).toBeLessThanOrEqual(tabs + 12);
      expect(rt.lastExecution?.estimatedMs).toBeLessThan(20000);
    },
    120000,
  );
});
