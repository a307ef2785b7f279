/**
 * Field schemas shared by the server and the sidebar (zod/mini keeps the sidebar small): each
 * message names the field and says what is allowed.
 */
import * as z from 'zod/mini';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Longest free text the registry keeps in one cell; Sheets itself refuses more than 50,000. */
export const MAX_TEXT = 5000;

function text(label: string, min: number, max: number, required: string) {
  return z
    .string({ error: required })
    .check(
      z.trim(),
      z.minLength(min, { error: required }),
      z.maxLength(max, { error: `${label} must be at most ${max} characters.` }),
    );
}

export function requiredText(label: string, max = 200) {
  return text(label, 1, max, `${label} is required.`);
}

export function optionalText(label: string, max = MAX_TEXT) {
  return z._default(text(label, 0, max, `${label} must be text.`), '');
}

export function isRealDate(iso: string): boolean {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

export function isoDate(label: string) {
  return z._default(
    z.string({ error: `${label} must be a date (YYYY-MM-DD).` }).check(
      z.trim(),
      z.refine((s) => s === '' || (ISO_DATE.test(s) && isRealDate(s)), {
        error: `${label} must be a real date written YYYY-MM-DD.`,
      }),
    ),
    '',
  );
}

export function scale(label: string) {
  const message = `${label} must be a whole number from 1 to 5.`;
  return z._default(
    z.nullable(
      z.number({ error: message }).check(
        z.refine((n) => Number.isInteger(n), { error: message }),
        z.gte(1, { error: message }),
        z.lte(5, { error: message }),
      ),
    ),
    null,
  );
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

export function link(label: string) {
  return z._default(
    z.string({ error: `${label} must be a web address.` }).check(
      z.trim(),
      z.refine((s) => s === '' || /^https?:\/\/[^\s]+$/i.test(s), {
        error: `${label} must be a web address starting with https:// (or left empty).`,
      }),
    ),
    '',
  );
}

function list(label: string, what: string) {
  return z.union([z.string(), z.array(z.string())], {
    error: `${label} must be a comma-separated list${what}.`,
  });
}

/** Tags arrive as a comma list or an array; they are kept lower case, trimmed and unique. */
export function tags(label: string) {
  return z._default(
    z
      .pipe(
        list(label, ''),
        z.transform((v: string | string[]) => {
          const all = (Array.isArray(v) ? v : v.split(','))
            .map((t) => t.trim().toLowerCase())
            .filter(Boolean);
          return [...new Set(all)];
        }),
      )
      .check(
        z.refine((all: string[]) => all.every((t) => t.length <= 40), {
          error: `${label}: each tag must be at most 40 characters.`,
        }),
        z.refine((all: string[]) => all.length <= 20, { error: `${label}: at most 20 tags.` }),
      ),
    [],
  );
}

const EMAIL = /^[^@\s,;]+@[^@\s,;]+\.[^@\s,;]+$/;

export function isEmail(s: string): boolean {
  return EMAIL.test(s);
}

export function emails(label: string) {
  return z._default(
    z
      .pipe(
        list(label, ' of email addresses'),
        z.transform((v: string | string[]) =>
          (Array.isArray(v) ? v : v.split(/[,;]/))
            .map((e) => e.trim().toLowerCase())
            .filter(Boolean),
        ),
      )
      .check(
        z.refine((all: string[]) => all.every(isEmail), {
          error: (issue) => {
            const bad = (issue.input as string[]).find((e) => !isEmail(e));
            return `${label}: "${bad ?? ''}" is not an email address.`;
          },
        }),
        z.refine((all: string[]) => all.length <= 10, { error: `${label}: at most 10 addresses.` }),
      ),
    [],
  );
}
