/**
 * What Sheets makes of a string typed into a cell. A script's `setValue(s)` and the Sheets API's
 * USER_ENTERED are read the same way ("parsed as if the user typed them into the UI",
 * https://developers.google.com/sheets/api/reference/rest/v4/ValueInputOption), so this is the one
 * parser for all three. The locale is en_US, as the emulator's default date display (M/d/yyyy).
 */
import { zonedTime } from './time.js';
import type { Content } from './workbook.js';

const NUMBER_TEXT = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const GROUPED_NUMBER = /^([+-]?)(\d{1,3}(?:,\d{3})+)(\.\d+)?$/;
const PERCENT = /^([+-]?(?:\d+\.?\d*|\.\d+))%$/;
const CURRENCY = /^([+-]?)\$(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?$/;
const ISO_DATE = /^(\d{4})([-/])(\d{1,2})\2(\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;
const US_DATE = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?: (\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;

export interface TypingContext {
  /** The spreadsheet's time zone: a typed date is that day's midnight there. */
  timeZone: string;
  /** The cell's number format before the input: plain text (`@`) keeps what is typed as text. */
  numberFormat?: string | undefined;
}

/**
 * The content a typed string gives: empty, a formula (`=…`, or `+…`/`-…` that is not a number),
 * text behind a leading apostrophe (which is not kept), a number (plain, grouped `1,234.5`,
 * `12%`, `$1,234.50`), TRUE/FALSE in any case, a date or date-time (`2026-11-18`, `2026/11/18`,
 * `11/18/2026`, with `hh:mm[:ss]`), else the text as typed. A number or date typed this way also
 * gives the cell the number format Sheets picks for it, unless the cell already has one.
 */
export function typedContent(text: string, context: TypingContext): Content {
  if (text === '') return { kind: 'empty' };
  if (context.numberFormat === '@') return { kind: 'value', value: text };
  if (text.startsWith("'")) return { kind: 'value', value: text.slice(1) };
  if (text.startsWith('=') && text.length > 1) return { kind: 'formula', formula: text };
  if (NUMBER_TEXT.test(text)) return { kind: 'value', value: Number(text) };
  if (/^(true|false)$/i.test(text)) return { kind: 'value', value: /^true$/i.test(text) };
  const number = formattedNumber(text);
  if (number) return number;
  if ((text.startsWith('+') || text.startsWith('-')) && text.length > 1) {
    // Sheets takes a leading + or - as the start of a formula.
    return { kind: 'formula', formula: `=${text}` };
  }
  return typedDate(text, context.timeZone) ?? { kind: 'value', value: text };
}

function formattedNumber(text: string): Content | null {
  const grouped = GROUPED_NUMBER.exec(text);
  if (grouped) {
    const [, sign, whole, fraction] = grouped;
    return {
      kind: 'value',
      value: Number(`${sign}${whole!.replace(/,/g, '')}${fraction ?? ''}`),
      numberFormat: fraction ? '#,##0.00' : '#,##0',
    };
  }
  const percent = PERCENT.exec(text);
  if (percent) {
    const digits = percent[1]!;
    return {
      kind: 'value',
      value: Number(digits) / 100,
      numberFormat: digits.includes('.') ? '0.00%' : '0%',
    };
  }
  const currency = CURRENCY.exec(text);
  if (currency) {
    const [, sign, whole, fraction] = currency;
    return {
      kind: 'value',
      value: Number(`${sign}${whole!.replace(/,/g, '')}${fraction ?? ''}`),
      numberFormat: '"$"#,##0.00',
    };
  }
  return null;
}

function typedDate(text: string, timeZone: string): Content | null {
  const iso = ISO_DATE.exec(text);
  const us = iso ? null : US_DATE.exec(text);
  const parts = iso
    ? [iso[1], iso[3], iso[4], iso[5], iso[6], iso[7]]
    : us
      ? [us[3], us[1], us[2], us[4], us[5], us[6]]
      : null;
  if (!parts) return null;
  const [y, m, d, hh, mm, ss] = parts.map((p) => (p === undefined ? 0 : Number(p))) as number[];
  const probe = new Date(Date.UTC(y!, m! - 1, d!));
  const real =
    probe.getUTCFullYear() === y && probe.getUTCMonth() === m! - 1 && probe.getUTCDate() === d;
  // An impossible date such as 2026-02-30 stays text, as Sheets leaves it.
  if (!real || hh! >= 24 || mm! >= 60 || ss! >= 60) return null;
  const withTime = parts[3] !== undefined;
  const day = iso ? 'yyyy-mm-dd' : 'M/d/yyyy';
  return {
    kind: 'value',
    value: new Date(zonedTime(timeZone, y!, m!, d!, hh, mm, ss)),
    numberFormat: withTime ? `${day} ${iso ? 'hh:mm:ss' : 'H:mm:ss'}` : day,
  };
}
