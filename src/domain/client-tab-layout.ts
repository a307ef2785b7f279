/**
 * Finding a client tab's profile and sections in the grid of values read in one call. Sections
 * are found by their title rows and columns by header name, never by position, so a person may
 * insert, reorder or type rows and columns by hand.
 */
import { HEALTH_SECTIONS } from './health-layout.js';
import { cellUnder } from './section-cell.js';
import {
  PROFILE,
  SECTIONS,
  type SectionKind,
  type SectionSpec,
  type TabSectionKind,
  type HealthKind,
} from './registry-layout.js';

/** Every section a client tab may hold: the six, then the health sections (absent on older tabs). */
type AnySectionSpec = SectionSpec<TabSectionKind>;
const ALL_SECTIONS: readonly AnySectionSpec[] = [...SECTIONS, ...HEALTH_SECTIONS];

export type Grid = readonly (readonly unknown[])[];

export interface LocatedSection<S extends AnySectionSpec = SectionSpec> {
  spec: S;
  /** 1-based rows, as in the sheet. */
  titleRow: number;
  headerRow: number;
  /** The last row that belongs to the section: the row before the next title, or the grid's end. */
  endRow: number;
  /** The last non-blank row of the section (the header row when it has no data). */
  lastFilledRow: number;
  /** Header text → 1-based column, for every non-empty header, the user's own columns included. */
  columns: Map<string, number>;
  /** Non-blank data rows with their 1-based row number. */
  rows: { row: number; cells: readonly unknown[] }[];
  /** The title row above the header was removed by hand; the section is still read. */
  titleMissing: boolean;
}

export interface ProfileCell {
  row: number;
  value: unknown;
}

export interface ClientTabLayout {
  profile: Map<string, ProfileCell>;
  sections: Map<SectionKind, LocatedSection>;
  /** The health sections found; an older tab without them has none (read as absent). */
  health: Map<HealthKind, LocatedSection<SectionSpec<HealthKind>>>;
}

function text(v: unknown): string {
  return typeof v === 'string' ? v.trim() : '';
}

function isBlank(cells: readonly unknown[] | undefined): boolean {
  return !cells || cells.every((c) => c === '' || c === null || c === undefined);
}

const EXPECTED = ALL_SECTIONS.map((spec) => ({
  spec,
  headers: spec.columns.map((c) => c.header.toLowerCase()),
  need: Math.ceil(spec.columns.length / 2),
}));

/** The sections whose header row `cells` could be: it holds at least half of their headers. */
export function headerSectionsOf(cells: readonly unknown[] | undefined): AnySectionSpec[] {
  if (!cells) return [];
  const present = new Set<string>();
  for (const c of cells) if (typeof c === 'string' && c) present.add(c.trim().toLowerCase());
  if (present.size === 0) return [];
  return EXPECTED.filter((e) => {
    let found = 0;
    for (const h of e.headers) if (present.has(h)) found++;
    return found >= e.need;
  }).map((e) => e.spec);
}

export function locateClientTab(grid: Grid): ClientTabLayout {
  // A section is found by its header row; its title row above is expected but not required, so a
  // deleted title does not let the section's rows run into the one above.
  const titles: { row: number; spec: AnySectionSpec; titleMissing: boolean }[] = [];
  grid.forEach((cells, i) => {
    const spec = headerSectionsOf(cells).find((s) => !titles.some((t) => t.spec === s));
    if (!spec) return;
    const above = text(grid[i - 1]?.[0]).toLowerCase();
    const titled = above === spec.title.toLowerCase();
    titles.push({ row: titled ? i : i + 1, spec, titleMissing: !titled });
  });
  titles.sort((a, b) => a.row - b.row);

  const profile = new Map<string, ProfileCell>();
  const profileEnd = titles[0] ? titles[0].row - 1 : grid.length;
  for (let r = 1; r <= profileEnd; r++) {
    const cells = grid[r - 1];
    const label = text(cells?.[0]);
    if (PROFILE.some((p) => p.label === label) && !profile.has(label)) {
      profile.set(label, { row: r, value: cells?.[1] ?? '' });
    }
  }

  const sections = new Map<SectionKind, LocatedSection>();
  const health = new Map<HealthKind, LocatedSection<SectionSpec<HealthKind>>>();
  titles.forEach((t, i) => {
    const headerRow = t.titleMissing ? t.row : t.row + 1;
    const next = titles[i + 1];
    const endRow = next ? next.row - 1 : Math.max(grid.length, headerRow);
    const columns = new Map<string, number>();
    (grid[headerRow - 1] ?? []).forEach((c, j) => {
      const h = text(c);
      if (h && !columns.has(h)) columns.set(h, j + 1);
    });
    const rows: { row: number; cells: readonly unknown[] }[] = [];
    let lastFilledRow = headerRow;
    for (let r = headerRow + 1; r <= endRow; r++) {
      const cells = grid[r - 1];
      if (isBlank(cells)) continue;
      rows.push({ row: r, cells: cells ?? [] });
      lastFilledRow = r;
    }
    const located = {
      titleRow: t.row,
      headerRow,
      endRow,
      lastFilledRow,
      columns,
      rows,
      titleMissing: t.titleMissing,
    };
    const spec = t.spec;
    if (isHealthSpec(spec)) health.set(spec.kind, { spec, ...located });
    else sections.set(spec.kind as SectionKind, { spec: spec as SectionSpec, ...located });
  });
  return { profile, sections, health };
}

function isHealthSpec(spec: AnySectionSpec): spec is SectionSpec<HealthKind> {
  return (HEALTH_SECTIONS as readonly AnySectionSpec[]).includes(spec);
}

/** The value under `header` in a data row, or '' when the section has no such column. */
export { cellUnder };
