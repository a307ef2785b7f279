/**
 * The named ranges the Overview and Priorities formulas read, per client. Each section range runs
 * from the first data row down to the next section's title row (or the sheet's last row), so
 * rows inserted or typed anywhere in the section fall inside it and Sheets keeps it in step.
 */
import type { ClientTabLayout } from './client-tab-layout.js';
import type { SectionKind } from './registry-layout.js';

export interface RangeSpec {
  name: string;
  row: number;
  column: number;
  numRows: number;
  /** What the range should hold: its number of rows and of non-empty cells (-1: not checked). */
  filled: number;
  /** The last section's range runs to the sheet's end, whose row count a read does not tell. */
  toSheetEnd: boolean;
}

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

export function rangeName(clientId: string, what: string): string {
  return `CTOR_${clientId}_${what}`;
}

export function clientRangeSpecs(
  clientId: string,
  layout: ClientTabLayout,
  grid: readonly (readonly unknown[])[],
  maxRows: number,
): RangeSpec[] {
  const specs: RangeSpec[] = [];
  const titles = [...layout.sections.values()].map((s) => s.titleRow).sort((a, b) => a - b);
  for (const [kind, key, header] of SECTION_RANGES) {
    const section = layout.sections.get(kind);
    const column = section?.columns.get(header);
    if (!section || column === undefined) continue;
    const next = titles.find((t) => t > section.titleRow);
    const first = section.headerRow + 1;
    const last = Math.max(first, next ?? maxRows);
    let filled = 0;
    for (let r = first; r <= Math.min(last, grid.length); r++) {
      const v = grid[r - 1]?.[column - 1];
      if (v !== '' && v !== null && v !== undefined) filled++;
    }
    specs.push({
      name: rangeName(clientId, `${kind}_${key}`),
      row: first,
      column,
      numRows: last - first + 1,
      filled,
      toSheetEnd: next === undefined,
    });
  }
  for (const [key, label] of PROFILE_RANGES) {
    const cell = layout.profile.get(label);
    if (!cell) continue;
    // A one-cell range is checked for existence only: engines disagree on COUNTA of a lone blank.
    specs.push({
      name: rangeName(clientId, key),
      row: cell.row,
      column: 2,
      numRows: 1,
      filled: -1,
      toSheetEnd: false,
    });
  }
  return specs;
}
