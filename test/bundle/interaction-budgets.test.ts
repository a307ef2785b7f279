/**
 * Budgets per interaction (issue 16, ADRs 21 and 22): every server call the sidebar makes until
 * it is usable again, in the order sidebar/ makes them, at 1 and 10 clients of 300 items (at 50:
 * session-budgets.test.ts, and the bench). One seeded registry per size, restored for each test;
 * call counts are deterministic.
 */
import { describe, expect, it } from 'vitest';
import {
  signalsFinder,
  type DecisionSignals,
  type SignalSources,
} from '../../src/domain/decision-signals.js';
import { splitTags } from '../../src/domain/item-states.js';
import type { Loaded } from '../support/bundle.js';
import { BUNDLE, tab, values } from '../support/bundle.js';
import { refreshedRegistry, seededRegistry } from '../support/seed.js';

/** Runs the calls in order; their Spreadsheet service calls summed, and the last result. */
function interaction(
  { rt, addon }: Loaded,
  steps: [string, ...unknown[]][],
): { calls: number; results: unknown[] } {
  let calls = 0;
  const results = steps.map(([name, ...args]) => {
    const result = addon.call(name, ...args);
    calls += rt.lastExecution?.spreadsheetCalls ?? 0;
    return result;
  });
  return { calls, results };
}

/** The registry as a user meets it, refreshed once since the client index came. */
function registry(clients: number): Loaded & { ids: string[] } {
  return refreshedRegistry(clients, 300);
}

describe('sidebar interactions', () => {
  it("an add form's question of which tab is on screen answers the client's id on its tab and no client's elsewhere, in at most 3 Spreadsheet calls", () => {
    const loaded = registry(10);
    const { rt, ids, addon } = loaded;
    rt.spreadsheet.activeSheetId = Number(ids[6]);
    const { calls, results } = interaction(loaded, [['getTabOnScreen']]);
    expect(results[0]).toBe(ids[6]);
    expect(calls).toBeLessThanOrEqual(3);
    // On Priorities the answer is that tab's id, which names no client in the sidebar's list.
    rt.spreadsheet.activeSheetId = tab(rt, 'Priorities').id;
    const elsewhere = addon.call('getTabOnScreen') as string;
    expect(elsewhere).toBe(String(tab(rt, 'Priorities').id));
    expect(ids).not.toContain(elsewhere);
  });

  it.each([1, 10])(
    'opening the sidebar makes at most 12 Spreadsheet calls with %i clients of 300 items and lists every client, the first by name shown',
    (clients) => {
      const loaded = registry(clients);
      const { calls, results } = interaction(loaded, [
        ['getSidebar', {}],
        ['getWeeklyTrigger'],
        ['getSharing'],
      ]);
      const open = results[0] as {
        clients: { id: string; name: string; status: string }[];
        current: { client: { name: string }; items: { debt: unknown[] } };
      };
      expect(open.clients).toHaveLength(clients);
      expect(open.clients[0]).toEqual({ id: loaded.ids[0], name: 'Client 001', status: 'Active' });
      expect(open.current.client.name).toBe('Client 001');
      expect(open.current.items.debt).toHaveLength(300);
      expect(calls).toBeLessThanOrEqual(12);
    },
    120000,
  );

  it('opened from the menu on a client tab, the sidebar shows that client, within the same 12 calls', () => {
    const loaded = registry(10);
    const { rt, ids } = loaded;
    // The person has the fifth client's tab on screen: a sidebar's call is given it as the active
    // sheet (SpreadsheetApp.getActiveSheet, as a sidebar's getActiveRange gives the selection).
    rt.spreadsheet.activeSheetId = Number(ids[4]);
    const { calls, results } = interaction(loaded, [
      ['getSidebar', {}],
      ['getWeeklyTrigger'],
      ['getSharing'],
    ]);
    const open = results[0] as { current: { client: { id: string; name: string } } };
    expect(open.current.client).toMatchObject({ id: ids[4], name: 'Client 005' });
    expect(calls).toBeLessThanOrEqual(12);
    // On a tab that is no client's (Priorities), it shows the first client.
    rt.spreadsheet.activeSheetId = tab(rt, 'Priorities').id;
    const again = loaded.addon.call('getSidebar', {}) as typeof open;
    expect(again.current.client.name).toBe('Client 001');
  });

  it.each([1, 10])(
    'switching client (its tab opened), adding and updating an item make at most 8, 16 and 16 Spreadsheet calls with %i clients of 300 items',
    (clients) => {
      const loaded = registry(clients);
      const last = loaded.ids[loaded.ids.length - 1] as string;
      const switched = interaction(loaded, [
        ['getClient', { clientId: last, showTab: true }],
        ['getSharing'],
      ]);
      expect(switched.calls).toBeLessThanOrEqual(8);
      expect(loaded.rt.spreadsheet.activeSheetId).toBe(Number(last));
      const added = interaction(loaded, [
        ['addItem', { clientId: last, kind: 'debt', fields: { title: 'Quick', impact: 4 } }],
        ['getClient', { clientId: last }],
      ]);
      expect((added.results[0] as { id: string }).id).toBe('D-301');
      expect(added.calls).toBeLessThanOrEqual(16);
      const updated = interaction(loaded, [
        ['updateItem', { clientId: last, kind: 'debt', id: 'D-301', fields: { effort: 1 } }],
        ['getClient', { clientId: last }],
      ]);
      expect(updated.calls).toBeLessThanOrEqual(16);
    },
    120000,
  );

  it.each([1, 10])(
    'a decision form asks for its signals once (tabs + N Spreadsheet calls, within tabs + 4) with %i clients of 300 items, and every keystroke after it is answered as decisionSignals answers it',
    (clients) => {
      const loaded = registry(clients);
      const { rt, addon, ids } = loaded;
      const writing = ids[ids.length - 1] as string;
      // Decisions at the other clients, and a principle that avoids MongoDB.
      for (const clientId of ids.slice(0, -1))
        addon.call('addItem', {
          clientId,
          kind: 'decision',
          fields: { title: `Auth at ${clientId}`, tags: 'auth, postgres', privateNote: 'secret' },
        });
      rt.spreadsheet.writeBlock(
        tab(rt, 'Principles'),
        2,
        1,
        [
          ['P-1', 'Standardise on PostgreSQL', 'Data', 'PostgreSQL', 'mongodb', '', '', 'Active'],
        ].map((r) => r.map((value) => ({ kind: 'value' as const, value }))),
      );
      const { calls, results } = interaction(loaded, [
        ['decisionSignalSources', { excludeClientId: writing }],
      ]);
      const tabs = rt.spreadsheet.sheets.length;
      const sources = results[0] as SignalSources;
      expect(sources.decisions).toHaveLength(clients - 1);
      expect(JSON.stringify(sources)).not.toContain('secret');
      expect(calls).toBeLessThanOrEqual(tabs + 4);
      // The form then answers "auth, mongodb" typed with pauses itself, as the server would.
      const find = signalsFinder(sources);
      for (const typed of ['auth', 'auth, mon', 'auth, mongodb']) {
        const draft = { tags: typed, excludeClientId: writing, exception: '' };
        const served = addon.call('decisionSignals', draft) as DecisionSignals;
        expect(find({ ...draft, tags: splitTags(typed) })).toEqual(served);
      }
      const last = find({ tags: ['auth', 'mongodb'], excludeClientId: writing, exception: '' });
      expect(last.related).toHaveLength(clients - 1);
      expect(last.conflicts.map((c) => c.message)).toEqual([
        'conflicts with P-1: Standardise on PostgreSQL',
      ]);
    },
    120000,
  );

  it('Add client checks the name against the client index, without reading any client tab', () => {
    const loaded = registry(10);
    const { rt, addon } = loaded;
    // "Client 00l" has the skeleton of "Client 001" (l and 1 are confusable).
    expect(() => addon.call('addClient', { name: 'Client 00l', hoursPerWeek: 1 })).toThrow(
      /Client 001/,
    );
    expect(rt.lastExecution?.calls['Sheet.getSheetValues'] ?? 0).toBe(0);
  }, 120000);

  it.each([1, 10])(
    'adding a client is one server call of at most 20 Spreadsheet calls with %i clients of 300 items, answering with the list and the new client, and makes no named range (ADR 32)',
    (clients) => {
      const loaded = registry(clients);
      const { rt, addon } = loaded;
      const namedBefore = rt.spreadsheet.namedRanges.size;
      const { calls, results } = interaction(loaded, [
        ['addClient', { name: 'Newco & Co (lab)', hoursPerWeek: 1.5, stage: 'Seed' }],
      ]);
      const added = results[0] as {
        id: string;
        clients: { id: string; name: string; status: string }[];
        current: { client: { id: string; name: string; hoursPerWeek: number | null } };
      };
      expect(calls).toBeLessThanOrEqual(20);
      expect(rt.lastExecution?.calls['Spreadsheet.setNamedRange'] ?? 0).toBe(0);
      expect(rt.spreadsheet.namedRanges.size).toBe(namedBefore);
      expect(added.clients).toHaveLength(clients + 1);
      expect(added.clients).toContainEqual({
        id: added.id,
        name: 'Newco & Co (lab)',
        status: 'Active',
      });
      expect(added.current.client).toMatchObject({
        id: added.id,
        name: 'Newco & Co (lab)',
        hoursPerWeek: 1.5,
      });
      // What the sidebar shows is what opening it on the new client shows.
      const open = addon.call('getSidebar', { clientId: added.id }) as {
        clients: unknown[];
        current: unknown;
      };
      expect(open.clients).toEqual(added.clients);
      expect(open.current).toEqual(added.current);
    },
    120000,
  );

  it('the refresh after Add client counts the new client on the Overview by its references, asking no tab its name', () => {
    const loaded = registry(1);
    const { rt, addon } = loaded;
    addon.call('addClient', { name: 'Newco & Co (lab)', hoursPerWeek: 1.5, stage: 'Seed' });
    // The next refresh ranks and counts the new client by its references, asking no tab its name.
    addon.call('refreshPriorities');
    expect(rt.lastExecution?.calls['Sheet.getName'] ?? 0).toBe(0);
    const overview = values(rt, tab(rt, 'Overview'));
    const row = overview.find((r) => r[0] === 'Newco & Co (lab)');
    expect(row?.slice(1, 4)).toEqual(['Seed', 'Active', 1.5]);
  });
});

describe('two quick edits in a row', () => {
  it('the second edit lands while the Priorities refresh after the first is reading the tabs, and the next refresh ranks both', () => {
    const loaded = seededRegistry(3, 20);
    const { rt, addon, ids } = loaded;
    const clientId = ids[0] as string;
    addon.call('addItem', { clientId, kind: 'debt', fields: { title: 'First edit', impact: 5 } });
    // The sidebar refreshes Priorities 3 s after the first edit; the second edit, from another
    // execution, comes while that refresh reads the tabs (without the lock, ADR 21).
    const second = rt.load(BUNDLE);
    let landed: unknown;
    rt.interleave('Sheet.getSheetValues', () => {
      landed = second.call('addItem', {
        clientId,
        kind: 'debt',
        fields: { title: 'Second edit', impact: 5 },
      });
    });
    addon.call('refreshPriorities');
    expect(landed).toMatchObject({ id: 'D-22' });
    // The sidebar's refresh after the second edit puts both on Priorities.
    addon.call('refreshPriorities');
    const priorities = rt.spreadsheet.sheets.find((s) => s.name === 'Priorities');
    if (!priorities) throw new Error('no Priorities tab');
    const text = values(rt, priorities).flat().map(String);
    expect(text).toContain('First edit');
    expect(text).toContain('Second edit');
  });

  it('a client added while a refresh reads the tabs keeps its place in the client index', () => {
    const { rt, addon } = seededRegistry(3, 20);
    const second = rt.load(BUNDLE);
    rt.interleave('Sheet.getSheetValues', () => {
      second.call('addClient', { name: 'Added meanwhile', hoursPerWeek: 1 });
    });
    addon.call('refreshPriorities');
    const open = addon.call('getSidebar', {}) as { clients: { name: string }[] };
    expect(open.clients.map((c) => c.name)).toContain('Added meanwhile');
  });
});
