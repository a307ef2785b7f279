/**
 * The Decision log tab through the bundle: every decision across clients, newest first, each ID a
 * link to its row, no private note; written only when it changed, its filter made once with the
 * tab, and a refresh that also rewrites the Overview still within tabs + 12.
 */
import { describe, expect, it } from 'vitest';
import type { LoadedScript, Runtime } from '../../emulator/index.js';
import type { ClientRecord } from '../../src/domain/client-record.js';
import { decisionLog } from '../../src/domain/decision-log.js';
import { addClient, loadAddon, restorable, rowWith, tab, values } from '../support/bundle.js';

const add = (addon: LoadedScript, clientId: string, fields: Record<string, unknown>) =>
  addon.call('addItem', { clientId, kind: 'decision', fields }) as { id: string; row: number };

function items(addon: LoadedScript, clientId: string): ClientRecord['items'] {
  return (addon.call('getClient', { clientId }) as { items: ClientRecord['items'] }).items;
}

/** The log's rows under its header, eleven cells each, to the first blank row. */
function logRows(rt: Runtime): unknown[][] {
  const grid = values(rt, tab(rt, 'Decision log'));
  const out: unknown[][] = [];
  for (const row of grid.slice(3)) {
    const cells = row.slice(0, 11);
    if (cells.every((c) => c === '')) break;
    out.push(cells);
  }
  return out;
}

const build = restorable(() => {
  const { rt, addon } = loadAddon();
  const acme = addClient(addon, { name: 'Acme', hoursPerWeek: 8 });
  const beacon = addClient(addon, { name: 'Beacon', hoursPerWeek: 4 });
  add(addon, acme.id, {
    title: 'Move to MongoDB',
    status: 'Accepted',
    proposedOn: '2026-01-02',
    decidedOn: '2026-01-09',
    decision: 'Writes spike at month end.',
    tags: 'database',
    privateNote: 'PRIVATE the founder doubts this',
  });
  add(addon, acme.id, {
    title: 'Switch to PostgreSQL',
    status: 'Accepted',
    proposedOn: '2026-11-10',
    decidedOn: '2026-11-16',
    supersedes: 'ADR-1',
    decision: 'Joins and transactions for billing.',
    tags: 'database, billing',
  });
  add(addon, beacon.id, {
    title: 'Serverless webhooks',
    status: 'Proposed',
    proposedOn: '2026-11-12',
    context: 'Bursty traffic.',
    tags: 'infra',
    privateNote: 'PRIVATE cost worries',
  });
  return { rt, addon, acme, beacon };
});

describe('the Decision log tab', () => {
  it('is made by setup with its header, frozen, its medians hidden and a filter over its columns', () => {
    const { rt } = build();
    const sheet = tab(rt, 'Decision log');
    expect(values(rt, sheet)[2]?.slice(0, 11)).toEqual([
      'Client',
      'ID',
      'Title',
      'Status',
      'Proposed on',
      'Decided on',
      'Cycle (days)',
      'Tags',
      'Supersedes',
      'Superseded by',
      'Log line',
    ]);
    expect(sheet.frozenRows).toBe(3);
    expect([...sheet.hiddenColumns].sort()).toEqual([13, 14]);
    expect(sheet.filter).toEqual({
      row: 3,
      column: 1,
      numRows: sheet.maxRows - 2,
      numColumns: 11,
    });
  });

  it('lists every decision across clients newest first, as the domain orders them, on a refresh', () => {
    const { rt, addon, acme, beacon } = build();
    addon.call('refreshPriorities');
    expect(logRows(rt)).toEqual([
      [
        'Acme',
        'ADR-2',
        'Switch to PostgreSQL',
        'Accepted',
        '2026-11-10',
        '2026-11-16',
        6,
        'database, billing',
        'ADR-1',
        '',
        'Acme: accepted ADR-2 Switch to PostgreSQL (2026-11-16). Rationale: Joins and transactions for billing.',
      ],
      [
        'Beacon',
        'ADR-1',
        'Serverless webhooks',
        'Proposed',
        '2026-11-12',
        '',
        '',
        'infra',
        '',
        '',
        'Beacon: proposed ADR-1 Serverless webhooks (2026-11-12). Rationale: Bursty traffic.',
      ],
      [
        'Acme',
        'ADR-1',
        'Move to MongoDB',
        'Superseded',
        '2026-01-02',
        '2026-01-09',
        7,
        'database',
        '',
        'ADR-2',
        'Acme: superseded ADR-1 Move to MongoDB (2026-01-09). Rationale: Writes spike at month end.',
      ],
    ]);
    const domain = decisionLog(
      [acme, beacon].map((c) => ({
        clientId: c.id,
        clientName: c.name,
        decisions: items(addon, c.id).decision,
      })),
    );
    expect(logRows(rt).map((r) => [r[0], r[1], r[10]])).toEqual(
      domain.map((d) => [d.clientName, d.id, d.summary]),
    );
    expect(values(rt, tab(rt, 'Decision log'))[1]?.[0]).toMatch(
      /^3 decisions across 2 clients, newest first\. Written whole by Refresh priorities/,
    );
  });

  it("links each ID to the decision's row in its client tab", () => {
    const { rt, addon, acme, beacon } = build();
    addon.call('refreshPriorities');
    const log = tab(rt, 'Decision log');
    const links = [4, 5, 6].map((r) => rt.spreadsheet.formula(log, r, 2));
    const acmeTab = rt.spreadsheet.sheetById(Number(acme.id));
    const beaconTab = rt.spreadsheet.sheetById(Number(beacon.id));
    if (!acmeTab || !beaconTab) throw new Error('client tabs missing');
    const adr2 = rowWith(rt, acmeTab, 'ADR-2');
    const adr1 = rowWith(rt, acmeTab, 'ADR-1');
    const beacon1 = rowWith(rt, beaconTab, 'ADR-1');
    expect(links).toEqual([
      `=HYPERLINK("#gid=${acme.id}&range=A${adr2}","ADR-2")`,
      `=HYPERLINK("#gid=${beacon.id}&range=A${beacon1}","ADR-1")`,
      `=HYPERLINK("#gid=${acme.id}&range=A${adr1}","ADR-1")`,
    ]);
    expect(rt.spreadsheet.read(acmeTab, adr2, 2)).toBe('Switch to PostgreSQL');
    expect(rt.spreadsheet.read(beaconTab, beacon1, 2)).toBe('Serverless webhooks');
  });

  it('holds no private note, in any cell', () => {
    const { rt, addon } = build();
    addon.call('refreshPriorities');
    const text = JSON.stringify(values(rt, tab(rt, 'Decision log')));
    expect(text).toContain('Serverless webhooks');
    expect(text).not.toContain('PRIVATE');
  });

  it("gives the Overview each client's median decision cycle, as the domain computes it", () => {
    const { rt, addon } = build();
    addon.call('refreshPriorities');
    const overview = values(rt, tab(rt, 'Overview'));
    const median = (name: string) => overview.find((r) => r[0] === name)?.[13];
    expect([median('Acme'), median('Beacon')]).toEqual([6.5, '']);
  });

  it('is not written again, nor its filter made again, when no decision changed', () => {
    const { rt, addon } = build();
    addon.call('refreshPriorities');
    const before = JSON.stringify(values(rt, tab(rt, 'Decision log')));
    addon.call('refreshPriorities');
    expect(rt.lastExecution?.calls['Range.setValues']).toBe(1);
    expect(rt.lastExecution?.calls['Range.createFilter']).toBeUndefined();
    expect(JSON.stringify(values(rt, tab(rt, 'Decision log')))).toBe(before);
    const sheet = tab(rt, 'Decision log');
    expect(sheet.filter).toEqual({ row: 3, column: 1, numRows: sheet.maxRows - 2, numColumns: 11 });
  });

  it('puts back a cell typed over, and blanks the rows a removed decision leaves', () => {
    const { rt, addon, beacon } = build();
    addon.call('refreshPriorities');
    const log = tab(rt, 'Decision log');
    rt.spreadsheet.writeBlock(log, 4, 3, [[{ kind: 'value', value: 'typed over' }]]);
    const beaconTab = rt.spreadsheet.sheetById(Number(beacon.id));
    if (!beaconTab) throw new Error('Beacon tab missing');
    rt.spreadsheet.deleteRows(beaconTab, rowWith(rt, beaconTab, 'ADR-1'), 1);
    addon.call('refreshPriorities');
    expect(logRows(rt).map((r) => `${String(r[0])} ${String(r[1])} ${String(r[2])}`)).toEqual([
      'Acme ADR-2 Switch to PostgreSQL',
      'Acme ADR-1 Move to MongoDB',
    ]);
    expect(values(rt, log).length).toBe(5);
  });

  it('keeps a refresh that rewrites Priorities, the Overview and the log within tabs + 12: the restyle waits one refresh', () => {
    const { rt, addon, acme, beacon } = build();
    addon.call('refreshPriorities');
    addon.call('refreshPriorities');
    // A person renames Beacon in its profile (the Overview's name is text) and a decision is
    // proposed at Acme (the ranked list grows, so the part below it moves).
    const beaconTab = rt.spreadsheet.sheetById(Number(beacon.id));
    if (!beaconTab) throw new Error('Beacon tab missing');
    rt.spreadsheet.writeBlock(beaconTab, rowWith(rt, beaconTab, 'Client'), 2, [
      [{ kind: 'value', value: 'Beacon Labs' }],
    ]);
    add(addon, acme.id, { title: 'Pick a queue', status: 'Proposed', proposedOn: '2026-11-17' });
    addon.call('refreshPriorities');
    const tabs = rt.spreadsheet.sheets.length;
    expect(rt.lastExecution?.spreadsheetCalls).toBeLessThanOrEqual(tabs + 12);
    expect(rt.lastExecution?.calls['Range.setValues']).toBe(3);
    expect(rt.lastExecution?.calls['Range.setBackgrounds']).toBeUndefined();
    expect(logRows(rt).map((r) => `${String(r[0])} ${String(r[1])}`)).toEqual([
      'Acme ADR-3',
      'Acme ADR-2',
      'Beacon Labs ADR-1',
      'Acme ADR-1',
    ]);
    addon.call('refreshPriorities');
    expect(rt.lastExecution?.calls['Range.setBackgrounds']).toBe(1);
    expect(rt.lastExecution?.spreadsheetCalls).toBeLessThanOrEqual(tabs + 12);
  });
});
