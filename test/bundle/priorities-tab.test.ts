/**
 * The Priorities tab as a person opens it: the ranked list at the top, readable at 1,280 pixels,
 * each row a link to its cell in the client tab, in the order of the one comparator; what the
 * add-on needs for itself out of sight; and the Overview's dates shown as dates.
 */
import { describe, expect, it } from 'vitest';
import type { LoadedScript, Runtime } from '../../emulator/index.js';
import { collectPriorities } from '../../src/domain/priorities.js';
import type { ClientRecord } from '../../src/domain/client-record.js';
import { addClient, loadAddon, restorable, tab, values } from '../support/bundle.js';

type Kind = 'goal' | 'debt' | 'decision' | 'risk' | 'team' | 'review';
const add = (addon: LoadedScript, clientId: string, kind: Kind, fields: Record<string, unknown>) =>
  addon.call('addItem', { clientId, kind, fields }) as { id: string };

/** Acme and Beacon: High debt, a Critical risk due next month, a pending decision, reviews. */
const registry = restorable(
  () => {
    const { rt, addon } = loadAddon({ now: '2026-11-18T10:00:00Z', timeZone: 'Europe/London' });
    const acme = addClient(addon, { name: 'Acme', hoursPerWeek: 2, stage: 'Seed' });
    const beacon = addClient(addon, { name: 'Beacon', hoursPerWeek: 1.5, stage: 'Series A' });
    add(addon, acme.id, 'debt', {
      title: 'Secrets in the repository history need rotating before the audit',
      impact: 5,
      effort: 1,
      priority: 'High',
      owner: 'Priya',
    });
    add(addon, acme.id, 'debt', {
      title: 'Split monolith',
      impact: 5,
      effort: 5,
      priority: 'High',
    });
    add(addon, acme.id, 'risk', {
      risk: 'Single engineer knows the billing integration',
      likelihood: 4,
      impact: 5,
      owner: 'Maya',
      due: '2026-12-20',
    });
    add(addon, acme.id, 'decision', { title: 'Pick a queue', due: '2026-12-01' });
    add(addon, acme.id, 'review', { date: '2026-11-11', pmReviewed: 'Yes' });
    add(addon, beacon.id, 'debt', { title: 'Upgrade Node', impact: 3, effort: 1, priority: 'Low' });
    add(addon, beacon.id, 'risk', {
      risk: 'Vendor review',
      likelihood: 2,
      impact: 2,
      due: '2026-11-10',
    });
    add(addon, beacon.id, 'review', { date: '2026-11-04' });
    addon.call('refreshPriorities');
    // Built at once, its first refresh writes the Overview and the Decision log together and
    // leaves the restyle below the list to the next (ADR 24).
    addon.call('refreshPriorities');
    return { rt, addon, acme, beacon };
  },
  { cacheAs: 'priorities-tab-registry' },
);

function record(addon: LoadedScript, clientId: string): ClientRecord {
  const d = addon.call('getClient', { clientId }) as {
    client: Omit<ClientRecord, 'items' | 'reviewCadence'>;
    items: ClientRecord['items'];
  };
  return { ...d.client, reviewCadence: 7, items: d.items };
}

const sheetOf = (rt: Runtime, name: string) =>
  rt.spreadsheetApp().getActiveSpreadsheet().getSheetByName(name)!;

/** The ranked rows as written: from the row under the "#" header to the first blank row. */
function rankedRows(rt: Runtime): { row: number; cells: unknown[] }[] {
  const grid = values(rt, tab(rt, 'Priorities'));
  const header = grid.findIndex((r) => r[0] === '#');
  const out: { row: number; cells: unknown[] }[] = [];
  for (let i = header + 1; typeof grid[i]?.[0] === 'number'; i++)
    out.push({ row: i + 1, cells: grid[i] as unknown[] });
  return out;
}

describe('the Priorities tab', () => {
  it('starts the ranked list on row 5, under its header on row 4, the header frozen', () => {
    const { rt } = registry();
    const grid = values(rt, tab(rt, 'Priorities'));
    expect(grid.slice(0, 4).map((r) => r[0])).toEqual([
      'Priorities across clients',
      'Refreshed 2026-11-18 10:00: 6 open items; 0 signals, 0 problems and the count by quadrant below the list. Rewritten whole by Refresh priorities; edit the client tabs, not this one.',
      'Ranked list',
      '#',
    ]);
    expect(grid[3]?.slice(0, 14)).toEqual([
      '#',
      'Client',
      'Kind',
      'ID',
      'Title',
      'Priority / band',
      'Quadrant',
      'Impact ÷ effort',
      'Risk score',
      'Status',
      'Owner',
      'Due',
      'Age (days)',
      'Link',
    ]);
    expect(rankedRows(rt)[0]?.row).toBe(5);
    expect(tab(rt, 'Priorities').frozenRows).toBe(4);
  });

  it('writes the ranked list in the order of the one comparator, a Critical risk above High debt', () => {
    const { rt, addon, acme, beacon } = registry();
    const domain = collectPriorities(
      [record(addon, acme.id), record(addon, beacon.id)],
      '2026-11-18',
    );
    const written = rankedRows(rt).map(({ cells }) => `${String(cells[1])} ${String(cells[3])}`);
    expect(written).toEqual(domain.map((e) => `${e.clientName} ${e.id}`));
    expect(written).toEqual([
      'Beacon R-1', // overdue
      'Acme R-1', // Critical, due next month
      'Acme D-1', // High, Do now
      'Acme D-2', // High, Plan & invest
      'Acme ADR-1', // a pending decision is Medium
      'Beacon D-1', // Low
    ]);
  });

  it('shows impact ÷ effort for debt and the score for risks in columns of their own, with due date and owner', () => {
    const { rt } = registry();
    const byId = new Map(
      rankedRows(rt).map(({ cells }) => [`${String(cells[1])} ${String(cells[3])}`, cells]),
    );
    const columns = (id: string) => {
      const c = byId.get(id) ?? [];
      return { ratio: c[7], score: c[8], owner: c[10], due: c[11] };
    };
    expect(columns('Acme D-1')).toEqual({ ratio: 5, score: '', owner: 'Priya', due: '' });
    expect(columns('Acme R-1')).toEqual({
      ratio: '',
      score: 20,
      owner: 'Maya',
      due: '2026-12-20',
    });
    expect(columns('Acme ADR-1')).toMatchObject({ ratio: '', score: '', due: '2026-12-01' });
  });

  it("links each row's ID to its row in the client tab, with the ID as the link's text", () => {
    const { rt, acme, beacon } = registry();
    const ss = rt.spreadsheetApp().getActiveSpreadsheet();
    const priorities = ss.getSheetByName('Priorities')!;
    const tabs = new Map([
      ['Acme', acme.id],
      ['Beacon', beacon.id],
    ]);
    for (const { row, cells } of rankedRows(rt)) {
      const gid = tabs.get(String(cells[1])) as string;
      const link = priorities.getRange(row, 4).getFormula();
      const target = /^=HYPERLINK\("#gid=(\d+)&range=A(\d+)","([^"]*)"\)$/.exec(link);
      expect(target, link).not.toBeNull();
      expect(target?.[1]).toBe(gid);
      // The link's value is the ID, and the cell it opens holds that ID.
      expect(target?.[3]).toBe(cells[3]);
      const clientTab = ss.getSheetById(Number(gid))!;
      expect(clientTab.getRange(Number(target?.[2]), 1).getValue()).toBe(cells[3]);
    }
  });

  it('writes a title typed as a formula as text, and links a row without an ID by its row', () => {
    const { rt, addon, acme } = registry();
    const acmeTab = sheetOf(rt, 'Acme');
    const grid = values(rt, tab(rt, 'Acme'));
    const last = grid.findIndex((r) => r[0] === 'D-2') + 1;
    // A person types a debt row by hand, with no ID, under D-2.
    acmeTab.getRange(last + 1, 2, 1, 4).setValues([["'=1+1", '', 'High', 4]]);
    acmeTab.getRange(last + 1, 6).setValue(2);
    addon.call('refreshPriorities');
    const typed = rankedRows(rt).find(({ cells }) => cells[4] === '=1+1');
    expect(typed?.cells[3]).toBe(`row ${last + 1}`);
    const priorities = sheetOf(rt, 'Priorities');
    expect(priorities.getRange(typed?.row ?? 0, 5).getFormula()).toBe('');
    expect(priorities.getRange(typed?.row ?? 0, 4).getFormula()).toBe(
      `=HYPERLINK("#gid=${acme.id}&range=A${last + 1}","row ${last + 1}")`,
    );
  });

  it('fits the visible columns in 1,200 pixels, wraps the titles, and hides the client index', () => {
    const { rt } = registry();
    const sheet = tab(rt, 'Priorities');
    const widths = Array.from({ length: 14 }, (_, i) => sheet.columnWidths.get(i + 1) ?? 100);
    expect(widths.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(1200);
    expect(widths[4]).toBe(224); // Title, the widest
    expect([...sheet.hiddenColumns].sort((a, b) => a - b)).toEqual([15, 16, 17, 18]);
    const grid = values(rt, sheet);
    // What the hidden columns hold: the client index, which the add-on reads back.
    expect(grid.some((r) => String(r[14]).startsWith('Client index'))).toBe(true);
    const title = rankedRows(rt)[2]?.row ?? 0;
    expect(sheet.cell(title, 5)?.format?.wrap).toBe(true);
    // Column A is not wrapped: the tab's title and notes in it run over to the right.
    expect(sheet.cell(1, 1)?.format?.wrap).toBeFalsy();
  });

  it('puts the count matrix, the signals and the problems below the list, restyled as the list grows', () => {
    const { rt, addon, beacon } = registry();
    const titles = () => {
      const grid = values(rt, tab(rt, 'Priorities'));
      const sheet = tab(rt, 'Priorities');
      return grid
        .map((r, i) => ({ text: r[0], row: i + 1 }))
        .filter(({ row }) => sheet.cell(row, 1)?.format?.background === '#c9daf8')
        .map(({ text, row }) => `${row} ${String(text)}`);
    };
    const last = rankedRows(rt).at(-1)?.row ?? 0;
    expect(titles()).toEqual([
      '1 Priorities across clients',
      '3 Ranked list',
      `${last + 2} Open debt by quadrant (live)`,
      `${last + 7} Signals`,
      `${last + 11} Problems`,
    ]);
    add(addon, beacon.id, 'debt', { title: 'One more', impact: 2, effort: 2 });
    add(addon, beacon.id, 'debt', { title: 'And another', impact: 2, effort: 2 });
    addon.call('refreshPriorities');
    expect(titles()).toEqual([
      '1 Priorities across clients',
      '3 Ranked list',
      `${last + 4} Open debt by quadrant (live)`,
      `${last + 9} Signals`,
      `${last + 13} Problems`,
    ]);
    // The rows the titles left are list rows now, and plain.
    expect(tab(rt, 'Priorities').cell(last + 2, 1)?.format?.bold).toBeFalsy();
  });

  it('lays the tab out once: a refresh spends no call on widths, wrap or hidden columns, and keeps a width a person set', () => {
    const { rt, addon } = registry();
    sheetOf(rt, 'Priorities').setColumnWidth(5, 300);
    addon.call('refreshPriorities');
    const calls = rt.lastExecution?.calls ?? {};
    const layout = Object.keys(calls).filter((m) =>
      /setColumnWidths?|setWrap|hideColumns|clearFormat|setFrozenRows/.test(m),
    );
    expect(layout).toEqual([]);
    expect(tab(rt, 'Priorities').columnWidths.get(5)).toBe(300);
  });

  it('lays out a registry made before this layout once, on its next refresh, in batches', () => {
    const { rt, addon } = registry();
    rt.documentProperties(rt.spreadsheet.id).delete('registry.rollupLayout');
    sheetOf(rt, 'Overview').getRange('E3:E10').clearFormat();
    const priorities = tab(rt, 'Priorities');
    priorities.columnWidths.clear();
    priorities.hiddenColumns.clear();
    addon.call('refreshPriorities');
    const calls = rt.lastExecution?.calls ?? {};
    // One call per run of equal widths, one for the wrap: never one per row or per cell.
    expect(calls['Sheet.setColumnWidths']).toBe(10);
    expect(calls['Range.setWrap']).toBe(1);
    expect(calls['Sheet.hideColumns']).toBe(1);
    expect(priorities.columnWidths.get(5)).toBe(224);
    expect([...priorities.hiddenColumns].sort((a, b) => a - b)).toEqual([15, 16, 17, 18]);
    expect(sheetOf(rt, 'Overview').getRange('E3').getNumberFormats()).toEqual([['yyyy-mm-dd']]);
    addon.call('refreshPriorities');
    expect(rt.lastExecution?.calls['Sheet.setColumnWidths']).toBeUndefined();
  });
});

describe('a Priorities tab deleted by hand', () => {
  it('is made again by the next refresh with its layout, the part below the list styled', () => {
    const { rt, addon } = registry();
    rt.spreadsheet.removeSheet(tab(rt, 'Priorities'));
    const result = addon.call('refreshPriorities') as { repaired: string[] };
    expect(result.repaired).toEqual(['Priorities']);
    const sheet = tab(rt, 'Priorities');
    expect(sheet.columnWidths.get(5)).toBe(224);
    expect([...sheet.hiddenColumns].sort((a, b) => a - b)).toEqual([15, 16, 17, 18]);
    const grid = values(rt, sheet);
    const signals = grid.findIndex((r) => r[0] === 'Signals') + 1;
    expect(sheet.cell(signals, 1)?.format?.background).toBe('#c9daf8');
    expect(sheet.cell(signals + 1, 2)?.format?.bold).toBe(true);
  });
});

describe('the Overview', () => {
  it('shows each last review as a date, with a date format on the cell', () => {
    const { rt } = registry();
    const overview = sheetOf(rt, 'Overview');
    const rows = overview.getRange(3, 1, 2, 5);
    expect(rows.getDisplayValues().map((r) => [r[0], r[4]])).toEqual([
      ['Acme', '2026-11-11'],
      ['Beacon', '2026-11-04'],
    ]);
    expect(overview.getRange(3, 5, 2, 1).getNumberFormats()).toEqual([
      ['yyyy-mm-dd'],
      ['yyyy-mm-dd'],
    ]);
  });
});
