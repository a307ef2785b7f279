/**
 * Field schemas shared by the server and the sidebar (zod/mini keeps the sidebar small): each
 * message names the field and says what is allowed. The `...Base` schemas take no default, for
 * changes to existing items; the others fill one, for new ones.
 */
import { normalizeTag } from './item-states.js';
import * as z from 'zod/mini';
import { isIsoDate } from './dates.js';

/** Longest free text the registry keeps in one cell; Sheets itself refuses more than 50,000. */
export const MAX_TEXT = 5000;

export function textBase(label: string, max: number, required: boolean) {
  const missing = required ? `${label} is required.` : `${label} must be text.`;
  return z
    .string({ error: missing })
    .check(
      z.trim(),
      z.minLength(required ? 1 : 0, { error: missing }),
      z.maxLength(max, { error: `${label} must be at most ${max} characters.` }),
    );
}

export function dateBase(label: string) {
  return z.string({ error: `${label} must be a date (YYYY-MM-DD).` }).check(
    z.trim(),
    z.refine((s) => s === '' || isIsoDate(s), {
      error: `${label} must be a real date written YYYY-MM-DD.`,
    }),
  );
}

export function scaleBase(label: string) {
  const message = `${label} must be a whole number from 1 to 5.`;
  return z.nullable(
    z.number({ error: message }).check(
      z.refine((n) => Number.isInteger(n), { error: message }),
      z.gte(1, { error: message }),
      z.lte(5, { error: message }),
    ),
  );
}

export function linkBase(label: string) {
  return z.string({ error: `${label} must be a web address.` }).check(
    z.trim(),
    z.refine((s) => s === '' || /^https?:\/\/[^\s]+$/i.test(s), {
      error: `${label} must be a web address starting with https:// (or left empty).`,
    }),
  );
}

function listOf(
  label: string,
  what: string,
  split: RegExp,
  valid: (s: string) => boolean,
  bad: string,
  max: number,
  maxText: string,
) {
  return z
    .pipe(
      z.string({ error: `${label} must be a comma-separated list${what}.` }),
      z.transform((v: string) => [...new Set(v.split(split).map(normalizeTag).filter(Boolean))]),
    )
    .check(
      z.refine((all: string[]) => all.every(valid), {
        error: (issue) =>
          `${label}: ${bad.replace('%s', (issue.input as string[]).find((e) => !valid(e)) ?? '')}`,
      }),
      z.refine((all: string[]) => all.length <= max, {
        error: `${label}: at most ${max} ${maxText}.`,
      }),
    );
}

/** Tags arrive as a comma list; they are kept lower case, trimmed and unique. */
export function tagsBase(label: string) {
  return listOf(
    label,
    '',
    /,/,
    (t) => t.length <= 40,
    'each tag must be at most 40 characters.',
    20,
    'tags',
  );
}

const EMAIL = /^[^@\s,;]+@[^@\s,;]+\.[^@\s,;]+$/;

export function isEmail(s: string): boolean {
  return EMAIL.test(s);
}

export function emails(label: string) {
  return z._default(
    listOf(
      label,
      ' of email addresses',
      /[,;]/,
      isEmail,
      '"%s" is not an email address.',
      10,
      'addresses',
    ),
    [],
  );
}

export function requiredText(label: string, max = 200) {
  return textBase(label, max, true);
}

export function optionalText(label: string, max = MAX_TEXT) {
  return z._default(textBase(label, max, false), '');
}

export function isoDate(label: string) {
  return z._default(dateBase(label), '');
}

export function link(label: string) {
  return z._default(linkBase(label), '');
}

export function choice<const T extends readonly [string, ...string[]]>(label: string, values: T) {
  return z.enum(values, { error: `${label} must be one of: ${values.join(', ')}.` });
}

/** A choice that may be left empty. */
export function optionalChoice<const T extends readonly [string, ...string[]]>(
  label: string,
  values: T,
) {
  const all = [...values, ''] as unknown as readonly [T[number] | '', ...(T[number] | '')[]];
  return z._default(
    z.enum(all, { error: `${label} must be one of: ${values.join(', ')} (or left empty).` }),
    '',
  );
}
