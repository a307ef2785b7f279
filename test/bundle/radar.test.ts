/**
 * The Radar tab through the bundle: rings from principles and decisions, overrides winning, a
 * mistyped override named under Problems, Build Your Own Radar's columns exactly, and the sidebar's
 * drawing read back from the tab.
 */
import { describe, expect, it } from 'vitest';
import type { LoadedScript, Runtime } from '../../emulator/index.js';
import {
  addClient,
  fileText,
  loadAddon,
  restorable,
  sharedFiles,
  tab,
  values,
} from '../support/bundle.js';

const typed = (rows: string[][]) =>
  rows.map((r) => r.map((value) => ({ kind: 'value' as const, value })));

function decide(
  addon: LoadedScript,
  clientId: string,
  fields: Record<string, unknown>,
): { id: string } {
  return addon.call('addItem', { clientId, kind: 'decision', fields }) as { id: string };
}

/**
 * Three clients (Wednesday 18 November 2026): Kafka accepted at Acme and Corvid, Terraform at
 * Corvid, Temporal proposed at Delta, MongoDB proposed at Acme against a principle that avoids it;
 * a principle that makes PostgreSQL the standard; overrides, two of them mistyped.
 */
const registry = restorable(
  () => {
    const { rt, addon } = loadAddon();
    const acme = addClient(addon, {
      name: 'Acme',
      hoursPerWeek: 2,
      founderEmails: 'ann@acme.io',
    }).id;
    const corvid = addClient(addon, { name: 'Corvid', hoursPerWeek: 2 }).id;
    const delta = addClient(addon, { name: 'Delta', hoursPerWeek: 1 }).id;
    decide(addon, acme, {
      title: 'Kafka for events',
      status: 'Accepted',
      proposedOn: '2026-10-01',
      decidedOn: '2026-10-05',
      tags: 'kafka, events',
      privateNote: 'Acme private: board wants it cheap',
    });
    decide(addon, corvid, {
      title: 'Kafka for the audit trail',
      status: 'Accepted',
      proposedOn: '2026-06-01',
      decidedOn: '2026-06-10',
      tags: 'Kafka',
    });
    decide(addon, corvid, {
      title: 'Terraform for every environment',
      status: 'Accepted',
      proposedOn: '2026-10-20',
      decidedOn: '2026-11-01',
      tags: 'terraform',
    });
    decide(addon, delta, {
      title: 'Try Temporal for workflows',
      status: 'Proposed',
      proposedOn: '2026-11-10',
      tags: 'temporal',
    });
    decide(addon, acme, {
      title: 'MongoDB for logs',
      status: 'Proposed',
      proposedOn: '2026-11-12',
      tags: 'mongodb',
    });
    rt.spreadsheet.writeBlock(
      tab(rt, 'Principles'),
      2,
      1,
      typed([
        [
          'P-1',
          'Standardise on PostgreSQL',
          'Platforms',
          'PostgreSQL',
          'MongoDB, DynamoDB',
          'One database to run',
          '2026-01-15',
          'Active',
        ],
      ]),
    );
    rt.spreadsheet.writeBlock(
      tab(rt, 'Radar overrides'),
      2,
      1,
      typed([
        ['Kafka', '', 'Platforms', ''],
        ['Terraform', 'Adopt', 'tools', 'Our default for infrastructure'],
        ['Temporal', 'Asses', 'Techniqes', ''],
        ['GraphQL', 'Hold', 'Languages and Frameworks', ''],
        ['Kafak', '', '', ''],
      ]),
    );
    rt.resetCalls();
    return { rt, addon };
  },
  { cacheAs: 'radar-registry' },
);

function radarTab(rt: Runtime): unknown[][] {
  return values(rt, tab(rt, 'Radar'));
}

describe('the Radar tab', () => {
  it("starts with Build Your Own Radar's five columns exactly, then clients and source", () => {
    const { rt, addon } = registry();
    addon.call('refreshPriorities');
    expect(radarTab(rt)[0]).toEqual([
      'name',
      'ring',
      'quadrant',
      'isNew',
      'description',
      'clients',
      'source',
    ]);
  });

  it('places each technology by the overrides, then principles, then decisions, Adopt to Hold', () => {
    const { rt, addon } = registry();
    addon.call('refreshPriorities');
    const rows = radarTab(rt)
      .slice(1)
      .map((r) => r.slice(0, 6));
    expect(rows).toEqual([
      ['Terraform', 'Adopt', 'Tools', true, 'Our default for infrastructure', 'Corvid'],
      ['Kafka', 'Adopt', 'Platforms', false, 'Accepted at 2 clients.', 'Acme, Corvid'],
      [
        'PostgreSQL',
        'Adopt',
        'Platforms',
        false,
        'Standard under P-1 Standardise on PostgreSQL: One database to run.',
        '',
      ],
      ['Temporal', 'Assess', 'Tools', true, 'Proposed at 1 client.', 'Delta (proposed)'],
      [
        'DynamoDB',
        'Hold',
        'Platforms',
        false,
        'Avoided under P-1 Standardise on PostgreSQL: One database to run.',
        '',
      ],
      [
        'MongoDB',
        'Hold',
        'Platforms',
        false,
        'Avoided under P-1 Standardise on PostgreSQL: One database to run. Proposed at 1 client.',
        'Acme (proposed)',
      ],
      ['GraphQL', 'Hold', 'Languages & Frameworks', false, '', ''],
    ]);
    // Why each stands where it does.
    expect(radarTab(rt)[2]?.[6]).toBe('accepted at 2 clients; quadrant set in Radar overrides');
    expect(radarTab(rt)[4]?.[6]).toBe(
      'proposed at 1 client; no quadrant set: Tools until one is typed in Radar overrides',
    );
  });

  it('a Trial technology becomes Adopt once a second client accepts it', () => {
    const { rt, addon } = registry();
    const clients = (addon.call('getRegistry') as { clients: { id: string; name: string }[] })
      .clients;
    const delta = clients.find((c) => c.name === 'Delta')?.id as string;
    const corvid = clients.find((c) => c.name === 'Corvid')?.id as string;
    decide(addon, corvid, { title: 'Temporal for billing', status: 'Accepted', tags: 'temporal' });
    addon.call('refreshPriorities');
    const temporal = () => radarTab(rt).find((r) => r[0] === 'Temporal');
    expect(temporal()?.slice(1, 3)).toEqual(['Trial', 'Tools']);
    expect(temporal()?.[5]).toBe('Corvid, Delta (proposed)');
    decide(addon, delta, {
      title: 'Temporal for onboarding',
      status: 'Accepted',
      tags: 'temporal',
    });
    addon.call('refreshPriorities');
    expect(temporal()?.slice(1, 3)).toEqual(['Adopt', 'Tools']);
    expect(temporal()?.[5]).toBe('Corvid, Delta');
  });

  it('a mistyped ring or quadrant in Radar overrides is a problem naming the tab, the cell and what is allowed', () => {
    const { addon } = registry();
    const result = addon.call('refreshPriorities') as {
      problems: { tab: string; cell: string; reason: string }[];
    };
    const radar = result.problems.filter((p) => p.tab === 'Radar overrides');
    expect(radar).toEqual([
      {
        tab: 'Radar overrides',
        cell: 'B4',
        reason:
          'Ring must be Adopt, Trial, Assess or Hold (or blank), not "Asses": Temporal keeps the ring the registry gives it',
      },
      {
        tab: 'Radar overrides',
        cell: 'C4',
        reason:
          'Quadrant must be Techniques, Tools, Platforms or Languages & Frameworks (or blank), not "Techniqes": Temporal keeps the quadrant the registry gives it',
      },
      {
        tab: 'Radar overrides',
        cell: 'A6',
        reason:
          "Kafak is not on the radar: no principle and no Proposed or Accepted decision names it; type its Ring to place it by hand, or check its spelling against your decisions' tags",
      },
    ]);
  });

  it('a renamed overrides tab is named by its new name', () => {
    const { rt, addon } = registry();
    tab(rt, 'Radar overrides').name = 'My radar';
    const result = addon.call('refreshPriorities') as { problems: { tab: string }[] };
    expect(result.problems.filter((p) => p.tab === 'My radar')).toHaveLength(3);
  });

  it('never holds a private note, and writes a name starting with = as text', () => {
    const { rt, addon } = registry();
    rt.spreadsheet.writeBlock(
      tab(rt, 'Radar overrides'),
      7,
      1,
      typed([['=HYPERLINK("x")', 'Hold', 'Tools', '+cmd']]),
    );
    addon.call('refreshPriorities');
    const text = JSON.stringify(radarTab(rt));
    expect(text).not.toContain('Acme private');
    const row = radarTab(rt).find((r) => r[0] === '=HYPERLINK("x")');
    expect(row?.slice(0, 5)).toEqual(['=HYPERLINK("x")', 'Hold', 'Tools', false, '+cmd']);
    const sheet = tab(rt, 'Radar');
    const at = radarTab(rt).indexOf(row as unknown[]) + 1;
    expect(sheet.cell(at, 1)?.formula ?? '').toBe('');
  });

  it('is rewritten only when it changed, and rows no longer placed are cleared', () => {
    const { rt, addon } = registry();
    addon.call('refreshPriorities');
    const before = radarTab(rt).length;
    addon.call('refreshPriorities');
    expect(rt.lastExecution?.calls['Range.setValues'] ?? 0).toBe(1);
    rt.spreadsheet.writeBlock(tab(rt, 'Radar overrides'), 5, 1, typed([['', '', '', '']]));
    addon.call('refreshPriorities');
    const after = radarTab(rt);
    expect(after.length).toBe(before - 1);
    expect(after.map((r) => r[0])).not.toContain('GraphQL');
  });
});

describe('the sidebar radar', () => {
  it('draws every blip of the Radar tab, numbered and focusable, in four quadrants and four rings', () => {
    const { addon } = registry();
    addon.call('refreshPriorities');
    const drawn = addon.call('getRadar') as { svg: string; blips: number };
    expect(drawn.blips).toBe(7);
    expect(drawn.svg.match(/<g class="rb" tabindex="0"/g)).toHaveLength(7);
    expect(drawn.svg).toContain('aria-label="1. Terraform: Adopt, Tools, new. Our default');
    for (const ring of ['Adopt', 'Trial', 'Assess', 'Hold'])
      expect(drawn.svg).toContain(`class="rl">${ring}</text>`);
    expect(drawn.svg).toContain('Languages &amp; Frameworks');
  });

  it('opening the radar makes at most 4 Spreadsheet calls', () => {
    const { rt, addon } = registry();
    addon.call('refreshPriorities');
    addon.call('getRadar');
    addon.call('getRadar');
    expect(rt.lastExecution?.spreadsheetCalls).toBeLessThanOrEqual(4);
  });
});

describe("a founder's Technology radar", () => {
  it("holds the client's own technologies only, ringed without any other client, and nothing private", () => {
    const { rt, addon } = registry();
    const clients = (addon.call('getRegistry') as { clients: { id: string; name: string }[] })
      .clients;
    const acme = clients.find((c) => c.name === 'Acme')?.id as string;
    addon.call('shareClientView', { clientId: acme });
    const file = sharedFiles(rt)[0];
    if (!file) throw new Error('no founder file');
    const radar = file.sheets.find((s) => s.name === 'Technology radar');
    if (!radar) throw new Error('no Technology radar tab');
    expect(values(rt, radar).slice(0, 3)).toEqual([
      ['Technology', 'Ring', 'Quadrant', 'New (last 90 days)', 'From your decisions'],
      // Accepted at Acme and Corvid: Adopt on the registry's radar, Trial on Acme's own.
      ['Kafka', 'Trial', 'Platforms', 'New', 'Accepted: ADR-1 Kafka for events'],
      ['MongoDB', 'Hold', 'Platforms', 'New', 'Proposed: ADR-2 MongoDB for logs'],
    ]);
    expect(values(rt, radar)[3]).toEqual(['', '', '', '', '']);
    const text = fileText(file);
    for (const other of [
      'Corvid',
      'Delta',
      'Terraform',
      'Temporal',
      'Acme private',
      'One database',
    ])
      expect(text, other).not.toContain(other);
  });
});
