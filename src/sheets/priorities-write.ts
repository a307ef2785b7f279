/**
 * What a refresh does to the Priorities tab besides writing its cells: restyle the part below the
 * ranked list when it moved.
 */
import { fingerprint } from '../domain/fingerprint.js';
import { LIST_WIDTH, LOWER_KEY } from './priorities-layout.js';
import type { PrioritiesGrid } from './rollup-tabs.js';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** Font weights and backgrounds of `rows` grid rows from `from` (1-based), `width` wide. */
function styles(
  grid: PrioritiesGrid,
  from: number,
  rows: number,
  width: number,
): { weights: GoogleAppsScript.Spreadsheet.FontWeight[][]; backgrounds: string[][] } {
  const weights: GoogleAppsScript.Spreadsheet.FontWeight[][] = [];
  const backgrounds: string[][] = [];
  for (let i = 0; i < rows; i++) {
    const s = grid.styles[from - 1 + i] ?? null;
    weights.push(
      new Array<GoogleAppsScript.Spreadsheet.FontWeight>(width).fill(s?.bold ? 'bold' : 'normal'),
    );
    backgrounds.push(new Array<string>(width).fill(s?.background ?? ''));
  }
  return { weights, backgrounds };
}

/** Where the part below the ranked list was styled last, and how. */
interface LowerPart {
  start: number;
  end: number;
  signature: string;
}

function storedLowerPart(value: string | null): LowerPart | null {
  if (!value) return null;
  try {
    const v = JSON.parse(value) as Partial<LowerPart>;
    return typeof v.start === 'number' &&
      typeof v.end === 'number' &&
      typeof v.signature === 'string'
      ? { start: v.start, end: v.end, signature: v.signature }
      : null;
  } catch {
    return null;
  }
}

/** Where the part below the list starts and which of its rows are titles. */
function lowerSignature(grid: PrioritiesGrid): string {
  return fingerprint([
    grid.lowerStart,
    grid.styles.slice(grid.lowerStart - 1).map((s) => s?.background ?? ''),
  ]);
}

/**
 * The part below the list moves with the list's length. It is restyled, together with the rows it
 * held last time, only when it moved or its titles changed: two calls, whatever the list's length.
 * `height` is the tab's written height; `laidOut` says the tab's formatting was just cleared.
 */
export function restyleBelowList(
  sheet: Sheet,
  grid: PrioritiesGrid,
  height: number,
  laidOut: boolean,
): void {
  const props = PropertiesService.getDocumentProperties();
  const lowerEnd = grid.rows.length;
  const signature = lowerSignature(grid);
  const previous = laidOut ? null : storedLowerPart(props.getProperty(LOWER_KEY));
  if (previous?.signature === signature) return;
  const from = Math.min(grid.lowerStart, previous?.start ?? grid.lowerStart);
  const to = Math.min(height, Math.max(lowerEnd, previous?.end ?? lowerEnd));
  const ps = styles(grid, from, to - from + 1, LIST_WIDTH);
  const lower = sheet.getRange(from, 1, to - from + 1, LIST_WIDTH);
  lower.setFontWeights(ps.weights);
  lower.setBackgrounds(ps.backgrounds);
  props.setProperty(
    LOWER_KEY,
    JSON.stringify({ start: grid.lowerStart, end: lowerEnd, signature } satisfies LowerPart),
  );
}

/**
 * The restyle left to the next refresh: the rows styled last time are kept on record with no
 * signature, so the next refresh restyles them together with wherever the part below has moved.
 */
export function restyleNextTime(grid: PrioritiesGrid, laidOut: boolean): void {
  const props = PropertiesService.getDocumentProperties();
  const previous = laidOut ? null : storedLowerPart(props.getProperty(LOWER_KEY));
  if (previous?.signature === lowerSignature(grid)) return;
  const start = previous?.start ?? grid.lowerStart;
  const end = previous?.end ?? grid.rows.length;
  props.setProperty(LOWER_KEY, JSON.stringify({ start, end, signature: '' } satisfies LowerPart));
}
