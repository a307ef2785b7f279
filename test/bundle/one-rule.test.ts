/**
 * Each concept decided once: the live formulas of Priorities and the Overview agree with the
 * ranked list, the plan and the sidebar on what is open and what is overdue, blank statuses and
 * goals included.
 */
import { describe, expect, it } from 'vitest';
import { addClient, loadAddon, rowWith, tab, values } from '../support/bundle.js';

describe('open and overdue mean the same everywhere', () => {
  it('a debt item and a risk whose Status a person cleared count as open in the Overview, the matrix and the ranked list', () => {
    const { rt, addon } = loadAddon();
    const id = addClient(addon, { name: 'Acme', hoursPerWeek: 2 }).id;
    addon.call('addItem', {
      clientId: id,
      kind: 'debt',
      fields: { title: 'Cleared status', priority: 'High', impact: 4, effort: 2 },
    });
    addon.call('addItem', {
      clientId: id,
      kind: 'risk',
      fields: { risk: 'Cleared risk', likelihood: 4, impact: 4 },
    });
    const sheet = rt.spreadsheetApp().getActiveSpreadsheet().getSheetByName('Acme')!;
    const acme = tab(rt, 'Acme');
    for (const first of ['D-1', 'R-1']) {
      const row = rowWith(rt, acme, first);
      const header = values(rt, acme)
        .slice(0, row)
        .reverse()
        .find((r) => r[0] === 'ID')!;
      sheet.getRange(row, header.indexOf('Status') + 1).setValue('');
    }
    const result = addon.call('refreshPriorities') as { entries: number };
    expect(result.entries).toBe(2);
    const overview = values(rt, tab(rt, 'Overview'));
    const header = overview[1] as string[];
    const acmeRow = overview.find((r) => r[0] === 'Acme')!;
    const cell = (name: string) => acmeRow[header.indexOf(name)];
    expect([cell('Open debt High'), cell('Do now'), cell('Open high risks')]).toEqual([1, 1, 1]);
    const priorities = values(rt, tab(rt, 'Priorities'));
    const matrixHeader = priorities.find((r) => r[1] === 'Client' && r[2] === 'Do now')!;
    const matrixRow = priorities.find((r) => r[1] === 'Acme' && typeof r[2] === 'number')!;
    expect(matrixRow[matrixHeader.indexOf('Do now')]).toBe(1);
    expect(matrixRow[matrixHeader.indexOf('Open debt')]).toBe(1);
  });

  it('a goal past its target date is overdue in the Overview as in the plan', () => {
    const { rt, addon } = loadAddon();
    const id = addClient(addon, { name: 'Acme', hoursPerWeek: 2 }).id;
    addon.call('addItem', {
      clientId: id,
      kind: 'goal',
      fields: { goal: 'Ship SSO', targetDate: '2026-11-01', status: 'On track' },
    });
    addon.call('addItem', {
      clientId: id,
      kind: 'goal',
      fields: { goal: 'Finished', targetDate: '2026-11-01', status: 'Done' },
    });
    addon.call('refreshPriorities');
    const overview = values(rt, tab(rt, 'Overview'));
    const header = overview[1] as string[];
    expect(overview.find((r) => r[0] === 'Acme')![header.indexOf('Overdue')]).toBe(1);
    const plan = addon.call('generateWeeklyPlan') as { clients: number };
    expect(plan.clients).toBe(1);
    const planText = values(rt, tab(rt, 'Weekly Plan')).flat().join('\n');
    expect(planText).toContain('Goal G-1 Ship SSO: overdue since 2026-11-01');
    expect(planText).not.toContain('Finished');
  });
});
