/**
 * What real Apps Script does that a container script in a friendly emulator does not: sizes a
 * person changed, faults after the plan was written, a time zone changed in File ▸ Settings, an
 * empty Sheet1, triggers per user and per document, Drive errors with their codes, a copy or a
 * move to another script project. Each through the built bundle.
 */
import { describe, expect, it } from 'vitest';
import {
  createRuntime,
  type LoadedScript,
  type Runtime,
  type RuntimeState,
} from '../../emulator/index.js';
import { BUNDLE, addClient, loadAddon, restorable, tab, values } from '../support/bundle.js';

/** Acme and Beacon with three debt items each: built once, restored for every test. */
const registry = restorable(
  () => {
    const { rt, addon } = loadAddon();
    const ids = ['Acme', 'Beacon'].map(
      (name) =>
        addClient(addon, { name, hoursPerWeek: 2, founderEmails: `f@${name.toLowerCase()}.io` }).id,
    );
    for (const id of ids)
      for (let i = 1; i <= 3; i++)
        addon.call('addItem', {
          clientId: id,
          kind: 'debt',
          fields: { title: `Item ${i}`, impact: i + 2, effort: 2 },
        });
    return { rt, addon, ids };
  },
  { cacheAs: 'real-google-registry' },
);

function lastRun(addon: LoadedScript): { ok: boolean; error?: string; partial?: string } {
  return (addon.call('getWeeklyTrigger') as { lastRun: { ok: boolean } }).lastRun;
}

describe('no cached sizes', () => {
  it('a refresh grows Priorities again after a person deleted its blank rows', () => {
    const { rt, addon, ids } = registry();
    addon.call('refreshPriorities');
    const priorities = rt.spreadsheetApp().getActiveSpreadsheet().getSheetByName('Priorities')!;
    const used = priorities.getLastRow();
    priorities.deleteRows(used + 1, priorities.getMaxRows() - used);
    expect(priorities.getMaxRows()).toBe(used);
    for (let i = 0; i < 5; i++)
      addon.call('addItem', { clientId: ids[0], kind: 'debt', fields: { title: `More ${i}` } });
    const result = addon.call('refreshPriorities') as { entries: number };
    expect(result.entries).toBe(11);
    const titles = values(rt, tab(rt, 'Priorities')).flat();
    expect(titles).toContain('More 4');
  });

  it('the weekly run appends to Plan History and rewrites the plan after their blank rows were deleted', () => {
    const { rt, addon } = registry();
    addon.call('runWeeklyPlan', {});
    const ss = rt.spreadsheetApp().getActiveSpreadsheet();
    for (const name of ['Plan History', 'Weekly Plan', 'Priorities']) {
      const sheet = ss.getSheetByName(name)!;
      sheet.deleteRows(sheet.getLastRow() + 1, sheet.getMaxRows() - sheet.getLastRow());
    }
    rt.advanceClockTo('2026-11-23T08:00:00Z');
    addon.call('addItem', {
      clientId: (addon.call('getRegistry') as { clients: { id: string }[] }).clients[0]!.id,
      kind: 'debt',
      fields: { title: 'Grows the plan', impact: 5, effort: 1 },
    });
    addon.call('runWeeklyPlan', {});
    expect(lastRun(addon)).toMatchObject({ ok: true });
    const history = values(rt, tab(rt, 'Plan History'));
    expect(history.filter((r) => r[2] === 'Acme').map((r) => r[0])).toEqual([
      '2026-11-16',
      '2026-11-23',
    ]);
    expect(rt.spreadsheet.read(tab(rt, 'Weekly Plan'), 2, 1)).toMatch(/^Week of 2026-11-23/);
  });

  it('a deleted generated tab is remade and written at the size it needs', () => {
    const { rt, addon } = registry();
    addon.call('refreshPriorities');
    rt.spreadsheet.removeSheet(tab(rt, 'Weekly Plan'));
    addon.call('setupRegistry');
    const plan = rt.spreadsheetApp().getActiveSpreadsheet().getSheetByName('Weekly Plan')!;
    plan.deleteRows(3, plan.getMaxRows() - 2);
    addon.call('generateWeeklyPlan');
    expect(rt.spreadsheet.read(tab(rt, 'Weekly Plan'), 4, 1)).toBe('This week');
  });
});

describe('the time zone is asked of the spreadsheet', () => {
  it('a zone changed in File ▸ Settings after setup decides the week and the dates', () => {
    // Saturday 03:00 in London is still Friday evening in Los Angeles.
    const { rt, addon } = loadAddon({ now: '2026-11-21T03:00:00Z' });
    addon.call('setupRegistry');
    addClient(addon, { name: 'Acme', hoursPerWeek: 2 });
    addon.call('generateWeeklyPlan');
    expect(rt.spreadsheet.read(tab(rt, 'Weekly Plan'), 2, 1)).toMatch(
      /Generated 2026-11-21 03:00\.$/,
    );
    rt.spreadsheetApp().getActiveSpreadsheet().setSpreadsheetTimeZone('America/Los_Angeles');
    addon.call('generateWeeklyPlan');
    expect(rt.spreadsheet.read(tab(rt, 'Weekly Plan'), 2, 1)).toMatch(
      /Generated 2026-11-20 19:00\.$/,
    );
    const id = (addon.call('getRegistry') as { clients: { id: string }[] }).clients[0]!.id;
    addon.call('addItem', { clientId: id, kind: 'debt', fields: { title: 'Dated' } });
    const debt = (
      addon.call('getClient', { clientId: id }) as {
        items: { debt: { fields: Record<string, unknown> }[] };
      }
    ).items.debt;
    expect(debt.at(-1)?.fields['added']).toBe('2026-11-20');
  });
});

/** A registry with last week's plan written and Acme shared, on Monday of the next week. */
function lastWeekState(): RuntimeState {
  const { rt, addon, ids } = registry();
  addon.call('shareClientView', { clientId: ids[0] });
  addon.call('runWeeklyPlan', {});
  rt.advanceClockTo('2026-11-23T08:00:00Z');
  return JSON.parse(JSON.stringify(rt.saveState())) as RuntimeState;
}

describe('the weekly run says what is true at every fault', () => {
  const base = lastWeekState();
  const fresh = () => {
    const rt = createRuntime({ state: base });
    return { rt, addon: rt.load(BUNDLE) };
  };

  it("a fault at any call leaves either last week's plan, said to be the previous one, or this week's, said to be written", () => {
    const probe = fresh();
    probe.addon.call('runWeeklyPlan', {});
    const total = Object.values(probe.rt.lastExecution?.calls ?? {}).reduce((a, b) => a + b, 0);
    const seen = { previous: 0, written: 0, partial: 0 };
    for (let at = 1; at <= total; at++) {
      const { rt, addon } = fresh();
      rt.failAt(at, 'any');
      addon.call('runWeeklyPlan', {});
      const planTab = tab(rt, 'Weekly Plan');
      const week = String(rt.spreadsheet.read(planTab, 2, 1));
      const status = String(rt.spreadsheet.read(planTab, 3, 1));
      const run = lastRun(addon);
      const where = `fault at call ${at}: ${week} / ${status}`;
      if (week.startsWith('Week of 2026-11-16')) {
        seen.previous++;
        expect(rt.outbox.at(-1)?.subject, where).toBe('Weekly plan failed');
        // A fault before the spreadsheet was reached leaves the tab as it was, last week's
        // status included; from there on the tab says the plan is the previous one.
        if (status === 'Last run: ok') {
          expect(rt.outbox.at(-1)?.body, where).toContain('Service Spreadsheets failed');
          continue;
        }
        expect(status, where).toMatch(
          /^Last run failed at 2026-11-23 08:00: .+\. The plan below is the previous one\.$/,
        );
        expect(run, where).toMatchObject({ ok: false });
      } else {
        expect(week, where).toMatch(/^Week of 2026-11-23 to /);
        expect(run.ok, where).toBe(true);
        expect(status, where).not.toMatch(/previous/);
        if (status === 'Last run: ok') {
          seen.written++;
          expect(run.partial, where).toBeUndefined();
        } else {
          seen.partial++;
          expect(status, where).toMatch(/^Last run 2026-11-23 08:00: plan written; .+/);
          expect(run.partial, where).toBeTruthy();
        }
      }
    }
    // Every kind of outcome happened: faults before, during and after the commit.
    expect(seen.previous).toBeGreaterThan(0);
    expect(seen.partial).toBeGreaterThan(0);
    expect(seen.written).toBeGreaterThan(0);
  }, 120000);

  it('a founder view failing after the plan is written is named in the status, the record and the mail', () => {
    const { rt, addon } = fresh();
    rt.failAt(1, 'drive');
    addon.call('runWeeklyPlan', {});
    const partial = lastRun(addon).partial ?? '';
    expect(partial).toMatch(
      /^Acme's founder view not synced: We're sorry, a server error occurred/,
    );
    expect(rt.spreadsheet.read(tab(rt, 'Weekly Plan'), 3, 1)).toBe(
      `Last run 2026-11-23 08:00: plan written; ${partial}`,
    );
    expect(rt.outbox.at(-1)?.subject).toMatch(/^Weekly plan, week of 2026-11-23: /);
    expect(rt.outbox.at(-1)?.body).toContain(`Not done this run: ${partial}`);
  });
});

interface ShareRecordJson {
  fileId: string;
  files?: string[];
  emails: string[];
  active: boolean;
  madeBy?: string;
}

function shareRecord(rt: Runtime, clientId: string): ShareRecordJson {
  return JSON.parse(rt.properties.document.get(`share.${clientId}`) ?? 'null') as ShareRecordJson;
}

function readersOf(rt: Runtime, fileId: string): string[] {
  const file = rt.drive.files.get(fileId);
  return file ? [...file.viewers].sort() : [];
}

describe('founder views and Drive errors', () => {
  const shared = () => {
    const { rt, addon, ids } = registry();
    addon.call('shareClientView', { clientId: ids[0] });
    addon.call('shareClientView', { clientId: ids[1] });
    return { rt, addon, ids };
  };

  it.each([
    [403, 1],
    [429, 5],
    [500, 5],
  ] as const)(
    'a Files.get answering %i (%i times, every try) fails that client only: no second file, no record changed',
    (code, times) => {
      const { rt, addon, ids } = shared();
      const before = shareRecord(rt, ids[0]!);
      const files = rt.drive.files.size;
      rt.failApi('Drive.Files.get', code, times);
      const result = addon.call('syncSharedViews') as {
        synced: string[];
        failed: { client: string; error: string }[];
      };
      expect(result.failed.map((f) => f.client)).toEqual(['Acme']);
      expect(result.failed[0]?.error).toMatch(/^API call to drive\.files\.get failed with error/);
      expect(result.synced).toEqual(['Beacon']);
      expect(rt.drive.files.size).toBe(files);
      expect(shareRecord(rt, ids[0]!)).toEqual(before);
    },
  );

  it('a rate limit or server error that clears is retried with a growing wait, and the view syncs', () => {
    const { rt, addon } = shared();
    const files = rt.drive.files.size;
    const started = rt.now.getTime();
    rt.failApi('Drive.Files.get', 429, 2);
    rt.failApi('Drive.Permissions.list', 500, 1);
    const result = addon.call('syncSharedViews') as { synced: string[]; failed: unknown[] };
    expect(result).toMatchObject({ synced: ['Acme', 'Beacon'], failed: [] });
    expect(rt.drive.files.size).toBe(files);
    expect(rt.lastExecution?.calls['Drive.Files.get']).toBe(4);
    expect(rt.lastExecution?.calls['Utilities.sleep']).toBe(3);
    expect(rt.now.getTime()).toBeGreaterThan(started);
  });

  it('only a 404 or a file in the bin is gone: a new file is made, and stop revokes on every file ever shared', () => {
    const { rt, addon, ids } = shared();
    const first = shareRecord(rt, ids[0]!).fileId;
    rt.trashFile(first);
    const second = (addon.call('syncSharedViews') as { recreated: string[] }).recreated;
    expect(second).toEqual(['Acme']);
    const middle = shareRecord(rt, ids[0]!).fileId;
    rt.deleteFile(middle);
    addon.call('syncSharedViews');
    const record = shareRecord(rt, ids[0]!);
    expect(record.files).toEqual([first, middle, record.fileId]);
    expect(readersOf(rt, first)).toEqual(['f@acme.io']);
    expect(readersOf(rt, record.fileId)).toEqual(['f@acme.io']);
    const stopped = addon.call('stopSharing', { clientId: ids[0] }) as { removed: string[] };
    expect(stopped.removed).toEqual(['f@acme.io']);
    expect(readersOf(rt, first)).toEqual([]);
    expect(readersOf(rt, record.fileId)).toEqual([]);
    expect(shareRecord(rt, ids[0]!).active).toBe(false);
  });

  it("another editor, whom Google answers 404 for the CTO's file, is told whose file it is and makes none", () => {
    const { rt, addon, ids } = shared();
    rt.share(rt.spreadsheet.id, 'lead@example.com', 'editor');
    const files = rt.drive.files.size;
    const result = addon.callWith({ user: 'lead@example.com' }, 'syncSharedViews') as {
      failed: { client: string; error: string }[];
    };
    expect(result.failed).toEqual([
      {
        client: 'Acme',
        error:
          "Acme's founder view was made from cto@example.com's account, and Google lets the add-on reach it only from there: ask cto@example.com to sync it.",
      },
      {
        client: 'Beacon',
        error:
          "Beacon's founder view was made from cto@example.com's account, and Google lets the add-on reach it only from there: ask cto@example.com to sync it.",
      },
    ]);
    expect(rt.drive.files.size).toBe(files);
    expect(() =>
      addon.callWith({ user: 'lead@example.com' }, 'stopSharing', { clientId: ids[0] }),
    ).toThrow(/ask cto@example\.com to stop sharing/);
    expect(shareRecord(rt, ids[0]!).active).toBe(true);
    expect(readersOf(rt, shareRecord(rt, ids[0]!).fileId)).toEqual(['f@acme.io']);
  });

  it('a weekly run that runs out of time names the founder views it did not reach', () => {
    const { rt, addon } = shared();
    // The first view's work takes the run past its five minutes (its file is looked up even when
    // its view is unchanged and nothing is written).
    rt.interleave('Drive.Files.get', () => {
      rt.env.now += 5 * 60 * 1000;
    });
    addon.call('runWeeklyPlan', {});
    const run = lastRun(addon);
    expect(run.ok).toBe(true);
    expect(run.partial).toBe('out of time before syncing Beacon: choose Sync shared views');
  });
});

interface WeeklyStatusJson {
  installed: boolean;
  owner: string | null;
  yours: boolean;
  weekday: string | null;
}

describe('the weekly trigger belongs to one user and one document', () => {
  const withEditor = () => {
    const made = registry();
    made.rt.share(made.rt.spreadsheet.id, 'lead@example.com', 'editor');
    return made;
  };
  const asLead = { user: 'lead@example.com' };

  it('a second editor sees who runs the weekly plan, and can neither install a second one nor remove it', () => {
    const { rt, addon } = withEditor();
    addon.call('installWeeklyTrigger', {});
    const seen = addon.callWith(asLead, 'getWeeklyTrigger') as WeeklyStatusJson;
    expect(seen).toMatchObject({ installed: true, owner: 'cto@example.com', yours: false });
    expect(() => addon.callWith(asLead, 'installWeeklyTrigger', {})).toThrow(
      'The weekly plan is already run by cto@example.com: a second one would mail everything twice. Ask cto@example.com to turn it off first.',
    );
    expect(() => addon.callWith(asLead, 'removeWeeklyTrigger')).toThrow(
      'The weekly plan is run by cto@example.com, and only cto@example.com can turn it off: Google keeps each trigger with the account that made it.',
    );
    expect(rt.triggers.map((t) => t.owner)).toEqual(['cto@example.com']);
    expect(addon.call('getWeeklyTrigger')).toMatchObject({ installed: true, yours: true });
    rt.advanceClockTo('2026-11-23T08:00:00Z');
    expect(rt.outbox.filter((m) => m.subject.startsWith('Weekly plan, week of'))).toHaveLength(1);
  });

  it("installing again replaces only this document's trigger, never one of another registry", () => {
    const { rt, addon } = registry();
    const first = rt.spreadsheet.id;
    addon.call('installWeeklyTrigger', {});
    const other = rt.createSpreadsheet('Second registry');
    rt.activate(other.id);
    addon.call('setupRegistry');
    addon.call('installWeeklyTrigger', { weekday: 'Tuesday', hour: 9 });
    rt.activate(first);
    addon.call('installWeeklyTrigger', { weekday: 'Wednesday', hour: 8 });
    expect(rt.triggers.map((t) => t.documentId).sort()).toEqual([first, other.id].sort());
    addon.call('removeWeeklyTrigger');
    expect(rt.triggers.map((t) => t.documentId)).toEqual([other.id]);
  });

  it('a stray weekly trigger of another account deletes itself instead of mailing a second plan', () => {
    const { rt, addon } = withEditor();
    addon.call('installWeeklyTrigger', {});
    // Made before the registry kept who runs the plan: both accounts have a trigger.
    const record = rt.properties.document.get('weeklyTrigger')!;
    rt.properties.document.delete('weeklyTrigger');
    addon.callWith(asLead, 'installWeeklyTrigger', {});
    rt.properties.document.set('weeklyTrigger', record);
    expect(rt.triggers.map((t) => t.owner).sort()).toEqual(['cto@example.com', 'lead@example.com']);
    rt.advanceClockTo('2026-11-23T08:00:00Z');
    expect(rt.outbox.filter((m) => m.subject.startsWith('Weekly plan, week of'))).toHaveLength(1);
    expect(rt.triggers.map((t) => t.owner)).toEqual(['cto@example.com']);
  });
});

describe('a trigger run without a document or without authorisation', () => {
  it('a run that Google starts without its spreadsheet writes nothing and mails the CTO what to do', () => {
    const { rt, addon } = registry();
    addon.call('installWeeklyTrigger', {});
    rt.triggerSeesDocument = false;
    const runs = rt.advanceClockTo('2026-11-23T08:00:00Z');
    expect(runs.map((r) => r.error)).toEqual([undefined]);
    expect(rt.spreadsheet.read(tab(rt, 'Weekly Plan'), 2, 1)).toMatch(/^Not generated yet/);
    expect(rt.outbox.map((m) => m.subject)).toEqual(['Weekly plan did not run']);
    expect(rt.outbox[0]?.body).toContain(`Registry: ${rt.spreadsheet.url}`);
  });

  it('when Google needs the CTO to authorise again, the link is mailed once and the plan waits', () => {
    const { rt, addon } = registry();
    addon.call('installWeeklyTrigger', {});
    // The add-on's new version asks for a scope this account has not granted yet.
    const added = ['https://www.googleapis.com/auth/drive.file'];
    rt.requireReauthorization('cto@example.com', added);
    rt.advanceClockTo('2026-11-23T08:00:00Z');
    rt.advanceClockTo('2026-11-30T08:00:00Z');
    const asked = rt.outbox.filter((m) => m.subject === 'CTO Registry needs your authorisation');
    expect(asked).toHaveLength(1);
    expect(asked[0]?.body).toMatch(/Authorise here: https:\/\//);
    expect(rt.spreadsheet.read(tab(rt, 'Weekly Plan'), 2, 1)).toMatch(/^Not generated yet/);
    rt.authorize('cto@example.com');
    rt.advanceClockTo('2026-12-07T08:00:00Z');
    expect(rt.spreadsheet.read(tab(rt, 'Weekly Plan'), 2, 1)).toMatch(/^Week of 2026-12-07/);
    rt.requireReauthorization('cto@example.com', added);
    rt.advanceClockTo('2026-12-14T08:00:00Z');
    expect(
      rt.outbox.filter((m) => m.subject === 'CTO Registry needs your authorisation'),
    ).toHaveLength(2);
  });
});

describe('identity that survives a copy and a move to another script project', () => {
  it('tab roles are written with DOCUMENT visibility', () => {
    const { rt } = registry();
    const found = rt
      .spreadsheetApp()
      .getActiveSpreadsheet()
      .createDeveloperMetadataFinder()
      .withKey('ctoRegistry.tab')
      .find();
    expect(found.length).toBeGreaterThan(8);
    expect(new Set(found.map((m) => String(m.getVisibility())))).toEqual(new Set(['DOCUMENT']));
  });

  it('a copy without the metadata is read by content: clients listed, no tab made twice, IDs above those present', () => {
    const { rt, addon, ids } = registry();
    addon.call('refreshPriorities');
    // A person deleted the last debt row by hand; the copy has no record of D-3 ever issued.
    const copy = rt.copySpreadsheet(rt.spreadsheet.id, 'Registry (copy)');
    rt.activate(copy.id);
    const listed = addon.call('getRegistry') as { clients: { id: string; name: string }[] };
    expect(listed.clients.map((c) => c.name)).toEqual(['Acme', 'Beacon']);
    expect(listed.clients.map((c) => c.id)).toEqual(ids);
    expect((addon.call('setupRegistry') as { created: string[] }).created).toEqual([]);
    const added = addon.call('addItem', {
      clientId: ids[0],
      kind: 'debt',
      fields: { title: 'In the copy' },
    }) as { id: string };
    expect(added.id).toBe('D-4');
    expect(rt.spreadsheet.sheets.map((s) => s.name).filter((n) => /Priorities/.test(n))).toEqual([
      'Priorities',
    ]);
  });

  it('the same registry opened by another script project finds its tabs, clients and next IDs', () => {
    const { rt, ids } = registry();
    const published = rt.load(BUNDLE, { project: 'published-addon' });
    const listed = published.call('getRegistry') as { clients: { name: string }[] };
    expect(listed.clients.map((c) => c.name)).toEqual(['Acme', 'Beacon']);
    const added = published.call('addItem', {
      clientId: ids[1],
      kind: 'debt',
      fields: { title: 'From the published add-on' },
    }) as { id: string };
    expect(added.id).toBe('D-4');
    expect((published.call('refreshPriorities') as { entries: number }).entries).toBe(7);
  });
});

describe('an empty tab, whatever Google answers for it', () => {
  it.each(['throw', 'empty'] as const)(
    'every read path works beside an empty Sheet1 and a hand-added empty tab (getSheetValues on an empty tab: %s)',
    (emptySheetValues) => {
      const { rt, addon } = loadAddon({ emptySheetValues });
      const id = addClient(addon, { name: 'Acme', hoursPerWeek: 2 }).id;
      rt.spreadsheetApp().getActiveSpreadsheet().insertSheet('Notes');
      expect(rt.spreadsheet.sheets.map((s) => s.name)).toContain('Sheet1');
      addon.call('addItem', { clientId: id, kind: 'debt', fields: { title: 'Read me' } });
      expect((addon.call('getRegistry') as { clients: unknown[] }).clients).toHaveLength(1);
      expect((addon.call('refreshPriorities') as { entries: number }).entries).toBe(1);
      expect((addon.call('generateWeeklyPlan') as { clients: number }).clients).toBe(1);
      expect(addon.call('decisionSignals', { tags: 'auth' })).toEqual({
        related: [],
        conflicts: [],
      });
      expect(addon.call('decisionSignalSources', {})).toEqual({ decisions: [], principles: [] });
    },
  );
});

describe('founder emails compared as Google compares accounts', () => {
  it('a founder typed as a Gmail alias is granted once, not again every week, and stop removes them', () => {
    const { rt, addon } = loadAddon();
    const id = addClient(addon, {
      name: 'Acme',
      hoursPerWeek: 2,
      founderEmails: 'Jane.Doe@GoogleMail.com, Sam@Acme.io',
    }).id;
    const first = addon.call('shareClientView', { clientId: id }) as { granted: string[] };
    expect(first.granted).toHaveLength(2);
    addon.call('syncSharedViews');
    expect(rt.lastExecution?.calls['Drive.Permissions.create'] ?? 0).toBe(0);
    expect(rt.lastExecution?.calls['Drive.Permissions.remove'] ?? 0).toBe(0);
    const again = addon.call('shareClientView', { clientId: id }) as { granted: string[] };
    expect(again.granted).toEqual([]);
    const fileId = shareRecord(rt, id).fileId;
    expect(readersOf(rt, fileId)).toEqual(['janedoe@gmail.com', 'sam@acme.io']);
    const stopped = addon.call('stopSharing', { clientId: id }) as { removed: string[] };
    expect(stopped.removed.sort()).toEqual(['janedoe@gmail.com', 'sam@acme.io']);
    expect(readersOf(rt, fileId)).toEqual([]);
  });
});

describe('the weekly trigger follows the spreadsheet time zone', () => {
  it('after File ▸ Settings changes the zone, the next run remakes the trigger at the same hour there, and no week is mailed twice', () => {
    const { rt, addon } = registry();
    addon.call('installWeeklyTrigger', {});
    rt.spreadsheetApp().getActiveSpreadsheet().setSpreadsheetTimeZone('America/New_York');
    // The trigger made in London fires at 07:00 London once more, then moves.
    const fired = rt.advanceClockTo('2026-11-23T07:30:00Z');
    expect(fired.map((r) => r.at)).toEqual(['2026-11-23T07:00:00.000Z']);
    expect(rt.triggers).toHaveLength(1);
    expect(rt.triggers[0]?.schedule).toMatchObject({ hour: 7, timeZone: 'America/New_York' });
    // The moved trigger's first time falls the same Monday: that week's plan is not mailed twice.
    const next = rt.advanceClockTo('2026-11-30T13:00:00Z');
    expect(next.map((r) => r.at)).toEqual(['2026-11-23T12:00:00.000Z', '2026-11-30T12:00:00.000Z']);
    expect(rt.outbox.map((m) => m.subject.split(':')[0])).toEqual([
      'Weekly plan, week of 2026-11-23',
      'Weekly plan, week of 2026-11-30',
    ]);
    expect(addon.call('getWeeklyTrigger')).toMatchObject({
      installed: true,
      nextRun: '2026-12-07T12:00:00.000Z',
    });
  });
});

describe('recording a failure never throws', () => {
  it('a run that fails and cannot mail the failure records it, logs what it could not do, and ends quietly', () => {
    const { rt, addon } = registry();
    addon.call('installWeeklyTrigger', {});
    const settings = rt.spreadsheetApp().getActiveSpreadsheet().getSheetByName('Settings')!;
    const labels = settings
      .getRange(1, 1, settings.getLastRow(), 1)
      .getValues()
      .map((r) => r[0]);
    settings.getRange(labels.indexOf('Summary email') + 1, 2).setValue('not an address');
    rt.failAt(1, 'mail');
    const runs = rt.advanceClockTo('2026-11-23T08:00:00Z');
    expect(runs.map((r) => r.error)).toEqual([undefined]);
    expect(lastRun(addon)).toMatchObject({
      ok: false,
      error: 'Summary email in Settings must be an email address; found "not an address".',
    });
    expect(rt.spreadsheet.read(tab(rt, 'Weekly Plan'), 3, 1)).toMatch(
      /The plan below is the previous one\.$/,
    );
    expect(rt.outbox).toEqual([]);
    expect(rt.env.logs.at(-1)).toMatch(
      /^Weekly plan: could not mail the failure after "Summary email in Settings must be an email address/,
    );
  });
});
