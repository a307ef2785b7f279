/**
 * Every budget at the agency tier's size, 50 clients of 300 items, in one working session on one
 * restored registry: the sidebar opened, a client switched to, an item added and updated, a
 * decision form's signals, a client added, Priorities refreshed with the Radar tab written, two
 * weekly runs (the first drawing a plan of a new shape) and the refresh after them. The same budgets are held at 1 and 10 clients, each from a registry of its own, by
 * budgets.test.ts and interaction-budgets.test.ts; `npm run bench` prints them at 1, 10 and 50. One
 * session here, not a registry restored for each budget: a restore at this size costs seconds.
 */
import { describe, expect, it } from 'vitest';
import type { SignalSources } from '../../src/domain/decision-signals.js';
import type { Loaded } from '../support/bundle.js';
import { tab, values } from '../support/bundle.js';
import { fillRadar, refreshedRegistry } from '../support/seed.js';

/** Runs the calls in order, as the sidebar makes them; their Spreadsheet service calls summed. */
function interaction({ rt, addon }: Loaded, steps: [string, ...unknown[]][]): number {
  let calls = 0;
  for (const [name, ...args] of steps) {
    addon.call(name, ...args);
    calls += rt.lastExecution?.spreadsheetCalls ?? 0;
  }
  return calls;
}

describe('a working session at 50 clients of 300 items', () => {
  it('opens within 12 Spreadsheet calls, switches within 8, adds and updates within 16, asks a decision form its signals within tabs + 4, adds a client within 20 reading no client tab, and refreshes and runs the week within tabs + 12', () => {
    const loaded = refreshedRegistry(50, 300);
    const { rt, addon, ids } = loaded;
    const last = ids[ids.length - 1] as string;
    const tabs = () => rt.spreadsheet.sheets.length;
    expect(ids).toHaveLength(50);

    const calls: Record<string, number> = {};
    calls['open'] = interaction(loaded, [['getSidebar', {}], ['getWeeklyTrigger'], ['getSharing']]);
    calls['switch'] = interaction(loaded, [
      ['getClient', { clientId: last, showTab: true }],
      ['getSharing'],
    ]);
    calls['add'] = interaction(loaded, [
      ['addItem', { clientId: last, kind: 'debt', fields: { title: 'Quick', impact: 4 } }],
      ['getClient', { clientId: last }],
    ]);
    calls['update'] = interaction(loaded, [
      ['updateItem', { clientId: last, kind: 'debt', id: 'D-301', fields: { effort: 1 } }],
      ['getClient', { clientId: last }],
    ]);
    expect(calls['open']).toBeLessThanOrEqual(12);
    expect(calls['switch']).toBeLessThanOrEqual(8);
    expect(calls['add']).toBeLessThanOrEqual(16);
    expect(calls['update']).toBeLessThanOrEqual(16);
    expect(rt.spreadsheet.activeSheetId).toBe(Number(last));

    // A decision at another client: the form's one call for its signals brings it.
    addon.call('addItem', {
      clientId: ids[0],
      kind: 'decision',
      fields: { title: 'Auth at the first client', tags: 'auth' },
    });
    const asked = addon.call('decisionSignalSources', { excludeClientId: last }) as SignalSources;
    expect(rt.lastExecution?.spreadsheetCalls).toBeLessThanOrEqual(tabs() + 4);
    expect(asked.decisions).toHaveLength(1);

    // A name confusable with one taken is refused from the client index, no client tab read.
    expect(() => addon.call('addClient', { name: 'Client 00l', hoursPerWeek: 1 })).toThrow(
      /Client 001/,
    );
    expect(rt.lastExecution?.calls['Sheet.getSheetValues'] ?? 0).toBe(0);
    const added = interaction(loaded, [['addClient', { name: 'Newco', hoursPerWeek: 1.5 }]]);
    expect(added).toBeLessThanOrEqual(20);
    expect(rt.lastExecution?.calls['Sheet.getSheetValues'] ?? 0).toBe(0);

    // Refreshed with a radar of 42 technologies: Priorities, Overview and the Radar tab written.
    fillRadar(rt);
    addon.call('refreshPriorities');
    const grew = (rt.lastExecution?.calls['Sheet.insertRowsAfter'] ?? 0) > 0;
    expect(rt.lastExecution?.spreadsheetCalls).toBeLessThanOrEqual(tabs() + 12 + (grew ? 3 : 0));
    expect(values(rt, tab(rt, 'Radar'))).toHaveLength(43);
    expect(values(rt, tab(rt, 'Overview')).some((r) => r[0] === 'Newco')).toBe(true);

    // The first run draws a plan of a new shape (its checkboxes and bold lines set), the second
    // finds the week's plan as it left it.
    for (let run = 0; run < 2; run++) {
      addon.call('runWeeklyPlan', {});
      expect(rt.lastExecution?.function).toBe('runWeeklyPlan');
      expect(rt.lastExecution?.spreadsheetCalls, `run ${run + 1}`).toBeLessThanOrEqual(tabs() + 12);
      expect(rt.lastExecution?.estimatedMs, `run ${run + 1}`).toBeLessThan(20000);
      // Priorities' bold and colour below the list are left to the next refresh (ADR 24).
      expect(rt.lastExecution?.calls['Range.setBackgrounds'] ?? 0, `run ${run + 1}`).toBe(0);
    }
    // The next refresh restyles below the list, within its own budget.
    addon.call('refreshPriorities');
    expect(rt.lastExecution?.calls['Range.setBackgrounds']).toBe(1);
    expect(rt.lastExecution?.spreadsheetCalls).toBeLessThanOrEqual(tabs() + 12);
  }, 120000);
});
