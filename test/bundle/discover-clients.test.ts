/**
 * One rule for which tabs are clients, whichever path asks: the sidebar's list, Priorities, the
 * Overview, the plan and the founder views agree, and every tab the rule reads oddly is reported.
 */
import { describe, expect, it } from 'vitest';
import { addClient, loadAddon, tab, values } from '../support/bundle.js';

interface RegistryJson {
  clients: { id: string; name: string; tabName: string }[];
  problems: { tab: string; cell: string; reason: string }[];
}

/** A person's Duplicate of a tab: every value and formula copied into a new tab. */
function duplicate(
  rt: ReturnType<typeof loadAddon>['rt'],
  from: string,
  name: string,
  index?: number,
) {
  const ss = rt.spreadsheetApp().getActiveSpreadsheet();
  const source = ss.getSheetByName(from)!;
  const range = source.getDataRange();
  const formulas = range.getFormulas();
  const cells = range.getValues().map((row, r) => row.map((v, c) => formulas[r]?.[c] || v));
  const copy = index === undefined ? ss.insertSheet(name) : ss.insertSheet(name, index);
  copy.getRange(1, 1, cells.length, cells[0]!.length).setValues(cells);
  return copy;
}

function everywhere(
  addon: ReturnType<typeof loadAddon>['addon'],
  rt: ReturnType<typeof loadAddon>['rt'],
) {
  const sidebar = (addon.call('getRegistry') as RegistryJson).clients.map((c) => c.name);
  const refreshed = addon.call('refreshPriorities') as { problems: RegistryJson['problems'] };
  const overview = values(rt, tab(rt, 'Overview'))
    .slice(2)
    .map((r) => r[0])
    .filter((n) => n !== '' && n !== 'Total');
  const plan = values(rt, tab(rt, 'Weekly Plan'));
  addon.call('generateWeeklyPlan');
  const planned = values(rt, tab(rt, 'Weekly Plan'))
    .map((r) => String(r[0]))
    .filter((t) => / h this week$/.test(t))
    .map((t) => t.replace(/: .* h this week$/, ''));
  return { sidebar, overview, planned, problems: refreshed.problems, plan };
}

describe('which tabs are clients', () => {
  it('a client whose name cell was cleared is listed everywhere under its tab name, and reported', () => {
    const { rt, addon } = loadAddon();
    addClient(addon, { name: 'Acme', hoursPerWeek: 2 });
    addClient(addon, { name: 'Beacon', hoursPerWeek: 1 });
    rt.spreadsheetApp()
      .getActiveSpreadsheet()
      .getSheetByName('Beacon')!
      .getRange('B1')
      .setValue('');
    const seen = everywhere(addon, rt);
    expect(seen.sidebar).toEqual(['Acme', 'Beacon']);
    expect(seen.overview).toEqual(['Acme', 'Beacon']);
    expect(seen.planned).toEqual(['Acme', 'Beacon']);
    expect(seen.problems).toContainEqual({
      tab: 'Beacon',
      cell: 'B1',
      reason: `The client's name is empty: it is read as "Beacon", the tab's name. Type the name beside Client.`,
    });
  });

  it('a client tab a person made by duplicating another and renaming the client is a client everywhere', () => {
    const { rt, addon } = loadAddon();
    addClient(addon, { name: 'Acme', hoursPerWeek: 2 });
    const copy = duplicate(rt, 'Acme', 'Corvid');
    copy.getRange('B1').setValue('Corvid');
    const seen = everywhere(addon, rt);
    expect(seen.sidebar).toEqual(['Acme', 'Corvid']);
    expect(seen.overview).toEqual(['Acme', 'Corvid']);
    expect(seen.planned).toEqual(['Acme', 'Corvid']);
    const corvid = (addon.call('getRegistry') as RegistryJson).clients.find(
      (c) => c.name === 'Corvid',
    )!;
    expect(corvid.id).toBe(String(copy.getSheetId()));
    const added = addon.call('addItem', {
      clientId: corvid.id,
      kind: 'debt',
      fields: { title: 'Only at Corvid', impact: 4, effort: 1 },
    }) as { clientName: string };
    expect(added.clientName).toBe('Corvid');
  });

  it('a duplicated tab of the same client is one client everywhere, the copy reported, writes going to the original', () => {
    const { rt, addon } = loadAddon();
    const acme = addClient(addon, { name: 'Acme', hoursPerWeek: 2 });
    addon.call('refreshPriorities');
    // The copy placed in front of the original: tab order does not decide.
    duplicate(rt, 'Acme', 'Copy of Acme', 0);
    const seen = everywhere(addon, rt);
    expect(seen.sidebar).toEqual(['Acme']);
    expect(seen.overview).toEqual(['Acme']);
    expect(seen.planned).toEqual(['Acme']);
    expect(seen.problems.filter((p) => /A second tab holds client Acme/.test(p.reason))).toEqual([
      {
        tab: 'Copy of Acme',
        cell: 'A1',
        reason:
          'A second tab holds client Acme (a copy?): only one is read. Rename the client in the copy, or delete it.',
      },
    ]);
    expect((addon.call('getRegistry') as RegistryJson).clients[0]?.id).toBe(acme.id);
  });

  it('two clients whose names were swapped by hand keep their own ids and items', () => {
    const { rt, addon } = loadAddon();
    const acme = addClient(addon, { name: 'Acme', hoursPerWeek: 2 }).id;
    const beacon = addClient(addon, { name: 'Beacon', hoursPerWeek: 1 }).id;
    addon.call('addItem', { clientId: acme, kind: 'debt', fields: { title: 'Acme debt' } });
    addon.call('refreshPriorities');
    const ss = rt.spreadsheetApp().getActiveSpreadsheet();
    ss.getSheetById(Number(acme))!.getRange('B1').setValue('Beacon');
    ss.getSheetById(Number(beacon))!.getRange('B1').setValue('Acme');
    const listed = (addon.call('getRegistry') as RegistryJson).clients.map((c) => [c.name, c.id]);
    expect(listed).toEqual([
      ['Acme', beacon],
      ['Beacon', acme],
    ]);
    addon.call('refreshPriorities');
    const ranked = values(rt, tab(rt, 'Priorities')).find((r) => r.includes('Acme debt'))!;
    expect(ranked[1]).toBe('Beacon');
  });
});
