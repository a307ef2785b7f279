import { describe, expect, it } from 'vitest';
import {
  PLAN_HISTORY_HEADER,
  hoursOfLastWeeks,
  hoursTakenText,
  migratedHistory,
  readPlanHistory,
} from '../../src/domain/plan-history.js';

const header = [...PLAN_HISTORY_HEADER];

describe('Plan History read by header name', () => {
  it('reads each row into typed values, a closed week by its Entries done', () => {
    const read = readPlanHistory([
      ['Plan history'],
      header,
      ['2026-11-16', '7', 'Acme', 2, 1.5, 3, 6, 'Risk R-1', '2026-11-16 07:00'],
      ['2026-11-23', '7', 'Acme', 2, '', '', 5, 'Decision ADR-1', '2026-11-23 07:00'],
    ]);
    expect(read.headerRow).toBe(2);
    expect(read.old).toBe(false);
    expect(read.problems).toEqual([]);
    expect(read.rows).toEqual([
      {
        row: 3,
        weekStart: '2026-11-16',
        clientId: '7',
        client: 'Acme',
        plannedHours: 2,
        actualHours: 1.5,
        entriesDone: 3,
        entriesPlanned: 6,
        focus: 'Risk R-1',
        generatedAt: '2026-11-16 07:00',
        closed: true,
      },
      {
        row: 4,
        weekStart: '2026-11-23',
        clientId: '7',
        client: 'Acme',
        plannedHours: 2,
        actualHours: null,
        entriesDone: null,
        entriesPlanned: 5,
        focus: 'Decision ADR-1',
        generatedAt: '2026-11-23 07:00',
        closed: false,
      },
    ]);
  });

  it('reads columns in any order, and reports a cell it cannot read without losing the row', () => {
    const read = readPlanHistory([
      ['Client', 'Week starting', 'Actual hours', 'Client ID', 'Entries done'],
      ['Acme', '2026-11-16', 'about two', '7', 2],
    ]);
    expect(read.rows.map((r) => [r.client, r.weekStart, r.actualHours, r.closed])).toEqual([
      ['Acme', '2026-11-16', null, true],
    ]);
    expect(read.problems).toEqual([
      {
        tab: 'Plan History',
        cell: 'C2',
        reason:
          'Actual hours must be a number; found "about two". The row is kept and read without it.',
      },
    ]);
  });

  it('reads the header before the week could be closed, Hours as planned and Agenda items as entries', () => {
    const read = readPlanHistory([
      ['Plan history'],
      ['Week starting', 'Client', 'Hours', 'Agenda items', 'Overdue', 'Generated at'],
      ['2026-11-09', 'Acme', 2, 7, 1, '2026-11-09 07:00'],
    ]);
    expect(read.old).toBe(true);
    expect(read.rows.map((r) => [r.client, r.plannedHours, r.entriesPlanned, r.closed])).toEqual([
      ['Acme', 2, 7, false],
    ]);
  });
});

describe('migrating the old header', () => {
  it('keeps every row in its place, finds Client ID by name, and keeps Overdue in a column of its own', () => {
    const grid = [
      ['Plan history'],
      ['Week starting', 'Client', 'Hours', 'Agenda items', 'Overdue', 'Generated at'],
      ['2026-11-09', 'Acme', 2, 7, 1, '2026-11-09 07:00'],
      ['2026-11-09', 'Gone Ltd', 1, 4, 0, '2026-11-09 07:00'],
    ];
    expect(migratedHistory(grid, 2, new Map([['acme', '7']]))).toEqual([
      ['2026-11-09', '7', 'Acme', 2, '', '', 7, '', '2026-11-09 07:00', 1],
      ['2026-11-09', '', 'Gone Ltd', 1, '', '', 4, '', '2026-11-09 07:00', 0],
    ]);
  });
});

describe('planned against actual hours', () => {
  const row = (week: string, planned: number, actual: number | '', done: number | '') => [
    week,
    '7',
    'Acme',
    planned,
    actual,
    done,
    5,
    '',
    '',
  ];

  it('sums the last four closed weeks of each client, open weeks left out', () => {
    const { rows } = readPlanHistory([
      header,
      row('2026-10-19', 9, 9, 1),
      row('2026-10-26', 2, 1, 1),
      row('2026-11-02', 2, 2.5, 3),
      row('2026-11-09', 2, '', 0),
      row('2026-11-16', 2, 1.5, 4),
      row('2026-11-23', 2, '', ''),
    ]);
    const hours = hoursOfLastWeeks(rows).get('7');
    expect(hours).toEqual({ weeks: 4, planned: 8, actual: 5, recorded: 3 });
    expect(hoursTakenText(hours)).toBe('8 h planned, 5 h actual (3 of 4 weeks recorded)');
    expect(hoursTakenText(undefined)).toBe('');
  });

  it('says "4 weeks" when every week has its Actual hours, a 0 typed counting as recorded', () => {
    const { rows } = readPlanHistory([
      header,
      row('2026-10-26', 2, 0, 1),
      row('2026-11-02', 2, 2.5, 3),
      row('2026-11-09', 2, 1, 0),
      row('2026-11-16', 2, 1.5, 4),
    ]);
    const hours = hoursOfLastWeeks(rows).get('7');
    expect(hours).toEqual({ weeks: 4, planned: 8, actual: 5, recorded: 4 });
    expect(hoursTakenText(hours)).toBe('8 h planned, 5 h actual (4 weeks)');
  });

  it('a week closed with Actual hours left blank records no actual hours, and the Overview says the week was not recorded', () => {
    const { rows } = readPlanHistory([
      header,
      row('2026-11-09', 6, '', 2),
      row('2026-11-16', 6, 2, 3),
    ]);
    expect(rows.map((r) => r.actualHours)).toEqual([null, 2]);
    const hours = hoursOfLastWeeks(rows).get('7');
    expect(hours).toEqual({ weeks: 2, planned: 12, actual: 2, recorded: 1 });
    expect(hoursTakenText(hours)).toBe('12 h planned, 2 h actual (1 of 2 weeks recorded)');
    const none = hoursOfLastWeeks(readPlanHistory([header, row('2026-11-09', 6, '', 2)]).rows);
    expect(hoursTakenText(none.get('7'))).toBe('6 h planned, actual not recorded (1 week)');
  });
});
