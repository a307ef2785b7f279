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
import { BUNDLE, addClient, loadAddon, tab, values } from '../support/bundle.js';

function registry(): { rt: Runtime; addon: LoadedScript; ids: string[] } {
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
}

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
    expect(history.filter((r) => r[1] === 'Acme').map((r) => r[0])).toEqual([
      '2026-11-16T00:00:00.000Z',
      '2026-11-23T00:00:00.000Z',
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
    expect(rt.spreadsheet.read(tab(rt, 'Weekly Plan'), 4, 1)).toMatch(/^Capacity:/);
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
    const rt = createRuntime({ state: JSON.parse(JSON.stringify(base)) as RuntimeState });
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
    expect(rt.outbox.at(-1)?.subject).toBe('Weekly plan, week of 2026-11-23');
    expect(rt.outbox.at(-1)?.body).toContain(`Not done this run: ${partial}`);
  });
});
