/** Per-client, per-kind IDs: `D-7`, `ADR-3`. Allocation happens under the document lock. */
import type { LocatedSection } from './client-tab-layout.js';
import { cellUnder } from './section-cell.js';
import { fingerprint } from './fingerprint.js';

export function idNumber(id: unknown, prefix: string): number | null {
  if (typeof id !== 'string') return null;
  const m = new RegExp(`^${prefix}-(\\d+)$`).exec(id.trim());
  return m ? Number(m[1]) : null;
}

/**
 * The next ID after every one in use and after the highest ever issued (`issued`), so an ID
 * deleted by hand is never handed out again.
 */
export function nextId(prefix: string, existing: readonly unknown[], issued: number): string {
  let max = issued;
  for (const id of existing) {
    const n = idNumber(id, prefix);
    if (n !== null && n > max) max = n;
  }
  return `${prefix}-${max + 1}`;
}

/**
 * How an item is named to `updateItem`. A row with an ID of its own (unique in its section) is
 * named by that ID. A row without one (every Team and Review log row, or a row typed by hand)
 * is named by a row reference: the row it was read from and a fingerprint of the cells a
 * person types in it. See docs/adr/0012-identity-of-rows-without-an-id.md.
 */
export type ItemRef = { id: string } | { row: number; fingerprint: string };

const ITEM_ID = /^[A-Z]+-\d+$/;
const ROW_REF = /^row:(\d+):([0-9a-z]+-[0-9a-z]+-[0-9a-z]+)$/;

export function isItemRef(text: string): boolean {
  return ITEM_ID.test(text) || ROW_REF.test(text);
}

export function parseItemRef(text: string): ItemRef | null {
  const ref = text.trim();
  if (ITEM_ID.test(ref)) return { id: ref };
  const m = ROW_REF.exec(ref);
  return m ? { row: Number(m[1]), fingerprint: m[2] as string } : null;
}

/** The cells of a row a person types, under the section's own columns: formulas are derived, and left out. */
export function rowFingerprint(section: LocatedSection, cells: readonly unknown[]): string {
  const typed: unknown[] = [];
  for (const col of section.spec.columns) {
    if (col.type === 'formula') continue;
    const column = section.columns.get(col.header);
    const v = column === undefined ? '' : cells[column - 1];
    typed.push(v === null || v === undefined ? '' : v);
  }
  return fingerprint(typed);
}

function idOf(section: LocatedSection, cells: readonly unknown[]): string {
  return String(cellUnder(section, cells, 'ID')).trim();
}

/** The reference of each data row of a section, in `section.rows` order. */
export function itemRefs(section: LocatedSection): string[] {
  const ids = section.rows.map((r) => idOf(section, r.cells));
  const count = new Map<string, number>();
  for (const id of ids) count.set(id, (count.get(id) ?? 0) + 1);
  return section.rows.map((r, i) => {
    const id = ids[i] as string;
    if (ITEM_ID.test(id) && count.get(id) === 1) return id;
    return `row:${r.row}:${rowFingerprint(section, r.cells)}`;
  });
}

export type RowMatch =
  | { row: number }
  /** No row with that ID, or no row reading as the referenced one did: changed, moved or deleted. */
  | { missing: true }
  /** The row moved, and several rows now read exactly as it did. */
  | { ambiguous: number };

/**
 * The row an item reference names now. An ID names the first row holding it. A row reference
 * names the row it was read from when that row still reads the same; else the one row that does
 * (rows were inserted or deleted above it); else nothing, so a change never lands on a row the
 * person did not see.
 */
export function findItemRow(section: LocatedSection, ref: ItemRef): RowMatch {
  if ('id' in ref) {
    const found = section.rows.find((r) => idOf(section, r.cells) === ref.id);
    return found ? { row: found.row } : { missing: true };
  }
  const same = section.rows.filter((r) => rowFingerprint(section, r.cells) === ref.fingerprint);
  const there = same.find((r) => r.row === ref.row);
  if (there) return { row: there.row };
  if (same.length === 1) return { row: (same[0] as { row: number }).row };
  return same.length === 0 ? { missing: true } : { ambiguous: same.length };
}
