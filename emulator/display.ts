/** How Sheets shows a value (`getDisplayValues`) for the number formats the add-on uses. */
import { isDate } from './env.js';
import { formatDatePattern, toSerial } from './time.js';
import type { Scalar } from './workbook.js';

/** Sheets date tokens to Java ones: `m` after `h` or before `s` is minutes, otherwise month. */
function sheetsDateToJava(pattern: string): string {
  const tokens = pattern.match(/(\[[^\]]*\]|"[^"]*"|y+|m+|d+|h+|s+|AM\/PM|.)/gi) ?? [];
  let out = '';
  tokens.forEach((t, i) => {
    const lower = t.toLowerCase();
    if (lower.startsWith('"')) out += `'${t.slice(1, -1)}'`;
    else if (lower === 'am/pm') out += 'a';
    else if (lower.startsWith('y')) out += lower.length <= 2 ? 'yy' : 'yyyy';
    else if (lower.startsWith('d'))
      out += lower.length >= 4 ? 'EEEE' : lower.length === 3 ? 'EEE' : lower;
    else if (lower.startsWith('h')) out += /am\/pm/i.test(pattern) ? lower : lower.toUpperCase();
    else if (lower.startsWith('s')) out += lower;
    else if (lower.startsWith('m')) {
      const prev = tokens
        .slice(0, i)
        .reverse()
        .find((x) => /[a-z]/i.test(x));
      const next = tokens.slice(i + 1).find((x) => /[a-z]/i.test(x));
      const minutes = (prev && /^h/i.test(prev)) || (next && /^s/i.test(next));
      out += minutes
        ? lower
        : lower.length >= 3
          ? 'M'.repeat(lower.length)
          : 'M'.repeat(lower.length);
    } else if (/[a-z]/i.test(t)) out += `'${t}'`;
    else out += t;
  });
  return out;
}

function formatNumber(value: number, pattern: string): string {
  const percent = pattern.includes('%');
  const v = percent ? value * 100 : value;
  const decimals = (/\.([0#]+)/.exec(pattern)?.[1] ?? '').length;
  const grouped = pattern.includes(',');
  const text = v.toLocaleString('en-US', {
    minimumFractionDigits: decimals,
    maximumFractionDigits: decimals,
    useGrouping: grouped,
  });
  // A quoted literal before the digits, as in `"$"#,##0.00`, is shown as it is, before the sign.
  const literal = /^"([^"]*)"/.exec(pattern)?.[1] ?? '';
  const signed = literal && text.startsWith('-') ? `-${literal}${text.slice(1)}` : literal + text;
  return percent ? `${signed}%` : signed;
}

export function displayValue(
  value: Scalar,
  numberFormat: string | undefined,
  timeZone: string,
): string {
  if (value === '') return '';
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (isDate(value)) {
    const pattern = numberFormat && /[ymdhs]/i.test(numberFormat) ? numberFormat : 'M/d/yyyy';
    const java =
      numberFormat && /[ymdhs]/i.test(numberFormat) ? sheetsDateToJava(pattern) : pattern;
    return formatDatePattern(value.getTime(), timeZone, java);
  }
  if (typeof value === 'number') {
    if (numberFormat && /[ymd]/i.test(numberFormat) && !/[#0]/.test(numberFormat)) {
      const ms = Date.UTC(1899, 11, 30) + value * 86400000;
      return formatDatePattern(ms, 'UTC', sheetsDateToJava(numberFormat));
    }
    if (numberFormat && numberFormat !== 'General' && /[#0]/.test(numberFormat)) {
      return formatNumber(value, numberFormat);
    }
    return Number.isInteger(value) ? String(value) : String(Number(value.toPrecision(10)));
  }
  return value;
}

export { toSerial };
