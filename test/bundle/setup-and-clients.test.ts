import { describe, expect, it } from 'vitest';
import { snapshotOf } from '../../emulator/index.js';
import { SECTIONS, PROFILE } from '../../src/domain/registry-layout.js';
import { addClient, loadAddon, restorable, rowWith, tab, values } from '../support/bundle.js';

const REGISTRY_TABS = [
  'Overview',
  'Priorities',
  'Weekly Plan',
  'Plan History',
  'Decision log',
  'Radar',
  'Principles',
  'Dependencies',
  'Settings',
  'Radar overrides',
];

describe('onOpen and onInstall', () => {
  it('builds the add-on menu in AuthMode.NONE without touching properties or the sheet', () => {
    // Sheets titles an add-on's menu with the add-on's name, which the runtime is given here.
    const { rt, addon } = loadAddon({ addonTitle: 'CTO Registry' });
    addon.callWith({ authMode: 'NONE' }, 'onOpen', { authMode: 'NONE' });
    const menu = rt.ui.menus.find((m) => m.addon);
    expect(menu?.title).toBe('CTO Registry');
    expect(menu?.items).toEqual([
      { caption: 'Open registry', functionName: 'showSidebar' },
      { caption: 'Refresh priorities', functionName: 'refreshPriorities' },
      { caption: 'Generate weekly plan', functionName: 'generateWeeklyPlan' },
      { caption: 'Close the week', functionName: 'closeWeek' },
      { caption: 'Sync shared views', functionName: 'syncSharedViews' },
      { caption: 'Decision records…', functionName: 'showDecisionRecords' },
      { separator: true },
      { caption: 'Set up registry', functionName: 'setupRegistry' },
    ]);
    const touched = Object.keys(rt.lastExecution?.calls ?? {});
    expect(touched.filter((c) => /^(Properties|Spreadsheet\.|Sheet\.|Range\.)/.test(c))).toEqual(
      [],
    );
  });

  it('every menu item names a function the bundle declares', () => {
    const { rt, addon } = loadAddon();
    addon.call('onInstall', { authMode: 'FULL' });
    const items = rt.ui.menus
      .flatMap((m) => m.items)
      .filter((i): i is { caption: string; functionName: string } => 'functionName' in i);
    expect(items.length).toBeGreaterThan(0);
    for (const item of items) expect(addon.functions).toContain(item.functionName);
  });

  it('opens the built sidebar page, titled CTO Registry', () => {
    const { rt, addon } = loadAddon();
    addon.call('showSidebar');
    expect(rt.ui.sidebars).toHaveLength(1);
    expect(rt.ui.sidebars[0]?.title).toBe('CTO Registry');
    expect(rt.ui.sidebars[0]?.html).toContain('<div id="app">');
  });
});

describe('setupRegistry', () => {
  it('creates every registry tab with its title or headers, and the default settings', () => {
    const { rt, addon } = loadAddon();
    const result = addon.call('setupRegistry') as { created: string[] };
    expect(result.created).toEqual(REGISTRY_TABS);
    expect(rt.spreadsheet.sheets.map((s) => s.name)).toEqual(['Sheet1', ...REGISTRY_TABS]);
    expect(values(rt, tab(rt, 'Overview')).slice(0, 2)).toEqual([
      ['Overview: one row per client', ...Array<string>(20).fill('')],
      [
        'Client',
        'Stage',
        'Status',
        'Hours/week',
        'Last review',
        'Days since',
        'Open debt High',
        'Open debt Medium',
        'Open debt Low',
        'Do now',
        'Pending decisions',
        'Overdue',
        'Open high risks',
        'Median decision cycle (days)',
        'Shared view',
        'Hours, last 4 closed weeks',
        'Deploy band',
        'Lead time band',
        'Change failure band',
        'Restore band',
        'Exit criteria',
      ],
    ]);
    // The generated Priorities and Weekly Plan say how to fill them until they are generated.
    expect(values(rt, tab(rt, 'Priorities'))).toEqual([
      ['Priorities across clients'],
      ['Not refreshed yet: add a client, then choose Refresh priorities.'],
    ]);
    expect(values(rt, tab(rt, 'Weekly Plan'))).toEqual([
      ['Weekly plan'],
      ['Not generated yet: choose Generate weekly plan, or install the weekly trigger.'],
    ]);
    expect(values(rt, tab(rt, 'Plan History'))).toEqual([
      ['Plan history', '', '', '', '', '', '', '', ''],
      [
        'Week starting',
        'Client ID',
        'Client',
        'Planned hours',
        'Actual hours',
        'Entries done',
        'Entries planned',
        'Focus',
        'Generated at',
      ],
    ]);
    const settings = values(rt, tab(rt, 'Settings'));
    expect(settings[0]).toEqual(['Setting', 'Value', 'About']);
    expect(settings.slice(1).map((r) => [r[0], r[1]])).toEqual([
      ['Capacity (hours per week)', 20],
      ['Flex reserve (hours)', 2],
      ['Plan weekday', 'Monday'],
      ['Plan hour', 7],
      ['Summary email', ''],
      ['Review minutes', 40],
      ['Review cadence (days)', 7],
      ['Debt review cadence (days)', 90],
      ['Impact threshold', 3],
      ['Effort threshold', 3],
      ['Sharing role', 'viewer'],
    ]);
    expect(values(rt, tab(rt, 'Principles'))[0]).toEqual([
      'ID',
      'Principle',
      'Category',
      'Standard',
      'Avoid',
      'Rationale',
      'Since',
      'Status',
    ]);
    expect(values(rt, tab(rt, 'Dependencies'))[0]).toEqual([
      'Consumer client',
      'Provider client',
      'Component',
      'Match tags',
      'Notes',
    ]);
    expect(tab(rt, 'Principles').frozenRows).toBe(1);
    // Build Your Own Radar reads the first row as the header: the Radar tab has no title row.
    expect(values(rt, tab(rt, 'Radar'))).toEqual([
      ['name', 'ring', 'quadrant', 'isNew', 'description', 'clients', 'source'],
    ]);
    expect(values(rt, tab(rt, 'Radar overrides'))).toEqual([
      ['Technology', 'Ring', 'Quadrant', 'Description'],
    ]);
    expect(tab(rt, 'Radar overrides').frozenRows).toBe(1);
    const roles = rt.spreadsheet.metadata
      .filter((m) => m.key === 'ctoRegistry.tab')
      .map((m) => m.value);
    expect(roles.sort()).toEqual([
      'decisionLog',
      'dependencies',
      'overview',
      'planHistory',
      'principles',
      'priorities',
      'radar',
      'radarOverrides',
      'settings',
      'weeklyPlan',
    ]);
    expect(rt.ui.toasts.at(-1)?.message).toMatch(/^Created Overview/);
  });

  it('gives the Principles tab a Status dropdown (Active, Retired; other words warned, not refused) and a note on each column that takes a set form', () => {
    const { rt, addon } = loadAddon();
    addon.call('setupRegistry');
    const principles = tab(rt, 'Principles');
    const rule = principles.cell(2, 8)?.validation;
    expect(rule).toMatchObject({
      criteria: 'VALUE_IN_LIST',
      args: [['Active', 'Retired'], true],
      allowInvalid: true,
      helpText: 'Active or Retired: a retired principle flags nothing.',
    });
    expect(principles.cell(principles.maxRows, 8)?.validation?.criteria).toBe('VALUE_IN_LIST');
    expect(principles.cell(2, 7)?.validation).toBeUndefined();
    expect(principles.cell(1, 5)?.note).toMatch(
      /^Tags, separated by commas .*flagged as a conflict; each is on the Radar in Hold\.$/,
    );
    expect(principles.cell(1, 2)?.note ?? '').toBe('');
    expect(principles.columnWidths.get(2)).toBe(260);
  });

  it('gives the Settings tab columns wide enough for its labels and explanations, the explanations wrapped', () => {
    const { rt, addon } = loadAddon();
    addon.call('setupRegistry');
    const settings = tab(rt, 'Settings');
    expect([1, 2, 3].map((c) => settings.columnWidths.get(c))).toEqual([230, 150, 560]);
    const rows = values(rt, settings).length;
    expect(settings.cell(rows, 3)?.format?.wrap).toBe(true);
    expect(settings.cell(rows, 1)?.format?.wrap).toBeFalsy();
  });

  it('changes nothing when run a second time', () => {
    const { rt, addon } = loadAddon();
    addon.call('setupRegistry');
    const before = JSON.stringify(snapshotOf(rt.spreadsheet));
    const again = addon.call('setupRegistry') as { created: string[] };
    expect(again.created).toEqual([]);
    expect(JSON.stringify(snapshotOf(rt.spreadsheet))).toBe(before);
    expect(rt.ui.toasts.at(-1)?.message).toBe('The registry is already set up; nothing changed.');
  });

  it('recognises its tabs by metadata after a person renames them', () => {
    const { rt, addon } = loadAddon();
    addon.call('setupRegistry');
    rt.spreadsheet.renameSheet(tab(rt, 'Settings'), 'My settings');
    const again = addon.call('setupRegistry') as { created: string[] };
    expect(again.created).toEqual([]);
    expect(
      rt.spreadsheet.sheets.filter((s) => /settings/i.test(s.name)).map((s) => s.name),
    ).toEqual(['My settings']);
  });
});

/** A registry just set up, built once: each case restores its own copy. */
const setUpRegistry = restorable(
  () => {
    const loaded = loadAddon();
    loaded.addon.call('setupRegistry');
    return loaded;
  },
  { cacheAs: 'setup-and-clients-setUpRegistry' },
);

describe('addClient', () => {
  const acme = {
    name: 'Acme',
    stage: 'Seed',
    hoursPerWeek: 2,
    founderEmails: 'Ann@acme.io, bo@acme.io',
    pmTool: 'Linear',
    pmLink: 'https://linear.app/acme',
    privateNotes: 'Founder is stretched',
  };

  it('creates a client tab with the profile and all six sections', () => {
    const { rt, addon } = loadAddon();
    const client = addClient(addon, acme);
    expect(client.name).toBe('Acme');
    const sheet = tab(rt, 'Acme');
    expect(String(sheet.id)).toBe(client.id);
    const grid = values(rt, sheet);
    expect(grid.slice(0, PROFILE.length).map((r) => r[0])).toEqual(PROFILE.map((p) => p.label));
    expect(grid[0]?.[1]).toBe('Acme');
    expect(grid[3]?.[1]).toBe('ann@acme.io, bo@acme.io');
    expect(grid[8]?.[1]).toBe(2);
    for (const section of SECTIONS) {
      const titleRow = rowWith(rt, sheet, section.title);
      expect(grid[titleRow]?.slice(0, section.columns.length)).toEqual(
        section.columns.map((c) => c.header),
      );
      expect(sheet.cell(titleRow, 1)?.format?.bold).toBe(true);
      expect(sheet.cell(titleRow + 1, 2)?.format?.bold).toBe(true);
    }
    expect(sheet.frozenRows).toBe(1);
    expect(rt.spreadsheet.metadata.find((m) => m.sheetId === sheet.id)).toMatchObject({
      key: 'ctoRegistry.tab',
      value: 'client',
    });
  });

  it('puts dropdowns on the enumerated columns of each section, and on no other', () => {
    const { rt, addon } = loadAddon();
    addClient(addon, acme);
    const sheet = tab(rt, 'Acme');
    const scale = ['1', '2', '3', '4', '5'];
    const marks = ['Yes', 'Partly', 'No'];
    const dropdowns: Record<string, Record<string, string[]>> = {
      'Priorities & 90-day goals': {
        Status: ['Not started', 'On track', 'At risk', 'Off track', 'Done', 'Dropped'],
      },
      'Technical debt': {
        Priority: ['High', 'Medium', 'Low'],
        Impact: scale,
        Effort: scale,
        Status: ['Open', 'In progress', 'Done', "Won't fix"],
      },
      Decisions: { Status: ['Proposed', 'Accepted', 'Rejected', 'Deprecated', 'Superseded'] },
      Risks: {
        Likelihood: scale,
        Impact: scale,
        Status: ['Open', 'Mitigating', 'Accepted', 'Closed'],
      },
      Team: {},
      'Review log': { 'PM reviewed': marks, 'Code reviewed': marks, 'Lead sync': marks },
    };
    const grid = values(rt, sheet);
    for (const [title, expected] of Object.entries(dropdowns)) {
      const header = rowWith(rt, sheet, title) + 1;
      const found: Record<string, unknown> = {};
      (grid[header - 1] as string[]).forEach((name, i) => {
        const rule = sheet.cell(header + 1, i + 1)?.validation;
        if (name !== '' && rule) found[name] = [rule.criteria, rule.args[0]];
      });
      expect(found, title).toEqual(
        Object.fromEntries(
          Object.entries(expected).map(([name, list]) => [name, ['VALUE_IN_LIST', list]]),
        ),
      );
    }
  });

  it('sets up the registry first when it is not set up', () => {
    const { rt, addon } = loadAddon();
    addClient(addon, acme);
    for (const name of ['Overview', 'Settings'])
      expect(rt.spreadsheet.sheetByName(name)).toBeDefined();
  });

  it('refuses a second client of the same name, in any case, and writes nothing', () => {
    const { rt, addon } = loadAddon();
    addClient(addon, acme);
    const before = JSON.stringify(snapshotOf(rt.spreadsheet));
    expect(() => addClient(addon, { ...acme, name: 'ACME' })).toThrow(
      'A client named Acme already exists. Choose another name.',
    );
    expect(JSON.stringify(snapshotOf(rt.spreadsheet))).toBe(before);
  });

  it('refuses a name another tab already has', () => {
    const { addon } = loadAddon();
    addon.call('setupRegistry');
    expect(() => addClient(addon, { name: 'Settings', hoursPerWeek: 1 })).toThrow(
      'A tab named Settings already exists. Choose another client name.',
    );
  });

  it.each([
    [{ name: '', hoursPerWeek: 1 }, 'Client name is required.'],
    [{ name: 'Beta', hoursPerWeek: 'two' }, 'Hours per week must be a number from 0 to 40.'],
    [{ name: 'Beta', hoursPerWeek: 41 }, 'Hours per week must be a number from 0 to 40.'],
    [{ name: 'Beta', hoursPerWeek: 1.1 }, 'Hours per week must be in quarter hours (e.g. 1.5).'],
    [
      { name: 'Beta', hoursPerWeek: 1, stage: 'Series Z' },
      'Stage must be one of: Idea, Pre-seed, Seed, Series A, Series B, Series C+, Bootstrapped (or left empty).',
    ],
    [
      { name: 'Beta', hoursPerWeek: 1, founderEmails: 'not-an-email' },
      'Founder emails: "not-an-email" is not an email address.',
    ],
    [
      { name: 'Beta', hoursPerWeek: 1, pmLink: 'javascript:alert(1)' },
      'PM link must be a web address starting with https:// (or left empty).',
    ],
    [
      { name: 'Beta', hoursPerWeek: 1, engagementStart: '2026-02-30' },
      'Engagement start must be a real date written YYYY-MM-DD.',
    ],
    [{ name: 'Be/ta', hoursPerWeek: 1 }, "Client name cannot contain [ ] * ? / \\ : or '."],
  ])('answers %j with a message naming the field, writing nothing', (input, message) => {
    const { rt, addon } = setUpRegistry();
    const before = JSON.stringify(snapshotOf(rt.spreadsheet));
    expect(() => addClient(addon, input)).toThrow(message);
    expect(JSON.stringify(snapshotOf(rt.spreadsheet))).toBe(before);
  });

  it('stores a client name that starts with = as text, never as a formula', () => {
    const { rt, addon } = loadAddon();
    addClient(addon, { name: '=1+1 Labs', hoursPerWeek: 1, leadEngineer: '+44 20 7946 0000' });
    const sheet = tab(rt, '=1+1 Labs');
    expect(rt.spreadsheet.read(sheet, 1, 2)).toBe('=1+1 Labs');
    expect(rt.spreadsheet.formula(sheet, 1, 2)).toBe('');
    expect(rt.spreadsheet.read(sheet, 5, 2)).toBe('+44 20 7946 0000');
  });
});

describe('getRegistry', () => {
  it("lists clients found by metadata, even after their tabs are renamed, with the sheet's time zone", () => {
    const { rt, addon } = loadAddon({ timeZone: 'America/New_York' });
    const acme = addClient(addon, { name: 'Acme', hoursPerWeek: 2, stage: 'Seed' });
    addClient(addon, { name: 'Beacon', hoursPerWeek: 1.5, status: 'Paused' });
    rt.spreadsheet.renameSheet(tab(rt, 'Acme'), 'Acme (renamed)');
    const registry = addon.call('getRegistry') as {
      clients: {
        id: string;
        name: string;
        tabName: string;
        status: string;
        hoursPerWeek: number;
      }[];
      timeZone: string;
    };
    expect(registry.clients.map((c) => [c.name, c.tabName, c.status, c.hoursPerWeek])).toEqual([
      ['Acme', 'Acme (renamed)', 'Active', 2],
      ['Beacon', 'Beacon', 'Paused', 1.5],
    ]);
    expect(registry.clients[0]?.id).toBe(acme.id);
    expect(registry.timeZone).toBe('America/New_York');
  });

  it('does not list a tab that only looks like a client tab', () => {
    const { rt, addon } = loadAddon();
    addClient(addon, { name: 'Acme', hoursPerWeek: 2 });
    const copy = rt.spreadsheet.addSheet('Looks like Acme');
    rt.spreadsheet.writeBlock(copy, 1, 1, [
      [
        { kind: 'value', value: 'Client' },
        { kind: 'value', value: 'Fake' },
      ],
    ]);
    const registry = addon.call('getRegistry') as { clients: { name: string }[] };
    expect(registry.clients.map((c) => c.name)).toEqual(['Acme']);
  });
});
