/**
 * The technology radar's rings and quadrants, and the Radar overrides tab: a table the CTO keeps
 * by hand (Technology, Ring, Quadrant, Description) whose typed values always win over what the
 * registry says. A ring or quadrant that is not one of the four is reported with its cell and
 * what is allowed, and the row's other values still count.
 */
import type { Grid } from './client-tab-layout.js';
import { readHeaderTable } from './header-table.js';
import { normalizeTag } from './item-states.js';
import type { Problem } from './section-items.js';

/** Build Your Own Radar's rings, innermost first (its `graphing/config.js` defaults). */
export const RINGS = ['Adopt', 'Trial', 'Assess', 'Hold'] as const;
export type Ring = (typeof RINGS)[number];

/** The radar's quadrants, in the order the sidebar draws them: top left, top right, bottom left, bottom right. */
export const RADAR_QUADRANTS = [
  'Techniques',
  'Tools',
  'Platforms',
  'Languages & Frameworks',
] as const;
export type RadarQuadrant = (typeof RADAR_QUADRANTS)[number];

/** Where a technology no principle or override places goes, until the CTO sets one. */
export const DEFAULT_QUADRANT: RadarQuadrant = 'Tools';

export const RADAR_OVERRIDE_HEADERS = ['Technology', 'Ring', 'Quadrant', 'Description'] as const;

export interface RadarOverride {
  /** The technology as tags name it: trimmed, lower case. */
  key: string;
  /** As typed. */
  name: string;
  row: number;
  /** The A1 address of its Technology cell. */
  cell: string;
  ring?: Ring;
  quadrant?: RadarQuadrant;
  description?: string;
}

/**
 * A typed choice as one of the allowed ones, read as Build Your Own Radar reads it: case aside,
 * with "and" or "&" between words alike ("languages and frameworks").
 */
function choiceOf<T extends string>(text: string, choices: readonly T[]): T | null {
  const plain = (s: string) =>
    s
      .toLowerCase()
      .replace(/\s*(&|\band\b)\s*/g, ' & ')
      .replace(/\s+/g, ' ')
      .trim();
  const typed = plain(text);
  return choices.find((c) => plain(c) === typed) ?? null;
}

export function ringOf(text: string): Ring | null {
  return choiceOf(text, RINGS);
}

export function radarQuadrantOf(text: string): RadarQuadrant | null {
  return choiceOf(text, RADAR_QUADRANTS);
}

function listed(choices: readonly string[]): string {
  return `${choices.slice(0, -1).join(', ')} or ${choices[choices.length - 1]}`;
}

export function readRadarOverrides(
  grid: Grid,
  tab: string,
): { overrides: RadarOverride[]; problems: Problem[] } {
  const overrides: RadarOverride[] = [];
  const problems: Problem[] = [];
  const seen = new Map<string, number>();
  for (const r of readHeaderTable(grid, RADAR_OVERRIDE_HEADERS)) {
    const name = r.get('Technology');
    if (!name) {
      problems.push({
        tab,
        cell: r.cell('Technology') || `A${r.row}`,
        reason:
          'A row with no Technology: type the name of the technology it sets, as your decisions tag it',
      });
      continue;
    }
    const key = normalizeTag(name);
    const first = seen.get(key);
    if (first !== undefined) {
      problems.push({
        tab,
        cell: r.cell('Technology'),
        reason: `${name} is already set in row ${first}: this row is not used; keep one row per technology`,
      });
      continue;
    }
    seen.set(key, r.row);
    const override: RadarOverride = { key, name, row: r.row, cell: r.cell('Technology') };
    const ring = r.get('Ring');
    if (ring) {
      const read = ringOf(ring);
      if (read) override.ring = read;
      else
        problems.push({
          tab,
          cell: r.cell('Ring'),
          reason: `Ring must be ${listed(RINGS)} (or blank), not "${ring}": ${name} keeps the ring the registry gives it`,
        });
    }
    const quadrant = r.get('Quadrant');
    if (quadrant) {
      const read = radarQuadrantOf(quadrant);
      if (read) override.quadrant = read;
      else
        problems.push({
          tab,
          cell: r.cell('Quadrant'),
          reason: `Quadrant must be ${listed(RADAR_QUADRANTS)} (or blank), not "${quadrant}": ${name} keeps the quadrant the registry gives it`,
        });
    }
    const description = r.get('Description');
    if (description) override.description = description;
    overrides.push(override);
  }
  return { overrides, problems };
}
