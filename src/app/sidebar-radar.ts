/**
 * The radar the sidebar draws, opened on demand: the Radar tab as the last refresh wrote it (the
 * sidebar refreshes Priorities after every change it makes), drawn as SVG text on the server so
 * the sidebar's page carries no drawing code (ADR 28).
 */
import { radarSvg } from '../domain/radar-svg.js';
import { readRadarBlips } from '../sheets/radar-tab.js';
import { activeSpreadsheet } from './active-spreadsheet.js';

export interface RadarView {
  /** The drawing, every text in it escaped. */
  svg: string;
  blips: number;
}

export function sidebarRadar(): RadarView {
  const blips = readRadarBlips(activeSpreadsheet()) ?? [];
  return { svg: radarSvg(blips), blips: blips.length };
}
