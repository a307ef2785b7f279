/**
 * The cells the Overview's formulas and the client index's marks read, per client, as A1
 * references into the client's tab (ADR 32; before it, named ranges: ADR 8). Each section's
 * range runs from its first data row down to the next section's title row, so a row inserted
 * anywhere in the section, even just above the next title, falls inside it and Sheets moves the
 * reference with it. The last section's runs to the tab's last row with content. Every refresh
 * writes them again from the tab as it reads it, so what a person moved since is in step again.
 */
import type { ClientTabLayout } from './client-tab-layout.js';
import type { SectionKind } from './registry-layout.js';
import { columnLetter } from './section-items.js';

const SECTION_RANGES: readonly [SectionKind, string, string][] = [
  ['debt', 'title', 'Title'],
  ['debt', 'priority', 'Priority'],
  ['debt', 'quadrant', 'Quadrant'],
  ['debt', 'status', 'Status'],
  ['decision', 'status', 'Status'],
  ['decision', 'due', 'Due'],
  ['risk', 'band', 'Band'],
  ['risk', 'status', 'Status'],
  ['risk', 'due', 'Due'],
  ['goal', 'target', 'Target date'],
  ['goal', 'status', 'Status'],
  ['review', 'date', 'Date'],
];

const PROFILE_RANGES: readonly [string, string][] = [
  ['name', 'Client'],
  ['stage', 'Stage'],
  ['status', 'Status'],
  ['hours', 'Hours per week'],
];

/** What a client's formulas read: `debt_status`, `review_date`, `name`, `hours`… */
export type ClientRangeKey = string;

/**
 * A reference that reads as an error in any formula: what a range stands for when its section or
 * profile row is missing, so the count shows the tab is wrong rather than a silent zero.
 */
export const MISSING_RANGE = 'NA()';

/** A tab's name as a formula names it: always quoted, an apostrophe doubled. */
export function quotedTabName(tabName: string): string {
  return `'${tabName.replaceAll("'", "''")}'`;
}

/** `'Tab'!$C$8:$C$11`, or one cell `'Tab'!$B$1`. */
export function a1Reference(tabName: string, row: number, column: number, numRows = 1): string {
  const col = `$${columnLetter(column)}$`;
  const cells = numRows > 1 ? `${col}${row}:${col}${row + numRows - 1}` : `${col}${row}`;
  return `${quotedTabName(tabName)}!${cells}`;
}

/**
 * Every range a client's formulas read, by key. `lastRow` is the tab's last row with content, as
 * a whole-tab read returns it: the last section's range ends there (never past the sheet's edge).
 */
export function clientRanges(
  tabName: string,
  layout: ClientTabLayout,
  lastRow: number,
): Map<ClientRangeKey, string> {
  const refs = new Map<ClientRangeKey, string>();
  const titles = [...layout.sections.values()].map((s) => s.titleRow).sort((a, b) => a - b);
  for (const [kind, key, header] of SECTION_RANGES) {
    const section = layout.sections.get(kind);
    const column = section?.columns.get(header);
    if (!section || column === undefined) continue;
    const next = titles.find((t) => t > section.titleRow);
    const first = section.headerRow + 1;
    const last = Math.max(first, next ?? lastRow);
    refs.set(`${kind}_${key}`, a1Reference(tabName, first, column, last - first + 1));
  }
  for (const [key, label] of PROFILE_RANGES) {
    const cell = layout.profile.get(label);
    if (cell) refs.set(key, a1Reference(tabName, cell.row, 2));
  }
  return refs;
}

/** The reference for `key`, or one that reads as an error when the tab lacks it. */
export function rangeOf(refs: ReadonlyMap<ClientRangeKey, string>, key: ClientRangeKey): string {
  return refs.get(key) ?? MISSING_RANGE;
}
