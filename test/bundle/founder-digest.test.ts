/**
 * The founder digest through the built bundle: the weekly run mails a shared client's Summary to
 * its founders on the cadence of its profile's "Founder digest" row (Off, Weekly, Monthly), once
 * per period, from the CTO's own account; a failure is recorded, told to the CTO, and not tried
 * again into a duplicate.
 */
import { describe, expect, it } from 'vitest';
import type { Runtime } from '../../emulator/index.js';
import {
  addClient,
  loadAddon,
  restorable,
  rowWith,
  sharedFiles,
  tab,
  values,
} from '../support/bundle.js';

/** Acme, shared with its two founders, with a pending decision that needs them. */
const registry = restorable(
  () => {
    const { rt, addon } = loadAddon({ now: '2026-11-18T10:00:00Z', timeZone: 'Europe/London' });
    const acme = addClient(addon, {
      name: 'Acme',
      hoursPerWeek: 4,
      founderEmails: 'ann@acme.io, bo@acme.io',
      privateNotes: 'Founder is burning out',
    });
    addon.call('addItem', {
      clientId: acme.id,
      kind: 'decision',
      fields: { title: 'Raise the cloud budget', deciders: 'Ann', privateNote: 'She will say no' },
    });
    addon.call('shareClientView', { clientId: acme.id });
    return { rt, addon, acme };
  },
  { cacheAs: 'founder-digest-registry' },
);

function digestIs(rt: Runtime, value: string): void {
  const sheet = tab(rt, 'Acme');
  rt.spreadsheet.writeBlock(sheet, rowWith(rt, sheet, 'Founder digest'), 2, [
    [{ kind: 'value', value }],
  ]);
}

const toFounders = (rt: Runtime) => rt.outbox.filter((m) => m.to.includes('ann@acme.io'));
const lastRun = (addon: ReturnType<typeof registry>['addon']) =>
  (addon.call('getWeeklyTrigger') as { lastRun: { ok: boolean; partial?: string } }).lastRun;
const nextWeek = (rt: Runtime) => rt.advanceClockTo(new Date(rt.now.getTime() + 7 * 86400000));

describe('the founder digest', () => {
  it('is Off for a new client: the weekly run mails the founders nothing', () => {
    const { rt, addon } = registry();
    expect(
      values(rt, tab(rt, 'Acme'))[rowWith(rt, tab(rt, 'Acme'), 'Founder digest') - 1]?.[1],
    ).toBe('Off');
    addon.call('runWeeklyPlan', {});
    expect(toFounders(rt)).toEqual([]);
    expect(rt.outbox.map((m) => m.to)).toEqual(['cto@example.com']);
  });

  it("weekly: mails the Summary, as text and HTML from the CTO's account with a link to the file, once a week", () => {
    const { rt, addon } = registry();
    digestIs(rt, 'Weekly');
    addon.call('runWeeklyPlan', {});
    const mails = toFounders(rt);
    expect(mails).toHaveLength(1);
    const mail = mails[0]!;
    const url = sharedFiles(rt)[0]!.url;
    // MailApp sends as the user the script runs as; without `name` the sender's name is theirs
    // (https://developers.google.com/apps-script/reference/mail/mail-app#sendEmail(Object)).
    expect(mail).toMatchObject({
      from: 'cto@example.com',
      to: 'ann@acme.io,bo@acme.io',
      name: '',
      subject: 'Acme: technology update, 2026-11-18 (On track)',
    });
    expect(mail.body).toContain('NEEDS YOU: Raise the cloud budget; deciders: Ann');
    expect(mail.body).toContain(`The full view: ${url}`);
    expect(mail.htmlBody).toContain(`<a href="${url}">Open the full view</a>`);
    expect(JSON.stringify(mail)).not.toContain('She will say no');
    expect(JSON.stringify(mail)).not.toContain('burning out');
    // A second run in the same week does not mail the founders again.
    addon.call('runWeeklyPlan', {});
    expect(toFounders(rt)).toHaveLength(1);
    nextWeek(rt);
    addon.call('runWeeklyPlan', {});
    expect(toFounders(rt).map((m) => m.subject)).toEqual([
      'Acme: technology update, 2026-11-18 (On track)',
      'Acme: technology update, 2026-11-25 (On track)',
    ]);
  });

  it('monthly: mails with the first run of the month, and not again that month', () => {
    const { rt, addon } = registry();
    digestIs(rt, 'monthly');
    addon.call('runWeeklyPlan', {});
    nextWeek(rt); // 25 November
    addon.call('runWeeklyPlan', {});
    nextWeek(rt); // 2 December
    addon.call('runWeeklyPlan', {});
    nextWeek(rt); // 9 December
    addon.call('runWeeklyPlan', {});
    expect(toFounders(rt).map((m) => m.at.slice(0, 10))).toEqual(['2026-11-18', '2026-12-02']);
  });

  it('an unreadable value is a Problem and mails nothing', () => {
    const { rt, addon } = registry();
    digestIs(rt, 'Fortnightly');
    addon.call('runWeeklyPlan', {});
    expect(toFounders(rt)).toEqual([]);
    expect(values(rt, tab(rt, 'Priorities')).flat().join('\n')).toContain(
      'Founder digest must be one of: Off, Weekly, Monthly; found "Fortnightly". No founder digest is mailed until it is fixed.',
    );
  });

  it("a used-up quota is recorded, told to the CTO, and the week's digest is not tried again", () => {
    const { rt, addon, acme } = registry();
    digestIs(rt, 'Weekly');
    // One recipient left today: not enough for two founders, enough for the CTO's plan.
    rt.mail.sentPerDay.set('2026-11-18', 99);
    addon.call('runWeeklyPlan', {});
    expect(toFounders(rt)).toEqual([]);
    const said =
      "Acme's founder digest not sent: today's mail quota is used up; it is not sent again for this week";
    expect(lastRun(addon).partial).toContain(said);
    expect(rt.outbox.at(-1)?.body).toContain(said);
    expect(JSON.parse(rt.properties.document.get(`digest.${acme.id}`)!)).toMatchObject({
      period: 'week 2026-11-16',
      state: 'failed',
      error: "today's mail quota is used up",
    });
    rt.mail.sentPerDay.clear();
    addon.call('runWeeklyPlan', {});
    expect(toFounders(rt)).toEqual([]);
  });

  it('a send that fails is recorded and not sent again that week, since it may have gone out', () => {
    const { rt, addon, acme } = registry();
    digestIs(rt, 'Weekly');
    // MailApp's second call in the run: the digest's send, after its quota check.
    rt.failAt(2, 'mail');
    addon.call('runWeeklyPlan', {});
    expect(toFounders(rt)).toEqual([]);
    expect(lastRun(addon).partial).toMatch(
      /^Acme's founder digest not sent: .+; it is not sent again for this week$/,
    );
    expect(JSON.parse(rt.properties.document.get(`digest.${acme.id}`)!)).toMatchObject({
      period: 'week 2026-11-16',
      state: 'failed',
    });
    addon.call('runWeeklyPlan', {});
    expect(toFounders(rt)).toEqual([]);
  });
});
