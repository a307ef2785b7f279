/**
 * Whatever sharing did at Google is on record before the next call, so nothing granted is ever
 * out of reach of Stop sharing; and a client's founder view follows the client's id, never its
 * name, through renames, swaps and copies of its tab.
 */
import { describe, expect, it } from 'vitest';
import type { Runtime } from '../../emulator/index.js';
import { addClient, loadAddon, restorable, fileText, sharedFiles } from '../support/bundle.js';

interface SharingEntry {
  clientId: string;
  clientName: string;
  emails: string[];
  active: boolean;
  stopping: boolean;
}

/** Runs `arm` right after the `n`-th call of `method` from now has been counted. */
function atCall(rt: Runtime, method: string, n: number, arm: () => void): void {
  if (n <= 1) rt.interleave(method, arm);
  else rt.interleave(method, () => atCall(rt, method, n - 1, arm));
}

const registry = restorable(
  () => {
    const { rt, addon } = loadAddon({ now: '2026-11-18T10:00:00Z', timeZone: 'Europe/London' });
    const acme = addClient(addon, { name: 'Acme', hoursPerWeek: 2, founderEmails: 'ann@acme.io' });
    const beacon = addClient(addon, {
      name: 'Beacon',
      hoursPerWeek: 1,
      founderEmails: 'cy@beacon.dev',
    });
    addon.call('addItem', {
      clientId: acme.id,
      kind: 'debt',
      fields: { title: 'Acme only: rotate keys', impact: 5, effort: 1 },
    });
    addon.call('addItem', {
      clientId: beacon.id,
      kind: 'debt',
      fields: { title: 'Beacon only: flaky deploys', impact: 4, effort: 2 },
    });
    return { rt, addon, acme, beacon };
  },
  { cacheAs: 'sharing-on-record-registry' },
);

const sharing = (addon: ReturnType<typeof registry>['addon']) =>
  addon.call('getSharing') as SharingEntry[];

describe('grants on record', () => {
  it('a founder granted before Drive refused the next grant is on record, and Stop sharing takes the access away', () => {
    const { rt, addon, acme } = registry();
    // Drive refuses the second grant (403, e.g. a domain's sharing policy): not retried.
    atCall(rt, 'Drive.Permissions.create', 2, () => rt.failApi('Drive.Permissions.create', 403, 1));
    expect(() =>
      addon.call('shareClientView', {
        clientId: acme.id,
        emails: 'ann@acme.io, bo@acme.io, cy@acme.io',
      }),
    ).toThrow(/permission/i);
    const [file] = sharedFiles(rt);
    expect([...file!.viewers]).toEqual(['ann@acme.io']);
    const entry = sharing(addon).find((e) => e.clientId === acme.id)!;
    expect(entry).toMatchObject({ active: true, emails: ['ann@acme.io'], stopping: false });
    const stopped = addon.call('stopSharing', { clientId: acme.id }) as { removed: string[] };
    expect(stopped.removed).toEqual(['ann@acme.io']);
    expect(file!.viewers.size).toBe(0);
  });

  it('sharing again after a failure part-way uses the file already made and grants the rest', () => {
    const { rt, addon, acme } = registry();
    rt.failApi('Drive.Permissions.create', 403, 1);
    expect(() =>
      addon.call('shareClientView', { clientId: acme.id, emails: 'ann@acme.io, bo@acme.io' }),
    ).toThrow(/permission/i);
    expect(sharedFiles(rt)).toHaveLength(1);
    const shared = addon.call('shareClientView', {
      clientId: acme.id,
      emails: 'ann@acme.io, bo@acme.io',
    }) as { granted: string[]; recreated: boolean };
    expect(shared).toMatchObject({ granted: ['ann@acme.io', 'bo@acme.io'], recreated: false });
    expect(sharedFiles(rt)).toHaveLength(1);
    expect([...sharedFiles(rt)[0]!.viewers].sort()).toEqual(['ann@acme.io', 'bo@acme.io']);
  });

  it('a file made before its first write failed is on record: the next share writes it, no second file', () => {
    const { rt, addon, acme } = registry();
    rt.failApi('Sheets.Spreadsheets.batchUpdate', 403, 1);
    expect(() => addon.call('shareClientView', { clientId: acme.id })).toThrow();
    expect(sharedFiles(rt)).toHaveLength(1);
    addon.call('shareClientView', { clientId: acme.id });
    expect(sharedFiles(rt)).toHaveLength(1);
    expect(fileText(sharedFiles(rt)[0]!)).toContain('Acme only: rotate keys');
    expect([...sharedFiles(rt)[0]!.viewers]).toEqual(['ann@acme.io']);
  });

  it('a stop that fails part-way stays stopping: no sync grants access again, and Stop sharing run again finishes on every file', () => {
    const { rt, addon, acme } = registry();
    addon.call('shareClientView', { clientId: acme.id, emails: 'ann@acme.io, bo@acme.io' });
    // The file is deleted and made again by a sync: two files on record, both granted.
    const first = sharedFiles(rt)[0]!;
    first.trashed = true;
    addon.call('syncSharedViews');
    const second = sharedFiles(rt).find((f) => f !== first)!;
    expect([...second.viewers].sort()).toEqual(['ann@acme.io', 'bo@acme.io']);
    // Listing the first file's permissions fails: the second file's access is taken away.
    rt.failApi('Drive.Permissions.list', 403, 1);
    expect(() => addon.call('stopSharing', { clientId: acme.id })).toThrow(
      /was not removed everywhere: .*Sharing is stopping: the view is no longer synced; choose Stop sharing again to finish\./,
    );
    expect(second.viewers.size).toBe(0);
    expect(sharing(addon).find((e) => e.clientId === acme.id)).toMatchObject({
      active: false,
      stopping: true,
    });
    const sync = addon.call('syncSharedViews') as { synced: string[] };
    expect(sync.synced).toEqual([]);
    addon.call('runWeeklyPlan');
    expect(second.viewers.size).toBe(0);
    const again = addon.call('stopSharing', { clientId: acme.id }) as { removed: string[] };
    expect(again.removed.sort()).toEqual(['ann@acme.io', 'bo@acme.io']);
    expect(first.viewers.size + second.viewers.size).toBe(0);
    expect(sharing(addon).find((e) => e.clientId === acme.id)).toMatchObject({
      active: false,
      stopping: false,
    });
    expect(() => addon.call('stopSharing', { clientId: acme.id })).toThrow(
      'This client is not shared.',
    );
  });
});

describe("a founder view follows its client's id", () => {
  function filesById(rt: Runtime, addon: ReturnType<typeof registry>['addon']) {
    const recorded = addon.call('getSharing') as (SharingEntry & { url: string })[];
    return new Map(
      recorded.map((e) => [e.clientId, sharedFiles(rt).find((f) => e.url.includes(f.id))!]),
    );
  }

  it("two clients whose names were swapped by hand: each file keeps its own client's items, never the other's", () => {
    const { rt, addon, acme, beacon } = registry();
    addon.call('shareClientView', { clientId: acme.id });
    addon.call('shareClientView', { clientId: beacon.id });
    const ss = rt.spreadsheetApp().getActiveSpreadsheet();
    ss.getSheetById(Number(acme.id))!.getRange('B1').setValue('Beacon');
    ss.getSheetById(Number(beacon.id))!.getRange('B1').setValue('Acme');
    addon.call('syncSharedViews');
    const files = filesById(rt, addon);
    const acmeFile = fileText(files.get(acme.id)!);
    const beaconFile = fileText(files.get(beacon.id)!);
    expect(acmeFile).toContain('Acme only: rotate keys');
    expect(acmeFile).not.toContain('Beacon only');
    expect(beaconFile).toContain('Beacon only: flaky deploys');
    expect(beaconFile).not.toContain('Acme only');
    expect([...files.get(acme.id)!.viewers]).toEqual(['ann@acme.io']);
    expect([...files.get(beacon.id)!.viewers]).toEqual(['cy@beacon.dev']);
  });

  it("a client given another's old name gets its own items in its own file", () => {
    const { rt, addon, acme, beacon } = registry();
    addon.call('shareClientView', { clientId: acme.id });
    addon.call('shareClientView', { clientId: beacon.id });
    const ss = rt.spreadsheetApp().getActiveSpreadsheet();
    ss.getSheetById(Number(acme.id))!.getRange('B1').setValue('Corvid');
    ss.getSheetById(Number(beacon.id))!.getRange('B1').setValue('Acme');
    addon.call('syncSharedViews');
    const files = filesById(rt, addon);
    expect(fileText(files.get(beacon.id)!)).not.toContain('Acme only');
    expect(fileText(files.get(acme.id)!)).toContain('Acme only: rotate keys');
    expect(files.get(acme.id)!.name).toBe('Corvid — technical registry');
  });

  for (const metadata of [false, true])
    it(`a duplicated client tab (${metadata ? 'its developer metadata copied' : 'no developer metadata copied'}) is one client: the copy reported, writes and the founder view from the original`, () => {
      const { rt, addon, acme } = registry();
      addon.call('shareClientView', { clientId: acme.id });
      const ss = rt.spreadsheetApp().getActiveSpreadsheet();
      const source = ss.getSheetById(Number(acme.id))!;
      const range = source.getDataRange();
      const formulas = range.getFormulas();
      const cells = range.getValues().map((row, r) => row.map((v, c) => formulas[r]?.[c] || v));
      const copy = ss.insertSheet('Copy of Acme', 0);
      copy.getRange(1, 1, cells.length, cells[0]!.length).setValues(cells);
      // Google does not say whether Duplicate copies a tab's developer metadata: both are defended.
      if (metadata)
        copy.addDeveloperMetadata(
          'ctoRegistry.tab',
          'client',
          SpreadsheetAppVisibility(rt).DOCUMENT,
        );
      const listed = addon.call('getRegistry') as {
        clients: { id: string; name: string }[];
        problems: { tab: string; reason: string }[];
      };
      expect(listed.clients.map((c) => [c.name, c.id])).toEqual([
        ['Acme', acme.id],
        ['Beacon', expect.any(String) as string],
      ]);
      expect(listed.problems).toContainEqual(
        expect.objectContaining({
          tab: 'Copy of Acme',
          reason:
            'A second tab holds client Acme (a copy?): only one is read. Rename the client in the copy, or delete it.',
        }),
      );
      const added = addon.call('addItem', {
        clientId: listed.clients[0]!.id,
        kind: 'debt',
        fields: { title: 'Added after the copy', impact: 3, effort: 1 },
      }) as { row: number };
      expect(source.getRange(added.row, 2).getValue()).toBe('Added after the copy');
      expect(copy.getDataRange().getValues().flat()).not.toContain('Added after the copy');
      addon.call('syncSharedViews');
      const files = filesById(rt, addon);
      expect(fileText(files.get(acme.id)!)).toContain('Added after the copy');
      expect(sharedFiles(rt)).toHaveLength(1);
      expect(copy.getRange('B1').getValue()).toBe('Acme');
    });
});

function SpreadsheetAppVisibility(rt: Runtime) {
  return (
    rt.spreadsheetApp() as unknown as {
      DeveloperMetadataVisibility: {
        DOCUMENT: GoogleAppsScript.Spreadsheet.DeveloperMetadataVisibility;
      };
    }
  ).DeveloperMetadataVisibility;
}

describe('look-alike client names', () => {
  it('adding a client whose name reads as an existing one is refused, naming that client; nothing is written', () => {
    const { rt, addon } = registry();
    const tabs = () => rt.spreadsheetApp().getActiveSpreadsheet().getSheets().length;
    const before = tabs();
    expect(() => addClient(addon, { name: '\u0410cme', hoursPerWeek: 1 })).toThrow(
      'Client name "\u0410cme" reads as Acme, an existing client (look-alike letters): choose a name a reader cannot mistake for it.',
    );
    expect(() => addClient(addon, { name: '\uFF21cme', hoursPerWeek: 1 })).toThrow(
      'A client named Acme already exists. Choose another name.',
    );
    expect(() => addClient(addon, { name: 'Acme\u200B', hoursPerWeek: 1 })).toThrow(
      'Client name contains characters a reader cannot see (U+200B): type the name again with visible letters only.',
    );
    expect(tabs()).toBe(before);
    expect(addClient(addon, { name: 'Acme Labs', hoursPerWeek: 1 }).name).toBe('Acme Labs');
  });

  it('a client renamed by hand to a look-alike of another is reported and its view is not synced under that name', () => {
    const { rt, addon, acme, beacon } = registry();
    addon.call('shareClientView', { clientId: beacon.id });
    const ss = rt.spreadsheetApp().getActiveSpreadsheet();
    ss.getSheetById(Number(beacon.id))!.getRange('B1').setValue('\u0410cme');
    const listed = addon.call('getRegistry') as {
      clients: { id: string }[];
      problems: { tab: string; reason: string }[];
    };
    expect(listed.clients.map((c) => c.id)).toEqual([acme.id]);
    expect(listed.problems.map((p) => p.reason)).toContain(
      'Client "\u0410cme" reads as client Acme\'s name (look-alike or invisible characters): it is not read or shared, so no founder mistakes one for the other. Rename it with plain letters.',
    );
    const sync = addon.call('syncSharedViews') as { synced: string[]; skipped: string[] };
    expect(sync.synced).toEqual([]);
    expect(sync.skipped).toEqual(['Beacon']);
    const file = sharedFiles(rt)[0]!;
    expect(fileText(file)).not.toContain('\u0410cme');
    expect(file.name).toBe('Beacon — technical registry');
  });
});
