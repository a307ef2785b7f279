import { describe, expect, it } from 'vitest';
import { allowed, isBlankValue, readLabelled } from '../../src/domain/labelled-values.js';

describe('what a labelled value may be, in words', () => {
  it.each([
    ['a number from 0 to 40', { type: 'number', min: 0, max: 40 }],
    ['a whole number from 1 to 90', { type: 'number', min: 1, max: 90, whole: true }],
    ['one of: Active, Paused, Ended', { type: 'choice', choices: ['Active', 'Paused', 'Ended'] }],
    ['a date (YYYY-MM-DD)', { type: 'date' }],
    ['an email address', { type: 'email' }],
    ['a comma-separated list of email addresses', { type: 'emails' }],
    ['text', { type: 'text' }],
  ] as const)('is said as "%s"', (words, rule) => {
    expect(allowed(rule)).toBe(words);
  });
});

describe('a blank value', () => {
  it('is an empty string, null or nothing; a zero or a space is not blank', () => {
    expect(isBlankValue('')).toBe(true);
    expect(isBlankValue(null)).toBe(true);
    expect(isBlankValue(undefined)).toBe(true);
    expect(isBlankValue(0)).toBe(false);
    expect(isBlankValue(' ')).toBe(false);
  });
});

describe('reading a labelled value by its rule', () => {
  const hours = { type: 'number', min: 0, max: 40 } as const;
  const cadence = { type: 'number', min: 1, max: 90, whole: true } as const;

  it('reads a number inside its bounds, the bounds included', () => {
    expect(readLabelled('Hours per week', hours, 0)).toEqual({ value: 0 });
    expect(readLabelled('Hours per week', hours, 2.5)).toEqual({ value: 2.5 });
    expect(readLabelled('Hours per week', hours, 40)).toEqual({ value: 40 });
  });

  it('says why "2h", 41 or a fraction where a whole number is needed cannot be read', () => {
    expect(readLabelled('Hours per week', hours, '2h')).toEqual({
      problem: 'Hours per week must be a number from 0 to 40; found "2h"',
    });
    expect(readLabelled('Hours per week', hours, 41)).toEqual({
      problem: 'Hours per week must be a number from 0 to 40; found "41"',
    });
    expect(readLabelled('Review cadence', cadence, 7.5)).toEqual({
      problem: 'Review cadence must be a whole number from 1 to 90; found "7.5"',
    });
    expect(readLabelled('Review cadence', cadence, Number.NaN)).toHaveProperty('problem');
  });

  it('reads a choice whatever its case, as the choice is spelled', () => {
    const status = { type: 'choice', choices: ['Active', 'Paused', 'Ended'] } as const;
    expect(readLabelled('Status', status, ' paused ')).toEqual({ value: 'Paused' });
    expect(readLabelled('Status', status, 'Gone')).toEqual({
      problem: 'Status must be one of: Active, Paused, Ended; found "Gone"',
    });
  });

  it('reads a real ISO date, or a date cell, and refuses a date that does not exist', () => {
    expect(readLabelled('Engagement start', { type: 'date' }, ' 2026-02-28 ')).toEqual({
      value: '2026-02-28',
    });
    expect(
      readLabelled('Engagement start', { type: 'date' }, new Date(Date.UTC(2026, 0, 5))),
    ).toEqual({ value: '2026-01-05' });
    expect(readLabelled('Engagement start', { type: 'date' }, '2026-02-30')).toEqual({
      problem: 'Engagement start must be a date (YYYY-MM-DD); found "2026-02-30"',
    });
    expect(readLabelled('Engagement start', { type: 'date' }, '5 Jan 2026')).toHaveProperty(
      'problem',
    );
  });

  it('reads one email address, trimmed', () => {
    expect(readLabelled('Summary email', { type: 'email' }, ' cto@example.com ')).toEqual({
      value: 'cto@example.com',
    });
    expect(readLabelled('Summary email', { type: 'email' }, 'cto at example')).toEqual({
      problem: 'Summary email must be an email address; found "cto at example"',
    });
  });

  it('reads a list of emails split on commas or semicolons, and names the wrong one', () => {
    expect(
      readLabelled('Founder emails', { type: 'emails' }, 'jane@acme.com; john@acme.com,'),
    ).toEqual({ value: 'jane@acme.com, john@acme.com' });
    expect(readLabelled('Founder emails', { type: 'emails' }, 'jane@acme.com, x')).toEqual({
      problem: 'Founder emails: "x" is not an email address',
    });
  });

  it('reads text trimmed, and shortens a long wrong value in the reason', () => {
    expect(readLabelled('Lead engineer', { type: 'text' }, '  Sam ')).toEqual({ value: 'Sam' });
    const long = 'x'.repeat(50);
    expect(readLabelled('Hours per week', hours, long)).toEqual({
      problem: `Hours per week must be a number from 0 to 40; found "${'x'.repeat(40)}…"`,
    });
  });
});
