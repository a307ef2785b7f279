import { describe, expect, it } from 'vitest';
import type { LoadedScript, Runtime, RuntimeOptions } from '../../emulator/index.js';
import { addClient, loadAddon, restorable, rowWith, tab, values } from '../support/bundle.js';

type Kind = 'goal' | 'debt' | 'decision' | 'risk' | 'team' | 'review';
const add = (addon: LoadedScript, clientId: string, kind: Kind, fields: Record<string, unknown>) =>
  addon.call('addItem', { clientId, kind, fields }) as { id: string };

/** The plan tab as text lines: [checkbox, label, estimate]. */
function planLines(rt: Runtime): string[] {
  return values(rt, tab(rt, 'Weekly Plan')).map((r) =>
    r
      .slice(0, 3)
      .filter((c) => c !== '')
      .map((c) => (c === false ? '[ ]' : String(c)))
      .join(' | '),
  );
}

function section(lines: string[], client: string): string[] {
  const start = lines.findIndex((l) => l.includes(`${client}:`) && l.includes('h this week'));
  if (start < 0) return [];
  const rest = lines.slice(start + 1);
  const end = rest.findIndex((l) => l === '');
  return end < 0 ? rest : rest.slice(0, end);
}

/**
 * The plan is mailed to the user, dated in the sheet's zone, and run by a trigger of a published
 * add-on that sees its document: each is given here, not left to the emulator.
 */
const RUNTIME: RuntimeOptions = {
  // Wednesday 18 November 2026, London: the week runs Monday 16 to Sunday 22.
  now: '2026-11-18T10:00:00Z',
  timeZone: 'Europe/London',
  user: 'cto@example.com',
  deployment: 'addon',
  triggerSeesDocument: true,
};

/** A person types a new value for one setting in the Settings tab. */
function setSetting(rt: Runtime, label: string, value: string | number): void {
  const settings = tab(rt, 'Settings');
  rt.spreadsheet.writeBlock(settings, rowWith(rt, settings, label), 2, [
    [{ kind: 'value', value }],
  ]);
}

/** Four clients, one paused, with reviews, a risk, debt, a decision and a dependency; built once. */
const registry = restorable(() => {
  const { rt, addon } = loadAddon(RUNTIME);
  const acme = addClient(addon, {
    name: 'Acme',
    hoursPerWeek: 2,
    pmTool: 'Linear',
    pmLink: 'https://linear.app/acme',
    repoLink: 'https://github.com/acme/app',
  });
  const beacon = addClient(addon, { name: 'Beacon', hoursPerWeek: 1.5 });
  const corvid = addClient(addon, { name: 'Corvid', hoursPerWeek: 1 });
  addClient(addon, { name: 'Dormant', hoursPerWeek: 3, status: 'Paused' });
  add(addon, acme.id, 'review', { date: '2026-11-16', pmReviewed: 'Yes' });
  add(addon, acme.id, 'risk', {
    risk: 'Backups never restored',
    likelihood: 3,
    impact: 5,
    due: '2026-11-12',
    privateNote: 'Lead says it is fine; it is not',
  });
  add(addon, acme.id, 'debt', {
    title: '<script>alert(1)</script> in the admin page',
    impact: 5,
    effort: 1,
    lastReviewed: '2026-10-01',
  });
  add(addon, beacon.id, 'review', { date: '2026-11-17' });
  add(addon, beacon.id, 'decision', {
    title: 'Pick a message queue',
    due: '2026-11-20',
    tags: 'queue',
  });
  add(addon, corvid.id, 'review', { date: '2026-10-20' });
  add(addon, corvid.id, 'debt', {
    title: 'Auth library two majors behind',
    impact: 4,
    effort: 2,
    tags: 'auth',
    lastReviewed: '2026-11-01',
  });
  const deps = tab(rt, 'Dependencies');
  rt.spreadsheet.writeBlock(deps, 2, 1, [
    ['Acme', 'Corvid', 'auth library', 'auth', ''].map((v) => ({
      kind: 'value' as const,
      value: v,
    })),
  ]);
  return { rt, addon, acme, beacon, corvid };
});

describe('generateWeeklyPlan', () => {
  it('plans each active client with its hours and agenda, and capacity with flex', () => {
    const { rt, addon } = registry();
    const result = addon.call('generateWeeklyPlan') as {
      weekStart: string;
      clients: number;
      allocatedHours: number;
      flexHours: number;
      mailedTo: string;
      mail: string;
    };
    expect(result).toMatchObject({
      weekStart: '2026-11-16',
      clients: 3,
      allocatedHours: 4.5,
      flexHours: 15.5,
      mailedTo: 'cto@example.com',
      mail: 'sent',
    });
    const lines = planLines(rt);
    expect(lines).toContain('Capacity: 4.5 h allocated of 20 h; flex 15.5 h (reserve 2 h).');
    expect(lines.some((l) => l.startsWith('Dormant'))).toBe(false);

    const acme = section(lines, 'Acme');
    expect(acme.slice(0, 4)).toEqual([
      '[ ] | Review the Linear board | 20 min',
      '[ ] | Review the codebase | 20 min',
      '[ ] | Sync with the lead engineer | 30 min',
      '[ ] | Update the registry | 10 min',
    ]);
    expect(acme).toContain('Overdue since 2026-11-12: Risk R-1: Backups never restored | 15 min');
    expect(acme).toContain('Do now D-1: <script>alert(1)</script> in the admin page | 30 min');
    const beacon = section(lines, 'Beacon');
    expect(beacon).toContain('Due 2026-11-20: Decision ADR-1: Pick a message queue | 15 min');
    expect(beacon).toContain('Decide ADR-1: Pick a message queue | 30 min');
    const corvid = section(lines, 'Corvid');
    expect(corvid).toContain(
      'Drifting: last review 2026-10-20, 29 days ago (cadence 7 days) | 15 min',
    );
    expect(corvid).toContain(
      'Tell Acme about D-1 Auth library two majors behind: it depends on auth library | 15 min',
    );
    expect(acme).toContain(
      'Corvid changed auth library you depend on: D-1 Auth library two majors behind (2026-11-18) | 15 min',
    );
    expect(acme.some((l) => l.includes('Drifting'))).toBe(false);

    // Checkboxes for the review block only.
    const sheet = tab(rt, 'Weekly Plan');
    const first = rowWith(rt, sheet, false as unknown as string);
    expect(sheet.cell(first, 1)?.validation?.criteria).toBe('CHECKBOX');
    expect(sheet.cell(first + 4, 1)?.validation).toBeUndefined();
  });

  it("mails the plan as HTML and text, escaping what was typed; private notes stay in the CTO's own plan", () => {
    const { rt, addon } = registry();
    addon.call('generateWeeklyPlan');
    // The plan tab keeps the private note beside its entry.
    const risk = values(rt, tab(rt, 'Weekly Plan')).find((r) =>
      String(r[1]).includes('Backups never restored'),
    );
    expect(risk?.slice(1, 5)).toEqual([
      'Overdue since 2026-11-12: Risk R-1: Backups never restored',
      '15 min',
      '',
      'Lead says it is fine; it is not',
    ]);
    expect(rt.outbox).toHaveLength(1);
    const mail = rt.outbox[0]!;
    expect(mail).toMatchObject({
      to: 'cto@example.com',
      subject: 'Weekly plan, week of 2026-11-16',
    });
    expect(mail.htmlBody).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(mail.htmlBody).not.toContain('<script>');
    expect(mail.body).toContain('<script>alert(1)</script> in the admin page');
    expect(mail.htmlBody).toContain(
      '<a href="https://linear.app/acme">Review the Linear board</a>',
    );
    expect(mail.body).toContain(
      'Overdue since 2026-11-12: Risk R-1: Backups never restored (15 min) (note: Lead says it is fine; it is not)',
    );
  });

  it('appends one Plan History row per client per week', () => {
    const { rt, addon } = registry();
    addon.call('generateWeeklyPlan');
    addon.call('generateWeeklyPlan');
    const history = values(rt, tab(rt, 'Plan History')).slice(2);
    expect(history.map((r) => [r[0], r[1], r[2], r[4]])).toEqual([
      ['2026-11-16', 'Acme', 2, 1],
      ['2026-11-16', 'Beacon', 1.5, 0],
      ['2026-11-16', 'Corvid', 1, 0],
    ]);
  });

  it('leaves the previous plan in place when a run fails, and says why by mail and on the tab', () => {
    const { rt, addon } = registry();
    addon.call('generateWeeklyPlan');
    const before = planLines(rt).slice(3);
    setSetting(rt, 'Summary email', 'not an address');
    expect(() => addon.call('generateWeeklyPlan')).toThrow(
      'Summary email in Settings must be an email address; found "not an address".',
    );
    addon.call('runWeeklyPlan', {});
    expect(planLines(rt).slice(3)).toEqual(before);
    expect(planLines(rt)[2]).toMatch(
      /^Last run failed at 2026-11-18 10:00: Summary email in Settings must be an email address/,
    );
    const failure = rt.outbox.at(-1)!;
    expect(failure).toMatchObject({ to: 'cto@example.com', subject: 'Weekly plan failed' });
    expect(failure.body).toContain(
      'The weekly plan could not be written at 2026-11-18 10:00: Summary email in Settings must be an email address; found "not an address".\nThe previous plan is still in the Weekly Plan tab.',
    );
    const status = addon.call('getWeeklyTrigger') as { lastRun: { ok: boolean; error: string } };
    expect(status.lastRun.ok).toBe(false);
  });

  it('records a used-up mail quota instead of failing', () => {
    const { rt, addon } = registry();
    rt.mail.sentPerDay.set('2026-11-18', 100);
    const result = addon.call('generateWeeklyPlan') as { mail: string };
    expect(result.mail).toBe('quota used up');
    expect(planLines(rt).some((l) => l.includes('Acme: 2 h this week'))).toBe(true);
    expect(rt.outbox).toHaveLength(0);
  });
});

describe('the weekly trigger', () => {
  it('writes and mails the plan at Monday 07:00 in the sheet time zone, once a week', () => {
    const { rt, addon } = registry();
    const status = addon.call('installWeeklyTrigger', {}) as {
      installed: boolean;
      weekday: string;
      hour: number;
      nextRun: string;
    };
    expect(status).toMatchObject({
      installed: true,
      weekday: 'Monday',
      hour: 7,
      nextRun: '2026-11-23T07:00:00.000Z',
    });
    expect(rt.advanceClockTo('2026-11-23T06:59:00Z')).toEqual([]);
    expect(rt.advanceClockTo('2026-11-23T07:30:00Z')).toEqual([
      { handler: 'runWeeklyPlan', at: '2026-11-23T07:00:00.000Z' },
    ]);
    expect(rt.outbox.map((m) => m.subject)).toEqual(['Weekly plan, week of 2026-11-23']);
    expect(planLines(rt)[1]).toBe('Week of 2026-11-23 to 2026-11-29. Generated 2026-11-23 07:00.');
    rt.advanceClockTo('2026-11-30T08:00:00Z');
    expect(rt.outbox.map((m) => m.subject)).toEqual([
      'Weekly plan, week of 2026-11-23',
      'Weekly plan, week of 2026-11-30',
    ]);
    const weeks = values(rt, tab(rt, 'Plan History'))
      .slice(2)
      .map((r) => `${String(r[0])} ${r[1]}`);
    expect(weeks).toEqual([
      '2026-11-23 Acme',
      '2026-11-23 Beacon',
      '2026-11-23 Corvid',
      '2026-11-30 Acme',
      '2026-11-30 Beacon',
      '2026-11-30 Corvid',
    ]);
  });

  it('replaces rather than duplicates, removes only its own, and follows Settings and summer time', () => {
    const { rt, addon } = registry();
    rt.triggers.push({
      id: 'other',
      handler: 'somethingElse',
      eventType: 'CLOCK',
      sourceId: null,
      owner: 'cto@example.com',
    });
    // A person sets Thursday 09:00 in Settings: a trigger turned on without a day or hour follows it.
    setSetting(rt, 'Plan weekday', 'Thursday');
    setSetting(rt, 'Plan hour', 9);
    const fromSettings = addon.call('installWeeklyTrigger', {}) as {
      weekday: string;
      hour: number;
      nextRun: string;
    };
    expect(fromSettings).toMatchObject({
      weekday: 'Thursday',
      hour: 9,
      nextRun: '2026-11-19T09:00:00.000Z',
    });
    expect(rt.advanceClockTo('2026-11-19T10:00:00Z')).toEqual([
      { handler: 'runWeeklyPlan', at: '2026-11-19T09:00:00.000Z' },
    ]);
    // Turned on again for Friday 16:00: the Thursday trigger is replaced, not kept beside it.
    const again = addon.call('installWeeklyTrigger', { weekday: 'Friday', hour: 16 }) as {
      nextRun: string;
    };
    expect(rt.triggers.filter((t) => t.handler === 'runWeeklyPlan')).toHaveLength(1);
    expect(again.nextRun).toBe('2026-11-20T16:00:00.000Z');
    expect(rt.advanceClockTo('2026-11-27T10:00:00Z')).toEqual([
      { handler: 'runWeeklyPlan', at: '2026-11-20T16:00:00.000Z' },
    ]);
    expect(() => addon.call('installWeeklyTrigger', { weekday: 'Funday', hour: 7 })).toThrow(
      'Plan weekday must be one of: Monday, Tuesday, Wednesday, Thursday, Friday, Saturday, Sunday.',
    );
    expect(() => addon.call('installWeeklyTrigger', { weekday: 'Monday', hour: 24 })).toThrow(
      'Plan hour must be a whole number from 0 to 23.',
    );
    const removed = addon.call('removeWeeklyTrigger') as { installed: boolean };
    expect(removed.installed).toBe(false);
    expect(rt.triggers.map((t) => t.handler)).toEqual(['somethingElse']);

    // London moves to summer time on Sunday 28 March 2027: Friday 16:00 is 16:00 UTC before
    // and 15:00 UTC after, and the plan says 16:00 either way.
    const spring = loadAddon({ ...RUNTIME, now: '2027-03-24T10:00:00Z' });
    spring.addon.call('setupRegistry');
    expect(
      spring.addon.call('installWeeklyTrigger', { weekday: 'Friday', hour: 16 }),
    ).toMatchObject({
      nextRun: '2027-03-26T16:00:00.000Z',
    });
    expect(spring.rt.advanceClockTo('2027-04-03T00:00:00Z')).toEqual([
      { handler: 'runWeeklyPlan', at: '2027-03-26T16:00:00.000Z' },
      { handler: 'runWeeklyPlan', at: '2027-04-02T15:00:00.000Z' },
    ]);
    expect(planLines(spring.rt)[1]).toBe(
      'Week of 2027-03-29 to 2027-04-04. Generated 2027-04-02 16:00.',
    );
    expect(spring.addon.call('getWeeklyTrigger')).toMatchObject({
      nextRun: '2027-04-09T15:00:00.000Z',
    });
  });
});
