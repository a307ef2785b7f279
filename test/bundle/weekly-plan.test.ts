import { describe, expect, it } from 'vitest';
import type { LoadedScript, Runtime, RuntimeOptions } from '../../emulator/index.js';
import { SheetsEditor } from '../../emulator/index.js';
import { addClient, loadAddon, restorable, rowWith, tab, values } from '../support/bundle.js';

type Kind = 'goal' | 'debt' | 'decision' | 'risk' | 'team' | 'review';
const add = (addon: LoadedScript, clientId: string, kind: Kind, fields: Record<string, unknown>) =>
  addon.call('addItem', { clientId, kind, fields }) as { id: string };

/** The plan tab as text lines: [checkbox, entry, estimate]. */
function planLines(rt: Runtime): string[] {
  return values(rt, tab(rt, 'Weekly Plan')).map((r) =>
    r
      .slice(0, 3)
      .filter((c) => c !== '')
      .map((c) => (c === false ? '[ ]' : c === true ? '[x]' : String(c)))
      .join(' | '),
  );
}

/** A client's lines on the plan tab, from its own line to the blank line after it. */
function section(lines: string[], client: string): string[] {
  const start = lines.findIndex((l) => l.startsWith(`${client}: `) && l.includes('h this week'));
  if (start < 0) return [];
  const rest = lines.slice(start);
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

/** The person at the Sheets editor, clicking and typing in the registry. */
function person(rt: Runtime) {
  const editor = new SheetsEditor(rt.drive, () => rt.user);
  const at = (name: string, row: number, column: number) => ({
    sheetId: tab(rt, name).id,
    row,
    column,
  });
  return {
    tick: (row: number) => editor.toggleCheckbox(rt.spreadsheet.id, at('Weekly Plan', row, 1)),
    type: (name: string, row: number, column: number, text: string) =>
      editor.type(rt.spreadsheet.id, at(name, row, column), text),
  };
}

/** The 1-based row of the plan tab whose entry (column B) or line (column A) starts with `text`. */
function planRow(rt: Runtime, text: string): number {
  const i = values(rt, tab(rt, 'Weekly Plan')).findIndex(
    (r) => String(r[1]).startsWith(text) || String(r[0]).startsWith(text),
  );
  if (i < 0) throw new Error(`no plan row starting ${text}`);
  return i + 1;
}

/**
 * The seed's shape: Acme 2 h, Beacon 1.5 h, Corvid 1 h (and a paused client), 20 h of capacity.
 * Acme has a Critical risk due next month and Do-now debt; Beacon a decision due this week related
 * to one at Corvid; Corvid, drifting, provides a component Acme depends on. Built once.
 */
const registry = restorable(
  () => {
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
      likelihood: 4,
      impact: 5,
      due: '2026-12-15',
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
    add(addon, corvid.id, 'decision', {
      title: 'Kafka for events',
      status: 'Accepted',
      tags: 'queue',
      proposedOn: '2026-10-01',
      decidedOn: '2026-10-08',
    });
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
  },
  { cacheAs: 'weekly-plan-registry' },
);

describe('generateWeeklyPlan', () => {
  it("fits each active client's week into its hours: the seed's capacity list, 15.5 h of flex, no client over budget", () => {
    const { rt, addon } = registry();
    const result = addon.call('generateWeeklyPlan') as {
      weekStart: string;
      clients: number;
      allocatedHours: number;
      flexHours: number;
      warnings: string[];
      mailedTo: string;
      mail: string;
    };
    expect(result).toMatchObject({
      weekStart: '2026-11-16',
      clients: 3,
      allocatedHours: 4.5,
      flexHours: 15.5,
      warnings: [],
      mailedTo: 'cto@example.com',
      mail: 'sent',
    });
    const lines = planLines(rt);
    expect(lines.slice(3, 9)).toEqual([
      'This week',
      'Acme: Risk R-1 Backups never restored (2 h)',
      'Beacon: Decision ADR-1 Pick a message queue (1.5 h)',
      // Nothing after Corvid's review fits its hour: its focus is the review, not what waits.
      'Corvid: weekly review (1 h)',
      'Flex: 15.5 h',
      'Capacity: 4.5 h allocated of 20 h; flex 15.5 h (reserve 2 h).',
    ]);
    expect(lines.some((l) => l.startsWith('Warning'))).toBe(false);
    expect(lines.some((l) => l.startsWith('Dormant'))).toBe(false);

    expect(section(lines, 'Acme')).toEqual([
      'Acme: 2 h this week | Actual hours',
      '[ ] | Review the Linear board | 10 min',
      '[ ] | Review the codebase | 10 min',
      '[ ] | Sync with the lead engineer | 15 min',
      '[ ] | Update the registry | 5 min',
      // A Critical risk due next month is in this week's plan, among what must not wait.
      '[ ] | Risk R-1 Backups never restored: Critical | 15 min',
      '[ ] | Corvid changed auth library: D-1 Auth library two majors behind: you depend on it (2026-11-18) | 15 min',
      '[ ] | Debt D-1 <script>alert(1)</script> in the admin page: Do now | 30 min',
    ]);
    const beacon = section(lines, 'Beacon');
    // A decision due this week appears once, with all its reasons.
    expect(beacon.filter((l) => l.includes('ADR-1'))).toEqual([
      '[ ] | Decision ADR-1 Pick a message queue: due Fri; related: Corvid ADR-1 Kafka for events | 30 min',
    ]);
    const corvid = section(lines, 'Corvid');
    expect(corvid.slice(0, 2)).toEqual([
      'Corvid: 1 h this week | Actual hours',
      'Drifting: last review 2026-10-20, 29 days ago (cadence 7 days). Tick the review lines to log the review.',
    ]);
    // What the budget holds, beside each client's line.
    const row = (name: string) => values(rt, tab(rt, 'Weekly Plan'))[planRow(rt, name) - 1];
    expect([row('Acme: 2 h')?.[4], row('Corvid: 1 h')?.[4]]).toEqual([
      'planned 1 h 40 min',
      'planned 40 min',
    ]);
    // The 40-minute review leaves 20 of Corvid's hour: the 30-minute entry waits, not counted.
    expect(corvid.slice(-2)).toEqual([
      'Waits (not counted): 1',
      'Debt D-1 Auth library two majors behind: tell Acme: it depends on auth library; Do now | 30 min',
    ]);

    // A checkbox on every planned entry, none on a client's line or what waits; helpers hidden.
    const sheet = tab(rt, 'Weekly Plan');
    const first = planRow(rt, 'Review the Linear board');
    expect(sheet.cell(first, 1)?.validation?.criteria).toBe('CHECKBOX');
    expect(sheet.cell(first - 1, 1)?.validation).toBeUndefined();
    expect([...sheet.hiddenColumns].sort()).toEqual([6, 7, 8]);
  });

  it("mails the plan with the capacity list in its subject, escaping what was typed; private notes stay in the CTO's own plan", () => {
    const { rt, addon } = registry();
    addon.call('generateWeeklyPlan');
    const risk = values(rt, tab(rt, 'Weekly Plan')).find((r) =>
      String(r[1]).includes('Backups never restored'),
    );
    expect(risk?.slice(1, 5)).toEqual([
      'Risk R-1 Backups never restored: Critical',
      '15 min',
      '',
      'Lead says it is fine; it is not',
    ]);
    expect(rt.outbox).toHaveLength(1);
    const mail = rt.outbox[0]!;
    expect(mail).toMatchObject({
      to: 'cto@example.com',
      subject:
        'Weekly plan, week of 2026-11-16: Acme: Risk R-1 Backups never restored (2 h); Beacon: Decision ADR-1 Pick a message queue (1.5 h); Corvid: weekly review (1 h); Flex: 15.5 h',
    });
    expect(mail.body.split('\n').slice(2, 6)).toEqual([
      'Acme: Risk R-1 Backups never restored (2 h)',
      'Beacon: Decision ADR-1 Pick a message queue (1.5 h)',
      'Corvid: weekly review (1 h)',
      'Flex: 15.5 h',
    ]);
    expect(mail.htmlBody).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(mail.htmlBody).not.toContain('<script>');
    expect(mail.body).toContain('<script>alert(1)</script> in the admin page');
    expect(mail.htmlBody).toContain(
      '<a href="https://linear.app/acme">Review the Linear board</a>',
    );
    expect(mail.body).toContain(
      'Risk R-1 Backups never restored: Critical (15 min) (note: Lead says it is fine; it is not)',
    );
  });

  it('appends one Plan History row per client per week, under the header issue 15 reads', () => {
    const { rt, addon } = registry();
    addon.call('generateWeeklyPlan');
    addon.call('generateWeeklyPlan');
    const [header, ...rows] = values(rt, tab(rt, 'Plan History')).slice(1);
    expect(header).toEqual([
      'Week starting',
      'Client ID',
      'Client',
      'Planned hours',
      'Actual hours',
      'Entries done',
      'Entries planned',
      'Focus',
      'Generated at',
    ]);
    expect(rows.map((r) => [r[0], r[2], r[3], r[4], r[5], r[6], r[7]])).toEqual([
      ['2026-11-16', 'Acme', 2, '', '', 7, 'Risk R-1 Backups never restored'],
      ['2026-11-16', 'Beacon', 1.5, '', '', 5, 'Decision ADR-1 Pick a message queue'],
      ['2026-11-16', 'Corvid', 1, '', '', 4, 'weekly review'],
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
    expect(planLines(rt).some((l) => l.startsWith('Acme: 2 h this week'))).toBe(true);
    expect(rt.outbox).toHaveLength(0);
  });

  it('a client added today is not drifting in its first plan; one engaged longer than its cadence without a review is', () => {
    const { rt, addon } = loadAddon(RUNTIME);
    addClient(addon, { name: 'Newco', hoursPerWeek: 2 });
    addClient(addon, { name: 'Startday', hoursPerWeek: 2, engagementStart: '2026-11-18' });
    addClient(addon, { name: 'Oldco', hoursPerWeek: 2, engagementStart: '2026-10-01' });
    addon.call('generateWeeklyPlan');
    const lines = planLines(rt);
    const drift = (name: string) => section(lines, name).filter((l) => l.startsWith('Drifting'));
    expect(drift('Newco')).toEqual([]);
    expect(drift('Startday')).toEqual([]);
    expect(drift('Oldco')).toEqual([
      'Drifting: no review logged yet, 48 days on the registry (since 2026-10-01; cadence 7 days). Tick the review lines to log the review.',
    ]);
  });

  it('run on a Sunday, plans the week starting next Monday', () => {
    const { rt, addon } = loadAddon({ ...RUNTIME, now: '2026-11-22T18:00:00Z' });
    addClient(addon, { name: 'Acme', hoursPerWeek: 2 });
    expect(addon.call('generateWeeklyPlan')).toMatchObject({ weekStart: '2026-11-23' });
    expect(planLines(rt)[1]).toBe('Week of 2026-11-23 to 2026-11-29. Generated 2026-11-22 18:00.');
  });
});

describe('closing the week', () => {
  /** This week planned; two entries ticked at Acme and 1.5 h typed; then the clock a week on. */
  function closedWeek() {
    const { rt, addon, acme } = registry();
    addon.call('generateWeeklyPlan');
    const you = person(rt);
    you.tick(planRow(rt, 'Review the Linear board'));
    you.tick(planRow(rt, 'Debt D-1 <script>'));
    you.type('Weekly Plan', planRow(rt, 'Acme: 2 h this week'), 4, '1.5');
    rt.advanceClockTo('2026-11-23T08:00:00Z');
    return { rt, addon, acme };
  }

  it('records planned and actual hours and entries done of planned in Plan History', () => {
    const { rt, addon } = closedWeek();
    addon.call('generateWeeklyPlan');
    const rows = values(rt, tab(rt, 'Plan History')).slice(2);
    expect(rows.map((r) => [r[0], r[2], r[3], r[4], r[5], r[6]])).toEqual([
      ['2026-11-16', 'Acme', 2, 1.5, 2, 7],
      ['2026-11-16', 'Beacon', 1.5, '', 0, 5],
      ['2026-11-16', 'Corvid', 1, '', 0, 4],
      ['2026-11-23', 'Acme', 2, '', '', 7],
      ['2026-11-23', 'Beacon', 1.5, '', '', 5],
      ['2026-11-23', 'Corvid', 1, '', '', 4],
    ]);
  });

  it('turns the ticked review line into a Review log row at that client', () => {
    const { rt, addon } = closedWeek();
    addon.call('generateWeeklyPlan');
    const acme = values(rt, tab(rt, 'Acme'));
    const header = rowWith(rt, tab(rt, 'Acme'), 'Date');
    expect(
      acme
        .slice(header)
        .filter((r) => r[0] !== '')
        .map((r) => r.slice(0, 5)),
    ).toEqual([
      ['2026-11-16', 'Yes', '', '', ''],
      ['2026-11-20', 'Yes', 'No', 'No', 'Ticked on the weekly plan of 2026-11-16: PM board.'],
    ]);
  });

  it('brings back the unticked entry "carried over 1 week", the ticked one without the mark', () => {
    const { rt, addon } = closedWeek();
    addon.call('generateWeeklyPlan');
    const acme = section(planLines(rt), 'Acme');
    expect(acme).toContain(
      '[ ] | Risk R-1 Backups never restored: Critical (carried over 1 week) | 15 min',
    );
    expect(acme).toContain(
      '[ ] | Debt D-1 <script>alert(1)</script> in the admin page: Do now | 30 min',
    );
  });

  it('closes a week once: a second run the same week records nothing twice and keeps the ticks', () => {
    const { rt, addon } = closedWeek();
    addon.call('generateWeeklyPlan');
    person(rt).tick(planRow(rt, 'Review the codebase'));
    const history = values(rt, tab(rt, 'Plan History'));
    const acme = values(rt, tab(rt, 'Acme'));
    addon.call('generateWeeklyPlan');
    expect(values(rt, tab(rt, 'Plan History'))).toEqual(history);
    expect(values(rt, tab(rt, 'Acme'))).toEqual(acme);
    expect(section(planLines(rt), 'Acme')).toContain('[x] | Review the codebase | 10 min');
  });

  it('from the menu, closes the week on the tab and plans the new one, and says so', () => {
    const { rt, addon } = closedWeek();
    const closed = addon.call('closeWeek') as {
      weekStart: string;
      closed: boolean;
      entriesDone: number;
      entriesPlanned: number;
      reviewsLogged: string[];
      plan: { weekStart: string } | null;
    };
    expect(closed).toMatchObject({
      weekStart: '2026-11-16',
      closed: true,
      entriesDone: 2,
      entriesPlanned: 16,
      reviewsLogged: ['Acme'],
      plan: { weekStart: '2026-11-23' },
    });
    expect(rt.ui.toasts.at(-1)?.message).toBe(
      'Week of 2026-11-16 closed: 2 of 16 entries done; review logged at Acme. Plan for the week of 2026-11-23 written.',
    );
    // Clicked again: last week is closed, and the week just planned is under way until Friday.
    expect(addon.call('closeWeek')).toMatchObject({
      closed: false,
      message:
        'The week of 2026-11-23 is under way: it can be closed from 2026-11-27, and the first run of the next week closes it.',
    });
    rt.advanceClockTo('2026-11-27T16:00:00Z');
    expect(addon.call('closeWeek')).toMatchObject({ weekStart: '2026-11-23', closed: true });
    expect(addon.call('closeWeek')).toMatchObject({
      closed: false,
      message: 'The week of 2026-11-23 was already closed; nothing was recorded twice.',
    });
  });

  it('the first run of a new week closes the last within tabs + 12 Spreadsheet calls, Plan History in one write', () => {
    const { rt, addon } = registry();
    addon.call('generateWeeklyPlan');
    rt.advanceClockTo('2026-11-23T08:00:00Z');
    addon.call('runWeeklyPlan', {});
    const run = rt.lastExecution;
    expect(run?.spreadsheetCalls).toBeLessThanOrEqual(rt.spreadsheet.sheets.length + 12);
    expect(
      values(rt, tab(rt, 'Plan History'))
        .slice(2)
        .map((r) => [r[0], r[5]]),
    ).toEqual([
      ['2026-11-16', 0],
      ['2026-11-16', 0],
      ['2026-11-16', 0],
      ['2026-11-23', ''],
      ['2026-11-23', ''],
      ['2026-11-23', ''],
    ]);
  });

  it('shows planned against actual hours of the last closed weeks on the Overview', () => {
    const { rt, addon } = closedWeek();
    addon.call('generateWeeklyPlan');
    const overview = values(rt, tab(rt, 'Overview'));
    const column = (overview[1] ?? []).indexOf('Hours, last 4 closed weeks');
    const acme = overview.find((r) => String(r[0]).includes('Acme'));
    expect(acme?.[column]).toBe('2 h planned, 1.5 h actual (1 week)');
  });

  it('a week closed with Actual hours left blank records no actual hours, and the Overview says the week was not recorded', () => {
    const { rt, addon } = registry();
    addon.call('generateWeeklyPlan');
    rt.advanceClockTo('2026-11-23T08:00:00Z');
    addon.call('generateWeeklyPlan');
    person(rt).type('Weekly Plan', planRow(rt, 'Acme: 2 h this week'), 4, '2');
    rt.advanceClockTo('2026-11-30T08:00:00Z');
    addon.call('generateWeeklyPlan');
    const acmeRows = values(rt, tab(rt, 'Plan History'))
      .slice(2)
      .filter((r) => r[2] === 'Acme')
      .map((r) => [r[0], r[3], r[4]]);
    expect(acmeRows).toEqual([
      ['2026-11-16', 2, ''],
      ['2026-11-23', 2, 2],
      ['2026-11-30', 2, ''],
    ]);
    const overview = values(rt, tab(rt, 'Overview'));
    const column = (overview[1] ?? []).indexOf('Hours, last 4 closed weeks');
    const at = (name: string) => overview.find((r) => String(r[0]).includes(name))?.[column];
    expect(at('Acme')).toBe('4 h planned, 2 h actual (1 of 2 weeks recorded)');
    expect(at('Corvid')).toBe('2 h planned, actual not recorded (2 weeks)');
  });
});

describe('Actual hours that cannot be read', () => {
  /** Tab, cell and reason of each row of the Problems area on Priorities. */
  function problems(rt: Runtime): unknown[][] {
    const grid = values(rt, tab(rt, 'Priorities'));
    const header = grid.findIndex((r) => r[1] === 'Tab' && r[2] === 'Cell');
    return grid.slice(header + 1).map((r) => [r[1], r[2], r[4]]);
  }

  it('"2h" typed in Actual hours is refused by Close the week, naming tab, cell and what is allowed, and nothing is recorded', () => {
    const { rt, addon } = registry();
    addon.call('generateWeeklyPlan');
    const row = planRow(rt, 'Acme: 2 h this week');
    person(rt).type('Weekly Plan', row, 4, '2h');
    rt.advanceClockTo('2026-11-20T16:00:00Z');
    const history = values(rt, tab(rt, 'Plan History'));
    expect(() => addon.call('closeWeek')).toThrow(
      `The week of 2026-11-16 was not closed, nothing was recorded: Actual hours must be a number from 0 to 40; found "2h" (Acme) (Weekly Plan, D${row}). Type the hours as a number, such as 2 or 1.5, then close the week again.`,
    );
    expect(values(rt, tab(rt, 'Plan History'))).toEqual(history);
    addon.call('refreshPriorities');
    expect(problems(rt)).toContainEqual([
      'Weekly Plan',
      `D${row}`,
      'Actual hours must be a number from 0 to 40; found "2h" (Acme). Type the hours as a number, such as 2 or 1.5: until then Close the week records nothing, and the weekly run records the week without them.',
    ]);
    person(rt).type('Weekly Plan', row, 4, '2');
    expect(addon.call('closeWeek')).toMatchObject({ weekStart: '2026-11-16', closed: true });
    const acme = values(rt, tab(rt, 'Plan History')).find((r) => r[2] === 'Acme');
    expect(acme?.slice(3, 5)).toEqual([2, 2]);
  });

  it('the weekly run closes a week whose Actual hours read "2h" without them, and says which cell', () => {
    const { rt, addon } = registry();
    addon.call('generateWeeklyPlan');
    const row = planRow(rt, 'Acme: 2 h this week');
    person(rt).type('Weekly Plan', row, 4, '2h');
    rt.advanceClockTo('2026-11-23T08:00:00Z');
    addon.call('runWeeklyPlan', {});
    const acme = values(rt, tab(rt, 'Plan History')).find(
      (r) => r[0] === '2026-11-16' && r[2] === 'Acme',
    );
    expect(acme?.slice(3, 6)).toEqual([2, '', 0]);
    expect(planLines(rt)[2]).toContain(
      `Actual hours must be a number from 0 to 40; found "2h" (Acme) (Weekly Plan, D${row}): the week was closed without them; type them in Plan History`,
    );
  });
});

describe('Plan History made before the week could be closed', () => {
  it('is migrated in place under the new header, every row kept', () => {
    const { rt, addon } = registry();
    const history = tab(rt, 'Plan History');
    const cell = (v: string | number) => ({ kind: 'value' as const, value: v });
    rt.spreadsheet.writeBlock(history, 2, 1, [
      ['Week starting', 'Client', 'Hours', 'Agenda items', 'Overdue', 'Generated at'].map(cell),
      ['2026-11-09', 'Acme', 2, 9, 1, '2026-11-09 07:00'].map(cell),
      ['2026-11-09', 'Gone Ltd', 1, 4, 0, '2026-11-09 07:00'].map(cell),
    ]);
    addon.call('generateWeeklyPlan');
    const [header, ...rows] = values(rt, tab(rt, 'Plan History')).slice(1);
    expect(header?.slice(0, 10)).toEqual([
      'Week starting',
      'Client ID',
      'Client',
      'Planned hours',
      'Actual hours',
      'Entries done',
      'Entries planned',
      'Focus',
      'Generated at',
      'Overdue',
    ]);
    expect(rows.map((r) => [r[0], r[1] !== '', r[2], r[3], r[6], r[9]])).toEqual([
      ['2026-11-09', true, 'Acme', 2, 9, 1],
      ['2026-11-09', false, 'Gone Ltd', 1, 4, 0],
      ['2026-11-16', true, 'Acme', 2, 7, ''],
      ['2026-11-16', true, 'Beacon', 1.5, 5, ''],
      ['2026-11-16', true, 'Corvid', 1, 4, ''],
    ]);
  });
});

describe('marking the debt inventory reviewed', () => {
  it('sets Last reviewed to today on every open debt item of the client in one write, and the quarterly review leaves the plan', () => {
    const { rt, addon, acme } = registry();
    add(addon, acme.id, 'debt', { title: 'Old ORM', status: 'Done', lastReviewed: '2026-01-05' });
    add(addon, acme.id, 'debt', { title: 'No staging', impact: 2, effort: 4 });
    const result = addon.call('markDebtReviewed', { clientId: acme.id });
    expect(result).toMatchObject({ clientName: 'Acme', reviewed: 2, date: '2026-11-18' });
    expect(rt.lastExecution?.calls['Range.setValues']).toBe(1);
    const sheet = tab(rt, 'Acme');
    const header = rowWith(rt, sheet, 'ID');
    const rows = values(rt, sheet);
    const debtHeader = rows.findIndex((r) => r[0] === 'ID' && r.includes('Last reviewed'));
    const column = rows[debtHeader]!.indexOf('Last reviewed');
    expect(header).toBeGreaterThan(0);
    expect(rows.slice(debtHeader + 1, debtHeader + 4).map((r) => [r[0], r[column]])).toEqual([
      ['D-1', '2026-11-18'],
      ['D-2', '2026-01-05'],
      ['D-3', '2026-11-18'],
    ]);
    addon.call('generateWeeklyPlan');
    expect(planLines(rt).some((l) => l.includes('Quarterly debt review'))).toBe(false);
    expect(() => addon.call('markDebtReviewed', { clientId: '' })).toThrow();
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
    const subjects = () => rt.outbox.map((m) => m.subject.split(':')[0]);
    expect(subjects()).toEqual(['Weekly plan, week of 2026-11-23']);
    expect(planLines(rt)[1]).toBe('Week of 2026-11-23 to 2026-11-29. Generated 2026-11-23 07:00.');
    rt.advanceClockTo('2026-11-30T08:00:00Z');
    expect(subjects()).toEqual([
      'Weekly plan, week of 2026-11-23',
      'Weekly plan, week of 2026-11-30',
    ]);
    const weeks = values(rt, tab(rt, 'Plan History'))
      .slice(2)
      .map((r) => `${String(r[0])} ${r[2]}`);
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

describe("Plan History's columns", () => {
  const widths = (rt: Runtime) =>
    Array.from({ length: 9 }, (_, i) => tab(rt, 'Plan History').columnWidths.get(i + 1) ?? 100);
  const layoutCalls = (rt: Runtime) =>
    Object.entries(rt.lastExecution?.calls ?? {}).filter(([m]) =>
      /setColumnWidths?|setWrap/.test(m),
    );

  it("Plan History's columns are readable at 1,280 pixels from setup: 1,200 in all, Focus the widest and wrapped", () => {
    const { rt, addon } = registry();
    expect(widths(rt)).toEqual([100, 100, 150, 100, 100, 100, 100, 330, 120]);
    expect(widths(rt).reduce((a, b) => a + b, 0)).toBe(1200);
    addon.call('generateWeeklyPlan');
    // The weekly run spends no call on them: they were given when the tab was made.
    expect(layoutCalls(rt)).toEqual([]);
    const history = tab(rt, 'Plan History');
    const focus = values(rt, history).findIndex((r) => r[7] === 'weekly review') + 1;
    expect(focus).toBeGreaterThan(2);
    expect(history.cell(focus, 8)?.format?.wrap).toBe(true);
    // A header too long for its column takes a second line; the counts below it do not wrap.
    expect(history.cell(2, 7)?.format?.wrap).toBe(true);
    expect(history.cell(focus, 7)?.format?.wrap).toBeFalsy();
  });

  it("Plan History's columns are given to a registry made before by Set up registry run again, once, never by the weekly run, and a width a person set is kept", () => {
    // A registry whose Plan History was made before it had its columns: a week planned already.
    const { rt, addon } = registry();
    addon.call('generateWeeklyPlan');
    rt.documentProperties(rt.spreadsheet.id).delete('weekly.historyLayout');
    const history = tab(rt, 'Plan History');
    history.columnWidths.clear();
    const sheet = rt.spreadsheetApp().getActiveSpreadsheet().getSheetByName('Plan History')!;
    sheet.getRange('A2:I').setWrap(false);
    // The weekly run stays within tabs + 12: it leaves the columns as they are.
    rt.advanceClockTo('2026-11-23T08:00:00Z');
    addon.call('runWeeklyPlan', {});
    expect(layoutCalls(rt)).toEqual([]);
    expect(rt.lastExecution?.spreadsheetCalls).toBeLessThanOrEqual(
      rt.spreadsheet.sheets.length + 12,
    );
    expect(history.columnWidths.size).toBe(0);

    expect(addon.call('setupRegistry')).toEqual({ created: [], sized: ['Plan History'] });
    // One call per run of equal widths and one for the wrap: never one per row or per cell.
    expect(layoutCalls(rt)).toEqual([
      ['Sheet.setColumnWidths', 2],
      ['Sheet.setColumnWidth', 3],
      ['Range.setWrap', 2],
    ]);
    expect(widths(rt)).toEqual([100, 100, 150, 100, 100, 100, 100, 330, 120]);
    const focus = values(rt, history).findIndex((r) => r[7] === 'weekly review') + 1;
    expect(history.cell(focus, 8)?.format?.wrap).toBe(true);

    sheet.setColumnWidth(8, 420);
    expect(addon.call('setupRegistry')).toEqual({ created: [], sized: [] });
    addon.call('generateWeeklyPlan');
    expect(layoutCalls(rt)).toEqual([]);
    expect(history.columnWidths.get(8)).toBe(420);
  });
});
