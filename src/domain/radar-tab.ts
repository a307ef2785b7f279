/**
 * The Radar tab: Build Your Own Radar's columns exactly (its `contentValidator.js` asks for name,
 * ring, quadrant, isNew and description in the first row), then the clients and why each stands
 * where it does; and the blips read back from it for the sidebar's drawing.
 */
import { str } from './client-record.js';
import { radarQuadrantOf, ringOf } from './radar-overrides.js';
import type { RadarBlip, RadarEntry } from './radar.js';

/** The Radar tab's header: Build Your Own Radar's five columns exactly, then two of ours. */
export const RADAR_HEADER = [
  'name',
  'ring',
  'quadrant',
  'isNew',
  'description',
  'clients',
  'source',
] as const;
/** The Radar tab's rows, its header first. */
export function radarTabRows(entries: readonly RadarEntry[]): (string | boolean)[][] {
  return [
    [...RADAR_HEADER],
    ...entries.map((e) => [
      e.name,
      e.ring,
      e.quadrant,
      e.isNew,
      e.description,
      e.clients.join(', '),
      e.source,
    ]),
  ];
}

/** The blips on a Radar tab as read back (a row whose ring or quadrant is not one of the four is left out). */
export function readRadarTab(grid: readonly (readonly unknown[])[]): RadarBlip[] {
  const header = (grid[0] ?? []).map((c) => str(c).trim());
  const at = (h: string) => header.indexOf(h);
  if (['name', 'ring', 'quadrant'].some((h) => at(h) < 0)) return [];
  const out: RadarBlip[] = [];
  for (const row of grid.slice(1)) {
    const cell = (h: string) => str(row[at(h)]).trim();
    const ring = ringOf(cell('ring'));
    const quadrant = radarQuadrantOf(cell('quadrant'));
    if (!cell('name') || !ring || !quadrant) continue;
    out.push({
      name: cell('name'),
      ring,
      quadrant,
      isNew: row[at('isNew')] === true || /^true$/i.test(cell('isNew')),
      description: cell('description'),
    });
  }
  return out;
}
