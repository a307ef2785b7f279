/**
 * The fields of every kind of item, built from the section's columns so the form, the server
 * and the sheet can never disagree. `addSchema` fills defaults; `updateSchema` takes any subset
 * of fields and fills nothing.
 */
import * as z from 'zod/mini';
import { MAX_TEXT, dateBase, linkBase, scaleBase, tagsBase, textBase } from './fields.js';
import { sectionOf, type ColumnSpec, type SectionKind } from './registry-layout.js';

export type FieldValue = string | number | null | string[];
export type ItemFields = Record<string, FieldValue>;

const SHORT_TEXT = 500;
const TITLE_TEXT = 200;

/** A column's value, without any default: what a person may send for it. */
function baseSchema(kind: SectionKind, col: ColumnSpec): z.ZodMiniType | null {
  const label = col.header;
  const required = sectionOf(kind).required === col.key;
  switch (col.type) {
    case 'id':
    case 'formula':
      return null;
    case 'text':
      return textBase(label, required ? TITLE_TEXT : SHORT_TEXT, required);
    case 'longText':
      return textBase(label, MAX_TEXT, required);
    case 'date':
      return dateBase(label);
    case 'scale':
      return scaleBase(label);
    // Delivery columns are typed in the sheet, not through the sidebar (health-layout.ts).
    case 'count':
    case 'hours':
    case 'percent':
      return null;
    case 'choice': {
      const values = col.choices ?? [];
      const blankAllowed = sectionOf(kind).defaults?.[col.key] === undefined;
      const all = (blankAllowed ? [...values, ''] : [...values]) as [string, ...string[]];
      return z.enum(all, {
        error: `${label} must be one of: ${values.join(', ')}${blankAllowed ? ' (or left empty)' : ''}.`,
      });
    }
    case 'tags':
      return tagsBase(label);
    case 'link':
      return linkBase(label);
  }
}

function defaultOf(kind: SectionKind, col: ColumnSpec): FieldValue {
  if (col.type === 'scale') return null;
  if (col.type === 'tags') return [];
  return sectionOf(kind).defaults?.[col.key] ?? '';
}

/** A decision may only supersede another decision of the same client, by its ID. */
function refineKind(kind: SectionKind, key: string, schema: z.ZodMiniType): z.ZodMiniType {
  if (kind === 'decision' && key === 'supersedes') {
    return (schema as z.ZodMiniString).check(
      z.refine((s) => s === '' || /^ADR-\d+$/.test(s), {
        error: 'Supersedes must be a decision ID such as ADR-3 (or left empty).',
      }),
    );
  }
  return schema;
}

function build(kind: SectionKind, forUpdate: boolean) {
  const shape: Record<string, z.ZodMiniType> = {};
  for (const col of sectionOf(kind).columns) {
    const base = baseSchema(kind, col);
    if (!base) continue;
    const refined = refineKind(kind, col.key, base);
    shape[col.key] = forUpdate ? z.optional(refined) : z._default(refined, defaultOf(kind, col));
  }
  return z.object(shape);
}

const cache = new Map<string, z.ZodMiniObject>();

export function addSchema(kind: SectionKind): z.ZodMiniObject {
  const key = `add:${kind}`;
  let s = cache.get(key);
  if (!s) cache.set(key, (s = build(kind, false)));
  return s;
}

export function updateSchema(kind: SectionKind): z.ZodMiniObject {
  const key = `update:${kind}`;
  let s = cache.get(key);
  if (!s) cache.set(key, (s = build(kind, true)));
  return s;
}
