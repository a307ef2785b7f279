import { describe, expect, it } from 'vitest';
import { snapshotOf, type LoadedScript, type Runtime } from '../../emulator/index.js';
import { overviewRow } from '../../src/domain/overview.js';
import type { ClientRecord } from '../../src/domain/client-record.js';
import { addClient, loadAddon, restorable, rowWith, tab, values } from '../support/bundle.js';

type Kind = 'goal' | 'debt' | 'decision' | 'risk' | 'team' | 'review';
const add = (addon: LoadedScript, clientId: string, kind: Kind, fields: Record<string, unknown>) =>
  addon.call('addItem', { clientId, kind, fields }) as { id: string };

/** The client as the domain sees it, read through the bundle. */
function record(addon: LoadedScript, clientId: string): ClientRecord {
  const d = addon.call('getClient', { clientId }) as {
    client: {
      id: string;
      name: string;
      stage: string;
      status: string;
      hoursPerWeek: number | null;
      pmTool: string;
      pmLink: string;
      repoLink: string;
      tabName: string;
    };
    items: ClientRecord['items'];
  };
  return { ...d.client, reviewCadence: 7, items: d.items };
}

function block(rt: Runtime, tabName: string, title: string, width: number): unknown[][] {
  const sheet = tab(rt, tabName);
  const grid = values(rt, sheet);
  const start = rowWith(rt, sheet, title);
  const out: unknown[][] = [];
  for (
    let r = start;
    r < grid.length && (grid[r] as unknown[]).slice(0, width).some((c) => c !== '');
    r++
  ) {
    out.push((grid[r] as unknown[]).slice(0, width));
  }
  return out;
}

/**
 * The rows of a block below the ranked list, under the header row whose cells from column B are
 * `header`, to the first blank row; each row from column A, `width` cells wide.
 */
function lowerBlock(rt: Runtime, header: string[], width: number): unknown[][] {
  const grid = values(rt, tab(rt, 'Priorities'));
  const start = grid.findIndex((r) => header.every((h, i) => r[i + 1] === h));
  if (start < 0) throw new Error(`no block headed ${header.join(', ')} on Priorities`);
  const out: unknown[][] = [];
  for (let r = start + 1; r < grid.length; r++) {
    const row = (grid[r] as unknown[]).slice(0, width);
    if (row.every((c) => c === '')) break;
    out.push(row);
  }
  return out;
}

function matrix(rt: Runtime): Record<string, number[]> {
  const rows = lowerBlock(rt, ['Client', 'Do now'], 7);
  return Object.fromEntries(rows.map((r) => [String(r[1]), r.slice(2) as number[]]));
}

/** Signals: client, signal, item, detail; or the line that says there are none. */
function signals(rt: Runtime): unknown[][] {
  return lowerBlock(rt, ['Client', 'Signal', 'Item', 'Detail'], 5).map((r) =>
    r[0] === '' ? r.slice(1) : [r[0]],
  );
}

function domainMatrix(c: ClientRecord): number[] {
  const open = c.items.debt.filter((d) =>
    ['Open', 'In progress'].includes(String(d.fields['status'])),
  );
  const q = (name: string) => open.filter((d) => d.fields['quadrant'] === name).length;
  return [q('Do now'), q('Plan & invest'), q('Quick win'), q('Skip for now'), open.length];
}

/** Acme and Beacon with six debt items between them; built once, restored for each test. */
const registry = restorable(
  () => {
    // Days since a review and the 7-day window count in London, the sheet's zone.
    const { rt, addon } = loadAddon({ now: '2026-11-18T10:00:00Z', timeZone: 'Europe/London' });
    const acme = addClient(addon, { name: 'Acme', hoursPerWeek: 2, stage: 'Seed' });
    const beacon = addClient(addon, { name: 'Beacon', hoursPerWeek: 1.5, stage: 'Series A' });
    add(addon, acme.id, 'debt', { title: 'Fix CI', impact: 4, effort: 2, priority: 'High' });
    add(addon, acme.id, 'debt', {
      title: 'Split monolith',
      impact: 5,
      effort: 5,
      priority: 'High',
    });
    add(addon, acme.id, 'debt', { title: 'Rename tables', impact: 1, effort: 1, priority: 'Low' });
    add(addon, acme.id, 'debt', { title: 'Old done thing', impact: 4, effort: 1, status: 'Done' });
    add(addon, beacon.id, 'debt', {
      title: 'Upgrade Node',
      impact: 3,
      effort: 1,
      priority: 'Medium',
      status: 'In progress',
    });
    add(addon, beacon.id, 'debt', {
      title: 'Rewrite in Rust',
      impact: 2,
      effort: 5,
      priority: 'Low',
    });
    return { rt, addon, acme, beacon };
  },
  { cacheAs: 'rollup-registry' },
);

describe('refreshPriorities: the live quadrant matrix', () => {
  it('counts each client × quadrant with formulas that agree with the domain', () => {
    const { rt, addon, acme, beacon } = registry();
    addon.call('refreshPriorities');
    const m = matrix(rt);
    expect(m['Acme']).toEqual(domainMatrix(record(addon, acme.id)));
    expect(m['Beacon']).toEqual(domainMatrix(record(addon, beacon.id)));
    expect(m['Acme']).toEqual([1, 1, 1, 0, 3]);

    // Rows added by the add-on are counted before any refresh.
    add(addon, acme.id, 'debt', { title: 'Add tracing', impact: 5, effort: 1 });
    expect(matrix(rt)['Acme']).toEqual([2, 1, 1, 0, 4]);
    expect(matrix(rt)['Acme']).toEqual(domainMatrix(record(addon, acme.id)));

    // A person closes an item on the client tab: the count follows, no refresh.
    const sheet = tab(rt, 'Acme');
    rt.spreadsheet.writeBlock(sheet, rowWith(rt, sheet, 'D-1'), 8, [
      [{ kind: 'value', value: 'Done' }],
    ]);
    expect(matrix(rt)['Acme']).toEqual([1, 1, 1, 0, 3]);

    // A person inserts a row inside the section and types an item with a quadrant formula copied down.
    const row = rowWith(rt, sheet, 'D-2') + 1;
    rt.spreadsheet.insertRows(sheet, row, 1, row - 1);
    rt.spreadsheet.writeBlock(sheet, row, 1, [
      [
        { kind: 'value', value: 'D-9' },
        { kind: 'value', value: 'Typed by hand' },
        { kind: 'empty' },
        { kind: 'value', value: 'High' },
        { kind: 'value', value: 5 },
        { kind: 'value', value: 1 },
        {
          kind: 'formula',
          formula: `=IF(OR(E${row}="",F${row}=""),"",IF(E${row}>=CTOR_ImpactThreshold,IF(F${row}>=CTOR_EffortThreshold,"Plan & invest","Do now"),IF(F${row}>=CTOR_EffortThreshold,"Skip for now","Quick win")))`,
        },
        { kind: 'value', value: 'Open' },
      ],
    ]);
    expect(matrix(rt)['Acme']).toEqual([2, 1, 1, 0, 4]);
    expect(matrix(rt)['Acme']).toEqual(domainMatrix(record(addon, acme.id)));
  });

  it('keeps counting through a renamed client tab, learns the new name without asking the tab, and counts review rows typed below the sheet end from the next refresh (ADR 32)', () => {
    const { rt, addon } = registry();
    addon.call('refreshPriorities');
    const before = matrix(rt)['Acme'];
    const sheet = tab(rt, 'Acme');
    rt.spreadsheet.renameSheet(sheet, "Acme's old tab");
    // Sheets rewrites the references when a tab is renamed: the live counts do not change.
    expect(matrix(rt)['Acme']).toEqual(before);
    const end = sheet.maxRows;
    rt.spreadsheet.insertRows(sheet, end + 1, 2, null);
    rt.spreadsheet.writeBlock(sheet, end + 2, 1, [
      [rt.spreadsheet.interpret('2026-11-17', undefined), { kind: 'value', value: 'Yes' }],
    ]);
    const lastReview = () => block(rt, 'Overview', 'Client', 6)[0]?.[4];
    expect(lastReview()).not.toBe('2026-11-17');
    addon.call('refreshPriorities');
    expect(rt.lastExecution?.calls['Sheet.getName'] ?? 0).toBe(0);
    expect(lastReview()).toBe('2026-11-17');
    expect(matrix(rt)['Acme']).toEqual(before);
    expect(rt.spreadsheet.formula(tab(rt, 'Overview'), 3, 2)).toBe("='Acme''s old tab'!$B$2");
  });
});

describe('refreshPriorities: the ranked list, signals and problems', () => {
  it('orders open debt, open risks and pending decisions by the one comparator', () => {
    const { rt, addon, acme, beacon } = registry();
    add(addon, beacon.id, 'risk', {
      risk: 'Overdue vendor review',
      likelihood: 2,
      impact: 2,
      due: '2026-11-10',
    });
    add(addon, acme.id, 'risk', {
      risk: 'Key person',
      likelihood: 4,
      impact: 4,
      due: '2026-12-20',
    });
    add(addon, acme.id, 'decision', { title: 'Pick a queue', due: '2026-12-01' });
    add(addon, acme.id, 'decision', { title: 'Already decided', status: 'Accepted' });
    addon.call('refreshPriorities');
    const ranked = block(rt, 'Priorities', '#', 6).map((r) => `${r[1]} ${r[3]}`);
    expect(ranked).toEqual([
      'Beacon R-1', // overdue first, though only Low
      'Acme R-1', // Critical, above High
      'Acme D-1', // High, Do now
      'Acme D-2', // High, Plan & invest
      'Beacon D-1', // Medium, Do now
      'Acme ADR-1', // a pending decision is Medium; no quadrant
      'Acme D-3', // Low, Quick win
      'Beacon D-2', // Low, Skip for now
    ]);
    const header = block(rt, 'Priorities', 'Ranked list', 14)[0];
    expect(header).toEqual([
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
  });

  it('lists unreadable cells under Problems and never touches a client tab', () => {
    const { rt, addon } = registry();
    const sheet = tab(rt, 'Acme');
    rt.spreadsheet.writeBlock(sheet, rowWith(rt, sheet, 'D-2'), 5, [
      [{ kind: 'value', value: 'huge' }],
    ]);
    const clientTabs = () =>
      JSON.stringify(
        snapshotOf(rt.spreadsheet).sheets.filter((s) => s.name === 'Acme' || s.name === 'Beacon'),
      );
    const before = clientTabs();
    const result = addon.call('refreshPriorities') as {
      problems: { tab: string; cell: string; reason: string }[];
    };
    expect(clientTabs()).toBe(before);
    const row = rowWith(rt, sheet, 'D-2');
    expect(result.problems).toEqual([
      {
        tab: 'Acme',
        cell: `E${row}`,
        reason: 'Impact must be a whole number from 1 to 5; found "huge"',
      },
    ]);
    expect(lowerBlock(rt, ['Tab', 'Cell', '', 'What is wrong'], 5)).toEqual([
      ['', 'Acme', `E${row}`, '', 'Impact must be a whole number from 1 to 5; found "huge"'],
    ]);
  });

  it('flags a decision that moves a service to MongoDB against a PostgreSQL principle, until an exception is written', () => {
    const { rt, addon, beacon } = registry();
    const principles = tab(rt, 'Principles');
    rt.spreadsheet.writeBlock(principles, 2, 1, [
      [
        'P-2',
        'Standardise on PostgreSQL',
        'Data',
        'PostgreSQL for all services',
        'mongodb, dynamodb',
        'One database to operate',
        '2026-01-01',
        'Active',
      ].map((v) => ({ kind: 'value' as const, value: v })),
    ]);
    add(addon, beacon.id, 'decision', {
      title: 'Move events to MongoDB',
      tags: 'database, MongoDB',
    });
    addon.call('refreshPriorities');
    expect(signals(rt)).toEqual([
      [
        'Beacon',
        'Principle conflict',
        'ADR-1',
        'Move events to MongoDB: conflicts with P-2: Standardise on PostgreSQL (tags: mongodb)',
      ],
    ]);
    const sidebar = addon.call('decisionSignals', {
      tags: 'mongodb, events',
      excludeClientId: beacon.id,
    }) as { conflicts: { message: string }[] };
    expect(sidebar.conflicts.map((c) => c.message)).toEqual([
      'conflicts with P-2: Standardise on PostgreSQL',
    ]);
    addon.call('updateItem', {
      clientId: beacon.id,
      kind: 'decision',
      id: 'ADR-1',
      fields: { exception: 'Time-series volume; approved by board' },
    });
    addon.call('refreshPriorities');
    expect(signals(rt)).toEqual([
      ['No principle conflicts, dependency notices or falling change failure bands.'],
    ]);
  });

  it('tells both clients when a provider records an auth decision, for 7 days', () => {
    const { rt, addon, acme, beacon } = registry();
    const deps = tab(rt, 'Dependencies');
    rt.spreadsheet.writeBlock(deps, 2, 1, [
      ['Acme', 'Beacon', 'auth library', 'auth', 'Acme ships Beacon’s login package'].map((v) => ({
        kind: 'value' as const,
        value: v,
      })),
    ]);
    add(addon, beacon.id, 'decision', {
      title: 'Upgrade auth library to v3',
      tags: 'auth',
      status: 'Accepted',
    });
    addon.call('refreshPriorities');
    const notices = signals(rt);
    expect(notices.map((r) => [r[0], r[1], r[2]])).toEqual([
      ['Acme', 'Dependency notice', 'Beacon ADR-1'],
      ['Beacon', 'Dependency notice', 'Beacon ADR-1'],
    ]);
    expect(notices[0]?.[3]).toBe(
      'Upgrade auth library to v3: Beacon changed auth library you depend on (2026-11-18; auth)',
    );
    void acme;
    rt.advanceClockTo('2026-11-24T10:00:00Z');
    addon.call('refreshPriorities');
    expect(signals(rt)).toHaveLength(2);
    rt.advanceClockTo('2026-11-25T10:00:00Z');
    addon.call('refreshPriorities');
    expect(signals(rt)).toEqual([
      ['No principle conflicts, dependency notices or falling change failure bands.'],
    ]);
  });
});

describe('refreshPriorities: the Overview', () => {
  it('computes each client row with live formulas that agree with the domain', () => {
    const { rt, addon, acme, beacon } = registry();
    add(addon, acme.id, 'review', { date: '2026-11-11', pmReviewed: 'Yes' });
    add(addon, acme.id, 'review', { date: '2026-11-04' });
    add(addon, acme.id, 'decision', {
      title: 'Queue',
      proposedOn: '2026-10-01',
      decidedOn: '2026-10-11',
      status: 'Accepted',
    });
    add(addon, acme.id, 'decision', {
      title: 'Cache',
      proposedOn: '2026-10-01',
      decidedOn: '2026-10-05',
      status: 'Accepted',
    });
    add(addon, acme.id, 'decision', { title: 'Pending, overdue', due: '2026-11-01' });
    add(addon, acme.id, 'risk', { risk: 'High one', likelihood: 3, impact: 4, due: '2026-11-02' });
    add(addon, acme.id, 'risk', { risk: 'Closed one', likelihood: 5, impact: 5, status: 'Closed' });
    addon.call('refreshPriorities');
    const rows = block(rt, 'Overview', 'Client', 15);
    for (const [i, id] of [acme.id, beacon.id].entries()) {
      const o = overviewRow(record(addon, id), '2026-11-18');
      const row = rows[i] as unknown[];
      expect(row.slice(0, 4)).toEqual([o.name, o.stage, o.status, o.hoursPerWeek]);
      expect(row[4]).toBe(o.lastReview ?? '');
      expect(row.slice(5, 14)).toEqual([
        o.daysSinceReview ?? '',
        o.openDebt.High,
        o.openDebt.Medium,
        o.openDebt.Low,
        o.doNow,
        o.pendingDecisions,
        o.overdue,
        o.openHighRisks,
        o.medianDecisionDays ?? '',
      ]);
    }
    expect(rows[0]?.slice(4, 14)).toEqual(['2026-11-11', 7, 2, 0, 1, 1, 1, 2, 1, 7]);
    expect(rows[2]?.slice(0, 8)).toEqual(['Total', '', '', 3.5, 'Capacity', 20, 'Left', 16.5]);

    // Live: the days since the last review grow with the clock, with no refresh.
    rt.advanceClockTo('2026-11-21T10:00:00Z');
    expect(block(rt, 'Overview', 'Client', 15)[0]?.[5]).toBe(10);
  });
});
