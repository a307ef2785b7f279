/**
 * The weekly plan is mailed to the CTO at most once per ISO week (the week the plan is for,
 * named by its Monday). A second run that week rewrites the tabs and says in its status that the
 * mail was already sent; Mail it again sends it once more, and says so.
 */
import { describe, expect, it } from 'vitest';
import type { Runtime } from '../../emulator/index.js';
import { addClient, loadAddon, restorable, tab, values } from '../support/bundle.js';

interface PlanResult {
  weekStart: string;
  mail: string;
  mailedTo: string;
  partial: string;
}

interface WeeklyStatus {
  lastRun: { at: string; ok: boolean; partial?: string } | null;
  mailedThisWeek: { week: string; at: string; to: string } | null;
}

/** Sunday 15 November 2026, 20:00 in London: the next Monday 07:00 is the 16th. */
const SUNDAY = '2026-11-15T20:00:00Z';

const registry = restorable(
  () => {
    const { rt, addon } = loadAddon({ now: SUNDAY, timeZone: 'Europe/London' });
    const acme = addClient(addon, { name: 'Acme', hoursPerWeek: 2 });
    addon.call('addItem', {
      clientId: acme.id,
      kind: 'debt',
      fields: { title: 'Rotate leaked keys', impact: 5, effort: 1 },
    });
    return { rt, addon };
  },
  { cacheAs: 'weekly-mail-registry' },
);

function planMails(rt: Runtime): string[] {
  return rt.outbox
    .filter((m) => m.subject.startsWith('Weekly plan, week of'))
    .map((m) => m.subject.split(':')[0] ?? '');
}

/** Line 2 (when the plan was generated) and line 3 (the last run's status) of the plan tab. */
function planStatus(rt: Runtime): [string, string] {
  const rows = values(rt, tab(rt, 'Weekly Plan'));
  return [String(rows[1]?.[0]), String(rows[2]?.[0])];
}

const ALREADY_SENT =
  "this week's mail already went to cto@example.com (2026-11-16 07:00); Mail it again in the sidebar sends this plan";

describe('one weekly mail per ISO week', () => {
  it('a trigger delivered twice mails once; the second delivery rewrites the plan and says the mail was already sent', () => {
    const { rt, addon } = registry();
    addon.call('installWeeklyTrigger', { weekday: 'Monday', hour: 7 });
    const trigger = rt.triggers.find((t) => t.handler === 'runWeeklyPlan')!;
    expect(rt.advanceClockTo('2026-11-16T07:05:00Z')).toEqual([
      { handler: 'runWeeklyPlan', at: '2026-11-16T07:00:00.000Z' },
    ]);
    // Google delivers the same event again a few minutes later.
    rt.advanceClockTo('2026-11-16T07:09:00Z');
    addon.call('runWeeklyPlan', { triggerUid: trigger.id, authMode: 'FULL' });
    expect(planMails(rt)).toEqual(['Weekly plan, week of 2026-11-16']);
    expect(planStatus(rt)).toEqual([
      'Week of 2026-11-16 to 2026-11-22. Generated 2026-11-16 07:09.',
      `Last run 2026-11-16 07:09: plan written; ${ALREADY_SENT}`,
    ]);
    const status = addon.call('getWeeklyTrigger') as WeeklyStatus;
    expect(status.lastRun).toEqual({ at: '2026-11-16 07:09', ok: true, partial: ALREADY_SENT });
    expect(status.mailedThisWeek).toEqual({
      week: '2026-11-16',
      at: '2026-11-16 07:00',
      to: 'cto@example.com',
    });
  });

  it('a plan generated on Monday and again on Tuesday is mailed once, the second run saying so; the next week mails again', () => {
    const { rt, addon } = registry();
    rt.advanceClockTo('2026-11-16T07:00:00Z');
    expect(addon.call('generateWeeklyPlan')).toMatchObject({ mail: 'sent', partial: '' });
    rt.advanceClockTo('2026-11-17T09:30:00Z');
    const tuesday = addon.call('generateWeeklyPlan') as PlanResult;
    expect(tuesday).toMatchObject({
      weekStart: '2026-11-16',
      mail: 'already sent',
      partial: ALREADY_SENT,
    });
    expect(planMails(rt)).toEqual(['Weekly plan, week of 2026-11-16']);
    expect(planStatus(rt)).toEqual([
      'Week of 2026-11-16 to 2026-11-22. Generated 2026-11-17 09:30.',
      `Last run 2026-11-17 09:30: plan written; ${ALREADY_SENT}`,
    ]);
    expect(rt.ui.toasts.at(-1)?.message).toBe(
      `Weekly plan for the week of 2026-11-16 written; ${ALREADY_SENT}`,
    );
    rt.advanceClockTo('2026-11-23T08:00:00Z');
    expect(addon.call('generateWeeklyPlan')).toMatchObject({ mail: 'sent' });
    expect(planMails(rt)).toEqual([
      'Weekly plan, week of 2026-11-16',
      'Weekly plan, week of 2026-11-23',
    ]);
  });

  it('a plan day changed mid-week mails once: the new day rewrites the plan and says the mail was already sent', () => {
    const { rt, addon } = registry();
    addon.call('installWeeklyTrigger', { weekday: 'Monday', hour: 7 });
    rt.advanceClockTo('2026-11-16T08:00:00Z');
    // On Tuesday the CTO moves the plan to Thursday 09:00; it fires that same week.
    rt.advanceClockTo('2026-11-17T10:00:00Z');
    addon.call('installWeeklyTrigger', { weekday: 'Thursday', hour: 9 });
    expect(rt.advanceClockTo('2026-11-19T10:00:00Z')).toEqual([
      { handler: 'runWeeklyPlan', at: '2026-11-19T09:00:00.000Z' },
    ]);
    expect(planMails(rt)).toEqual(['Weekly plan, week of 2026-11-16']);
    expect(planStatus(rt)).toEqual([
      'Week of 2026-11-16 to 2026-11-22. Generated 2026-11-19 09:00.',
      `Last run 2026-11-19 09:00: plan written; ${ALREADY_SENT}`,
    ]);
  });

  it('Mail it again sends this week’s plan a second time and records it; the next run still does not mail', () => {
    const { rt, addon } = registry();
    rt.advanceClockTo('2026-11-16T07:00:00Z');
    addon.call('generateWeeklyPlan');
    rt.advanceClockTo('2026-11-16T11:00:00Z');
    const again = addon.call('mailWeeklyPlanAgain') as PlanResult;
    expect(again).toMatchObject({ mail: 'sent', mailedTo: 'cto@example.com', partial: '' });
    expect(planMails(rt)).toEqual([
      'Weekly plan, week of 2026-11-16',
      'Weekly plan, week of 2026-11-16',
    ]);
    expect(rt.ui.toasts.at(-1)?.message).toBe(
      'Weekly plan for the week of 2026-11-16 written and mailed again to cto@example.com.',
    );
    expect((addon.call('getWeeklyTrigger') as WeeklyStatus).mailedThisWeek).toEqual({
      week: '2026-11-16',
      at: '2026-11-16 11:00',
      to: 'cto@example.com',
    });
    rt.advanceClockTo('2026-11-16T12:00:00Z');
    expect(addon.call('generateWeeklyPlan')).toMatchObject({ mail: 'already sent' });
    expect(planMails(rt)).toHaveLength(2);
  });
});
