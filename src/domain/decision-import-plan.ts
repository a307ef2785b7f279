/**
 * What an import would add to a client's Decisions, decided before anything is written: each
 * record file read (decision-import.ts), a record whose title the client already has flagged and
 * left out, a file that is not a record skipped with its reason, and each new row given its ID.
 * A file's number becomes the row's ID only when that ID is free at the client (never used, and
 * above the highest ever issued, so a deleted ID is never handed out again); the others take the
 * next IDs. Supersede links between the files become the rows' Supersedes.
 */
import { ADR_PREFIX, adrNumber, type DecisionRow } from './decision-records.js';
import { parseDecisionRecord, type ParsedRecord, type RecordRef } from './decision-import.js';
import { addSchema, type ItemFields } from './item-schemas.js';
import { normalizeTag } from './item-states.js';

export interface RecordText {
  name: string;
  text: string;
}

export interface ImportRow extends DecisionRow {
  file: string;
}

export interface ImportPlan {
  /** The rows to append, in ID order. */
  rows: ImportRow[];
  /** Records whose title is already a decision at the client (or earlier in the same import). */
  duplicates: { file: string; title: string; existingId: string }[];
  skipped: { file: string; reason: string }[];
  /** What was read but could not be kept as it was (a supersede link to a record not imported). */
  notes: { file: string; note: string }[];
}

/** Titles compare as a person reads them: case, spacing and surrounding blanks aside. */
export function titleKey(title: string): string {
  return normalizeTag(title).replace(/\s+/g, ' ');
}

function firstIssue(fields: Record<string, string>): string | null {
  const result = addSchema('decision').safeParse(fields);
  return result.success ? null : (result.error.issues[0]?.message ?? 'It is not a valid decision.');
}

/**
 * `existing` are the client's decisions now; `issued` the highest ADR number ever handed out at
 * the client.
 */
export function planImport(
  files: readonly RecordText[],
  existing: readonly DecisionRow[],
  issued: number,
): ImportPlan {
  const plan: ImportPlan = { rows: [], duplicates: [], skipped: [], notes: [] };
  const titles = new Map<string, string>();
  for (const d of existing) titles.set(titleKey(String(d.fields['title'] ?? '')), d.id);
  const used = new Set<number>();
  for (const d of existing) {
    const n = adrNumber(d.id);
    if (n !== null) used.add(n);
  }

  const records: ParsedRecord[] = [];
  /** A duplicate's file resolves to the decision the client already has, for supersede links. */
  const duplicateIds = new Map<string, string>();
  for (const f of files) {
    const parsed = parseDecisionRecord(f.name, f.text);
    if ('skipped' in parsed) {
      plan.skipped.push({ file: parsed.file, reason: parsed.skipped });
      continue;
    }
    const r = parsed.record;
    const problem = firstIssue({ ...r.fields, supersedes: '' });
    if (problem) {
      plan.skipped.push({ file: r.file, reason: problem });
      continue;
    }
    const key = titleKey(r.fields.title ?? '');
    const already = titles.get(key);
    if (already !== undefined) {
      plan.duplicates.push({ file: r.file, title: r.fields.title ?? '', existingId: already });
      duplicateIds.set(r.file, already);
      continue;
    }
    titles.set(key, '');
    records.push(r);
  }

  // IDs: a file's own number when free, then the next numbers for the rest.
  const ids = new Map<ParsedRecord, string>();
  const floor = Math.max(issued, 0);
  for (const r of records) {
    if (r.number !== null && r.number > floor && !used.has(r.number)) {
      used.add(r.number);
      ids.set(r, `${ADR_PREFIX}-${r.number}`);
    }
  }
  let next = Math.max(floor, ...used);
  for (const r of records) if (!ids.has(r)) ids.set(r, `${ADR_PREFIX}-${++next}`);

  const byFile = new Map<string, string>();
  const byNumber = new Map<number, string>();
  for (const r of records) {
    byFile.set(r.file, ids.get(r) as string);
    if (r.number !== null && !byNumber.has(r.number)) byNumber.set(r.number, ids.get(r) as string);
  }
  for (const [file, id] of duplicateIds) byFile.set(file, id);
  const resolve = (ref: RecordRef): string | undefined =>
    (ref.file !== undefined ? byFile.get(ref.file) : undefined) ??
    (ref.number !== undefined ? byNumber.get(ref.number) : undefined);

  const supersedes = new Map<string, string>();
  for (const r of records) {
    const id = ids.get(r) as string;
    for (const ref of r.supersedes) {
      const target = resolve(ref);
      if (target && target !== id && !supersedes.has(id)) supersedes.set(id, target);
      else if (!target)
        plan.notes.push({
          file: r.file,
          note: `It supersedes ${ref.file ?? `record ${ref.number}`}, which is not among the imported decisions: Supersedes was left empty.`,
        });
    }
  }
  // A record that says only "superseded by" gives its successor the link it did not write.
  for (const r of records) {
    const id = ids.get(r) as string;
    for (const ref of r.supersededBy) {
      const successor = resolve(ref);
      if (successor && successor !== id && !supersedes.has(successor))
        supersedes.set(successor, id);
    }
  }

  for (const r of records) {
    const id = ids.get(r) as string;
    const fields = addSchema('decision').parse({
      ...r.fields,
      supersedes: supersedes.get(id) ?? '',
    }) as ItemFields;
    plan.rows.push({ file: r.file, id, fields });
  }
  plan.rows.sort((a, b) => (adrNumber(a.id) ?? 0) - (adrNumber(b.id) ?? 0));
  return plan;
}
