/**
 * What the add-on keeps in properties, as schemas: a stored value is parsed, never cast, so a
 * value a person or an older version left in another shape reads as absent, not as a guess.
 */
import * as z from 'zod/mini';
import { SHARE_ROLES } from './founder-view.js';
import { WEEKDAY_NAMES } from './weekly-trigger-input.js';

const size = z.tuple([z.number(), z.number()]);

export const shareRecordSchema = z.object({
  clientId: z.string(),
  clientName: z.string(),
  fileId: z.string(),
  url: z.string(),
  /**
   * Tab key → sheet id in the shared file. Files made before the Summary hold `registry` and
   * `week`; the next sync replaces those tabs with the Summary and the detail tabs.
   */
  sheetIds: z.record(z.string(), z.number()),
  emails: z.array(z.string()),
  role: z.enum(SHARE_ROLES),
  active: z.boolean(),
  madeBy: z.optional(z.string()),
  files: z.optional(z.array(z.string())),
  everGranted: z.optional(z.array(z.string())),
  /**
   * What the last write left: the fingerprint of everything it sent (`view`: cells, grid sizes,
   * drawing, the file's name), so an unchanged view is not sent again. Records written before
   * ADR 23 hold each tab's size and the drawing's fingerprint instead; they are written again.
   */
  written: z.optional(
    z.object({
      view: z.optional(z.string()),
      sizes: z.optional(z.record(z.string(), size)),
      style: z.optional(z.string()),
    }),
  ),
  /**
   * The fingerprint of the client tab's values at a read whose formulas withheld nothing: while the
   * values are the same, a sync does not ask for the formulas again (ADR 23).
   */
  trusted: z.optional(z.string()),
  /** The "This week" lines the founders were shown, one per plan week, the last four. */
  focus: z.optional(z.array(z.object({ week: z.string(), line: z.string() }))),
  /** Stop sharing began and has not finished: the view is not synced until it does. */
  stopping: z.optional(z.boolean()),
});
export type ShareRecord = z.infer<typeof shareRecordSchema>;

/** A client's last founder digest: its period and how its one attempt went (founder-digest.ts). */
export const digestAttemptSchema = z.object({
  period: z.string(),
  state: z.enum(['sending', 'sent', 'failed']),
  at: z.string(),
  error: z.optional(z.string()),
});

export const triggerRecordSchema = z.object({
  id: z.string(),
  weekday: z.enum(WEEKDAY_NAMES),
  hour: z.number(),
  owner: z.optional(z.string()),
  timeZone: z.optional(z.string()),
});
export type TriggerRecord = z.infer<typeof triggerRecordSchema>;

export const lastRunSchema = z.object({
  at: z.string(),
  ok: z.boolean(),
  error: z.optional(z.string()),
  partial: z.optional(z.string()),
});
export type LastRun = z.infer<typeof lastRunSchema>;

/** The weekly mail last sent to the CTO: the plan's week (its Monday), when, and to whom. */
export const weeklyMailSchema = z.object({ week: z.string(), at: z.string(), to: z.string() });
export type WeeklyMail = z.infer<typeof weeklyMailSchema>;

export const triggerRegistrySchema = z.object({ url: z.string(), name: z.string() });
export type TriggerRegistry = z.infer<typeof triggerRegistrySchema>;

/** A stored JSON value read through its schema: null when absent, not JSON, or of another shape. */
export function parseStored<T>(
  schema: { safeParse(v: unknown): { success: true; data: T } | { success: false } },
  text: string | null | undefined,
): T | null {
  if (!text) return null;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  const result = schema.safeParse(value);
  return result.success ? result.data : null;
}
