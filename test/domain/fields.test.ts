import { describe, expect, it } from 'vitest';
import {
  MAX_TEXT,
  choice,
  dateBase,
  emails,
  isEmail,
  isoDate,
  link,
  optionalChoice,
  optionalText,
  requiredText,
  scaleBase,
  tagsBase,
} from '../../src/domain/fields.js';
import { isIsoDate, isRealDate } from '../../src/domain/dates.js';

function firstMessage(result: { success: boolean; error?: { issues: { message: string }[] } }) {
  return result.error?.issues[0]?.message;
}

describe('a real calendar date', () => {
  it('exists in the calendar, leap days only in leap years', () => {
    expect(isRealDate('2026-11-18')).toBe(true);
    expect(isRealDate('2024-02-29')).toBe(true);
    expect(isRealDate('2026-02-29')).toBe(false);
    expect(isRealDate('2026-04-31')).toBe(false);
    expect(isRealDate('2026-13-01')).toBe(false);
    expect(isRealDate('2026-00-10')).toBe(false);
  });

  it('is written YYYY-MM-DD and names a day that exists, as typed dates are checked everywhere', () => {
    expect(isIsoDate('2026-11-18')).toBe(true);
    expect(isIsoDate('2026-02-29')).toBe(false);
    expect(isIsoDate('2026-11-8')).toBe(false);
    expect(isIsoDate('18/11/2026')).toBe(false);
    expect(isIsoDate('2026-11-18T10:00')).toBe(false);
  });
});

describe('text fields', () => {
  it('a required field is trimmed and must not be blank', () => {
    const title = requiredText('Title');
    expect(title.parse('  Flaky CI  ')).toBe('Flaky CI');
    expect(firstMessage(title.safeParse('   '))).toBe('Title is required.');
    expect(firstMessage(title.safeParse(undefined))).toBe('Title is required.');
  });

  it('a required field is at most 200 characters unless told otherwise', () => {
    expect(requiredText('Title').safeParse('x'.repeat(200)).success).toBe(true);
    expect(firstMessage(requiredText('Title').safeParse('x'.repeat(201)))).toBe(
      'Title must be at most 200 characters.',
    );
    expect(firstMessage(requiredText('Goal', 10).safeParse('x'.repeat(11)))).toBe(
      'Goal must be at most 10 characters.',
    );
  });

  it('an optional field is empty when left out and at most 5,000 characters', () => {
    expect(MAX_TEXT).toBe(5000);
    expect(optionalText('Notes').parse(undefined)).toBe('');
    expect(optionalText('Notes').parse(' kept ')).toBe('kept');
    expect(firstMessage(optionalText('Notes').safeParse('x'.repeat(5001)))).toBe(
      'Notes must be at most 5000 characters.',
    );
    expect(firstMessage(optionalText('Notes').safeParse(12))).toBe('Notes must be text.');
  });
});

describe('date fields', () => {
  it('take a real date written YYYY-MM-DD, or nothing', () => {
    expect(isoDate('Due').parse(undefined)).toBe('');
    expect(isoDate('Due').parse(' 2026-11-18 ')).toBe('2026-11-18');
    expect(dateBase('Due').parse('')).toBe('');
  });

  it('refuse a date that does not exist or is written another way', () => {
    expect(firstMessage(dateBase('Due').safeParse('2026-02-30'))).toBe(
      'Due must be a real date written YYYY-MM-DD.',
    );
    expect(firstMessage(dateBase('Due').safeParse('18/11/2026'))).toBe(
      'Due must be a real date written YYYY-MM-DD.',
    );
    expect(firstMessage(dateBase('Due').safeParse(20261118))).toBe(
      'Due must be a date (YYYY-MM-DD).',
    );
  });
});

describe('impact, effort and likelihood scales', () => {
  it('take a whole number from 1 to 5, or nothing', () => {
    expect(scaleBase('Impact').parse(1)).toBe(1);
    expect(scaleBase('Impact').parse(5)).toBe(5);
    expect(scaleBase('Impact').parse(null)).toBeNull();
  });

  it.each([[0], [6], [2.5], ['3']])('refuse %s', (value) => {
    expect(firstMessage(scaleBase('Impact').safeParse(value))).toBe(
      'Impact must be a whole number from 1 to 5.',
    );
  });
});

describe('link fields', () => {
  it('take an http or https address, or nothing', () => {
    expect(link('Link').parse(undefined)).toBe('');
    expect(link('Link').parse(' https://linear.app/acme/issue/ACM-1 ')).toBe(
      'https://linear.app/acme/issue/ACM-1',
    );
    expect(link('Link').parse('HTTP://example.com')).toBe('HTTP://example.com');
  });

  it('refuse any other kind of address', () => {
    for (const bad of ['javascript:alert(1)', 'ftp://x.io', 'linear.app/acme', 'https://a b']) {
      expect(firstMessage(link('Link').safeParse(bad))).toBe(
        'Link must be a web address starting with https:// (or left empty).',
      );
    }
  });
});

describe('tag fields', () => {
  it('are a comma list kept trimmed, lower case and unique', () => {
    expect(tagsBase('Tags').parse(' Postgres, auth,, POSTGRES ,')).toEqual(['postgres', 'auth']);
    expect(tagsBase('Tags').parse('')).toEqual([]);
  });

  it('are at most 20 tags of at most 40 characters each', () => {
    const twenty = Array.from({ length: 20 }, (_, i) => `t${i}`).join(',');
    expect(tagsBase('Tags').parse(twenty)).toHaveLength(20);
    expect(firstMessage(tagsBase('Tags').safeParse(`${twenty},t20`))).toBe(
      'Tags: at most 20 tags.',
    );
    expect(firstMessage(tagsBase('Tags').safeParse(`ok, ${'x'.repeat(41)}`))).toBe(
      'Tags: each tag must be at most 40 characters.',
    );
  });
});

describe('email fields', () => {
  it('an address has one @, a dot in its domain and no spaces, commas or semicolons', () => {
    expect(isEmail('jane@acme.com')).toBe(true);
    expect(isEmail('jane.doe+cto@acme.co.uk')).toBe(true);
    expect(isEmail('jane@acme')).toBe(false);
    expect(isEmail('jane@@acme.com')).toBe(false);
    expect(isEmail('jane doe@acme.com')).toBe(false);
    expect(isEmail('jane@acme.com,john@acme.com')).toBe(false);
  });

  it('a list of addresses is empty when left out and names the first wrong one', () => {
    expect(emails('Founder emails').parse(undefined)).toEqual([]);
    expect(emails('Founder emails').parse('Jane@Acme.com;john@acme.com')).toEqual([
      'jane@acme.com',
      'john@acme.com',
    ]);
    expect(firstMessage(emails('Founder emails').safeParse('jane@acme.com, nobody'))).toBe(
      'Founder emails: "nobody" is not an email address.',
    );
  });
});

describe('choice fields', () => {
  it('take one of the listed values exactly, and list them when refused', () => {
    const priority = choice('Priority', ['High', 'Medium', 'Low']);
    expect(priority.parse('High')).toBe('High');
    expect(firstMessage(priority.safeParse('Urgent'))).toBe(
      'Priority must be one of: High, Medium, Low.',
    );
  });

  it('an optional choice may be left empty', () => {
    const status = optionalChoice('Status', ['Open', 'Done']);
    expect(status.parse(undefined)).toBe('');
    expect(status.parse('')).toBe('');
    expect(status.parse('Done')).toBe('Done');
    expect(firstMessage(status.safeParse('Closed'))).toBe(
      'Status must be one of: Open, Done (or left empty).',
    );
  });
});
