/** ISO calendar dates (YYYY-MM-DD), compared and subtracted as days. */

/** Text in the form of an ISO date, whether or not the day exists. */
export const ISO_DATE_FORM = /^\d{4}-\d{2}-\d{2}$/;

/** A day that exists (not 2026-02-30), given as YYYY-MM-DD. */
export function isRealDate(iso: string): boolean {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** An ISO date naming a day that exists: the one test of a date typed or read as text. */
export function isIsoDate(text: string): boolean {
  return ISO_DATE_FORM.test(text) && isRealDate(text);
}

/** The day an ISO date names, counted from 1970-01-01. */
export function dayNumber(iso: string): number {
  return Math.round(
    Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) /
      86400000,
  );
}

export function daysBetween(from: string, to: string): number {
  return dayNumber(to) - dayNumber(from);
}

export function addDays(iso: string, days: number): string {
  const d = new Date(
    Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10)) + days),
  );
  return d.toISOString().slice(0, 10);
}

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}
