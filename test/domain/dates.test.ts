import { describe, expect, it } from 'vitest';
import { addDays, daysBetween, median } from '../../src/domain/dates.js';

describe('days between two dates', () => {
  it('counts whole calendar days, negative when the second date is earlier', () => {
    expect(daysBetween('2026-11-18', '2026-11-18')).toBe(0);
    expect(daysBetween('2026-11-09', '2026-11-18')).toBe(9);
    expect(daysBetween('2026-11-18', '2026-11-09')).toBe(-9);
  });

  it('is not thrown off by a clock change: spring and autumn, in Europe and the US', () => {
    // Europe moves its clocks on 2026-03-29 and 2026-10-25, the US on 2026-03-08 and 2026-11-01.
    expect(daysBetween('2026-03-28', '2026-03-30')).toBe(2);
    expect(daysBetween('2026-10-24', '2026-10-26')).toBe(2);
    expect(daysBetween('2026-03-07', '2026-03-09')).toBe(2);
    expect(daysBetween('2026-10-31', '2026-11-02')).toBe(2);
    expect(daysBetween('2026-03-01', '2026-04-01')).toBe(31);
  });

  it('crosses month, year and leap-day ends', () => {
    expect(daysBetween('2026-10-28', '2026-11-02')).toBe(5);
    expect(daysBetween('2025-12-31', '2026-01-01')).toBe(1);
    expect(daysBetween('2024-02-28', '2024-03-01')).toBe(2);
    expect(daysBetween('2026-02-28', '2026-03-01')).toBe(1);
    expect(daysBetween('2025-01-01', '2026-01-01')).toBe(365);
  });
});

describe('adding days to a date', () => {
  it('rolls over the end of a month and of a year', () => {
    expect(addDays('2026-01-31', 1)).toBe('2026-02-01');
    expect(addDays('2026-04-30', 1)).toBe('2026-05-01');
    expect(addDays('2025-12-31', 1)).toBe('2026-01-01');
    expect(addDays('2025-12-29', 6)).toBe('2026-01-04');
  });

  it('goes back across a month and a year end with a negative count', () => {
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
    expect(addDays('2026-01-01', -1)).toBe('2025-12-31');
  });

  it('keeps leap days only in leap years, and adding nothing keeps the date', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2026-02-28', 1)).toBe('2026-03-01');
    expect(addDays('2026-11-18', 0)).toBe('2026-11-18');
  });

  it('lands on the same day across a clock change', () => {
    expect(addDays('2026-03-28', 1)).toBe('2026-03-29');
    expect(addDays('2026-03-29', 1)).toBe('2026-03-30');
    expect(addDays('2026-10-25', 1)).toBe('2026-10-26');
  });
});

describe('the median of a list of numbers', () => {
  it('is the middle value of an odd count, whatever the order', () => {
    expect(median([10, 4, 5])).toBe(5);
    expect(median([7])).toBe(7);
  });

  it('is the mean of the two middle values of an even count', () => {
    expect(median([10, 4, 5, 4])).toBe(4.5);
    expect(median([1, 2])).toBe(1.5);
  });

  it('is nothing for an empty list', () => {
    expect(median([])).toBeNull();
  });

  it('leaves the list it is given in its own order', () => {
    const days = [10, 4, 5];
    median(days);
    expect(days).toEqual([10, 4, 5]);
  });
});
