/** Field schemas shared by every form: each message names the field and says what is allowed. */
import * as z from 'zod';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Longest text the registry keeps in one cell; Sheets itself refuses more than 50,000. */
export const MAX_TEXT = 5000;

export function requiredText(label: string, max = 200) {
  return z
    .string({ error: `${label} is required.` })
    .trim()
    .min(1, { error: `${label} is required.` })
    .max(max, { error: `${label} must be at most ${max} characters.` });
}

export function optionalText(label: string, max = MAX_TEXT) {
  return z
    .string({ error: `${label} must be text.` })
    .trim()
    .max(max, { error: `${label} must be at most ${max} characters.` })
    .default('');
}

export function isoDate(label: string) {
  return z
    .string({ error: `${label} must be a date (YYYY-MM-DD).` })
    .trim()
    .refine((s) => s === '' || (ISO_DATE.test(s) && isRealDate(s)), {
      error: `${label} must be a real date written YYYY-MM-DD.`,
    })
    .default('');
}

export function isRealDate(iso: string): boolean {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

export function scale(label: string) {
  return z
    .number({ error: `${label} must be a whole number from 1 to 5.` })
    .int({ error: `${label} must be a whole number from 1 to 5.` })
    .min(1, { error: `${label} must be a whole number from 1 to 5.` })
    .max(5, { error: `${label} must be a whole number from 1 to 5.` })
    .nullable()
    .default(null);
}

export function choice<const T extends readonly [string, ...string[]]>(label: string, values: T) {
  return z.enum(values, { error: `${label} must be one of: ${values.join(', ')}.` });
}

export function link(label: string) {
  return z
    .string({ error: `${label} must be a web address.` })
    .trim()
    .refine((s) => s === '' || /^https?:\/\/[^\s]+$/i.test(s), {
      error: `${label} must be a web address starting with https:// (or left empty).`,
    })
    .default('');
}

/** Tags arrive as a comma list or an array; they are kept lower case, trimmed and unique. */
export function tags(label: string) {
  return z
    .union([z.string(), z.array(z.string())], { error: `${label} must be a comma-separated list.` })
    .transform((v) => {
      const list = (Array.isArray(v) ? v : v.split(','))
        .map((t) => t.trim().toLowerCase())
        .filter(Boolean);
      return [...new Set(list)];
    })
    .refine((list) => list.every((t) => t.length <= 40), {
      error: `${label}: each tag must be at most 40 characters.`,
    })
    .refine((list) => list.length <= 20, { error: `${label}: at most 20 tags.` })
    .default([]);
}

const EMAIL = /^[^@\s,;]+@[^@\s,;]+\.[^@\s,;]+$/;

export function emails(label: string) {
  return z
    .union([z.string(), z.array(z.string())], {
      error: `${label} must be a comma-separated list of email addresses.`,
    })
    .transform((v) =>
      (Array.isArray(v) ? v : v.split(/[,;]/)).map((e) => e.trim().toLowerCase()).filter(Boolean),
    )
    .superRefine((list, ctx) => {
      const bad = list.find((e) => !EMAIL.test(e));
      if (bad !== undefined)
        ctx.addIssue({ code: 'custom', message: `${label}: "${bad}" is not an email address.` });
      if (list.length > 10)
        ctx.addIssue({ code: 'custom', message: `${label}: at most 10 addresses.` });
    })
    .default([]);
}

/** A choice that may be left empty. */
export function optionalChoice<const T extends readonly [string, ...string[]]>(
  label: string,
  values: T,
) {
  return z
    .enum([...values, ''] as [string, ...string[]], {
      error: `${label} must be one of: ${values.join(', ')} (or left empty).`,
    })
    .default('') as unknown as z.ZodDefault<z.ZodEnum<{ [K in T[number] | '']: K }>>;
}
