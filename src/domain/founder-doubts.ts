/**
 * Whether a located section can be read with confidence at all: its title above its header, the
 * columns that tell its rows apart, and a header row that stands over its data cell for cell.
 */
import type { Grid, LocatedSection } from './client-tab-layout.js';
import { str } from './client-record.js';
import { FOUNDER_FIELDS, FOUNDER_KEY_FIELD } from './founder-allow-list.js';
import type { Regions } from './founder-regions.js';
import { isBlankValue } from './labelled-values.js';
import { isPrivateHeader } from './registry-layout.js';
import { columnLetter } from './section-items.js';

/** Why a located section cannot be read at all, or null when it can. */
export function sectionDoubt(
  grid: Grid,
  section: LocatedSection,
  others: readonly LocatedSection[],
  regions: Regions,
): string | null {
  const spec = section.spec;
  const doubt = regions.doubts.get(spec.kind);
  if (doubt) return doubt;
  if (section.titleMissing)
    return 'the title row above its header row is missing, or the header row was moved: put the title back above it';
  for (const key of ['id', FOUNDER_KEY_FIELD[spec.kind]]) {
    const col = spec.columns.find((c) => c.key === key);
    if (col && !section.columns.has(col.header))
      return `its header row has no "${col.header}": its rows cannot be told from another section's`;
  }
  return alignmentDoubt(grid, section, others, regions.sections.get(spec.kind)?.lastRow ?? 0);
}

/**
 * Why the section's header row may not stand over its data, cell for cell. Columns moved,
 * inserted or deleted across the tab keep every header over its data; a cell inserted into or
 * deleted from one header row shifts the headers right of it. A shift leaves text under no
 * header, or an empty header cell that no other section's header row shares; and with every
 * Private column right of the shared ones, a header shifted left never puts private text under a
 * shared header.
 */
function alignmentDoubt(
  grid: Grid,
  section: LocatedSection,
  others: readonly LocatedSection[],
  lastRow: number,
): string | null {
  const header = grid[section.headerRow - 1] ?? [];
  for (const { row, cells } of section.rows) {
    if (row > lastRow) break;
    const stray = cells.findIndex((c, i) => !isBlankValue(c) && !str(header[i]).trim());
    if (stray >= 0)
      return `${columnLetter(stray + 1)}${row} holds text under no header: a column may not be where the header says`;
  }
  let last = header.length;
  while (last > 0 && !str(header[last - 1]).trim()) last--;
  for (let c = 1; c < last; c++) {
    if (str(header[c - 1]).trim()) continue;
    // Only the same gap in every other header row that runs past it shows a column inserted
    // across the tab; a gap in one of them alone may be a short header row's own (a column moved
    // across the tab leaves one), and this header row may have had a cell inserted into it.
    const runningPast = others
      .map((o) => grid[o.headerRow - 1] ?? [])
      .filter((row) => row.slice(c).some((h) => str(h).trim() !== ''));
    const acrossTheTab =
      runningPast.length > 0 && runningPast.every((row) => !str(row[c - 1]).trim());
    if (!acrossTheTab)
      return `its header row has an empty cell in column ${columnLetter(c)}: a column may not be where the header says. Type a header for it, or delete the cell`;
  }
  const shared = FOUNDER_FIELDS[section.spec.kind]
    .map((key) => section.spec.columns.find((c) => c.key === key)?.header ?? '')
    .map((h) => section.columns.get(h) ?? 0);
  const lastShared = Math.max(0, ...shared);
  const privateColumn = header.findIndex((h) => isPrivateHeader(str(h)));
  if (privateColumn >= 0 && privateColumn + 1 < lastShared)
    return `its Private column ${columnLetter(privateColumn + 1)} stands before shared columns: a header cell shifted left could put private text under a shared header; move it after them`;
  return null;
}
