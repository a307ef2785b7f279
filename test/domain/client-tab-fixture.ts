/**
 * Client tabs as grids of values, laid out as the add-on draws them, and the records the registry
 * reads from them: what the founder-view tests start from, so a founder view and the plan it
 * follows are read from the same rows.
 */
import { locateClientTab } from '../../src/domain/client-tab-layout.js';
import { readClientRecord } from '../../src/domain/client-read.js';
import type { ClientRecord } from '../../src/domain/client-record.js';
import { PROFILE, SECTIONS, type SectionKind } from '../../src/domain/registry-layout.js';

export type Cell = string | number;
export type SectionRows = Partial<Record<SectionKind, Record<string, Cell>[]>>;

/** The profile (values by key), a blank row, then every section: title, header, rows, a blank row. */
export function clientTabGrid(profile: Record<string, Cell>, sections: SectionRows = {}): Cell[][] {
  const grid: Cell[][] = PROFILE.map((p) => [p.label, profile[p.key] ?? '']);
  grid.push([]);
  for (const spec of SECTIONS) {
    grid.push([spec.title]);
    grid.push(spec.columns.map((c) => c.header));
    for (const row of sections[spec.kind] ?? [])
      grid.push(spec.columns.map((c) => row[c.key] ?? ''));
    grid.push([]);
  }
  return grid;
}

/** The client record the registry reads from a grid, as the refresh does. */
export function recordOf(
  grid: readonly (readonly unknown[])[],
  id: string,
  tabName: string,
  layout = locateClientTab(grid),
): ClientRecord {
  return readClientRecord(id, tabName, layout).record;
}

/** The 1-based row of the first row whose column A is `text`. */
export function rowOf(grid: readonly (readonly unknown[])[], text: string): number {
  const i = grid.findIndex((r) => r[0] === text);
  if (i < 0) throw new Error(`no row starting ${text}`);
  return i + 1;
}
