/**
 * Which rows of a client tab a founder view may read at all. A section's rows end at the first
 * row that is not one of its own: a section title or header row the layout did not place (a
 * section whose header row is missing or renamed, a second copy), or a hand-typed heading that
 * starts with "Private". What lies below such a row, and every row of text outside the profile
 * and the sections, is withheld and said.
 */
import type { ClientTabLayout, Grid, LocatedSection } from './client-tab-layout.js';
import { headerSectionsOf } from './client-tab-layout.js';
import { isBlankValue } from './labelled-values.js';
import { columnLetter } from './section-items.js';
import {
  isPrivateHeader,
  SECTIONS,
  type SectionKind,
  type SectionSpec,
} from './registry-layout.js';
import { str } from './client-record.js';
import type { Withheld } from './founder-record.js';

/** The rows of a located section that may be read: from below its header to `lastRow`. */
export interface Region {
  lastRow: number;
}

export interface Regions {
  sections: Map<SectionKind, Region>;
  /** Located sections that cannot be read with confidence all the same, and why. */
  doubts: Map<SectionKind, string>;
  /** Sections not found or not readable, text below a heading, text outside any section. */
  withheld: Withheld[];
}

type Boundary =
  { kind: 'orphan'; spec: SectionSpec } | { kind: 'heading'; text: string; private: boolean };

function text(v: unknown): string {
  return str(v).trim();
}

function shown(s: string): string {
  const one = s.replace(/\s+/g, ' ');
  return one.length > 40 ? `${one.slice(0, 40)}…` : one;
}

function rows(from: number, to: number): string {
  return from === to ? `row ${from}` : `rows ${from}–${to}`;
}

function isBlank(cells: readonly unknown[] | undefined): boolean {
  return !cells || cells.every(isBlankValue);
}

/** A row that is not data: a section's title or header out of place, or a "Private…" heading. */
function boundaryOf(
  cells: readonly unknown[],
  located: ReadonlyMap<SectionKind, LocatedSection>,
): Boundary | null {
  const a = text(cells[0]).toLowerCase();
  for (const spec of SECTIONS) {
    if (a !== spec.title.toLowerCase()) continue;
    return located.has(spec.kind)
      ? { kind: 'heading', text: spec.title, private: false }
      : { kind: 'orphan', spec };
  }
  const header = headerSectionsOf(cells)[0];
  if (header) return { kind: 'heading', text: `${header.title} header`, private: false };
  const first = cells.find((c) => !isBlankValue(c));
  if (typeof first === 'string' && isPrivateHeader(first))
    return { kind: 'heading', text: first.trim(), private: true };
  return null;
}

export function findRegions(grid: Grid, layout: ClientTabLayout): Regions {
  const located = [...layout.sections.values()].sort((a, b) => a.titleRow - b.titleRow);
  const structural = new Set<number>();
  for (const s of located) {
    structural.add(s.titleRow);
    structural.add(s.headerRow);
  }
  const boundaries = new Map<number, Boundary>();
  grid.forEach((cells, i) => {
    if (structural.has(i + 1) || isBlank(cells)) return;
    const b = boundaryOf(cells, layout.sections);
    if (b) boundaries.set(i + 1, b);
  });
  const nextTitle = (row: number): number =>
    located.find((s) => s.titleRow > row)?.titleRow ?? grid.length + 1;
  const lastFilled = (from: number, to: number, skip: ReadonlySet<number>): number[] => {
    const filled: number[] = [];
    for (let r = from; r <= to; r++) if (!skip.has(r) && !isBlank(grid[r - 1])) filled.push(r);
    return filled;
  };

  const withheld: Withheld[] = [];
  const doubts = new Map<SectionKind, string>();
  // A missing section: its title row, if still there, starts rows read under no header of theirs.
  const claimed = new Set<number>();
  for (const spec of SECTIONS) {
    if (layout.sections.has(spec.kind)) continue;
    const orphan = [...boundaries].find(([, b]) => b.kind === 'orphan' && b.spec === spec);
    if (!orphan) {
      // Its rows are read as rows of the section above them; one without IDs cannot tell.
      const host = hostOf(spec, layout, located);
      if (host && !host.spec.idPrefix)
        doubts.set(
          host.spec.kind,
          `the "${spec.title}" section was not found, and its rows may be read as this section's: restore its title and header rows`,
        );
      withheld.push({
        cell: 'A1',
        where: spec.title,
        reason:
          'the section was not found (its title and header rows are missing or renamed): nothing of it is shared',
      });
      continue;
    }
    const [from] = orphan;
    const to = nextTitle(from) - 1;
    for (let r = from; r <= to; r++) claimed.add(r);
    withheld.push({
      cell: `A${from}`,
      where: `${spec.title}, ${rows(from, to)}`,
      reason: `the header row below the "${spec.title}" title is missing or renamed: nothing of the section is shared until it is restored`,
    });
  }

  const sections = new Map<SectionKind, Region>();
  for (const s of located) {
    const cut = [...boundaries.keys()].find((r) => r > s.headerRow && r <= s.endRow);
    sections.set(s.spec.kind, { lastRow: cut === undefined ? s.endRow : cut - 1 });
    if (cut === undefined) continue;
    const filled = lastFilled(cut, s.endRow, claimed);
    const b = boundaries.get(cut);
    if (!filled.length || !b || b.kind !== 'heading') continue;
    const from = filled[0] as number;
    withheld.push({
      cell: `A${from}`,
      where: `${s.spec.title}, ${rows(from, filled[filled.length - 1] as number)}`,
      reason: b.private
        ? `below the hand-typed heading "${shown(b.text)}" (row ${cut}): text outside any section is not shared`
        : `below a second "${shown(b.text)}" (row ${cut}), which is not a section the add-on reads: not shared`,
    });
  }

  // Above the first section: the profile's rows, and nothing else.
  const profileEnd = (located[0]?.titleRow ?? grid.length + 1) - 1;
  const profileRows = new Map([...layout.profile.entries()].map(([label, c]) => [c.row, label]));
  const outside = lastFilled(1, profileEnd, claimed).filter((r) => !profileRows.has(r));
  let start = 0;
  outside.forEach((r, i) => {
    if (i + 1 < outside.length && outside[i + 1] === r + 1) return;
    const from = outside[start] as number;
    withheld.push({
      cell: `A${from}`,
      where: `Outside any section, ${rows(from, r)}`,
      reason: 'text typed outside the profile and the sections is not shared',
    });
    start = i + 1;
  });
  for (const [row, label] of profileRows) {
    if (isPrivateHeader(label)) continue;
    const beside = (grid[row - 1] ?? []).findIndex((c, i) => i >= 2 && !isBlankValue(c));
    if (beside < 0) continue;
    const letter = columnLetter(beside + 1);
    withheld.push({
      cell: `${letter}${row}`,
      where: `Profile, row ${row}, column ${letter}`,
      reason: 'text beside a profile value is not shared',
    });
  }
  return { sections, doubts, withheld };
}

/**
 * The section whose rows a section not found at all would run into: the one just above where it
 * belongs, before the next section that is there, or the last section when none follows.
 */
function hostOf(
  spec: SectionSpec,
  layout: ClientTabLayout,
  located: readonly LocatedSection[],
): LocatedSection | undefined {
  const after = SECTIONS.slice(SECTIONS.indexOf(spec) + 1)
    .map((s) => layout.sections.get(s.kind))
    .find((s) => s !== undefined);
  if (!after) return located[located.length - 1];
  const i = located.indexOf(after);
  return i > 0 ? located[i - 1] : undefined;
}
