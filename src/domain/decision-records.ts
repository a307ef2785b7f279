/**
 * Decisions as Markdown decision records (MADR, adr-tools/Nygard, log4brains): what of a Decisions
 * row travels, how a record file is numbered and named, and the words the published templates
 * use for a status and for a superseding link. Export and import both use these, so the two can
 * never disagree. See docs/adr/0025-decision-records-export-and-import.md.
 */
import { DECISION_FIELDS_SHARED } from './founder-allow-list.js';
import type { ItemFields } from './item-schemas.js';
import { idNumber } from './item-ids.js';
import { DECISION_STATUSES, sectionOf } from './registry-layout.js';

/**
 * The fields of a decision that leave the registry in a record file: the founder view's allow-list
 * for decisions, never "all but the private ones", so a column added later stays home until it is
 * named there.
 */
export const EXPORTED_DECISION_KEYS = DECISION_FIELDS_SHARED;

export type ExportedDecisionKey = (typeof EXPORTED_DECISION_KEYS)[number];

/**
 * The Decisions fields a record carries as labelled lines under More Information (Nygard: below
 * the Consequences), in this order; the import reads them back by the same labels.
 */
export const REGISTRY_LABELS: readonly ExportedDecisionKey[] = [
  'deciders',
  'proposedOn',
  'decidedOn',
  'due',
  'tags',
  'exception',
  'link',
];

export type DecisionStatus = (typeof DECISION_STATUSES)[number];

/** A decision as a record file is made from: its ID and its exported fields only. */
export interface DecisionRow {
  id: string;
  fields: ItemFields;
}

/** The row's exported fields, and nothing else it holds. */
export function exportedFields(fields: ItemFields): ItemFields {
  const out: ItemFields = {};
  for (const key of EXPORTED_DECISION_KEYS) out[key] = fields[key] ?? (key === 'tags' ? [] : '');
  return out;
}

/** A field's text: tags as the registry writes them, a comma list. */
export function fieldText(fields: ItemFields, key: ExportedDecisionKey): string {
  const v = fields[key];
  if (Array.isArray(v)) return v.join(', ');
  return v === null || v === undefined ? '' : String(v);
}

/** The column header of a decision field, the label a record file uses for it. */
export function headerOf(key: ExportedDecisionKey): string {
  return sectionOf('decision').columns.find((c) => c.key === key)?.header ?? key;
}

export const ADR_PREFIX = 'ADR';

/** The number in `ADR-7`, or null. */
export function adrNumber(id: string): number | null {
  return idNumber(id, ADR_PREFIX);
}

/** The highest number a record file's name may carry as a registry ID; longer ones are dates. */
export const MAX_RECORD_NUMBER = 9999;

/**
 * adr-tools' slug: letters and digits, every other run of characters one hyphen, lower case, no
 * hyphen at either end (`tr -Ccs [:alnum:] -`). Accents are dropped first, so "Café" is "cafe".
 */
export function recordSlug(title: string): string {
  const slug = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return slug || 'decision';
}

/** `0004-switch-to-mongodb.md`: four digits, as adr-tools and MADR number their files. */
export function recordFileName(n: number, title: string): string {
  return `${String(n).padStart(4, '0')}-${recordSlug(title)}.md`;
}

/** The status as a word in a record (`accepted`), and the registry's status for a word. */
export function statusWord(status: string): string {
  return status.toLowerCase();
}

const STATUS_WORDS: readonly [RegExp, DecisionStatus][] = [
  [/^(proposed|draft|open|pending|in review)\b/, 'Proposed'],
  [/^(accepted|approved|agreed|decided|adopted)\b/, 'Accepted'],
  [/^(rejected|declined)\b/, 'Rejected'],
  [/^deprecated\b/, 'Deprecated'],
  [/^super[sc]eded\b/, 'Superseded'],
];

/** The registry status a record's status text names (`superseded by ADR-7` is Superseded), or ''. */
export function statusFromText(text: string): DecisionStatus | '' {
  const words = text
    .toLowerCase()
    .replace(/[^a-z\s-]+/g, ' ')
    .trim();
  for (const [pattern, status] of STATUS_WORDS) if (pattern.test(words)) return status;
  return '';
}

/**
 * adr-tools writes "Supercedes" and "Superceded by" (its own spelling, src/adr-new), MADR
 * "superseded by"; both spellings are read.
 */
export const SUPERSEDES_WORD = { madr: 'Supersedes', nygard: 'Supercedes' } as const;
export const SUPERSEDED_BY_WORD = { madr: 'Superseded by', nygard: 'Superceded by' } as const;
export const SUPERSEDES_LINE = /^super[sc]edes\b/i;
export const SUPERSEDED_BY_LINE = /^super[sc]eded by\b/i;
