/**
 * The founder's Summary through the built bundle: each status rule, "needs you", the 30-day
 * window of decisions made, and the Summary following an edit when shared again. The rules
 * themselves are tested in test/domain/founder-summary.test.ts; these prove the wiring.
 */
import { describe, expect, it } from 'vitest';
import type { LoadedScript } from '../../emulator/index.js';
import { addClient, loadAddon, restorable, sharedFiles, values } from '../support/bundle.js';

/** Acme, with two founders; the clock on Wednesday 18 November 2026 in London. */
const registry = restorable(
  () => {
    const { rt, addon } = loadAddon({ now: '2026-11-18T10:00:00Z', timeZone: 'Europe/London' });
    const acme = addClient(addon, {
      name: 'Acme',
      hoursPerWeek: 4,
      founderEmails: 'ann@acme.io, bo@acme.io',
      privateNotes: 'Founder is burning out',
    });
    return { rt, addon, acme };
  },
  { cacheAs: 'founder-summary-registry' },
);

const add = (addon: LoadedScript, clientId: string, kind: string, fields: object) =>
  addon.call('addItem', { clientId, kind, fields });

/** The Summary tab's rows without their trailing blank cells. */
function summaryAfter(items: [string, object][]): unknown[][] {
  const { rt, addon, acme } = registry();
  for (const [kind, fields] of items) add(addon, acme.id, kind, fields);
  addon.call('shareClientView', { clientId: acme.id });
  return rowsOf(rt, 0);
}

function rowsOf(rt: ReturnType<typeof registry>['rt'], sheet: number): unknown[][] {
  const file = sharedFiles(rt)[0]!;
  return values(rt, file.sheets[sheet]!).map((r) => {
    const out = [...r];
    while (out.length && out.at(-1) === '') out.pop();
    return out;
  });
}

/** The status row and the reasons below it. */
function status(rows: unknown[][]): unknown[][] {
  const at = rows.findIndex((r) => r[0] === 'Status');
  const out = [rows[at]!];
  for (let i = at + 1; rows[i]?.[0] === '' && rows[i]!.length > 1; i++) out.push(rows[i]!);
  return out;
}

describe("the founder's Summary, through the bundle", () => {
  it('says At risk with an open Critical risk, and why', () => {
    const rows = summaryAfter([['risk', { risk: 'Single DBA', likelihood: 5, impact: 4 }]]);
    expect(status(rows)).toEqual([
      ['Status', 'At risk'],
      ['', 'A critical risk is open: Single DBA.'],
    ]);
  });

  it('says At risk with an overdue item, and since when', () => {
    const rows = summaryAfter([['decision', { title: 'Pick a queue', due: '2026-11-10' }]]);
    expect(status(rows)).toEqual([
      ['Status', 'At risk'],
      ['', 'Decision overdue since 2026-11-10: Pick a queue.'],
    ]);
  });

  it('says Needs attention with an open High risk', () => {
    const rows = summaryAfter([['risk', { risk: 'Key person', likelihood: 3, impact: 4 }]]);
    expect(status(rows)).toEqual([
      ['Status', 'Needs attention'],
      ['', 'A high risk is open: Key person.'],
    ]);
  });

  it('says Needs attention with a decision due within 7 days', () => {
    const rows = summaryAfter([['decision', { title: 'Pick a queue', due: '2026-11-25' }]]);
    expect(status(rows)).toEqual([
      ['Status', 'Needs attention'],
      ['', 'A decision is needed by 2026-11-25: Pick a queue.'],
    ]);
  });

  it('says Needs attention with more than 3 Do-now items', () => {
    const debt = [1, 2, 3, 4].map((n): [string, object] => [
      'debt',
      { title: `Fix ${n}`, impact: 4, effort: 1 },
    ]);
    const rows = summaryAfter(debt);
    expect(status(rows)).toEqual([
      ['Status', 'Needs attention'],
      ['', '4 technical debt items should be done now (more than 3 at once slows the team).'],
    ]);
    expect(rows).toContainEqual(['Do now', 4]);
  });

  it('says On track, with its reason, when nothing needs attention', () => {
    const rows = summaryAfter([['risk', { risk: 'Slow CI', likelihood: 2, impact: 2 }]]);
    expect(status(rows)).toEqual([
      ['Status', 'On track'],
      [
        '',
        'No critical or high risk is open, nothing is overdue, no decision is due within 7 days, and technical debt is under control.',
      ],
    ]);
  });

  it('marks a decision "needs you" when a founder is among its deciders', () => {
    const rows = summaryAfter([
      ['decision', { title: 'Raise the cloud budget', deciders: 'Ann, Sam', due: '2026-12-15' }],
      ['decision', { title: 'Pick a log store', deciders: 'Sam', due: '2026-12-20' }],
    ]);
    expect(rows).toContainEqual(['Raise the cloud budget', 'Ann, Sam', '2026-12-15', 'Needs you']);
    expect(rows).toContainEqual(['Pick a log store', 'Sam', '2026-12-20']);
  });

  it('lists the decisions made in the last 30 days, not one made 31 days ago', () => {
    const rows = summaryAfter([
      [
        'decision',
        {
          title: 'Use Postgres',
          status: 'Accepted',
          decidedOn: '2026-10-19',
          decision: 'Postgres 16 on RDS',
        },
      ],
      ['decision', { title: 'Keep the monolith', status: 'Accepted', decidedOn: '2026-10-18' }],
    ]);
    const made = rows.findIndex((r) => r[0] === 'Decisions made in the last 30 days');
    expect(rows.slice(made + 1, made + 4)).toEqual([
      ['Decision', 'What was decided', 'Date'],
      ['Use Postgres', 'Postgres 16 on RDS', '2026-10-19'],
      [],
    ]);
  });

  it('follows an edit when the view is shared again: the status, the lists and the detail tabs', () => {
    const { rt, addon, acme } = registry();
    addon.call('shareClientView', { clientId: acme.id });
    expect(status(rowsOf(rt, 0))[0]).toEqual(['Status', 'On track']);
    add(addon, acme.id, 'risk', { risk: 'Backups never restored', likelihood: 5, impact: 5 });
    addon.call('shareClientView', { clientId: acme.id });
    expect(sharedFiles(rt)).toHaveLength(1);
    const rows = rowsOf(rt, 0);
    expect(status(rows)).toEqual([
      ['Status', 'At risk'],
      ['', 'A critical risk is open: Backups never restored.'],
    ]);
    expect(rows).toContainEqual(['Backups never restored', '', 'Critical']);
    expect(rowsOf(rt, 4)[1]?.slice(0, 5)).toEqual(['Backups never restored', 5, 5, 25, 'Critical']);
    // The status cell is coloured by what it says: red for At risk.
    const summary = sharedFiles(rt)[0]!.sheets[0]!;
    expect(summary.cell(4, 2)?.format?.background).toBe('#f5cccc');
  });
});
