/**
 * The one place zod is configured. Apps Script's V8 allows `new Function`, but zod's JIT probe
 * costs time at every cold start, so it runs without it.
 */
import * as z from 'zod/mini';
import { InputError } from './input-error.js';

z.config({ jitless: true });

/** Parses `input` or throws an InputError naming the first field that is wrong. */
/** Lists may arrive as arrays of strings (API callers) or comma text (forms): forms' shape wins. */
function listsAsText(input: unknown): unknown {
  if (Array.isArray(input) && input.every((v) => typeof v === 'string')) return input.join(', ');
  if (!input || typeof input !== 'object' || Array.isArray(input)) return input;
  return Object.fromEntries(
    Object.entries(input as Record<string, unknown>).map(([k, v]) => [
      k,
      Array.isArray(v) && v.every((x) => typeof x === 'string') ? v.join(', ') : v,
    ]),
  );
}

export function parseInput<T extends z.ZodMiniType>(
  schema: T,
  input: unknown,
  what: string,
): z.output<T> {
  const result = schema.safeParse(listsAsText(input));
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const field = issue?.path.map(String).join('.') ?? '';
  const message = issue?.message ?? `${what} is not valid.`;
  throw new InputError(message, field || undefined);
}

/** The messages for every wrong field, keyed by field, for forms that show each at its field. */
export function fieldErrors(schema: z.ZodMiniType, input: unknown): Record<string, string> {
  const result = schema.safeParse(input);
  if (result.success) return {};
  const out: Record<string, string> = {};
  for (const issue of result.error.issues) {
    const field = issue.path.map(String).join('.') || '_';
    out[field] ??= issue.message;
  }
  return out;
}
