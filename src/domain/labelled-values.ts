/**
 * Reading one labelled value (a client's profile row, a setting) by its rule, or saying why it
 * cannot be read: the same kind of reason a section cell gets, so every tab reports alike.
 */
import { isIsoDate } from './dates.js';
import { isEmail } from './fields.js';

export type ValueRule =
  | { type: 'number'; min: number; max: number; whole?: boolean }
  | { type: 'choice'; choices: readonly string[] }
  | { type: 'date' }
  | { type: 'email' }
  | { type: 'emails' }
  | { type: 'text' };

export type LabelledRead<T> = { value: T } | { problem: string };

function shown(v: unknown): string {
  const s = v instanceof Date ? v.toISOString().slice(0, 10) : String(v);
  return s.length > 40 ? `${s.slice(0, 40)}…` : s;
}

export function isBlankValue(raw: unknown): boolean {
  return raw === '' || raw === null || raw === undefined;
}

/** What `rule` allows, in words: "a number from 0 to 40". */
export function allowed(rule: ValueRule): string {
  switch (rule.type) {
    case 'number':
      return `${rule.whole ? 'a whole number' : 'a number'} from ${rule.min} to ${rule.max}`;
    case 'choice':
      return `one of: ${rule.choices.join(', ')}`;
    case 'date':
      return 'a date (YYYY-MM-DD)';
    case 'email':
      return 'an email address';
    case 'emails':
      return 'a comma-separated list of email addresses';
    case 'text':
      return 'text';
  }
}

/** A non-blank value read by its rule; the caller decides what a blank means. */
export function readLabelled(
  label: string,
  rule: ValueRule,
  raw: unknown,
): LabelledRead<string | number> {
  const problem = { problem: `${label} must be ${allowed(rule)}; found "${shown(raw)}"` };
  switch (rule.type) {
    case 'number':
      if (
        typeof raw !== 'number' ||
        !Number.isFinite(raw) ||
        (rule.whole && !Number.isInteger(raw)) ||
        raw < rule.min ||
        raw > rule.max
      )
        return problem;
      return { value: raw };
    case 'choice': {
      const text = String(raw).trim().toLowerCase();
      const match = rule.choices.find((c) => c.toLowerCase() === text);
      return match === undefined ? problem : { value: match };
    }
    case 'date': {
      // Readers turn the sheet's dates into ISO dates in its zone before the domain sees them.
      const text = raw instanceof Date ? shown(raw) : String(raw).trim();
      return isIsoDate(text) ? { value: text } : problem;
    }
    case 'email': {
      const text = String(raw).trim();
      return isEmail(text) ? { value: text } : problem;
    }
    case 'emails': {
      const list = String(raw)
        .split(/[,;]/)
        .map((e) => e.trim())
        .filter(Boolean);
      const wrong = list.find((e) => !isEmail(e));
      if (wrong === undefined) return { value: list.join(', ') };
      return { problem: `${label}: "${shown(wrong)}" is not an email address` };
    }
    case 'text':
      return { value: String(raw).trim() };
  }
}
