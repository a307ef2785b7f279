/**
 * One client's bad data stops no one else. A 50,000-character cell (the most a Sheets cell holds)
 * is cut to 1,000 characters wherever the add-on writes it, with a Problem naming its tab and
 * cell; a client tab Sheets will not give is named in Problems and in the run's status, and
 * skipped. Refresh, the weekly run and sync complete for every other client.
 */
import { describe, expect, it } from 'vitest';
import type { Runtime } from '../../emulator/index.js';
import { addClient, loadAddon, restorable, tab, values } from '../support/bundle.js';

interface Problem {
  tab: string;
  cell: string;
  reason: string;
}

interface SyncResult {
  synced: string[];
  failed: { client: string; error: string }[];
}

const LONG = 'x'.repeat(50000);
const SHOWN = `${'x'.repeat(999)}…`;

/** Acme, Beacon and Corvid, Acme and Beacon shared with their founders; built once. */
const registry = restorable(
  () => {
    const { rt, addon } = loadAddon();
    const clients = ['Acme', 'Beacon', 'Corvid'].map((name) =>
      addClient(addon, {
        name,
        hoursPerWeek: 2,
        founderEmails: `founder@${name.toLowerCase()}.io`,
      }),
    );
    const rows = clients.map(
      (c) =>
        (
          addon.call('addItem', {
            clientId: c.id,
            kind: 'debt',
            fields: { title: `${c.name} rotates its keys`, impact: 5, effort: 1 },
          }) as { row: number }
        ).row,
    );
    for (const c of clients.slice(0, 2)) addon.call('shareClientView', { clientId: c.id });
    const [acme, beacon, corvid] = clients as [
      (typeof clients)[0],
      (typeof clients)[0],
      (typeof clients)[0],
    ];
    return { rt, addon, acme, beacon, corvid, acmeDebtRow: rows[0] as number };
  },
  { cacheAs: 'one-client-fails-registry' },
);

/** Tab, cell and reason of each problem: columns B, C and E under the Problems header. */
function problems(rt: Runtime): string[][] {
  const rows = values(rt, tab(rt, 'Priorities')).map((r) => [r[1], r[2], r[4]].map(String));
  const start = rows.findIndex((r) => r[0] === 'Tab' && r[2] === 'What is wrong');
  const end = rows.findIndex((r, i) => i > start && r[0] === '');
  return rows.slice(start + 1, end < 0 ? rows.length : end);
}

function rankedTitles(rt: Runtime): string[] {
  const rows = values(rt, tab(rt, 'Priorities'));
  const header = rows.findIndex((r) => r[0] === '#' && r[4] === 'Title');
  return rows
    .slice(header + 1)
    .filter((r) => typeof r[0] === 'number')
    .map((r) => String(r[4]));
}

function sharedText(rt: Runtime, client: string): string {
  const file = [...rt.drive.files.values()].find((f) => f.name.startsWith(`${client} — `))!;
  return JSON.stringify(file.sheets.map((s) => values(rt, s)));
}

describe('a 50,000-character cell at one client', () => {
  function withLongTitle() {
    const loaded = registry();
    const { rt, acmeDebtRow } = loaded;
    // The Title column of the debt section: a person pastes a whole log into it.
    rt.spreadsheet.writeBlock(tab(rt, 'Acme'), acmeDebtRow, 2, [[{ kind: 'value', value: LONG }]]);
    return loaded;
  }

  it('refresh completes for every client, shows the title cut to 1,000 characters and names the cell under Problems', () => {
    const { rt, addon, acmeDebtRow } = withLongTitle();
    const result = addon.call('refreshPriorities') as { problems: Problem[]; skipped: unknown[] };
    expect(result.skipped).toEqual([]);
    expect(result.problems).toContainEqual({
      tab: 'Acme',
      cell: `B${acmeDebtRow}`,
      reason:
        'This cell holds 50,000 characters: Priorities, the weekly plan, its mail and founder views show its first 1,000. Shorten it, or keep the long text in a linked document.',
    });
    expect(problems(rt)).toContainEqual([
      'Acme',
      `B${acmeDebtRow}`,
      expect.stringContaining('50,000 characters'),
    ]);
    expect(rankedTitles(rt)).toEqual(
      expect.arrayContaining([SHOWN, 'Beacon rotates its keys', 'Corvid rotates its keys']),
    );
    // The tab itself keeps every character.
    expect(rt.spreadsheet.read(tab(rt, 'Acme'), acmeDebtRow, 2)).toBe(LONG);
  });

  it('the weekly run writes, mails and syncs every client, Acme with its title cut', () => {
    const { rt, addon } = withLongTitle();
    const plan = addon.call('generateWeeklyPlan') as {
      clients: number;
      mail: string;
      partial: string;
    };
    expect(plan).toMatchObject({ clients: 3, mail: 'sent', partial: '' });
    const lines = values(rt, tab(rt, 'Weekly Plan')).map((r) => String(r[1] ?? ''));
    expect(lines).toContain(`Debt D-1 ${SHOWN}: Do now`);
    expect(lines).toContain('Debt D-1 Beacon rotates its keys: Do now');
    expect(lines).toContain('Debt D-1 Corvid rotates its keys: Do now');
    expect(rt.outbox.at(-1)!.body).toContain(`Debt D-1 ${SHOWN}: Do now`);
    expect(sharedText(rt, 'Acme')).toContain(SHOWN);
    expect(sharedText(rt, 'Acme')).not.toContain('x'.repeat(1000));
    expect(sharedText(rt, 'Beacon')).toContain('Beacon rotates its keys');
  });

  it('sync completes for both shared clients', () => {
    const { rt, addon } = withLongTitle();
    const sync = addon.call('syncSharedViews') as SyncResult;
    expect(sync).toMatchObject({ synced: ['Acme', 'Beacon'], failed: [] });
    expect(sharedText(rt, 'Acme')).toContain(SHOWN);
  });
});

describe('a client tab Sheets will not give', () => {
  const UNREADABLE = /^Service Spreadsheets failed while accessing document with id [\w-]+\.$/;

  it('refresh names it under Problems and in its result, and refreshes every other client', () => {
    const { rt, addon } = registry();
    rt.failReadsOf('Acme');
    const result = addon.call('refreshPriorities') as {
      skipped: { name: string; error: string }[];
    };
    expect(result.skipped).toEqual([
      { id: expect.any(String), name: 'Acme', error: expect.stringMatching(UNREADABLE) },
    ]);
    expect(problems(rt)).toContainEqual([
      'Acme',
      '',
      expect.stringMatching(
        /^This tab could not be read \(Service Spreadsheets failed .*\): it was skipped this time, and every other client was read\./,
      ),
    ]);
    expect(rankedTitles(rt)).toEqual(['Beacon rotates its keys', 'Corvid rotates its keys']);
  });

  it('the weekly run plans, mails and syncs the others, and its status names the client skipped', () => {
    const { rt, addon } = registry();
    rt.failReadsOf('Acme');
    const plan = addon.call('generateWeeklyPlan') as {
      clients: number;
      mail: string;
      partial: string;
    };
    expect(plan.clients).toBe(2);
    expect(plan.mail).toBe('sent');
    expect(plan.partial).toMatch(
      /^Acme skipped, its tab could not be read \(Service Spreadsheets failed .*\); Acme's founder view not synced: its tab could not be read/,
    );
    const rows = values(rt, tab(rt, 'Weekly Plan'));
    expect(String(rows[2]?.[0])).toMatch(
      /^Last run \d{4}-\d\d-\d\d \d\d:\d\d: plan written; Acme skipped/,
    );
    const headings = rows.map((r) => String(r[0])).filter((l) => l.endsWith('h this week'));
    expect(headings).toEqual(['Beacon: 2 h this week', 'Corvid: 2 h this week']);
    expect(rt.outbox.at(-1)!.body).toContain('Not done this run: Acme skipped');
    expect(sharedText(rt, 'Beacon')).toContain('Beacon rotates its keys');
  });

  it('sync refreshes the others and names the one not synced', () => {
    const { rt, addon } = registry();
    rt.failReadsOf('Acme');
    const sync = addon.call('syncSharedViews') as SyncResult;
    expect(sync.synced).toEqual(['Beacon']);
    expect(sync.failed).toEqual([
      {
        client: 'Acme',
        error: expect.stringMatching(/^its tab could not be read \(Service Spreadsheets failed/),
      },
    ]);
  });

  it('a registry tab Sheets will not give stops the run: nothing is written on a guess', () => {
    const { rt, addon } = registry();
    const before = values(rt, tab(rt, 'Overview'));
    rt.failReadsOf('Priorities');
    expect(() => addon.call('refreshPriorities')).toThrow(UNREADABLE);
    expect(values(rt, tab(rt, 'Overview'))).toEqual(before);
    expect(
      rt.spreadsheet.sheets.map((s) => s.name).filter((n) => n.startsWith('Priorities')),
    ).toEqual(['Priorities']);
  });
});
