/**
 * Time-zone arithmetic for the emulated services. Apps Script works in the spreadsheet's
 * time zone; Node's Intl gives us the offsets, so the emulator needs no time-zone data of its own.
 */

interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  weekday: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      weekday: 'short',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

/** Intl is slow and the same instants recur (every date cell of a restored spreadsheet). */
const wallClocks = new Map<string, WallClock>();

export function wallClock(ms: number, timeZone: string): WallClock {
  const key = `${timeZone}|${ms}`;
  const known = wallClocks.get(key);
  if (known) return { ...known };
  if (wallClocks.size > 50_000) wallClocks.clear();
  const computed = computeWallClock(ms, timeZone);
  wallClocks.set(key, computed);
  return { ...computed };
}

function computeWallClock(ms: number, timeZone: string): WallClock {
  const parts = formatterFor(timeZone).formatToParts(new Date(ms));
  const get = (type: string): string => parts.find((p) => p.type === type)?.value ?? '0';
  return {
    year: Number(get('year')),
    month: Number(get('month')),
    day: Number(get('day')),
    hour: Number(get('hour')),
    minute: Number(get('minute')),
    second: Number(get('second')),
    weekday: WEEKDAYS.indexOf(get('weekday')),
  };
}

/** The instant at which the wall clock in `timeZone` shows the given local time. */
export function zonedTime(
  timeZone: string,
  year: number,
  month: number,
  day: number,
  hour = 0,
  minute = 0,
  second = 0,
): number {
  const asUtc = Date.UTC(year, month - 1, day, hour, minute, second);
  let guess = asUtc;
  for (let i = 0; i < 3; i++) {
    const w = wallClock(guess, timeZone);
    const shown = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
    const drift = shown - asUtc;
    if (drift === 0) break;
    guess -= drift;
  }
  return guess;
}

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
const DAY_NAMES = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

function offsetText(ms: number, timeZone: string, colon: boolean): string {
  const w = wallClock(ms, timeZone);
  const shown = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  const minutes = Math.round((shown - Math.floor(ms / 1000) * 1000) / 60000);
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  const hh = String(Math.floor(abs / 60)).padStart(2, '0');
  const mm = String(abs % 60).padStart(2, '0');
  return `${sign}${hh}${colon ? ':' : ''}${mm}`;
}

/** Java SimpleDateFormat patterns, as `Utilities.formatDate` takes them. */
export function formatDatePattern(ms: number, timeZone: string, pattern: string): string {
  const w = wallClock(ms, timeZone);
  let out = '';
  let i = 0;
  while (i < pattern.length) {
    const ch = pattern[i] as string;
    if (ch === "'") {
      const end = pattern.indexOf("'", i + 1);
      const literal = end < 0 ? pattern.slice(i + 1) : pattern.slice(i + 1, end);
      out += literal === '' ? "'" : literal;
      i = end < 0 ? pattern.length : end + 1;
      continue;
    }
    if (!/[A-Za-z]/.test(ch)) {
      out += ch;
      i++;
      continue;
    }
    let n = 1;
    while (pattern[i + n] === ch) n++;
    i += n;
    const pad = (v: number): string => String(v).padStart(n, '0');
    switch (ch) {
      case 'y':
        out += n === 2 ? String(w.year % 100).padStart(2, '0') : pad(w.year);
        break;
      case 'M':
        out +=
          n >= 4 ? MONTHS[w.month - 1] : n === 3 ? MONTHS[w.month - 1]?.slice(0, 3) : pad(w.month);
        break;
      case 'd':
        out += pad(w.day);
        break;
      case 'H':
        out += pad(w.hour);
        break;
      case 'h':
        out += pad(w.hour % 12 === 0 ? 12 : w.hour % 12);
        break;
      case 'm':
        out += pad(w.minute);
        break;
      case 's':
        out += pad(w.second);
        break;
      case 'S':
        out += String(ms % 1000)
          .padStart(3, '0')
          .slice(0, n);
        break;
      case 'E':
        out += n >= 4 ? DAY_NAMES[w.weekday] : DAY_NAMES[w.weekday]?.slice(0, 3);
        break;
      case 'u':
        out += String(w.weekday === 0 ? 7 : w.weekday);
        break;
      case 'a':
        out += w.hour < 12 ? 'AM' : 'PM';
        break;
      case 'Z':
        out += offsetText(ms, timeZone, false);
        break;
      case 'X':
        out += offsetText(ms, timeZone, n >= 3);
        break;
      case 'z':
        out += timeZone;
        break;
      default:
        throw new Error(`Illegal pattern character '${ch}'`);
    }
  }
  return out;
}

/** Days since 1899-12-30 in `timeZone`, the serial number Sheets gives a date. */
export function toSerial(ms: number, timeZone: string): number {
  const w = wallClock(ms, timeZone);
  const local = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  return (local - Date.UTC(1899, 11, 30)) / 86400000;
}

export function fromSerial(serial: number, timeZone: string): number {
  const localMs = Date.UTC(1899, 11, 30) + Math.round(serial * 86400000);
  const d = new Date(localMs);
  return zonedTime(
    timeZone,
    d.getUTCFullYear(),
    d.getUTCMonth() + 1,
    d.getUTCDate(),
    d.getUTCHours(),
    d.getUTCMinutes(),
    d.getUTCSeconds(),
  );
}
