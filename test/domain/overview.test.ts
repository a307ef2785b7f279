import { describe, expect, it } from 'vitest';
import { overviewRow } from '../../src/domain/overview.js';
import { client, item } from './registry-fixture.js';

const TODAY = '2026-11-18';

const acme = client({
  id: '7',
  name: 'Acme',
  stage: 'Series A',
  status: '',
  hoursPerWeek: 6,
  items: {
    debt: [
      item('debt', 'D-1', { priority: 'High', status: '', quadrant: 'Do now' }),
      item('debt', 'D-2', { priority: 'High', status: 'In progress', quadrant: 'Plan & invest' }),
      item('debt', 'D-3', { priority: 'Medium', status: 'Done', quadrant: 'Do now' }),
      item('debt', 'D-4', { priority: 'Low', status: 'Open', quadrant: 'Do now' }),
      item('debt', 'D-5', { priority: 'Medium', status: "Won't fix", quadrant: 'Quick win' }),
    ],
    risk: [
      item('risk', 'R-1', { band: 'Critical', status: '', due: '2026-11-01' }),
      item('risk', 'R-2', { band: 'High', status: 'Mitigating', due: '' }),
      item('risk', 'R-3', { band: 'High', status: 'Closed', due: '2026-01-01' }),
      item('risk', 'R-4', { band: 'Medium', status: 'Open', due: '2026-12-01' }),
    ],
    decision: [
      item('decision', 'ADR-1', {
        status: 'Proposed',
        proposedOn: '2026-10-01',
        due: '2026-11-10',
      }),
      item('decision', 'ADR-2', {
        status: 'Accepted',
        proposedOn: '2026-09-01',
        decidedOn: '2026-09-11',
      }),
      item('decision', 'ADR-3', {
        status: 'Accepted',
        proposedOn: '2026-10-01',
        decidedOn: '2026-10-05',
      }),
      item('decision', 'ADR-4', {
        status: 'Rejected',
        proposedOn: '2026-10-28',
        decidedOn: '2026-11-02',
      }),
      item('decision', 'ADR-5', { status: 'Superseded', due: '2026-01-01' }),
    ],
    goal: [
      item('goal', 'G-1', { status: 'On track', targetDate: '2026-11-17' }),
      item('goal', 'G-2', { status: 'Done', targetDate: '2026-10-01' }),
      item('goal', 'G-3', { status: '', targetDate: TODAY }),
    ],
    review: [
      item('review', '', { date: '2026-11-02' }),
      item('review', '', { date: '' }),
      item('review', '', { date: '2026-11-09' }),
      item('review', '', { date: '2026-10-26' }),
    ],
  },
});

describe("a client's Overview row", () => {
  const row = overviewRow(acme, TODAY);

  it('carries the profile as typed', () => {
    expect(row).toMatchObject({
      clientId: '7',
      name: 'Acme',
      stage: 'Series A',
      status: '',
      hoursPerWeek: 6,
    });
  });

  it('counts open debt by priority, a blank status counting as open', () => {
    // Open: D-1 (blank), D-2 (In progress), D-4 (Open); D-3 is Done and D-5 Won't fix.
    expect(row.openDebt).toEqual({ High: 2, Medium: 0, Low: 1 });
  });

  it('counts Do-now items among open debt only', () => {
    // D-1 and D-4; D-3 is Do now but Done.
    expect(row.doNow).toBe(2);
  });

  it('counts pending decisions: Proposed only', () => {
    expect(row.pendingDecisions).toBe(1);
  });

  it('counts overdue open risks, pending decisions and unfinished goals, not one due today', () => {
    // R-1 (open, due 1 Nov), ADR-1 (Proposed, due 10 Nov), G-1 (On track, target 17 Nov).
    // R-3 is Closed, ADR-5 Superseded, G-2 Done, G-3 due today.
    expect(row.overdue).toBe(3);
  });

  it('counts open High and Critical risks, a blank status counting as open', () => {
    // R-1 Critical (blank status), R-2 High (Mitigating); R-3 is High but Closed.
    expect(row.openHighRisks).toBe(2);
  });

  it('takes the latest review date and the days since it', () => {
    expect(row.lastReview).toBe('2026-11-09');
    expect(row.daysSinceReview).toBe(9);
  });

  it('shows the median decision cycle time, Decided on − Proposed on, of an odd count', () => {
    // ADR-2: 10 days, ADR-3: 4 days, ADR-4: 5 days (across the end of October) → median 5.
    expect(row.medianDecisionDays).toBe(5);
  });

  it('shows the mean of the middle two cycle times for an even count', () => {
    const more = client({
      items: {
        ...acme.items,
        decision: [
          ...acme.items.decision,
          // 26 Feb to 2 Mar 2026, not a leap year: 4 days.
          item('decision', 'ADR-6', {
            status: 'Accepted',
            proposedOn: '2026-02-26',
            decidedOn: '2026-03-02',
          }),
        ],
      },
    });
    // 4, 4, 5, 10 → (4 + 5) / 2.
    expect(overviewRow(more, TODAY).medianDecisionDays).toBe(4.5);
  });

  it('shows nothing for a client with no review and no decided decision', () => {
    const fresh = overviewRow(client({ hoursPerWeek: null }), TODAY);
    expect(fresh).toMatchObject({
      hoursPerWeek: null,
      lastReview: '',
      daysSinceReview: null,
      openDebt: { High: 0, Medium: 0, Low: 0 },
      doNow: 0,
      pendingDecisions: 0,
      overdue: 0,
      openHighRisks: 0,
      medianDecisionDays: null,
    });
  });
});
