import { describe, expect, it } from 'vitest';
import { DEFAULT_THRESHOLDS } from '../../src/domain/debt.js';
import { readFounderRecord } from '../../src/domain/founder-record.js';
import {
  founderSummary,
  needsFounder,
  oneLine,
  withFocus,
} from '../../src/domain/founder-summary.js';
import { summaryGrid } from '../../src/domain/founder-view.js';
import { clientTabGrid, type SectionRows } from './client-tab-fixture.js';

const TODAY = '2026-11-18';
const PROFILE = {
  name: 'Acme',
  status: 'Active',
  founderEmails: 'ann.lee@acme.io, bo@acme.io',
  hoursPerWeek: 4,
  reviewCadence: 14,
};

function summaryOf(sections: SectionRows, profile: Record<string, string | number> = PROFILE) {
  const view = readFounderRecord({
    grid: clientTabGrid(profile, sections),
    formulas: [],
    thresholds: DEFAULT_THRESHOLDS,
  });
  return founderSummary({
    view,
    name: 'Acme',
    today: TODAY,
    thisWeek: '',
    focus: [],
    reviewCadenceDays: 7,
  });
}

const risk = (id: string, likelihood: number, impact: number, extra = {}) => ({
  id,
  risk: `Risk ${id}`,
  likelihood,
  impact,
  status: 'Open',
  ...extra,
});
const doNow = (n: number) =>
  Array.from({ length: n }, (_, i) => ({
    id: `D-${i + 1}`,
    title: `Fix ${i + 1}`,
    priority: i === 2 ? 'High' : 'Medium',
    impact: 4 + (i % 2),
    effort: 1,
    status: 'Open',
    trackedIn: `https://linear.app/acme/${i + 1}`,
  }));

describe("the Summary's status", () => {
  it('is On track, with its reason, when nothing needs attention', () => {
    const s = summaryOf({ risk: [risk('R-1', 2, 2)], debt: doNow(3) });
    expect(s.status).toBe('On track');
    expect(s.reasons).toEqual([
      'No critical or high risk is open, nothing is overdue, no decision is due within 7 days, and technical debt is under control.',
    ]);
  });

  it('is At risk with an open Critical risk, and says which', () => {
    const s = summaryOf({ risk: [risk('R-1', 5, 4)] });
    expect(s.status).toBe('At risk');
    expect(s.reasons).toEqual(['A critical risk is open: Risk R-1.']);
  });

  it('is not At risk for a Critical risk that is closed', () => {
    expect(summaryOf({ risk: [risk('R-1', 5, 4, { status: 'Closed' })] }).status).toBe('On track');
  });

  it('is At risk with an overdue item (a goal past its target date), and says since when', () => {
    const s = summaryOf({
      goal: [{ id: 'G-1', goal: 'SOC 2 audit', targetDate: '2026-11-10', status: 'On track' }],
    });
    expect(s.status).toBe('At risk');
    expect(s.reasons).toEqual(['Goal overdue since 2026-11-10: SOC 2 audit.']);
  });

  it('is Needs attention with an open High risk', () => {
    const s = summaryOf({ risk: [risk('R-1', 3, 4)] });
    expect(s.status).toBe('Needs attention');
    expect(s.reasons).toEqual(['A high risk is open: Risk R-1.']);
  });

  it('is Needs attention with a pending decision due within 7 days, not one due in 8', () => {
    const soon = summaryOf({
      decision: [{ id: 'ADR-1', title: 'Pick a queue', status: 'Proposed', due: '2026-11-25' }],
    });
    expect(soon.status).toBe('Needs attention');
    expect(soon.reasons).toEqual(['A decision is needed by 2026-11-25: Pick a queue.']);
    const later = summaryOf({
      decision: [{ id: 'ADR-1', title: 'Pick a queue', status: 'Proposed', due: '2026-11-26' }],
    });
    expect(later.status).toBe('On track');
  });

  it('is Needs attention with more than 3 Do-now items, not with 3', () => {
    expect(summaryOf({ debt: doNow(3) }).status).toBe('On track');
    const s = summaryOf({ debt: doNow(4) });
    expect(s.status).toBe('Needs attention');
    expect(s.reasons).toEqual([
      '4 technical debt items should be done now (more than 3 at once slows the team).',
    ]);
  });

  it('gives every reason, the gravest first, when At risk and needing attention', () => {
    const s = summaryOf({ risk: [risk('R-1', 3, 4), risk('R-2', 5, 5)] });
    expect(s.status).toBe('At risk');
    expect(s.reasons).toEqual([
      'A critical risk is open: Risk R-2.',
      'A high risk is open: Risk R-1.',
    ]);
  });
});

describe("the Summary's parts", () => {
  it('lists decisions made in the last 30 days, newest first, with the decision in one line', () => {
    const s = summaryOf({
      decision: [
        { id: 'ADR-1', title: 'Old', status: 'Accepted', decidedOn: '2026-10-18' },
        {
          id: 'ADR-2',
          title: 'Use Postgres',
          status: 'Accepted',
          decidedOn: '2026-10-19',
          decision: 'Postgres 16 on RDS.\nMigrate in Q1.',
        },
        { id: 'ADR-3', title: 'Drop Mongo', status: 'Accepted', decidedOn: '2026-11-17' },
        { id: 'ADR-4', title: 'Pending', status: 'Proposed', decidedOn: '2026-11-17' },
        { id: 'ADR-5', title: 'Future', status: 'Accepted', decidedOn: '2026-11-19' },
      ],
    });
    expect(s.decided).toEqual([
      { title: 'Drop Mongo', date: '2026-11-17', decision: 'Accepted' },
      { title: 'Use Postgres', date: '2026-10-19', decision: 'Postgres 16 on RDS.' },
    ]);
  });

  it('marks a decision "needs you" when a founder is among its deciders, by email, first name or role', () => {
    const s = summaryOf({
      decision: [
        {
          id: 'ADR-1',
          title: 'A',
          status: 'Proposed',
          deciders: 'Sam, Ann Lee',
          due: '2026-12-20',
        },
        { id: 'ADR-2', title: 'B', status: 'Proposed', deciders: 'Sam' },
        { id: 'ADR-3', title: 'C', status: 'Proposed', deciders: 'bo@acme.io', due: '2026-12-01' },
        { id: 'ADR-4', title: 'D', status: 'Proposed', deciders: 'CTO and founders' },
      ],
    });
    expect(s.needed?.map((d) => [d.title, d.due, d.needsYou])).toEqual([
      ['C', '2026-12-01', true],
      ['A', '2026-12-20', true],
      ['B', '', false],
      ['D', '', true],
    ]);
  });

  it("does not take a decider whose name only contains a founder's for the founder", () => {
    const view = readFounderRecord({
      grid: clientTabGrid(PROFILE),
      formulas: [],
      thresholds: DEFAULT_THRESHOLDS,
    });
    expect(needsFounder('Annabel, Bob', view)).toBe(false);
    expect(needsFounder('ANN', view)).toBe(true);
  });

  it('lists open High and Critical risks only, the gravest first', () => {
    const s = summaryOf({
      risk: [
        risk('R-1', 3, 4, { owner: 'Sam', mitigation: 'Second DBA', due: '2026-12-01' }),
        risk('R-2', 5, 5),
        risk('R-3', 1, 1),
        risk('R-4', 5, 5, { status: 'Closed' }),
      ],
    });
    expect(s.risks).toEqual([
      { risk: 'Risk R-2', band: 'Critical', owner: '', mitigation: '', due: '' },
      { risk: 'Risk R-1', band: 'High', owner: 'Sam', mitigation: 'Second DBA', due: '2026-12-01' },
    ]);
  });

  it('counts open debt per quadrant and names the top three Do-now items with their link', () => {
    const s = summaryOf({
      debt: [
        ...doNow(4),
        { id: 'D-9', title: 'Rewrite', impact: 5, effort: 5, status: 'Open' },
        { id: 'D-10', title: 'Done', impact: 5, effort: 1, status: 'Done' },
        { id: 'D-11', title: 'Unscored', status: 'Open' },
      ],
    });
    expect(s.debt?.open).toEqual([
      { quadrant: 'Do now', count: 4 },
      { quadrant: 'Plan & invest', count: 1 },
      { quadrant: 'Quick win', count: 0 },
      { quadrant: 'Skip for now', count: 0 },
      { quadrant: 'Not yet scored', count: 1 },
    ]);
    // High priority first, then the higher impact.
    expect(s.debt?.doNow).toEqual([
      { title: 'Fix 3', trackedIn: 'https://linear.app/acme/3' },
      { title: 'Fix 2', trackedIn: 'https://linear.app/acme/2' },
      { title: 'Fix 4', trackedIn: 'https://linear.app/acme/4' },
    ]);
  });

  it("gives the last review and the next one by the client's review cadence", () => {
    const s = summaryOf({ review: [{ date: '2026-11-02' }, { date: '2026-11-09' }] });
    expect(s.delivery).toEqual({ lastReview: '2026-11-09', nextReview: '2026-11-23' });
  });

  it('lists goals but not dropped ones', () => {
    const s = summaryOf({
      goal: [
        {
          id: 'G-1',
          goal: 'Ship v2',
          why: 'Series A',
          targetDate: '2027-01-31',
          status: 'On track',
        },
        { id: 'G-2', goal: 'Old idea', status: 'Dropped' },
      ],
    });
    expect(s.goals).toEqual([
      { goal: 'Ship v2', why: 'Series A', targetDate: '2027-01-31', status: 'On track' },
    ]);
  });

  it('says a part is not available, and the Summary incomplete, when its section is withheld', () => {
    const grid = clientTabGrid(PROFILE, { risk: [risk('R-1', 5, 5)] });
    // The Risks header row renamed by hand: the section cannot be read with confidence.
    const header = grid.findIndex((r) => r[0] === 'ID' && r[1] === 'Risk');
    grid[header] = ['Risky things'];
    const view = readFounderRecord({ grid, formulas: [], thresholds: DEFAULT_THRESHOLDS });
    const s = founderSummary({
      view,
      name: 'Acme',
      today: TODAY,
      thisWeek: '',
      focus: [],
      reviewCadenceDays: 7,
    });
    expect(s.risks).toBeNull();
    expect(s.incomplete).toBe(true);
    const rows = summaryGrid(s).rows.map((r) => r.join(' | '));
    expect(rows).toContain('Not available at the moment: your CTO has been told why.');
    expect(rows).toContain(
      ' | Some of the registry could not be included in this update; your CTO has been told.',
    );
  });
});

describe("this month's focus", () => {
  it("keeps the last four weeks' lines, newest first, this week's replacing an earlier one of its week", () => {
    let focus = withFocus([], '2026-10-19', 'A');
    for (const [week, line] of [
      ['2026-10-26', 'B'],
      ['2026-11-02', 'C'],
      ['2026-11-09', 'D'],
      ['2026-11-16', 'E'],
      ['2026-11-16', 'E2'],
    ] as const)
      focus = withFocus(focus, week, line);
    expect(focus).toEqual([
      { week: '2026-11-16', line: 'E2' },
      { week: '2026-11-09', line: 'D' },
      { week: '2026-11-02', line: 'C' },
      { week: '2026-10-26', line: 'B' },
    ]);
  });

  it('keeps one line of a longer text', () => {
    expect(oneLine('First\u2028Beta: second')).toBe('First');
    expect(oneLine('x'.repeat(200), 10)).toBe('xxxxxxxxx…');
  });
});

describe('the Summary tab', () => {
  const s = summaryOf({
    risk: [risk('R-1', 5, 5)],
    decision: [{ id: 'ADR-1', title: 'Pick a queue', status: 'Proposed', deciders: 'Ann' }],
  });
  const grid = summaryGrid(s);

  it('opens with the client, the date and the status coloured by what it says', () => {
    expect(grid.rows.slice(0, 5)).toEqual([
      ['Acme: technology update'],
      ['As of 2026-11-18'],
      [],
      ['Status', 'At risk'],
      ['', 'A critical risk is open: Risk R-1.'],
    ]);
    expect(grid.fills).toContainEqual({ row: 3, column: 1, fill: 'At risk' });
  });

  it('marks a decision that needs the founder in its own coloured cell', () => {
    const row = grid.rows.findIndex((r) => r[0] === 'Pick a queue');
    expect(grid.rows[row]).toEqual(['Pick a queue', 'Ann', '', 'Needs you']);
    expect(grid.fills).toContainEqual({ row, column: 3, fill: 'Needs you' });
  });

  it('says what the CTO works on this week, and the regular review when nothing more', () => {
    expect(grid.rows).toContainEqual(['This week', 'The regular review with your team.']);
  });
});
